using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features;

internal static class UnitConcurrency
{
    /// <summary>Saves a change that moved a unit's status. <see cref="Domain.Inventory.Unit.Status"/> is a
    /// concurrency token, so when two users move the same unit at once (two reps reserving it) the later save
    /// finds the status changed under it and writes nothing; that user is told so instead of getting a database error.</summary>
    public static async Task SaveUnitChangesAsync(this CrmDbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException($"{what} was changed by someone else at the same moment; reload and try again", "unit");
        }
    }
}
