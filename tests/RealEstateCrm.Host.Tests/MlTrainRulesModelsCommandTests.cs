using System.Globalization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests;

/// <summary><c>crm ml train</c>, <c>crm ml rules</c> and <c>crm ml models</c> on small CSV files and a warehouse table.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class MlTrainRulesModelsCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("crm-ml-cli-test-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Models => Path.Join(_root.FullName, "models");

    [Fact]
    public async Task Ml_train_prints_metrics_per_fold_saves_versions_and_ml_models_lists_them()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        var sql = $"SELECT * FROM read_csv_auto('{LeadsCsv()}')";

        var (exit, output) = await Crm(test, "ml", "train", "--sql", sql, "--label", "bought", "--exclude", "lead_id", "--folds", "3", "--name", "leads", "--models", Models);
        var (secondExit, second) = await Crm(test, "ml", "train", "--sql", sql, "--label", "bought", "--exclude", "lead_id", "--trainer", "lightgbm", "--folds", "3", "--name", "leads", "--models", Models);
        var (listExit, list) = await Crm(test, "ml", "models", "--models", Models);

        Assert.Equal(0, exit);
        Assert.Contains("validation: 3-fold stratified, seed 42 (1,200 rows", output.Replace("(1200", "(1,200", StringComparison.Ordinal));
        foreach (var header in new[] { "AUC", "PR-AUC", "log-loss", "accuracy", "top-decile lift", "cumulative lift", "overall" }) Assert.Contains(header, output);
        Assert.Contains("not a feature: lead_id: excluded", output);
        Assert.Contains("saved leads v1 to", output);
        Assert.Contains("champion (first version)", output);
        Assert.Equal(0, secondExit);
        Assert.Contains("LightGbm on 1,200 rows", second);
        Assert.Contains("saved leads v2", second);
        Assert.True(File.Exists(Path.Join(Models, "leads", "2", "model.zip")));
        Assert.Equal(0, listExit);
        var rows = list.Split('\n').Where(l => l.Contains("leads", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("FastTree", rows[0]);
        Assert.Contains("LightGbm", rows[1]);
    }

    [Fact]
    public async Task Ml_train_runs_the_query_in_the_warehouse_and_validates_forward_in_time()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        var warehousePath = Path.Join(_root.FullName, "warehouse.duckdb");
        await using (var warehouse = await WarehouseDatabase.OpenAsync(warehousePath, ct: TestContext.Current.CancellationToken))
            await warehouse.ExecuteAsync($"CREATE TABLE ml_training_leads AS SELECT * FROM read_csv_auto('{LeadsCsv()}')", TestContext.Current.CancellationToken);

        var (exit, output) = await Crm(test, "ml", "train", "--sql", "SELECT * FROM ml_training_leads", "--label", "bought", "--exclude", "lead_id",
            "--time-column", "created_on", "--warehouse", warehousePath, "--models", Models);

        Assert.Equal(0, exit);
        Assert.Contains("validation: forward in time on created_on: train before 2026-04-07 00:00:00 (960 rows), test from 2026-04-07 00:00:00 (240 rows)", output);
    }

    [Fact]
    public async Task Ml_rules_prints_the_strongest_rules_first()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        var baskets = Path.Join(_root.FullName, "baskets.csv");
        await File.WriteAllLinesAsync(baskets, ["order_id,product", "1,车位", "1,储藏室", "2,车位", "2,储藏室", "3,车位", "4,装修包", "5,车位", "5,装修包"], TestContext.Current.CancellationToken);

        var (exit, output) = await Crm(test, "ml", "rules", "--sql", $"SELECT * FROM read_csv_auto('{baskets}')", "--basket", "order_id", "--item", "product",
            "--min-support", "0.3", "--min-confidence", "0.5", "--top", "5");

        Assert.Equal(0, exit);
        Assert.Contains("5 baskets, 3 items, 4 frequent itemsets: 2 rules", output);
        var lines = output.Split('\n');
        var first = Array.FindIndex(lines, l => l.Contains("{储藏室} => {车位}", StringComparison.Ordinal));
        var second = Array.FindIndex(lines, l => l.Contains("{车位} => {储藏室}", StringComparison.Ordinal));
        Assert.True(first >= 0 && second > first, output);
        Assert.Contains("1.250", lines[first]); // both lift 1.25; the rule with confidence 1 comes before the one with 0.5
    }

    [Theory]
    [InlineData("--label", "converted", "--label: no column 'converted' in the query result; its columns: lead_id, created_on, budget_gap, visits, channel, bought")]
    [InlineData("--label", "channel", "--label: label column 'channel' must be binary (two distinct values); found 3:")]
    [InlineData("--exclude", "phone", "--exclude: no column 'phone'")]
    [InlineData("--trainer", "forest", "--trainer: 'forest' is not one of fasttree, lightgbm, logistic")]
    [InlineData("--sql", "SELECT * FROM no_such_table", "--sql: DuckDB: ")]
    [InlineData("--sql", "SELECT * FROM leads WHERE false", "--sql: the query returned no rows")]
    [InlineData("--folds", "1", "--folds: folds must be at least 2 (got 1)")]
    [InlineData("--name", "../x", "--name: model name '../x' must be")]
    public async Task Ml_train_refuses_bad_input_with_exit_2_naming_the_option(string option, string value, string message)
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        var arguments = new Dictionary<string, string>
        {
            ["--sql"] = $"SELECT * FROM read_csv_auto('{LeadsCsv()}')", ["--label"] = "bought", ["--folds"] = "2", ["--models"] = Models,
        };
        arguments[option] = value.Replace("FROM leads", $"FROM read_csv_auto('{LeadsCsv()}')", StringComparison.Ordinal);

        var (exit, output) = await Crm(test, ["ml", "train", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, exit);
        Assert.Contains(message, output);
        Assert.False(Directory.Exists(Models) && Directory.EnumerateFileSystemEntries(Models).Any(), "nothing is saved");
    }

    // 1,200 leads, ten a day from 2026-01-01; the budget gap mostly decides, channel helps a little.
    private string LeadsCsv()
    {
        var path = Path.Join(_root.FullName, "leads.csv");
        if (File.Exists(path)) return path;
        var random = new Random(7);
        var lines = new List<string> { "lead_id,created_on,budget_gap,visits,channel,bought" };
        string[] channels = ["referral", "online", "walk-in"];
        for (var i = 0; i < 1200; i++)
        {
            var gap = Math.Round(random.NextDouble() * 100, 1);
            var visits = random.Next(0, 6);
            var channel = channels[random.Next(channels.Length)];
            var bought = 100 - gap + visits * 4 + (channel == "referral" ? 10 : 0) + random.NextDouble() * 30 > 75;
            lines.Add(string.Join(',', i, new DateOnly(2026, 1, 1).AddDays(i / 10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                gap.ToString(CultureInfo.InvariantCulture), visits, channel, bought ? "yes" : "no"));
        }
        File.WriteAllLines(path, lines);
        return path;
    }
}
