using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Host.Telephony;

/// <summary>Finds call recordings by customer, agent and time (supervisors' and quality checkers' search), newest first.
/// Only the callers' legs are searched, so one call is one hit.</summary>
public sealed class SearchRecordings(CrmDatabase database)
{
    public sealed record Request(Guid? CustomerId = null, string? AgentNo = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 100);

    public sealed record Hit(string CallId, DateTime StartedAt, string Caller, string Callee, string? CustomerCode, string? CustomerName, string? AgentNo, int TalkSeconds, string RecordingFile);

    public async Task<IReadOnlyList<Hit>> Handle(Request request, CancellationToken ct = default)
    {
        if (request.Limit is < 1 or > 10_000) throw new ArgumentException("limit: must be from 1 to 10000", nameof(request));
        if (request.From > request.To) throw new ArgumentException("from: is after to", nameof(request));
        await using var db = database.CreateContext("telephony");
        var calls = db.CallRecords.Where(r => r.RecordingFile != null && r.ParentId == null);
        if (request.CustomerId is { } customer) calls = calls.Where(r => r.CustomerId == customer);
        if (request.AgentNo is { } agentNo) calls = calls.Where(r => db.Agents.Any(a => a.Id == r.AgentId && a.AgentNo == agentNo));
        if (request.From is { } from) calls = calls.Where(r => r.StartedAt >= from.UtcDateTime);
        if (request.To is { } to) calls = calls.Where(r => r.StartedAt < to.UtcDateTime);
        return await calls.OrderByDescending(r => r.StartedAt).Take(request.Limit)
            .Select(r => new Hit(r.CallId, r.StartedAt, r.Caller, r.Callee,
                db.Customers.Where(c => c.Id == r.CustomerId).Select(c => c.Code).FirstOrDefault(),
                db.Customers.Where(c => c.Id == r.CustomerId).Select(c => c.Name).FirstOrDefault(),
                db.Agents.Where(a => a.Id == r.AgentId).Select(a => a.AgentNo).FirstOrDefault(),
                r.TalkSeconds, r.RecordingFile!))
            .ToListAsync(ct);
    }
}
