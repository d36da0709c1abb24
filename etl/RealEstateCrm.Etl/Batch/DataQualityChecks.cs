using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Batch;

/// <summary>One data-quality check's outcome, as stored in etl_dq_result.</summary>
public sealed record DataQualityResult(string CheckKind, string Subject, long Expected, long Actual)
{
    public bool Passed => Expected == Actual;
}

/// <summary>The checks run after every load: row counts reconcile with the operational DB, facts have no
/// orphan keys, current dimension rows have no duplicate natural keys. After an incremental run the orphan and duplicate
/// checks look only where the run can have broken something (<see cref="DataQualityScope"/>); the row counts stay whole.</summary>
public static class DataQualityChecks
{
    // (warehouse rows, operational table): each operational row is exactly one current warehouse row.
    private static readonly (string Warehouse, string Operational)[] Reconciled =
    [
        ("dim_customer WHERE is_current", "customer"), ("dim_project", "project"), ("dim_building", "building"), ("dim_unit", "unit"),
        ("dim_campaign", "campaign"), ("dim_sales_rep", "app_user"), ("dim_agent", "agent"), ("dim_competitor", "competitor"),
        ("dim_complaint_category", "complaint_category"), ("dim_contractor", "contractor"), ("fact_lead_funnel", "lead"),
        ("fact_sale", "contract"), ("fact_payment", "payment"), ("fact_call", "call_record"), ("fact_work_order", "work_order"),
        ("fact_inspection_issue", "inspection_issue"), ("fact_campaign_touch", "campaign_member"),
        ("fact_competitor_price", "competitor_price_observation"),
    ];

    // (fact, key column, dimension, dimension key, required): a required key must resolve.
    private static readonly (string Fact, string Column, string Dimension, string DimensionKey, bool Required)[] ForeignKeys =
    [
        ("fact_lead_funnel", "customer_key", "dim_customer", "customer_key", true), ("fact_lead_funnel", "project_key", "dim_project", "project_key", true),
        ("fact_lead_funnel", "channel_key", "dim_channel", "channel_key", true), ("fact_lead_funnel", "campaign_key", "dim_campaign", "campaign_key", false),
        ("fact_lead_funnel", "sales_rep_key", "dim_sales_rep", "sales_rep_key", false), ("fact_lead_funnel", "created_date_key", "dim_date", "date_key", true),
        ("fact_sale", "customer_key", "dim_customer", "customer_key", true), ("fact_sale", "unit_key", "dim_unit", "unit_key", true),
        ("fact_sale", "project_key", "dim_project", "project_key", true), ("fact_sale", "signed_date_key", "dim_date", "date_key", true),
        ("fact_payment", "customer_key", "dim_customer", "customer_key", true), ("fact_payment", "paid_date_key", "dim_date", "date_key", true),
        ("fact_call", "customer_key", "dim_customer", "customer_key", false), ("fact_call", "agent_key", "dim_agent", "agent_key", false),
        ("fact_call", "queue_key", "dim_queue", "queue_key", false), ("fact_call", "started_date_key", "dim_date", "date_key", true),
        ("fact_call", "started_time_key", "dim_time_of_day", "time_key", true),
        ("fact_work_order", "customer_key", "dim_customer", "customer_key", true), ("fact_work_order", "complaint_category_key", "dim_complaint_category", "complaint_category_key", false),
        ("fact_work_order", "contractor_key", "dim_contractor", "contractor_key", false), ("fact_work_order", "opened_date_key", "dim_date", "date_key", true),
        ("fact_inspection_issue", "unit_key", "dim_unit", "unit_key", true), ("fact_inspection_issue", "found_date_key", "dim_date", "date_key", true),
        ("fact_campaign_touch", "campaign_key", "dim_campaign", "campaign_key", true), ("fact_campaign_touch", "customer_key", "dim_customer", "customer_key", true),
        ("fact_competitor_price", "competitor_key", "dim_competitor", "competitor_key", true), ("fact_competitor_price", "observed_date_key", "dim_date", "date_key", true),
        ("fact_unit_status_daily", "project_key", "dim_project", "project_key", true),
    ];

