using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Etl.Batch;

/// <summary>An operational table the warehouse reads, mirrored column for column into <c>ods_&lt;table&gt;</c>
/// in the warehouse, so transformations are plain DuckDB SQL over a copy that changes only by extraction.</summary>
internal sealed class SourceTable
{
    private readonly PlainRowReader _rows;
    // Set when SqliteTableScan can read every column.
    private readonly RawColumnKind[]? _rawKinds;

    private SourceTable(StoredTable stored, ISqlGenerationHelper sql)
    {
        Stored = stored;
        Columns = stored.Columns.Select(c => new SourceColumn(c)).ToList();
        if (stored.EntityType.FindProperty("Id") is null) throw new InvalidOperationException($"{Name} has no Id column: the outbox names rows by id");
        _rows = new PlainRowReader(stored, sql, Columns.Select(c => c.Read).ToList());
        _rawKinds = Columns.All(c => c.RawKind is not null) ? Columns.Select(c => c.RawKind!.Value).ToArray() : null;
        // The key index gives the rowids (a covering lookup), and IN sorts them: SqliteTableScan.ReadByIdAsync says why.
        SelectByIds = $"{_rows.SelectAll} WHERE rowid IN (SELECT rowid FROM {sql.DelimitIdentifier(stored.Name)} " +
                      $"WHERE {sql.DelimitIdentifier(stored.EntityType.FindProperty("Id")!.GetColumnName())} IN (SELECT value FROM json_each(?1)))";
    }

    public StoredTable Stored { get; }
    /// <summary>SQLite's read of the rows with given ids (<see cref="SqliteTableScan.ReadByIdAsync"/>).</summary>
    public string SelectByIds { get; }
    public IReadOnlyList<SourceColumn> Columns { get; }
    public string Entity => Stored.EntityType.ClrType.Name;
    public string Name => Stored.Name;
    public string OdsName => "ods_" + Name;
    /// <summary>The temp table holding the rows an incremental run read by id (<see cref="OdsLoader"/>), mirror-typed.</summary>
    public string ExtractedName => ExtractedPrefix + Name;
    internal const string ExtractedPrefix = "extracted_";

    /// <summary>The rows of the mirror whose ids the run recorded in <c>changed</c>, as a FROM item: all of them in a full load
    /// (everything is new), the run's own small copy when it read them by id (<paramref name="byId"/>), else the mirror cut
    /// down to them. A semi-join does not reach into DuckDB's scan: cutting the mirror decodes every column of every row first.</summary>
    public static string ChangedRows(string table, bool full, IReadOnlySet<string> byId) =>
        full ? $"ods_{table}" : byId.Contains(table) ? ExtractedPrefix + table : RowsWithIds(table, ChangedIds(table));

    /// <summary>The ids of <paramref name="table"/> the run recorded in <c>changed</c>, as a query.</summary>
    public static string ChangedIds(string table) => $"SELECT id FROM changed WHERE table_name = '{table}'";

    /// <summary>The mirror's rows of <paramref name="table"/> whose id the query <paramref name="ids"/> gives, as a FROM item.</summary>
    public static string RowsWithIds(string table, string ids) => $"(SELECT * FROM ods_{table} WHERE id IN ({ids}))";
    /// <summary>Whether <see cref="ReadAsync"/> reads these rows with <see cref="SqliteTableScan"/>, which gives every value
    /// typed as the mirror's column (no staging table).</summary>
    public bool ScansRaw(CrmDbContext db) => _rawKinds is not null && db.Database.IsSqlite();

    /// <summary>Where extracted rows are appended: <paramref name="target"/> (the mirror or <see cref="ExtractedName"/>) itself
    /// when they come typed (a raw scan, or no column needs a cast), else a staging table from which DuckDB casts the text
    /// columns into it.</summary>
    public string AppendTo(bool rawScan, string target) => rawScan || !Columns.Any(c => c.NeedsCast) ? target : "stage_" + Name;

