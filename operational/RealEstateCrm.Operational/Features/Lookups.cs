using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features;

internal static partial class Lookups
{
    /// <summary>Loads the row a request names, or fails naming the field: an unknown id is bad input and
    /// must say so, not surface later as a foreign-key violation at SaveChanges.</summary>
    public static async Task<T> FindOrFail<T>(this IQueryable<T> rows, Guid id, string field, CancellationToken ct) where T : Entity =>
        await rows.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw NotFound<T>(id, field);

    /// <summary>True when the optional id is absent or names an existing row; for collecting with a <see cref="Validator"/>.</summary>
    public static async Task<bool> ExistsOrAbsent<T>(this IQueryable<T> rows, Guid? id, CancellationToken ct) where T : Entity =>
        id is null || await rows.AnyAsync(r => r.Id == id, ct);

    public static string NotFoundMessage<T>(Guid? id) => $"no {Describe<T>()} with id {id}";

    /// <summary>For lookups that need more than an id (a row lock, an include): the same error, naming the field.</summary>
    public static ValidationException NotFound(string field, Guid id) => new([new ValidationError(field, $"no {field} with id {id}")]);

    private static ValidationException NotFound<T>(Guid id, string field) => new([new ValidationError(field, NotFoundMessage<T>(id))]);

    private static string Describe<T>() => WordStart().Replace(typeof(T).Name, " $1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();
}
