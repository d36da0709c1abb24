using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>Notes the calls a progressive run is about to place, in one transaction, before any phone rings: if the server
/// stops during them, their entries are known to have been dialled.</summary>
[UseCase]
public sealed class RecordDialerCalls(CrmDbContext db)
{
    public sealed record Call(Guid CallListEntryId, string CallId, string AgentNo, DateTime PlacedAt);

    public sealed record Request(Guid RunId, IReadOnlyList<Call> Calls);

    public async Task Handle(Request request, CancellationToken ct = default)
    {
        var run = await db.DialerRuns.FindOrFail(request.RunId, "run", ct);
        foreach (var call in request.Calls)
            db.DialerCalls.Add(new DialerCall { DialerRunId = run.Id, CallListEntryId = call.CallListEntryId, CallId = call.CallId, AgentNo = call.AgentNo, PlacedAt = call.PlacedAt });
        await db.SaveChangesAsync(ct);
    }
}