    /// <summary>The tables the star schema is built from (by CLR type name, as the outbox names them), in extraction order:
    /// the transformations run as soon as their tables are extracted (<see cref="TransformQueue"/>), so the sources of every
    /// dimension come first (customers before leads and calls: dim_customer's SCD2 statements are the most work of them, and
    /// run while those are read), then each fact's in the order the facts are built, and the tables no transformation reads
    /// last, read while the last facts and rollups are built.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Project", "Building", "Unit", "Campaign", "User", "Agent", "Competitor", "ComplaintCategory", "Contractor",
        "Customer", "Lead", "CallRecord",
        "Visit", "Reservation", "Contract", "Cancellation", "PaymentScheduleItem", "Payment", "CallListEntry", "WorkOrder", "Compensation",
        "InspectionBatch", "InspectionUnit", "InspectionIssue", "CampaignMember", "CompetitorProject", "CompetitorPriceObservation",
        // Read by the ml feature views only (mortgage state, purchased add-ons, return-visit NPS).
        "Mortgage", "CustomerTag", "ReturnVisit", "Answer", "Question",
    ];

    public static IReadOnlyList<SourceTable> All(CrmDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        return Names.Select(n => new SourceTable(StoredTable.Find(db, n), sql)).ToList();
    }

    public string CreateOdsSql() => $"CREATE TABLE IF NOT EXISTS {OdsName} ({string.Join(", ", Columns.Select(c => $"{c.Name} {c.OdsType}"))})";

    /// <summary>A fresh staging table for <see cref="AppendTo"/> (none when the rows go straight to the target).</summary>
    public string? CreateStagingSql(bool rawScan, string target) =>
        AppendTo(rawScan, target) == target ? null : $"CREATE OR REPLACE TEMP TABLE {AppendTo(rawScan, target)} ({string.Join(", ", Columns.Select(c => $"{c.Name} {c.StagingType}"))})";

    /// <summary>Moves the staged rows into the target, DuckDB casting the text columns, and drops the staging table.</summary>
    public IEnumerable<string> FromStagingSql(bool rawScan, string target)
    {
        var staging = AppendTo(rawScan, target);
        if (staging == target) yield break;
        yield return $"INSERT INTO {target} SELECT {string.Join(", ", Columns.Select(c => c.NeedsCast ? $"CAST({c.Name} AS {c.OdsType})" : c.Name))} FROM {staging}";
        yield return $"DROP TABLE {staging}";
    }

    /// <summary>The rows, all of them or those with the given ids, values in <see cref="Columns"/> order (read as each column
    /// says), on the context's connection, in no particular order (the ods tables need none), in chunks. SQLite is read with
    /// its own API (<see cref="SqliteTableScan"/>), anything else through the data reader.</summary>
    public IAsyncEnumerable<RowChunk> ReadAsync(CrmDbContext db, IReadOnlyCollection<Guid>? ids, CancellationToken ct) =>
        !ScansRaw(db) ? ReadBoxedAsync(db, ids, ct)
        : ids is null ? SqliteTableScan.ReadAsync(db, _rows.SelectAll, _rawKinds!, ct)
        : SqliteTableScan.ReadByIdAsync(db, SelectByIds, ids, _rawKinds!, ct);

    private async IAsyncEnumerable<RowChunk> ReadBoxedAsync(CrmDbContext db, IReadOnlyCollection<Guid>? ids, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = new List<object?[]>(RowChunk.MaxRows);
        await foreach (var row in _rows.ReadAsync(db, ids, ct))
        {
            rows.Add(row);
            if (rows.Count < RowChunk.MaxRows) continue;
            yield return new BoxedRowChunk(rows);
            rows = new List<object?[]>(RowChunk.MaxRows);
        }
        if (rows.Count > 0) yield return new BoxedRowChunk(rows);
    }
}
