using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RealEstateCrm.Operational.Data.Bulk;

/// <summary>One entity type's table as the EF model maps it: table name, the columns the application
/// writes (store-generated identity columns left out) and, per column, a compiled getter plus the
/// provider type mapping, so bulk rows are stored exactly as SaveChanges would store them.</summary>
internal sealed class BulkTable
{
    public required string Name { get; init; }
    public required Type ClrType { get; init; }
    public string Entity => ClrType.Name;
    public required IReadOnlyList<BulkColumn> Columns { get; init; }

    public static BulkTable For(DbContext db, Type clrType)
    {
        var entityType = db.Model.FindEntityType(clrType)
            ?? throw new ArgumentException($"{clrType.Name} is not an entity of the operational model");
        var tableName = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.GetColumnName(store) is not null && !IsStoreGenerated(p))
            .Select(p => new BulkColumn(p.GetColumnName(store)!, Getter(clrType, p), (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        return new BulkTable { Name = tableName, ClrType = clrType, Columns = columns };
    }

    // Integer keys with ValueGenerated.OnAdd are identity/autoincrement columns: the database numbers them.
    private static bool IsStoreGenerated(IProperty p) =>
        p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && (p.ClrType == typeof(int) || p.ClrType == typeof(long));

    private static Func<object, object?> Getter(Type clrType, IProperty property)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var body = Expression.Convert(Expression.Property(Expression.Convert(row, clrType), property.PropertyInfo!), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, row).Compile();
    }
}

/// <summary>A column: how to read it from an entity and how to turn that into the stored value.</summary>
internal sealed record BulkColumn(string Name, Func<object, object?> Get, RelationalTypeMapping Mapping)
{
    /// <summary>The value as the provider stores it (enums become their names through the model's converter).</summary>
    public object? StoredValue(object row)
    {
        var value = Get(row);
        return value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
    }
}
