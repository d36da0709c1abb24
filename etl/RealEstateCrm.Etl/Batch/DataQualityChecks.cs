using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Batch;

/// <summary>One data-quality check's outcome, as stored in etl_dq_result.</summary>
public sealed record DataQualityResult(string CheckKind, string Subject, long Expected, long Actual)
{
    public bool Passed => Expected == Actual;
}

/// <summary>The checks run after every load: row counts reconcile with the operational DB, facts have no
/// orphan keys, current dimension rows have no duplicate natural keys.</summary>
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

    private static readonly (string Dimension, string NaturalKey)[] NaturalKeys =
    [
        ("dim_customer WHERE is_current", "customer_id"), ("dim_project", "project_id"), ("dim_building", "building_id"), ("dim_unit", "unit_id"),
        ("dim_campaign", "campaign_id"), ("dim_sales_rep", "user_id"), ("dim_agent", "agent_id"), ("dim_competitor", "competitor_id"),
        ("dim_complaint_category", "complaint_category_id"), ("dim_contractor", "contractor_id"), ("dim_channel", "channel"), ("dim_queue", "queue"),
        ("dim_date", "full_date"), ("dim_customer", "customer_key"),
    ];

    public static async Task<IReadOnlyList<DataQualityResult>> RunAsync(CrmDatabase operational, WarehouseDatabase warehouse, CancellationToken ct = default)
    {
        // The operational counts are the slow half on a large database; they run on their own connection while DuckDB
        // does its half.
        var operationalCounts = Task.Run(() => OperationalCountsAsync(operational, ct), ct);
        var results = new List<DataQualityResult>();
        foreach (var (wh, _) in Reconciled)
            results.Add(new("row count", wh.Split(' ')[0], 0, await WarehouseCountAsync(warehouse, $"SELECT count(*) FROM {wh}", ct)));
        foreach (var (fact, column, dimension, key, required) in ForeignKeys)
            results.Add(new("orphan key", $"{fact}.{column}", 0, await WarehouseCountAsync(warehouse,
                $"SELECT count(*) FROM {fact} f WHERE {(required ? $"f.{column} IS NULL OR " : "")}(f.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {dimension} d WHERE d.{key} = f.{column}))", ct)));
        foreach (var (dimension, naturalKey) in NaturalKeys)
            results.Add(new("duplicate natural key", $"{dimension.Split(' ')[0]}.{naturalKey}", 0, await WarehouseCountAsync(warehouse,
                $"SELECT count(*) FROM (SELECT {naturalKey} FROM {dimension} GROUP BY {naturalKey} HAVING count(*) > 1)", ct)));
        var counts = await operationalCounts;
        for (var i = 0; i < Reconciled.Length; i++) results[i] = results[i] with { Expected = counts[i] };
        return results;
    }

    private static async Task<long[]> OperationalCountsAsync(CrmDatabase operational, CancellationToken ct)
    {
        await using var db = operational.CreateContext("etl");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var counts = new long[Reconciled.Length];
        for (var i = 0; i < counts.Length; i++) counts[i] = await CountAsync(connection, Reconciled[i].Operational, ct);
        return counts;
    }

    private static async Task<long> CountAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long> WarehouseCountAsync(WarehouseDatabase warehouse, string sql, CancellationToken ct) =>
        Convert.ToInt64(await warehouse.ScalarAsync(sql, ct), System.Globalization.CultureInfo.InvariantCulture);
}
