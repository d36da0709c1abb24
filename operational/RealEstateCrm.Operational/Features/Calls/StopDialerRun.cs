using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>Stops a progressive run: no new call is placed; calls already on finish and are written back as usual.</summary>
[UseCase]
public sealed class StopDialerRun(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid RunId, Guid StoppedByUserId);

    public async Task<DialerRun> Handle(Request request, CancellationToken ct = default)
    {
        var run = await db.DialerRuns.FindOrFail(request.RunId, "run", ct);
        await db.Users.FindOrFail(request.StoppedByUserId, "user", ct);
        if (run.StoppedAt is not null) throw new DomainException("this run has already stopped", "run");
        run.StoppedAt = clock.GetUtcNow().UtcDateTime;
        run.StoppedByUserId = request.StoppedByUserId;
        await db.SaveChangesAsync(ct);
        return run;
    }
}
