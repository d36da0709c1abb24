using RealEstateCrm.Ml.Features;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Tests.Ml;

public sealed class FeatureLeakageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly ScoringDay = new(2026, 1, 31);

    // The tables and the time each row came into being: a row born after the scoring date did not exist then.
    private static readonly (string Table, string Born)[] Births =
    [
        ("ods_customer", "created_at"), ("ods_lead", "created_at"), ("ods_visit", "visited_at"), ("ods_reservation", "reserved_at"),
        ("ods_contract", "signed_at"), ("ods_cancellation", "cancelled_at"), ("ods_payment", "paid_at"), ("ods_call_record", "started_at"),
        ("ods_work_order", "opened_at"), ("ods_compensation", "granted_at"), ("ods_inspection_issue", "found_at"),
        ("ods_inspection_unit", "inspected_at"), ("ods_mortgage", "applied_at"), ("ods_return_visit", "visited_at"),
        ("ods_campaign_member", "added_at"), ("ods_competitor_price_observation", "observed_on"), ("ods_customer_tag", "uuid_extract_timestamp(id)"),
        ("dim_customer", "valid_from"), ("fact_lead_funnel", "created_at"), ("fact_sale", "signed_at"), ("fact_payment", "paid_at"),
        ("fact_call", "started_at"), ("fact_work_order", "opened_at"), ("fact_inspection_issue", "found_at"), ("fact_campaign_touch", "added_at"),
    ];

    // Columns that say what a row is today rather than when something happened.
    private static readonly string[] CurrentState = ["status", "result", "lost_reason", "disposition", "reason", "resolution", "segment"];

    [Fact]
    public async Task Features_as_of_a_date_are_the_same_whether_or_not_the_warehouse_holds_anything_later()
    {
        await using var bed = await EtlTestBed.Create(DatabaseProvider.Sqlite);
        var warehouse = await bed.Warehouse();
        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);
        await FeatureViews.InstallAsync(warehouse, Ct);
        var asOf = FeatureViews.AsOf(ScoringDay);
        string[] views = [$"lead_features({asOf})", $"customer_features({asOf})", $"buyer_features({asOf})", $"purchase_baskets({asOf})"];
        var before = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var view in views) before[view] = await RowsAsync(warehouse, view);

        await RewindAsync(warehouse, asOf);

        foreach (var view in views)
        {
            Assert.NotEmpty(before[view]);
            Assert.Equal(before[view], await RowsAsync(warehouse, view));
        }
    }

    /// <summary>Makes the warehouse look as it would have at as_of: rows born later deleted, later times erased,
    /// current-state columns blanked (a feature reading them would change and fail the comparison).</summary>
    private static async Task RewindAsync(WarehouseDatabase warehouse, string asOf)
    {
        var later = 0L;
        foreach (var (table, born) in Births)
            later += await warehouse.ExecuteAsync($"DELETE FROM {table} WHERE {born} > {asOf}", Ct);
        Assert.True(later > 1000, $"only {later} rows were born after the scoring date: the test would prove little");
        await using var command = warehouse.Connection.CreateCommand();
        command.CommandText = """
            SELECT table_name, column_name, data_type, is_nullable = 'YES' FROM information_schema.columns
            WHERE table_schema = 'main' AND (table_name LIKE 'ods_%' OR table_name LIKE 'fact_%' OR table_name LIKE 'dim_%')
            """;
        var columns = new List<(string Table, string Column, string Type, bool Nullable)>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
            while (await reader.ReadAsync(Ct)) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
        foreach (var (table, column, type, nullable) in columns)
        {
            if (type == "TIMESTAMP" && nullable)
                await warehouse.ExecuteAsync($"UPDATE {table} SET {column} = NULL WHERE {column} > {asOf}", Ct);
            else if (table == "dim_customer" && column == "valid_to")
                await warehouse.ExecuteAsync($"UPDATE dim_customer SET valid_to = TIMESTAMP '9999-12-31', is_current = true WHERE valid_to > {asOf}", Ct);
            else if (type == "VARCHAR" && CurrentState.Contains(column))
                await warehouse.ExecuteAsync($"UPDATE {table} SET {column} = 'blanked'", Ct);
        }
    }

    private static async Task<IReadOnlyList<string>> RowsAsync(WarehouseDatabase warehouse, string view)
    {
        await using var command = warehouse.Connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {view} ORDER BY ALL";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}
