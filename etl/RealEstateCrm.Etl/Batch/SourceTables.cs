using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Etl.Batch;

/// <summary>An operational table the warehouse reads, mirrored column for column into <c>ods_&lt;table&gt;</c>
/// in the warehouse, so transformations are plain DuckDB SQL over a copy that changes only by extraction.</summary>
internal sealed class SourceTable(StoredTable stored)
{
    public StoredTable Stored { get; } = stored;
    public string Entity => Stored.EntityType.ClrType.Name;
    public string Name => Stored.Name;
    public string OdsName => "ods_" + Name;

    /// <summary>The tables the star schema is built from (by CLR type name, as the outbox names them).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Customer", "User", "Agent", "Project", "Building", "Unit", "Campaign", "CampaignMember", "Competitor", "CompetitorProject",
        "CompetitorPriceObservation", "ComplaintCategory", "Contractor", "Lead", "Visit", "Reservation", "Contract", "Cancellation",
        "Payment", "PaymentScheduleItem", "CallRecord", "CallListEntry", "WorkOrder", "Compensation", "InspectionBatch",
        "InspectionUnit", "InspectionIssue",
        // Read by the ml feature views only (mortgage state, purchased add-ons, return-visit NPS).
        "Mortgage", "CustomerTag", "ReturnVisit", "Answer", "Question",
    ];

    public static IReadOnlyList<SourceTable> All(CrmDbContext db) => Names.Select(n => new SourceTable(StoredTable.Find(db, n))).ToList();

    public string CreateOdsSql() =>
        $"CREATE TABLE IF NOT EXISTS {OdsName} ({string.Join(", ", Stored.Columns.Select((c, i) => $"{Stored.ColumnNames[i]} {DuckDbType(c.ClrType)}"))})";

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

    /// <summary>The rows, all of them or those with the given ids, values in <see cref="StoredTable.Columns"/> order. Read with
    /// the plain data reader: the ods tables need no order, and reading through entities cost several times the appending.</summary>
    public IAsyncEnumerable<object?[]> ReadAsync(CrmDbContext db, IReadOnlyCollection<Guid>? ids, CancellationToken ct) =>
        Stored.ReadPlainRows(db, ids, ct);
}
