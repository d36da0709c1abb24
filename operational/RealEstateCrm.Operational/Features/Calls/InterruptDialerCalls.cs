using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>Run when the call center starts: no call outlives the process that placed it, so the dialer calls still
/// without an outcome were cut off when the server stopped. They become <see cref="DialerCallOutcome.Interrupted"/>, and
/// their entries wait for a person (preview dialling or the call list's disposition) rather than being dialled again
/// blindly: the customer may well have answered.</summary>
[UseCase]
public sealed class InterruptDialerCalls(CrmDbContext db, TimeProvider clock)
{
    /// <returns>How many calls were interrupted.</returns>
    public async Task<int> Handle(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cut = await db.DialerCalls.Where(c => c.Outcome == null).ToListAsync(ct);
        foreach (var call in cut)
        {
            call.Outcome = DialerCallOutcome.Interrupted;
            call.EndedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return cut.Count;
    }
}