    // (dimension, which rows, natural key).
    private static readonly (string Dimension, string Rows, string NaturalKey)[] NaturalKeys =
    [
        ("dim_customer", "is_current", "customer_id"), ("dim_project", "true", "project_id"), ("dim_building", "true", "building_id"), ("dim_unit", "true", "unit_id"),
        ("dim_campaign", "true", "campaign_id"), ("dim_sales_rep", "true", "user_id"), ("dim_agent", "true", "agent_id"), ("dim_competitor", "true", "competitor_id"),
        ("dim_complaint_category", "true", "complaint_category_id"), ("dim_contractor", "true", "contractor_id"), ("dim_channel", "true", "channel"), ("dim_queue", "true", "queue"),
        ("dim_date", "true", "full_date"), ("dim_customer", "true", "customer_key"),
    ];

    // Any run may add members to these, not only through the rewritten ones a scope knows; they hold a few thousand rows at
    // most, so every run checks them whole.
    private static readonly HashSet<string> CheckedWhole = new(["dim_channel", "dim_queue", "dim_date"], StringComparer.Ordinal);

    /// <summary>Runs the checks over the whole warehouse.</summary>
    public static Task<IReadOnlyList<DataQualityResult>> RunAsync(CrmDatabase operational, WarehouseDatabase warehouse, CancellationToken ct = default) =>
        RunAsync(operational, warehouse, null, ct);

    /// <summary>Runs the checks over the whole warehouse, or with <paramref name="scope"/> only where an incremental run can
    /// have broken something.</summary>
    internal static Task<IReadOnlyList<DataQualityResult>> RunAsync(CrmDatabase operational, WarehouseDatabase warehouse, DataQualityScope? scope, CancellationToken ct) =>
        RunAsync(StartOperationalCounts(operational, ct), warehouse, scope, ct);

    /// <summary>Starts the operational row counts on their own connection and a background thread (<see cref="BackgroundThread"/>):
    /// on a large database they are the slow half of the checks, so they run while DuckDB does its half.</summary>
    internal static Task<long[]> StartOperationalCounts(CrmDatabase operational, CancellationToken ct) => BackgroundThread.Start(async () =>
    {
        await using var db = operational.CreateContext("etl");
        await db.Database.OpenConnectionAsync(ct);
        return await OperationalCountsAsync(db, ct);
    }, ct);

    /// <summary>Starts the operational row counts on <paramref name="db"/>'s connection, in its transaction if it has one
    /// (a run's read snapshot, <see cref="SnapshotCounts"/>), on a background thread.</summary>
    internal static Task<long[]> StartOperationalCounts(CrmDbContext db, CancellationToken ct) => BackgroundThread.Start(() => OperationalCountsAsync(db, ct), ct);

    /// <summary>The checks, with the operational counts already started (<see cref="StartOperationalCounts"/>).</summary>
    internal static async Task<IReadOnlyList<DataQualityResult>> RunAsync(Task<long[]> operationalCounts, WarehouseDatabase warehouse, DataQualityScope? scope, CancellationToken ct)
    {
        var conditions = scope is null ? null : CandidateConditions(scope);
        var checks = WarehouseChecks(scope, conditions).ToList();
        var actual = await CountsAsync(warehouse.Connection, checks.Select(c => c.Sql), ct, conditions is null ? null : CandidateRows(conditions));
        var expected = await operationalCounts;
        // The reconciled row counts come first, in the order of Reconciled; every other check expects 0.
        return checks.Select((c, i) => new DataQualityResult(c.Kind, c.Subject, i < expected.Length ? expected[i] : 0, actual[i])).ToList();
    }

