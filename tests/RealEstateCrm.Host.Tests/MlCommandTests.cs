using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests;

/// <summary><c>crm ml score</c> and <c>crm ml calllist</c> on a seeded, ETL-loaded database.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class MlCommandTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-ml-cli-test-").FullName;
    private string WarehousePath => Path.Combine(_folder, "warehouse.duckdb");
    private string ModelsPath => Path.Combine(_folder, "models");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Ml_score_retrains_and_scores_then_ml_calllist_writes_the_days_lists()
    {
        await using var test = await LoadedAsync();

        var (before, refused) = await Crm(test, "ml", "calllist", "--warehouse", WarehousePath);
        var (scored, scoring) = await Crm(test, "ml", "score", "--retrain", "--date", "2026-06-30", "--warehouse", WarehousePath, "--models", ModelsPath);
        var (written, lists) = await Crm(test, "ml", "calllist", "--date", "2026-06-30", "--calls-per-rep", "5", "--warehouse", WarehousePath);

        Assert.Equal(2, before);
        Assert.Contains("nothing was scored for 2026-06-30", refused);
        Assert.Equal(0, scored);
        Assert.Contains("lead-score v1", scoring);
        Assert.Contains("scored as of 2026-06-30", scoring);
        Assert.Equal(0, written);
        Assert.Contains("call lists for 2026-06-30", lists);
        await using var db = test.Context();
        var sales = await db.CallLists.Include(l => l.Entries).Where(l => l.Kind == CallListKind.SalesLeads && l.ForDate == new DateOnly(2026, 6, 30) && l.Name.StartsWith("线索外呼")).ToListAsync(Ct);
        Assert.NotEmpty(sales);
        Assert.All(sales, l => Assert.InRange(l.Entries.Count, 1, 5));
        await using var warehouse = await WarehouseDatabase.OpenAsync(WarehousePath, ct: Ct);
        Assert.Equal(2L, await warehouse.ScalarAsync("SELECT count(DISTINCT model) FROM ml_score WHERE as_of = DATE '2026-06-30' AND model IN ('lead-score', 'churn')", Ct));
        Assert.NotEqual(0L, await warehouse.ScalarAsync("SELECT count(*) FROM ml_score WHERE model LIKE 'cross-sell-%'", Ct));
    }

    [Theory]
    [InlineData("score", "--date", "30/06/2026", "--date: \"30/06/2026\" is not a date")]
    [InlineData("calllist", "--weekly-cap", "0", "--weekly-cap: give at least 1")]
    public async Task Bad_ml_options_are_refused_naming_the_option(string command, string option, string value, string message)
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);

        var (exit, output) = await Crm(test, "ml", command, option, value, "--warehouse", WarehousePath);

        Assert.Equal(2, exit);
        Assert.Contains(message, output);
        Assert.False(File.Exists(WarehousePath), "the warehouse was opened before the options were checked");
    }

    [Fact]
    public async Task Ml_score_without_trained_models_says_how_to_train_them()
    {
        await using var test = await LoadedAsync();

        var (exit, output) = await Crm(test, "ml", "score", "--warehouse", WarehousePath, "--models", ModelsPath);

        Assert.Equal(2, exit);
        Assert.Contains($"no trained product models in {ModelsPath}: run crm ml score --retrain", output);
    }

    private async Task<TestDatabase> LoadedAsync()
    {
        var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await Crm(test, "seed", "--scale", "tiny")).ExitCode);
        Assert.Equal(0, (await Crm(test, "etl", "run", "--warehouse", WarehousePath)).ExitCode);
        return test;
    }
}
