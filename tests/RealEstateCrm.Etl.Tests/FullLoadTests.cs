using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Etl.Tests;

/// <summary>The full load takes shortcuts (text columns cast by DuckDB, plain inserts into the emptied star schema):
/// these tests hold it to the warehouse the general, incremental path builds and to the values EF reads.</summary>
public sealed class FullLoadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_full_rebuild_gives_the_same_warehouse_as_a_first_incremental_load_of_the_same_data(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var rebuilt = await bed.Warehouse("rebuilt");
        var incremental = await bed.Warehouse("incremental");
        await bed.Etl(rebuilt).RunAsync(full: true, ct: Ct);
        await bed.MoveACustomerAndRecordACallAsync();
        // The incremental run opens a second customer version; the rebuild that follows starts the history again.
        await bed.Etl(rebuilt).RunAsync(ct: Ct);
        Assert.Equal(1, await EtlTestBed.CountAsync(rebuilt, "SELECT count(*) FROM dim_customer WHERE NOT is_current"));

        var full = await bed.Etl(rebuilt).RunAsync(full: true, ct: Ct);
        var first = await bed.Etl(incremental).RunAsync(ct: Ct);

        Assert.Equal(("full", "incremental"), (full.Mode, first.Mode));
        Assert.True(full.DataQualityPassed);
        var expected = await EtlTestBed.ContentsAsync(incremental);
        var actual = await EtlTestBed.ContentsAsync(rebuilt);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, rows) in expected) Assert.True(rows.SequenceEqual(actual[table]), $"{table} differs between the full rebuild and the incremental load");
        Assert.True(expected["fact_call"].Count > 0 && expected["dim_customer"].Count > 0);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_mirror_holds_exactly_the_values_EF_reads_from_the_operational_tables(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        // Seven fractional digits, the seventh above 5: DuckDB parsing the text must truncate to microseconds as the typed value does.
        await bed.RecordCallAsync("etl-ticks-call", new DateTime(2026, 6, 30, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567));
        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);

        await using var db = bed.Operational.Context();
        foreach (var table in SourceTable.All(db))
        {
            await warehouse.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE expected AS SELECT * FROM {table.OdsName} LIMIT 0", Ct);
            long rows = 0;
            using (var appender = warehouse.Connection.CreateAppender("temp", "main", "expected"))
                await foreach (var values in table.Stored.ReadPlainRows(db, ct: Ct))
                {
                    var row = appender.CreateRow();
                    foreach (var value in values) OdsLoader.Append(row, value);
                    row.EndRow();
                    rows++;
                }
            var missing = await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM {table.OdsName})");
            var extra = await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM (SELECT * FROM {table.OdsName} EXCEPT ALL SELECT * FROM expected)");
            Assert.True(missing == 0 && extra == 0, $"{table.OdsName}: {missing} of EF's {rows} rows missing, {extra} rows not EF's");
        }
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse,
            "SELECT count(*) FROM ods_call_record WHERE call_id = 'etl-ticks-call' AND started_at = TIMESTAMP '2026-06-30 10:00:00.123456'"));
    }
}
