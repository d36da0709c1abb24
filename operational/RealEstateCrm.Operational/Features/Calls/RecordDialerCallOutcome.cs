using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>How a progressive run's call ended on the wire (an answered one still waits for the agent's disposition,
/// which goes to the call list entry).</summary>
[UseCase]
public sealed class RecordDialerCallOutcome(CrmDbContext db)
{
    public sealed record Request(string CallId, DialerCallOutcome Outcome, DateTime EndedAt);

    public async Task<DialerCall> Handle(Request request, CancellationToken ct = default)
    {
        new Validator().Require(Enum.IsDefined(request.Outcome) && request.Outcome != DialerCallOutcome.Interrupted, "outcome", "must say how the call ended").ThrowIfInvalid();
        var call = await db.DialerCalls.SingleOrDefaultAsync(c => c.CallId == request.CallId, ct)
            ?? throw new DomainException($"no dialer call {request.CallId}", "call");
        call.Outcome = request.Outcome;
        call.EndedAt = request.EndedAt;
        await db.SaveChangesAsync(ct);
        return call;
    }
}
