using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features;

internal static class ConcurrentChanges
{
    /// <summary>Saves a change guarded by a concurrency token (a unit's status, a schedule item's paid amount, an
    /// approval's or a mortgage's status). When two users change the same row at once (two reps reserving one unit,
    /// two cashiers booking one instalment) the later save finds the row changed under it and writes nothing; that
    /// user is told so, naming <paramref name="field"/>, instead of getting a database error.</summary>
    public static async Task SaveRefusingConflictsAsync(this CrmDbContext db, string what, string field, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException($"{what} was changed by someone else at the same moment; reload and try again", field);
        }
    }
}
