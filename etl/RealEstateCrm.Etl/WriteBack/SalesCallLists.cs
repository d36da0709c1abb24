using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.WriteBack;

/// <summary>Today's call list per sales rep from the day's lead scores: the rep's open leads on the rep's own projects,
/// one entry per customer (the best lead), ranked by score × reachability (the share of calls they answer, smoothed,
/// from call history) with the hour they usually answer; do-not-call and the weekly call cap honoured. Written through
/// the <see cref="CreateCallList"/> use case (audit and outbox); a rep who already has the day's list keeps it.</summary>
public sealed class SalesCallLists(CrmDatabase operational, WarehouseDatabase warehouse, TimeProvider clock)
{
    private sealed record Candidate(Guid LeadId, Guid CustomerId, Guid ProjectId, Guid RepUserId, double Score, double Reachability, int? BestHour, string Reasons);

    public async Task<WriteBackResult> WriteAsync(DateOnly day, WriteBackOptions options, CancellationToken ct = default)
    {
        options.Validate();
        var candidates = await CandidatesAsync(day, ct);
        if (candidates.Count == 0) return WriteBackResult.None;
        var listDay = options.ListDay ?? day;
        await using var db = operational.CreateContext("ml-call-lists");
        var rules = await ContactRules.LoadAsync(db, candidates.Select(c => c.CustomerId).Distinct().ToList(), listDay, options.WeeklyCallCap, ct);
        var result = WriteBackResult.None;
        foreach (var rep in candidates.GroupBy(c => c.RepUserId).OrderBy(g => g.Key))
        {
            if (await db.CallLists.AnyAsync(l => l.Kind == CallListKind.SalesLeads && l.ForDate == listDay && l.OwnerUserId == rep.Key, ct))
            {
                result = result.Add(WriteBackResult.None with { ListsAlreadyWritten = 1 });
                continue;
            }
            var scope = await new GetDataScope(db).Handle(new GetDataScope.Request(rep.Key), ct);
            int doNotCall = 0, capped = 0, outOfScope = 0;
            var entries = new List<CreateCallList.NewEntry>();
            foreach (var lead in rep.GroupBy(c => c.CustomerId).Select(g => g.MaxBy(c => c.Score * c.Reachability)!).OrderByDescending(c => c.Score * c.Reachability).ThenBy(c => c.LeadId))
            {
                if (entries.Count == options.CallsPerRep) break;
                if (!scope.Sees(lead.ProjectId)) outOfScope++;
                else if (rules.DoNotCall(lead.CustomerId)) doNotCall++;
                else if (rules.AtCap(lead.CustomerId)) capped++;
                else
                {
                    rules.Plan(lead.CustomerId);
                    entries.Add(new CreateCallList.NewEntry(lead.CustomerId, Math.Round(lead.Score * lead.Reachability, 6), lead.Reasons, lead.BestHour, lead.LeadId));
                }
            }
            result = result.Add(new WriteBackResult(entries.Count > 0 ? 1 : 0, entries.Count, doNotCall, 0, capped, outOfScope, 0));
            if (entries.Count == 0) continue;
            await new CreateCallList(db, clock).Handle(new CreateCallList.Request($"线索外呼 leads {listDay:yyyy-MM-dd}", CallListKind.SalesLeads, listDay, entries, rep.Key), ct);
            db.ChangeTracker.Clear();
        }
        return result;
    }

    private async Task<List<Candidate>> CandidatesAsync(DateOnly day, CancellationToken ct)
    {
        await using var command = warehouse.Connection.CreateCommand();
        command.CommandText = $"""
            SELECT s.subject_id, s.customer_id, s.project_id, s.rep_user_id, s.score,
                   (coalesce(h.answered_calls, 0) + 1.0) / (coalesce(h.calls, 0) + 2.0) AS reachability, h.usual_answer_hour,
                   s.reasons_zh
            FROM ml_score s LEFT JOIN call_history_at({FeatureViews.AsOf(day)}) h USING (customer_id)
            WHERE s.model = '{ProductModels.LeadScore.Name}' AND s.as_of = DATE '{day:yyyy-MM-dd}' AND s.rep_user_id IS NOT NULL
            """;
        var candidates = new List<Candidate>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var score = reader.GetDouble(4);
            int? hour = reader.IsDBNull(6) ? null : Convert.ToInt32(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture);
            var reasons = $"成交概率 {score:P0}" + (hour is null ? "" : $"，通常 {hour} 点接听") + "：" + reader.GetString(7);
            candidates.Add(new Candidate(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), score, reader.GetDouble(5), hour, Truncate(reasons)));
        }
        return candidates;
    }

    internal static string Truncate(string text) => text.Length <= 500 ? text : text[..499] + "…";
}
