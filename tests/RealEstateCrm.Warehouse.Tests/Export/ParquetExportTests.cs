using System.Text.Json;
using RealEstateCrm.Warehouse.Export;

namespace RealEstateCrm.Warehouse.Tests.Export;

/// <summary>The Parquet export, read back with DuckDB's own Parquet reader as another engine would.</summary>
public sealed class ParquetExportTests : TempWarehouseTest
{
    private string ExportPath => Path.Combine(Folder, "export");
    private ParquetExport Export => new(Database, TimeProvider.System);

    protected override async Task FillAsync()
    {
        // 300 calls six hours apart from 2025-12-20: they span December 2025 to March 2026, across a year boundary.
        await Database.ExecuteAsync("""
            INSERT INTO fact_call
            SELECT ('00000000-0000-7000-8000-' || lpad(i::VARCHAR, 12, '0'))::UUID, 'CDR-' || i,
                   CAST(strftime(started, '%Y%m%d') AS INTEGER), 900, i % 5, i % 3, 1, 'Inbound', 'Answered', i % 7 = 0,
                   '1>2', i % 60, i * 3, '已预约看房', started
            FROM (SELECT i, TIMESTAMP '2025-12-20 08:00:00' + i * INTERVAL 6 HOUR AS started FROM range(300) t(i))
            """, Ct);
        await Database.ExecuteAsync("INSERT INTO dim_channel VALUES (1, '微信'), (2, '抖音'), (3, '安居客')", Ct);
        await Database.ExecuteAsync("INSERT INTO fact_unit_status_daily VALUES (20260301, 1, 'Available', 120, 10800.50, 36000000.00), (20260301, 1, 'Sold', 30, 2700.00, 9500000.00)", Ct);
    }

    [Fact]
    public async Task Fact_call_round_trips_through_month_partitions()
    {
        await Export.RunAsync(ExportPath, [], overwrite: false, ct: Ct);
        var parquet = $"read_parquet('{ExportPath}/fact_call/**/*.parquet', hive_partitioning = true)";

        Assert.Equal(300L, await Database.ScalarAsync($"SELECT count(*) FROM {parquet}", Ct));
        Assert.Equal(await Database.ScalarAsync("SELECT sum(talk_seconds) + sum(wait_seconds) FROM fact_call", Ct),
            await Database.ScalarAsync($"SELECT sum(talk_seconds) + sum(wait_seconds) FROM {parquet}", Ct));
        Assert.Equal(0L, await Database.ScalarAsync($"SELECT count(*) FROM (SELECT * FROM fact_call EXCEPT ALL SELECT * EXCLUDE (year, month) FROM {parquet})", Ct));
        Assert.Equal(0L, await Database.ScalarAsync($"SELECT count(*) FROM (SELECT * EXCLUDE (year, month) FROM {parquet} EXCEPT ALL SELECT * FROM fact_call)", Ct));
    }

