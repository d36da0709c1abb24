using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.WriteBack;

/// <summary>The day's target lists: the churn-risk care list (buyers most likely to cancel, with the drivers) and the
/// cross-sell offer list (next best offers; marketing, so only customers who consented). Do-not-call and the weekly
/// call cap honoured; a list already written for the day is kept.</summary>
public sealed class TargetLists(CrmDatabase operational, WarehouseDatabase warehouse, TimeProvider clock)
{
    private sealed record Target(Guid CustomerId, double Score, string Reason);

    public async Task<WriteBackResult> WriteAsync(DateOnly day, WriteBackOptions options, CancellationToken ct = default)
    {
        options.Validate();
        var date = $"DATE '{day:yyyy-MM-dd}'";
        var churn = await TargetsAsync(
            $"SELECT customer_id, score, '流失风险 ' || printf('%.0f%%', score * 100) || '：' || reasons_zh FROM ml_score WHERE model = '{ProductModels.Churn.Name}' AND as_of = {date}", ct);
        var offers = await TargetsAsync($"SELECT customer_id, score, reason_zh FROM ml_next_best_offer WHERE as_of = {date}", ct);
        var listDay = options.ListDay ?? day;
        await using var db = operational.CreateContext("ml-target-lists");
        var rules = await ContactRules.LoadAsync(db, churn.Concat(offers).Select(t => t.CustomerId).Distinct().ToList(), listDay, options.WeeklyCallCap, ct);
        var care = await WriteListAsync(db, rules, CallListKind.ChurnCare, $"流失风险关怀 churn care {listDay:yyyy-MM-dd}", listDay, churn, needsConsent: false, options, ct);
        var crossSell = await WriteListAsync(db, rules, CallListKind.CrossSell, $"交叉销售推荐 cross-sell {listDay:yyyy-MM-dd}", listDay, offers, needsConsent: true, options, ct);
        return care.Add(crossSell);
    }

    private async Task<WriteBackResult> WriteListAsync(CrmDbContext db, ContactRules rules, CallListKind kind, string name, DateOnly day, List<Target> targets,
        bool needsConsent, WriteBackOptions options, CancellationToken ct)
    {
        if (targets.Count == 0) return WriteBackResult.None;
        if (await db.CallLists.AnyAsync(l => l.Kind == kind && l.ForDate == day && l.OwnerUserId == null, ct)) return WriteBackResult.None with { ListsAlreadyWritten = 1 };
        int doNotCall = 0, noConsent = 0, capped = 0;
        var entries = new List<CreateCallList.NewEntry>();
        foreach (var target in targets.OrderByDescending(t => t.Score).ThenBy(t => t.CustomerId))
        {
            if (entries.Count == options.TargetListSize) break;
            if (rules.DoNotCall(target.CustomerId)) doNotCall++;
            else if (needsConsent && !rules.HasConsent(target.CustomerId)) noConsent++;
            else if (rules.AtCap(target.CustomerId)) capped++;
            else
            {
                rules.Plan(target.CustomerId);
                entries.Add(new CreateCallList.NewEntry(target.CustomerId, Math.Round(target.Score, 6), SalesCallLists.Truncate(target.Reason)));
            }
        }
        if (entries.Count > 0) await new CreateCallList(db, clock).Handle(new CreateCallList.Request(name, kind, day, entries), ct);
        db.ChangeTracker.Clear();
        return new WriteBackResult(entries.Count > 0 ? 1 : 0, entries.Count, doNotCall, noConsent, capped, 0, 0);
    }

    private async Task<List<Target>> TargetsAsync(string sql, CancellationToken ct)
    {
        await using var command = warehouse.Connection.CreateCommand();
        command.CommandText = sql;
        var targets = new List<Target>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) targets.Add(new Target(reader.GetGuid(0), reader.GetDouble(1), reader.GetString(2)));
        return targets;
    }
}
