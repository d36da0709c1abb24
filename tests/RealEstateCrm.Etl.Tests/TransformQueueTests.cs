using System.Globalization;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Tests;

/// <summary>A transformation runs once its source tables are extracted, ahead of earlier statements still waiting only when
/// they share no table one of them writes. Each statement here takes the next number of a sequence (not a table, so no
/// conflict), which shows the order the queue ran them in.</summary>
public sealed class TransformQueueTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-transform-queue-").FullName;
    private WarehouseDatabase _warehouse = null!;

    public async ValueTask InitializeAsync()
    {
        _warehouse = await WarehouseDatabase.OpenAsync(Path.Combine(_folder, "warehouse.duckdb"), ct: Ct);
        await _warehouse.ExecuteAsync("CREATE TEMP TABLE ods_a AS SELECT 1 AS id; CREATE TEMP TABLE ods_b AS SELECT 1 AS id; CREATE TEMP SEQUENCE run_order", Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _warehouse.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_ready_statement_passes_a_waiting_one_it_shares_no_written_table_with_and_one_that_reads_its_output_waits()
    {
        var queue = new TransformQueue(_warehouse,
        [
            "CREATE TEMP TABLE from_b AS SELECT nextval('run_order') AS n FROM ods_b",
            "CREATE TEMP TABLE from_a AS SELECT nextval('run_order') AS n FROM ods_a",
            "CREATE TEMP TABLE from_a_and_b AS SELECT nextval('run_order') AS n FROM ods_a, from_b",
            "CREATE TEMP TABLE also_from_a AS SELECT nextval('run_order') AS n FROM ods_a",
        ], ["a", "b"]);

        await queue.ExtractedAsync("a", Ct);
        Assert.Equal(["from_a", "also_from_a"], await TablesInRunOrderAsync());

        await queue.ExtractedAsync("b", Ct);
        Assert.Equal(["from_a", "also_from_a", "from_b", "from_a_and_b"], await TablesInRunOrderAsync());
    }

    [Fact]
    public async Task A_statement_whose_writes_are_not_recognised_lets_nothing_pass_it()
    {
        var queue = new TransformQueue(_warehouse,
        [
            "CREATE TEMP TABLE from_b AS SELECT nextval('run_order') AS n FROM ods_b",
            "CHECKPOINT",
            "CREATE TEMP TABLE from_a AS SELECT nextval('run_order') AS n FROM ods_a",
        ], ["a", "b"]);

        await queue.ExtractedAsync("a", Ct);
        Assert.Empty(await TablesInRunOrderAsync());

        await queue.ExtractedAsync("b", Ct);
        Assert.Equal(["from_b", "from_a"], await TablesInRunOrderAsync());
    }

    [Fact]
    public async Task The_rest_runs_in_order_when_everything_is_extracted()
    {
        var queue = new TransformQueue(_warehouse,
        [
            "CREATE TEMP TABLE from_b AS SELECT nextval('run_order') AS n FROM ods_b",
            "CREATE TEMP TABLE from_a AS SELECT nextval('run_order') AS n FROM ods_a",
        ], ["a", "b"]);

        await queue.RunRestAsync(Ct);

        Assert.Equal(["from_b", "from_a"], await TablesInRunOrderAsync());
    }

    private async Task<List<string>> TablesInRunOrderAsync()
    {
        var tables = new List<(long Order, string Name)>();
        foreach (var name in new[] { "from_a", "from_b", "from_a_and_b", "also_from_a" })
            if (await _warehouse.ScalarAsync($"SELECT count(*) FROM duckdb_tables() WHERE table_name = '{name}'", Ct) is long and > 0)
                tables.Add((Convert.ToInt64(await _warehouse.ScalarAsync($"SELECT n FROM {name}", Ct), CultureInfo.InvariantCulture), name));
        return tables.OrderBy(t => t.Order).Select(t => t.Name).ToList();
    }
}
