using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Etl.Batch;

/// <summary>An operational table the warehouse reads, mirrored column for column into <c>ods_&lt;table&gt;</c>
/// in the warehouse, so transformations are plain DuckDB SQL over a copy that changes only by extraction.</summary>
internal sealed class SourceTable
{
    private static readonly MethodInfo QueryMethod = typeof(SourceTable).GetMethod(nameof(Query), BindingFlags.NonPublic | BindingFlags.Static)!;

    private SourceTable(IEntityType entityType)
    {
        EntityType = entityType;
        Name = entityType.GetTableName()!;
        Columns = entityType.GetProperties().ToList();
    }

    public IEntityType EntityType { get; }
    public string Name { get; }
    public string OdsName => "ods_" + Name;
    public IReadOnlyList<IProperty> Columns { get; }

    /// <summary>The tables the star schema is built from (by CLR type name, as the outbox names them).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Customer", "User", "Agent", "Project", "Building", "Unit", "Campaign", "CampaignMember", "Competitor", "CompetitorProject",
        "CompetitorPriceObservation", "ComplaintCategory", "Contractor", "Lead", "Visit", "Reservation", "Contract", "Cancellation",
        "Payment", "PaymentScheduleItem", "CallRecord", "CallListEntry", "WorkOrder", "Compensation", "InspectionBatch",
        "InspectionUnit", "InspectionIssue",
    ];

    public static IReadOnlyList<SourceTable> All(CrmDbContext db) =>
        Names.Select(n => new SourceTable(db.Model.GetEntityTypes().Single(e => e.ClrType.Name == n))).ToList();

    public string CreateOdsSql() =>
        $"CREATE TABLE IF NOT EXISTS {OdsName} ({string.Join(", ", Columns.Select(c => $"{c.GetColumnName()} {DuckDbType(c.ClrType)}"))})";

    private static string DuckDbType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return "VARCHAR";
        return type switch
        {
            _ when type == typeof(Guid) => "UUID",
            _ when type == typeof(int) => "INTEGER",
            _ when type == typeof(long) => "BIGINT",
            _ when type == typeof(bool) => "BOOLEAN",
            _ when type == typeof(decimal) => "DECIMAL(18,2)",
            _ when type == typeof(double) => "DOUBLE",
            _ when type == typeof(DateTime) => "TIMESTAMP",
            _ when type == typeof(DateOnly) => "DATE",
            _ => "VARCHAR",
        };
    }

    /// <summary>The rows, all of them or those with the given ids; values in <see cref="Columns"/> order, enums as names.</summary>
    public IAsyncEnumerable<object?[]> ReadAsync(CrmDbContext db, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var entities = (IAsyncEnumerable<object>)QueryMethod.MakeGenericMethod(EntityType.ClrType).Invoke(null, [db, ids])!;
        return entities.Select(ValuesOf);
    }

    private object?[] ValuesOf(object entity)
    {
        var values = new object?[Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = Columns[i].GetGetter().GetClrValueUsingContainingEntity(entity);
            values[i] = value is Enum e ? e.ToString() : value;
        }
        return values;
    }

    private static IQueryable<T> Query<T>(CrmDbContext db, IReadOnlyCollection<Guid>? ids) where T : class
    {
        IQueryable<T> query = db.Set<T>().AsNoTracking();
        if (ids is null) return query;
        var entity = Expression.Parameter(typeof(T), "e");
        var id = Expression.Property(entity, "Id");
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Constant(ids.ToArray()), id);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, entity));
    }
}
