using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RealEstateCrm.Operational.Data;

/// <summary>One table of the model seen as plain rows of column values, so export and backup handle every
/// table (including ones added later) without a class per table. Rows come through EF, so each provider's
/// value conversions (GUIDs as text on SQLite, enums as strings) are undone the same way everywhere.</summary>
public sealed class StoredTable
{
    private static readonly MethodInfo QueryMethod = typeof(StoredTable).GetMethod(nameof(Query), BindingFlags.NonPublic | BindingFlags.Static)!;

    private PlainRowReader? _plainReader;

    private StoredTable(IEntityType entityType)
    {
        EntityType = entityType;
        Name = entityType.GetTableName()!;
        Columns = entityType.GetProperties().ToList();
        ColumnNames = Columns.Select(c => c.GetColumnName()).ToList();
    }

    public IEntityType EntityType { get; }
    /// <summary>The snake_case table name, e.g. <c>work_order</c>.</summary>
    public string Name { get; }
    public IReadOnlyList<IProperty> Columns { get; }
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Every table of the model, ordered by name.</summary>
    public static IReadOnlyList<StoredTable> All(CrmDbContext db) =>
        db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).Select(e => new StoredTable(e)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>A table by its table name (<c>work_order</c>) or class name (<c>WorkOrder</c>), case-insensitively.</summary>
    public static StoredTable Find(CrmDbContext db, string name)
    {
        var all = All(db);
        return all.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)
                                       || string.Equals(t.EntityType.ClrType.Name, name, StringComparison.OrdinalIgnoreCase))
               ?? throw new ArgumentException($"unknown entity \"{name}\"; one of: {string.Join(", ", all.Select(t => t.Name))}");
    }

    /// <summary>The rows in primary-key order, streamed (never the whole table in memory); values in <see cref="Columns"/> order.</summary>
    public async IAsyncEnumerable<object?[]> ReadRows(CrmDbContext db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var entity in Entities(db).WithCancellation(ct)) yield return ValuesOf(entity);
    }

    /// <summary>The rows whose <c>Id</c> is one of <paramref name="ids"/> (an incremental extract), in primary-key order.</summary>
    public async IAsyncEnumerable<object?[]> ReadRows(CrmDbContext db, IReadOnlyCollection<Guid> ids, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var entity in Entities(db, ids).WithCancellation(ct)) yield return ValuesOf(entity);
    }

    /// <summary>The same values as <see cref="ReadRows(CrmDbContext, CancellationToken)"/> (all rows, or those whose <c>Id</c>
    /// is one of <paramref name="ids"/>), read with a plain data reader instead of through entities: several times faster,
    /// for bulk readers such as the ETL. In no particular order.</summary>
    public IAsyncEnumerable<object?[]> ReadPlainRows(CrmDbContext db, IReadOnlyCollection<Guid>? ids = null, CancellationToken ct = default)
    {
        _plainReader ??= new PlainRowReader(this, db.GetService<ISqlGenerationHelper>());
        return _plainReader.ReadAsync(db, ids, ct);
    }

    /// <summary>The same rows for synchronous consumers (the XLSX writer pulls rows).</summary>
    public IEnumerable<object?[]> ReadRowsSync(CrmDbContext db) => ((IEnumerable<object>)Entities(db)).Select(ValuesOf);

    private IAsyncEnumerable<object> Entities(CrmDbContext db, IReadOnlyCollection<Guid>? ids = null) =>
        (IAsyncEnumerable<object>)QueryMethod.MakeGenericMethod(EntityType.ClrType).Invoke(null, [db, EntityType.FindPrimaryKey()!.Properties, ids])!;

    private object?[] ValuesOf(object entity)
    {
        var values = new object?[Columns.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Columns[i].GetGetter().GetClrValueUsingContainingEntity(entity);
        return values;
    }

    private static IQueryable<T> Query<T>(CrmDbContext db, IReadOnlyList<IProperty> key, IReadOnlyCollection<Guid>? ids) where T : class
    {
        IQueryable<T> query = db.Set<T>().AsNoTracking();
        if (ids is not null)
        {
            var idArray = ids.ToArray();
            query = query.Where(e => idArray.Contains(EF.Property<Guid>(e, "Id")));
        }
        var ordered = query.OrderBy(e => EF.Property<object>(e, key[0].Name));
        foreach (var property in key.Skip(1)) ordered = ordered.ThenBy(e => EF.Property<object>(e, property.Name));
        return ordered;
    }
}
