using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using RealEstateCrm.Host.Ml;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Ml.Training;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Host.Tests;

/// <summary>The champions <c>crm serve</c> and <c>crm worker</c> hold loaded, on a real registry folder, with promotions
/// made by "another process": a second <see cref="ModelRegistry"/> instance on the same folder, as <c>crm ml train</c> in a
/// shell would.</summary>
public sealed class ChampionModelsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-champions-");
    private readonly RecordingLogger _log = new();
    private TrainingResult _trained = null!;
    private ModelRegistry _registry = null!;
    private ChampionModels _champions = null!;

    public async ValueTask InitializeAsync()
    {
        await using var duck = new DuckDBConnection("Data Source=:memory:");
        await duck.OpenAsync(Ct);
        await using (var command = duck.CreateCommand())
        {
            // 600 rows where x decides the label, a little noise in y; hash(i) gives the same rows on every run.
            command.CommandText = """
                CREATE TABLE rows AS
                SELECT (hash(i) % 1000) / 10.0 AS x, (hash(i + 7) % 1000) / 10.0 AS y,
                       (hash(i) % 1000) / 10.0 + (hash(i + 7) % 100) / 10.0 > 55 AS label
                FROM range(600) t(i)
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }
        _trained = await new TabularTrainer(duck).TrainAsync("SELECT * FROM rows", new TabularTrainingOptions { Label = "label", Folds = 2 }, ct: Ct);
        _registry = new ModelRegistry(_folder.FullName);
        _champions = new ChampionModels(_registry, TimeProvider.System, _log);
    }

    public ValueTask DisposeAsync()
    {
        _champions.Dispose();
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private HeldChampion Held(string name) => _champions.Held.Single(h => h.Name == name);

    [Fact]
    public async Task Champions_are_loaded_at_start_absent_ones_are_recorded_and_scoring_reuses_the_loaded_model()
    {
        _registry.Register("lead-score", _trained);

        await _champions.StartAsync(Ct);
        var first = _champions.ChampionModel("lead-score");
        var second = _champions.ChampionModel("lead-score");

        Assert.Equal(1, Held("lead-score").Version);
        Assert.Equal(ReloadTrigger.Start, Held("lead-score").LastReload!.Trigger);
        Assert.Same(Held("lead-score").Model, first);
        Assert.Same(first, second);
        var churn = Held("churn");
        Assert.Null(churn.Model);
        Assert.Null(_champions.ChampionModel("churn"));
        Assert.True(churn.LastReload!.Succeeded);
        Assert.Null(churn.LastReload.Version);
        Assert.Equal(["lead-score", "churn", "cross-sell-parking", "cross-sell-storage", "cross-sell-renovation", "cross-sell-service-upgrade", "cross-sell-second-unit"],
            _champions.Held.Select(h => h.Name));
        Assert.Contains(_log.Lines, l => l.StartsWith("Information: Model lead-score: champion v1 loaded (Start)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_promotion_in_this_process_is_what_the_next_scoring_gets_without_waiting()
    {
        _registry.Register("churn", _trained);
        await _champions.StartAsync(Ct);

        var decision = _registry.Register("churn", _trained);
        // The registry's event (or the watcher's, whichever came first) may still be loading it: scoring waits for it.
        var scoredWith = _champions.ChampionModel("churn");

        Assert.True(decision.Promoted);
        Assert.Equal(2, scoredWith!.Registered!.Version);
        Assert.Equal(2, Held("churn").Version);
    }

    [Fact]
    public async Task A_promotion_by_another_process_is_held_within_a_bounded_wait()
    {
        _registry.Register("lead-score", _trained);
        await _champions.StartAsync(Ct);
        var before = Held("lead-score").Model;

        var shell = new ModelRegistry(_folder.FullName);
        Assert.True(shell.Register("lead-score", _trained).Promoted);
        await UntilAsync(() => Held("lead-score").Version == 2);

        Assert.NotSame(before, Held("lead-score").Model);
        Assert.Equal(ReloadTrigger.Promotion, Held("lead-score").LastReload!.Trigger);
        Assert.Same(Held("lead-score").Model, _champions.ChampionModel("lead-score"));
    }

    [Fact]
    public async Task A_champion_that_fails_to_load_keeps_the_previous_one_and_says_why()
    {
        _registry.Register("lead-score", _trained);
        await _champions.StartAsync(Ct);
        var working = Held("lead-score").Model;

        BrokenModelVersion.Promote(_folder.FullName, "lead-score", 1, 2);
        await UntilAsync(() => Held("lead-score").LastReload is { Succeeded: false, Version: 2 });

        Assert.Equal(1, Held("lead-score").Version);
        Assert.Same(working, Held("lead-score").Model);
        Assert.NotNull(Held("lead-score").LastReload!.Error);
        // Scoring asks again, the version still fails, and the working champion is what it gets.
        Assert.Same(working, _champions.ChampionModel("lead-score"));
        Assert.Contains(_log.Lines, l => l.StartsWith("Error: Model lead-score: champion v2 could not be loaded", StringComparison.Ordinal) && l.Contains("keeping v1"));
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {Bound.TotalSeconds} s");
            await Task.Delay(50, Ct);
        }
    }

    private sealed class RecordingLogger : ILogger<ChampionModels>
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToList(); } }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines) _lines.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
