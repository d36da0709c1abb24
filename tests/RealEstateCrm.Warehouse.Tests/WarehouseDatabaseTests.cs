using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Warehouse.Tests;

public sealed class WarehouseDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-warehouse-test-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string FilePath => Path.Combine(_folder, "warehouse.duckdb");

    [Fact]
    public async Task Schema_applies_twice_without_error_and_keeps_its_version()
    {
        int version;
        await using (var first = await WarehouseDatabase.OpenAsync(FilePath, ct: Ct))
        {
            version = await first.SchemaVersionAsync(Ct);
            await first.ExecuteAsync("INSERT INTO dim_channel VALUES (1, 'WeChat')", Ct);
        }
        await using var second = await WarehouseDatabase.OpenAsync(FilePath, ct: Ct);

        Assert.True(version >= 4);
        Assert.Equal(version, await second.SchemaVersionAsync(Ct));
        Assert.Equal(1L, await second.ScalarAsync("SELECT count(*) FROM dim_channel", Ct));
        Assert.Equal(1440L, await second.ScalarAsync("SELECT count(*) FROM dim_time_of_day", Ct));
        var tables = await second.TableNamesAsync(Ct);
        Assert.Contains("dim_customer", tables);
        Assert.Contains("fact_open_work_orders_daily", tables);
        Assert.Contains("etl_dq_result", tables);
    }

    [Fact]
    public async Task Dim_date_flags_state_council_holidays_and_make_up_working_days()
    {
        await using var warehouse = await WarehouseDatabase.OpenAsync(FilePath, ct: Ct);
        await warehouse.EnsureDatesAsync(new DateOnly(2025, 12, 25), new DateOnly(2026, 2, 28), Ct);
        await warehouse.EnsureDatesAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 10), Ct);

        Assert.Equal(66L, await warehouse.ScalarAsync("SELECT count(*) FROM dim_date", Ct));
        // 2026-02-17 is 春节 (a Tuesday); 2026-02-14 is a Saturday worked in exchange (调休).
        Assert.Equal("true|false|春节 Spring Festival", await Row(warehouse, "SELECT is_public_holiday || '|' || is_working_day || '|' || holiday_name FROM dim_date WHERE date_key = 20260217"));
        Assert.Equal("false|true|true", await Row(warehouse, "SELECT is_public_holiday || '|' || is_working_day || '|' || is_weekend FROM dim_date WHERE date_key = 20260214"));
        Assert.Equal("false|false", await Row(warehouse, "SELECT is_public_holiday || '|' || is_working_day FROM dim_date WHERE date_key = 20260110"));
        Assert.Equal("false|true", await Row(warehouse, "SELECT is_public_holiday || '|' || is_working_day FROM dim_date WHERE date_key = 20260105"));
    }

    [Fact]
    public async Task Fiscal_periods_follow_the_configured_start_month()
    {
        await using (var calendar = await WarehouseDatabase.OpenAsync(FilePath, ct: Ct))
        {
            await calendar.EnsureDatesAsync(new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 1), Ct);
            Assert.Equal("2026|1|3", await Row(calendar, "SELECT fiscal_year || '|' || fiscal_quarter || '|' || fiscal_month FROM dim_date WHERE date_key = 20260331"));
        }
        await using var april = await WarehouseDatabase.OpenAsync(Path.Combine(_folder, "april.duckdb"), fiscalYearStartMonth: 4, ct: Ct);
        await april.EnsureDatesAsync(new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 1), Ct);

        Assert.Equal("2026|4|12", await Row(april, "SELECT fiscal_year || '|' || fiscal_quarter || '|' || fiscal_month FROM dim_date WHERE date_key = 20260331"));
        Assert.Equal("2027|1|1", await Row(april, "SELECT fiscal_year || '|' || fiscal_quarter || '|' || fiscal_month FROM dim_date WHERE date_key = 20260401"));
    }

    [Fact]
    public async Task Date_key_is_the_yyyymmdd_of_a_timestamp_or_date_also_in_a_warehouse_made_before_it_was_arithmetic()
    {
        const string keys = """
            SELECT string_agg(coalesce(date_key(v)::VARCHAR, 'null'), ',' ORDER BY n) FROM (VALUES
                (1, TIMESTAMP '2026-02-17 00:00:00'), (2, TIMESTAMP '2025-12-31 23:59:59.999999'), (3, DATE '1999-01-09'::TIMESTAMP),
                (4, NULL::TIMESTAMP)) t(n, v)
            """;
        await using (var created = await WarehouseDatabase.OpenAsync(FilePath, ct: Ct))
        {
            Assert.Equal("20260217,20251231,19990109,null", await Row(created, keys));
            Assert.Equal(20240229, await created.ScalarAsync("SELECT date_key(DATE '2024-02-29')", Ct));
            // A warehouse of schema version 5 still has 004's macro, written through strftime.
            await created.ExecuteAsync("CREATE OR REPLACE MACRO date_key(ts) AS CAST(strftime(CAST(ts AS TIMESTAMP), '%Y%m%d') AS INTEGER)", Ct);
            await created.ExecuteAsync("DELETE FROM schema_version WHERE version >= 6", Ct);
        }
        await using var reopened = await WarehouseDatabase.OpenAsync(FilePath, ct: Ct);

        Assert.True(await reopened.SchemaVersionAsync(Ct) >= 6);
        Assert.DoesNotContain("strftime", await Row(reopened, "SELECT macro_definition FROM duckdb_functions() WHERE function_name = 'date_key'"));
        Assert.Equal("20260217,20251231,19990109,null", await Row(reopened, keys));
    }

    [Fact]
    public async Task A_fiscal_start_month_outside_1_to_12_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WarehouseDatabase.OpenAsync(FilePath, fiscalYearStartMonth: 13, ct: Ct));
        Assert.Equal("fiscalYearStartMonth", error.ParamName);
    }

    [Fact]
    public async Task A_file_that_is_not_a_duckdb_database_is_refused_and_left_as_it_was()
    {
        var csv = "code,name\n" + string.Concat(Enumerable.Range(1, 300).Select(i => $"C{i:D4},李娜\n"));
        await File.WriteAllTextAsync(FilePath, csv, Ct);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => WarehouseDatabase.OpenAsync(FilePath, ct: Ct));

        Assert.Contains("is not a DuckDB database file", error.Message);
        Assert.Equal(csv, await File.ReadAllTextAsync(FilePath, Ct));
    }

    private static async Task<string?> Row(WarehouseDatabase warehouse, string sql) => (string?)await warehouse.ScalarAsync(sql, Ct);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
