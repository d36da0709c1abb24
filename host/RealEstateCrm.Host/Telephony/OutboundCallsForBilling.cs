using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Telephony;

/// <summary>The month's outbound calls with their agent and department, for <see cref="MonthlyBill"/>. The month runs in
/// China Standard Time (a call at 23:30 on 31 October Beijing time belongs to October), like the rest of the CRM's calendar.</summary>
public sealed class OutboundCallsForBilling(CrmDatabase database)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>"2026-10" to the month's first day; a clear error naming --month otherwise.</summary>
    public static DateOnly ParseMonth(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first : throw new ArgumentException($"month: \"{month}\" is not a month like 2026-10");

    /// <summary>The month (its first day) a moment falls in, in China Standard Time.</summary>
    public static DateOnly MonthOf(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, China);
        return new DateOnly(local.Year, local.Month, 1);
    }

    public async Task<IReadOnlyList<BilledCall>> Handle(DateOnly month, CancellationToken ct = default)
    {
        var from = TimeZoneInfo.ConvertTimeToUtc(month.ToDateTime(TimeOnly.MinValue), China);
        var to = TimeZoneInfo.ConvertTimeToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), China);
        await using var db = database.CreateContext("telephony");
        var rows = await db.CallRecords
            .Where(r => r.Direction == CallDirection.Outbound && r.AgentId != null && r.StartedAt >= from && r.StartedAt < to)
            .Join(db.Agents, r => r.AgentId, a => a.Id, (r, a) => new { r, a })
            .Join(db.Users, x => x.a.UserId, u => u.Id, (x, u) => new
            {
                x.r.CallId, x.r.StartedAt, x.a.AgentNo, u.DisplayName, x.r.Callee, x.r.TalkSeconds,
                Department = db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
            })
            .OrderBy(x => x.StartedAt).ToListAsync(ct);
        return [.. rows.Select(x => new BilledCall(x.CallId, new DateTimeOffset(x.StartedAt, TimeSpan.Zero), x.AgentNo, x.DisplayName,
            x.Department ?? "(no department)", x.Callee, x.TalkSeconds))];
    }
}
