using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features;

internal static class Lookup
{
    /// <summary>The row with this id, or a validation error naming the field: an id that matches nothing is bad input to report, not a crash.</summary>
    public static async Task<T> RequireAsync<T>(this DbSet<T> set, Guid id, string field, CancellationToken ct) where T : class =>
        await set.FindAsync([id], ct) ?? throw NotFound(field, id);

    public static ValidationException NotFound(string field, Guid id) => new([new ValidationError(field, $"no {field} with id {id}")]);
}