    [Fact]
    public async Task Each_call_lands_in_the_partition_of_its_start_month()
    {
        await Export.RunAsync(ExportPath, [], overwrite: false, ct: Ct);
        var calls = Path.Combine(ExportPath, "fact_call");

        Assert.Equal(["year=2025/month=12", "year=2026/month=1", "year=2026/month=2", "year=2026/month=3"],
            Directory.GetDirectories(calls, "month=*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(calls, d)).Order(StringComparer.Ordinal));
        Assert.Equal(0L, await Database.ScalarAsync(
            $"SELECT count(*) FROM read_parquet('{calls}/**/*.parquet', hive_partitioning = true) WHERE year * 100 + month <> started_date_key // 100", Ct));
        // From 2025-12-20 08:00 in 6 h steps: 3 calls that day, then 4 a day for 11 days, the last at 12-31 20:00.
        Assert.Equal(47L, await Database.ScalarAsync($"SELECT count(*) FROM read_parquet('{calls}/year=2025/month=12/*.parquet')", Ct));
    }

    [Fact]
    public async Task Dimensions_and_snapshots_are_single_files_and_the_manifest_counts_match()
    {
        var returned = await Export.RunAsync(ExportPath, [], overwrite: false, ct: Ct);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ExportPath, ExportManifest.FileName), Ct));
        var tables = manifest.RootElement.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        Assert.Equal("parquet", manifest.RootElement.GetProperty("format").GetString());
        Assert.Equal(await Database.SchemaVersionAsync(Ct), manifest.RootElement.GetProperty("schema_version").GetInt32());
        Assert.Equal(await Export.ExportableTablesAsync(Ct), tables.Keys);
        Assert.DoesNotContain("etl_run", tables.Keys);
        foreach (var (name, table) in tables)
            Assert.Equal(await Database.ScalarAsync($"SELECT count(*) FROM {name}", Ct), table.GetProperty("rows").GetInt64());
        Assert.Equal(300, tables["fact_call"].GetProperty("rows").GetInt64());
        Assert.Equal(["year", "month"], tables["fact_call"].GetProperty("partition_columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("started_date_key", tables["fact_call"].GetProperty("partitioned_by").GetString());
        Assert.Equal("dim_channel.parquet", tables["dim_channel"].GetProperty("path").GetString());
        Assert.Equal(JsonValueKind.Null, tables["fact_unit_status_daily"].GetProperty("partitioned_by").ValueKind);
        Assert.Equal(returned.Tables.Count, tables.Count);
        Assert.Equal("微信,抖音,安居客", await Database.ScalarAsync($"SELECT string_agg(channel, ',' ORDER BY channel_key) FROM '{ExportPath}/dim_channel.parquet'", Ct));
        Assert.Equal(45500000.00m, await Database.ScalarAsync($"SELECT sum(total_list_price) FROM '{ExportPath}/fact_unit_status_daily.parquet'", Ct));
    }

    [Fact]
    public async Task Every_event_fact_has_a_partition_date_and_only_daily_snapshots_go_unpartitioned()
    {
        var facts = (await Export.ExportableTablesAsync(Ct)).Where(t => t.StartsWith("fact_", StringComparison.Ordinal));

        Assert.All(facts.Where(f => !ParquetExport.PartitionDateKeys.ContainsKey(f)), f => Assert.EndsWith("_daily", f));
        Assert.All(ParquetExport.PartitionDateKeys.Keys, f => Assert.Contains(f, facts));
    }

    [Fact]
    public async Task Tables_limit_the_export_and_an_unknown_name_is_refused_with_the_valid_ones()
    {
        var manifest = await Export.RunAsync(ExportPath, ["fact_call", "dim_channel"], overwrite: false, ct: Ct);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Export.RunAsync(Path.Combine(Folder, "other"), ["fact_call", "etl_run"], overwrite: false, ct: Ct));

        Assert.Equal(["dim_channel", "fact_call"], manifest.Tables.Select(t => t.Name));
        Assert.Equal(["_manifest.json", "dim_channel.parquet", "fact_call"], Directory.GetFileSystemEntries(ExportPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("tables", refused.ParamName);
        Assert.Contains("unknown table etl_run", refused.Message);
        Assert.Contains("dim_customer", refused.Message);
        Assert.False(Directory.Exists(Path.Combine(Folder, "other")));
    }

    [Fact]
    public async Task A_non_empty_directory_is_kept_unless_overwrite_then_replaced_whole()
    {
        Directory.CreateDirectory(ExportPath);
        var stray = Path.Combine(ExportPath, "客户名单.csv");
        await File.WriteAllTextAsync(stray, "张伟,13800138000", Ct);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Export.RunAsync(ExportPath, [], overwrite: false, ct: Ct));
        Assert.True(File.Exists(stray));
        Assert.Contains("not empty", refused.Message);

        await Export.RunAsync(ExportPath, ["dim_channel"], overwrite: true, ct: Ct);
        Assert.False(File.Exists(stray));
        Assert.True(File.Exists(Path.Combine(ExportPath, "dim_channel.parquet")));
        // Neither the staging folder nor the replaced export is left beside it.
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Folder), entry => Path.GetFileName(entry).StartsWith('.'));
    }

    [Fact]
    public async Task An_empty_existing_directory_is_used()
    {
        Directory.CreateDirectory(ExportPath);

        await Export.RunAsync(ExportPath, ["dim_channel"], overwrite: false, ct: Ct);

        Assert.Equal(3L, await Database.ScalarAsync($"SELECT count(*) FROM '{ExportPath}/dim_channel.parquet'", Ct));
    }
}
