using System.Text.Json;
using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Evaluation;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Ml.Tests;

public sealed class ModelRegistryTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("crm-ml-registry-");
    private DuckDB.NET.Data.DuckDBConnection duck = null!;
    private TrainingResult trained = null!;

    public async ValueTask InitializeAsync()
    {
        duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(1200);
        trained = await new TabularTrainer(duck).TrainAsync("SELECT * FROM synthetic",
            new TabularTrainingOptions { Label = "bought", Exclude = ["customer_id"], Folds = 2 }, ct: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await duck.DisposeAsync();
        folder.Delete(recursive: true);
    }

    [Fact]
    public void Versions_count_up_and_metadata_records_what_the_model_was_trained_on()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var registry = new ModelRegistry(folder.FullName, clock);

        var first = registry.Register("lead-score", trained);
        var second = registry.Register("lead-score", trained);

        Assert.Equal(1, first.Model.Metadata.Version);
        Assert.Equal(2, second.Model.Metadata.Version);
        var files = Directory.GetFiles(Path.Combine(folder.FullName, "lead-score", "2")).Select(Path.GetFileName).Order();
        Assert.Equal(["metadata.json", "model.zip"], files);
        Assert.Empty(Directory.GetDirectories(Path.Combine(folder.FullName, "lead-score"), ".incoming-*"));
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "lead-score", "2", "metadata.json")));
        var root = metadata.RootElement;
        Assert.Equal("FastTree", root.GetProperty("trainer").GetString());
        Assert.Equal(clock.GetUtcNow(), root.GetProperty("trainedAt").GetDateTimeOffset());
        Assert.Equal(trained.DataFingerprint, root.GetProperty("dataFingerprint").GetString());
        Assert.Equal("SELECT * FROM synthetic", root.GetProperty("sql").GetString());
        Assert.Equal(trained.Validation.HoldoutAuc, root.GetProperty("validation").GetProperty("overall").GetProperty("auc").GetDouble());
        Assert.Equal(2, root.GetProperty("validation").GetProperty("folds").GetArrayLength());
        Assert.Contains(root.GetProperty("features").GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "driver");
        Assert.Equal([(1, false), (2, true)], registry.List("lead-score").Select(m => (m.Metadata.Version, m.IsChampion)));
    }

    [Fact]
    public void A_challenger_is_promoted_only_within_the_margin_and_the_host_is_told_to_reload()
    {
        var registry = new ModelRegistry(folder.FullName);
        var reloads = new List<(string, int)>();
        registry.Reload += (_, e) => reloads.Add((e.Name, e.Version));
        var champion = trained.Validation.HoldoutAuc;

        var first = registry.Register("churn", trained);
        var slightlyWorse = registry.Register("churn", WithAuc(champion - 0.004), promotionMargin: 0.005);
        var muchWorse = registry.Register("churn", WithAuc(champion - 0.05), promotionMargin: 0.005);
        var better = registry.Register("churn", WithAuc(champion + 0.01), promotionMargin: 0.005);

        Assert.True(first.Promoted);
        Assert.Equal("first version", first.Reason);
        Assert.True(slightlyWorse.Promoted);
        Assert.False(muchWorse.Promoted);
        Assert.Contains("worse than champion v2", muchWorse.Reason);
        Assert.True(better.Promoted);
        Assert.Equal([("churn", 1), ("churn", 2), ("churn", 4)], reloads);
        Assert.Equal(4, registry.Champion("churn")!.Metadata.Version);
        Assert.Equal([4], registry.List().Where(m => m.IsChampion).Select(m => m.Metadata.Version));
    }

    [Fact]
    public async Task A_loaded_champion_scores_as_the_trained_model_did()
    {
        var registry = new ModelRegistry(folder.FullName);
        registry.Register("cross-sell", trained);
        var table = await QueryTable.ReadAsync(duck, "SELECT * FROM synthetic LIMIT 50", TestContext.Current.CancellationToken);

        var loaded = registry.Load("cross-sell");

        var before = trained.Model.Score(table);
        var after = loaded.Score(table);
        Assert.Equal(before.Select(s => s.Probability), after.Select(s => s.Probability));
        Assert.Equal(before.Select(s => s.Reasons[0]), after.Select(s => s.Reasons[0]));
        Assert.Equal(trained.Model.Schema.Columns.Select(c => c.Name), loaded.Schema.Columns.Select(c => c.Name));
        Assert.Null(trained.Model.Registered);
        Assert.Equal(("cross-sell", 1), (loaded.Registered!.Name, loaded.Registered.Version));
    }

    [Fact]
    public async Task Scoring_data_without_a_feature_or_with_another_type_is_refused_naming_the_columns()
    {
        var registry = new ModelRegistry(folder.FullName);
        registry.Register("lead-score", trained);
        var model = registry.Load("lead-score");
        var lacking = await QueryTable.ReadAsync(duck, "SELECT * EXCLUDE (noise, region) FROM synthetic", TestContext.Current.CancellationToken);
        var retyped = await QueryTable.ReadAsync(duck, "SELECT * REPLACE (CAST(driver AS VARCHAR) AS driver) FROM synthetic", TestContext.Current.CancellationToken);

        var missing = Assert.Throws<MlInputException>(() => model.Score(lacking));
        var mismatch = Assert.Throws<MlInputException>(() => model.Score(retyped));

        Assert.Equal("schema", missing.Field);
        Assert.StartsWith("the data lacks the model's feature column(s) noise, region;", missing.Message);
        Assert.Equal("feature column type mismatch: 'driver' is VARCHAR but was DOUBLE in training", mismatch.Message);
    }

    [Fact]
    public void Unknown_models_and_versions_and_bad_names_are_refused()
    {
        var registry = new ModelRegistry(folder.FullName);
        registry.Register("lead-score", trained);

        Assert.Equal("no model named 'churn' in " + folder.FullName + "; models: lead-score", Assert.Throws<MlInputException>(() => registry.Load("churn")).Message);
        Assert.Equal("model 'lead-score' has no version 7; versions: 1", Assert.Throws<MlInputException>(() => registry.Load("lead-score", 7)).Message);
        Assert.Equal("name", Assert.Throws<MlInputException>(() => registry.Register("../escape", trained)).Field);
    }

    [Fact]
    public async Task A_promotion_by_another_process_reaches_the_watching_host_once()
    {
        var host = new ModelRegistry(folder.FullName);
        var reloads = new List<(string Name, int Version)>();
        var second = new TaskCompletionSource();
        host.Reload += (_, e) =>
        {
            lock (reloads) reloads.Add((e.Name, e.Version));
            if (e.Version == 2) second.TrySetResult();
        };
        using var watch = host.WatchChampions();
        // Another process: its own registry instance on the same folder.
        var shell = new ModelRegistry(folder.FullName);

        shell.Register("lead-score", trained);
        shell.Register("lead-score", trained);
        await second.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        host.Register("lead-score", WithAuc(trained.Validation.HoldoutAuc + 0.01));
        await Task.Delay(500, TestContext.Current.CancellationToken); // the watcher's event for version 3 must not announce it again

        lock (reloads)
        {
            Assert.Equal(2, reloads.Last(r => r.Version < 3).Version);
            Assert.Single(reloads, r => r.Version == 3);
            Assert.Equal(reloads.Select(r => r.Version).Order(), reloads.Select(r => r.Version));
        }
    }

    [Fact]
    public async Task A_model_folder_moved_into_the_watched_registry_whole_is_announced()
    {
        // A new folder's own watch begins only when its creation is reported: the champion pointer it arrives with raises
        // no event of its own, so the folder's event must be what announces it. Moved in whole, this is certain every run.
        var root = Path.Combine(folder.FullName, "registry");
        var host = new ModelRegistry(root);
        var announced = new TaskCompletionSource<(string Name, int Version)>();
        host.Reload += (_, e) => announced.TrySetResult((e.Name, e.Version));
        using var watch = host.WatchChampions();
        var staging = new ModelRegistry(Path.Combine(folder.FullName, "staging"));
        staging.Register("churn", trained);
        staging.Register("churn", trained);

        Directory.Move(Path.Combine(staging.Root, "churn"), Path.Combine(root, "churn"));

        Assert.Equal(("churn", 2), await announced.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
    }

    private TrainingResult WithAuc(double auc) =>
        trained with { Validation = trained.Validation with { Overall = trained.Validation.Overall with { Auc = auc } } };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
