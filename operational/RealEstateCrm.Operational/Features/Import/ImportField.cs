namespace RealEstateCrm.Operational.Features.Import;

/// <summary>One importable column: its snake_case name, the other headers users write for it (Chinese
/// Excel templates: 客户编号, 手机, ...), and how a cell becomes a change to the entity. Reading happens while
/// the whole file is validated; the returned setter runs later, when the valid file is written.</summary>
public sealed record ImportField<TEntity>(string Name, bool IsRequired, IReadOnlyList<string> Aliases, Func<ImportRow, Action<TEntity>?> Read)
{
    /// <summary>A column whose parsed cell (null when blank) is assigned with <paramref name="set"/>.</summary>
    public static ImportField<TEntity> Of<T>(string name, Func<ImportRow, string, T> parse, Action<TEntity, T> set, params string[] aliases) =>
        new(name, false, aliases, row =>
        {
            var value = parse(row, name);
            return entity => set(entity, value);
        });

    /// <summary>A column that must be present and filled in on every row.</summary>
    public static ImportField<TEntity> Required<T>(string name, Func<ImportRow, string, T> parse, Action<TEntity, T> set, params string[] aliases) =>
        Of(name, parse, set, aliases) with { IsRequired = true };

    /// <summary>A column the importer reads itself while resolving rows (a reference by code, a value checked
    /// against other records), with nothing to assign directly.</summary>
    public static ImportField<TEntity> Lookup(string name, bool required, params string[] aliases) => new(name, required, aliases, _ => null);
}