    // After an incremental run a fact's orphan checks read the same few rows (those the run wrote, or holding a key it took
    // away): their key columns are cut out of the fact once, each with a flag per distinct candidate condition, and each check
    // counts in that cut instead of scanning the whole fact again.
    private static string CandidatesOf(string fact) => $"candidates_{fact}";

    /// <summary>Per fact with rows to check, the distinct candidate conditions of its foreign keys, in order.</summary>
    private static Dictionary<string, List<string>> CandidateConditions(DataQualityScope scope) =>
        ForeignKeys.GroupBy(k => k.Fact)
            .Select(keys => (Fact: keys.Key, Conditions: keys.Select(k => scope.OrphanCandidates(k.Fact, k.Column, k.Dimension)).OfType<string>().Distinct().ToList()))
            .Where(f => f.Conditions.Count > 0)
            .ToDictionary(f => f.Fact, f => f.Conditions, StringComparer.Ordinal);

    private static string? CandidateRows(Dictionary<string, List<string>> conditions)
    {
        var cuts = conditions.Select(f =>
        {
            var columns = ForeignKeys.Where(k => k.Fact == f.Key).Select(k => $"f.{k.Column}").Concat(f.Value.Select((c, i) => $"({c}) AS candidate_{i}"));
            return $"{CandidatesOf(f.Key)} AS MATERIALIZED (SELECT {string.Join(", ", columns)} FROM {f.Key} f WHERE {string.Join(" OR ", f.Value.Select(c => $"({c})"))})";
        }).ToList();
        return cuts.Count == 0 ? null : "WITH " + string.Join(", ", cuts) + " ";
    }

    private static IEnumerable<(string Kind, string Subject, string Sql)> WarehouseChecks(DataQualityScope? scope, Dictionary<string, List<string>>? conditions)
    {
        foreach (var (wh, _) in Reconciled)
            yield return ("row count", wh.Split(' ')[0], $"SELECT count(*) FROM {wh}");
        foreach (var (fact, column, dimension, key, required) in ForeignKeys)
        {
            var orphan = $"{(required ? $"f.{column} IS NULL OR " : "")}(f.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {dimension} d WHERE d.{key} = f.{column}))";
            var candidates = scope?.OrphanCandidates(fact, column, dimension);
            // Where the run can have broken nothing, the check is a constant: no plan for DuckDB to make.
            yield return ("orphan key", $"{fact}.{column}", scope is null ? $"SELECT count(*) FROM {fact} f WHERE {orphan}"
                : candidates is null ? "SELECT 0"
                : $"SELECT count(*) FROM {CandidatesOf(fact)} f WHERE candidate_{conditions![fact].IndexOf(candidates)} AND ({orphan})");
        }
        foreach (var (dimension, rows, naturalKey) in NaturalKeys)
        {
            var candidates = scope is null || CheckedWhole.Contains(dimension) ? "true" : scope.DuplicateCandidates(dimension, naturalKey);
            yield return ("duplicate natural key", $"{dimension}.{naturalKey}", candidates is null ? "SELECT 0"
                : $"SELECT count(*) FROM (SELECT {naturalKey} FROM {dimension} WHERE {rows} AND ({candidates}) GROUP BY {naturalKey} HAVING count(*) > 1)");
        }
    }

    private static Task<long[]> OperationalCountsAsync(CrmDbContext db, CancellationToken ct) =>
        CountsAsync(db.Database.GetDbConnection(), Reconciled.Select(r => $"SELECT COUNT(*) FROM \"{r.Operational}\""), ct,
            transaction: db.Database.CurrentTransaction?.GetDbTransaction());

    /// <summary>The counts in one statement, a column each (scalar subqueries): one round trip and one plan instead of one
    /// per check.</summary>
    private static async Task<long[]> CountsAsync(DbConnection connection, IEnumerable<string> counts, CancellationToken ct, string? with = null, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"{with}SELECT {string.Join(", ", counts.Select(sql => $"({sql})"))}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var values = new long[reader.FieldCount];
        for (var i = 0; i < values.Length; i++) values[i] = Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
