using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Etl.Tests;

/// <summary>The CLI shows a run's steps as they come; the commit (DuckDB's checkpoint) is one of them, so a long commit
/// is not shown as the transformation.</summary>
public sealed class EtlProgressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_reports_extraction_then_transform_and_load_then_the_commit_then_the_checks()
    {
        await using var bed = await EtlTestBed.Create(DatabaseProvider.Sqlite);
        var steps = new StepRecorder();

        await bed.Etl(await bed.Warehouse()).RunAsync(full: true, steps, Ct);

        var kinds = steps.Steps.Select(s => s.StartsWith("extract", StringComparison.Ordinal) ? "extract" : s).ToList();
        var order = kinds.Where((kind, i) => i == 0 || kind != kinds[i - 1]);
        Assert.Equal(["extract", "transform and load", "commit", "data-quality checks"], order);
    }

    // Progress<T> posts to the thread pool, so its order is not the reports' order; this records them as they are made.
    private sealed class StepRecorder : IProgress<EtlProgress>
    {
        public List<string> Steps { get; } = [];

        public void Report(EtlProgress value)
        {
            lock (Steps) Steps.Add(value.Step);
        }
    }
}
