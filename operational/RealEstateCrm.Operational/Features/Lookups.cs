using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features;

internal static class Lookups
{
    /// <summary>Loads the row a request names, or fails naming the field: an unknown id is bad input and
    /// must say so, not surface later as a foreign-key violation at SaveChanges.</summary>
    public static async Task<T> FindOrFail<T>(this IQueryable<T> rows, Guid id, string field, CancellationToken ct) where T : Entity =>
        await rows.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw NotFound<T>(field, id);

    /// <summary>True when the optional id is absent or names an existing row; for collecting with a <see cref="Validator"/>.</summary>
    public static async Task<bool> ExistsOrAbsent<T>(this IQueryable<T> rows, Guid? id, CancellationToken ct) where T : Entity =>
        id is null || await rows.AnyAsync(r => r.Id == id, ct);

    public static RefusalText NotFoundMessage<T>(Guid? id) => $"no {RefusalText.Noun(typeof(T))} with id {id}";

    /// <summary>For lookups that need more than an id (a row lock, an include): the same error, naming the field.</summary>
    public static ValidationException NotFound<T>(string field, Guid id) => new([new ValidationError(field, NotFoundMessage<T>(id))]);
}
