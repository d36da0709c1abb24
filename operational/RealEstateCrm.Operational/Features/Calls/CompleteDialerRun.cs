using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>Ends a progressive run that has nothing left to dial: every entry of its list dialled, do-not-call, without
/// a number, or held by an earlier call. The server does it, not a user, so the run is left with no one who stopped it:
/// that is what a completed run is. Calls still on finish and are written back as after a stop.</summary>
[UseCase]
public sealed class CompleteDialerRun(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid RunId);

    public async Task<DialerRun> Handle(Request request, CancellationToken ct = default)
    {
        var run = await db.DialerRuns.FindOrFail(request.RunId, "run", ct);
        if (run.StoppedAt is not null) throw new DomainException("this run has already stopped", "run");
        run.StoppedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return run;
    }
}
