using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Etl.Batch;

/// <summary>The operational row counts a run's checks reconcile with, taken on the run's own connection in its read
/// snapshot, on the reader's idle core while DuckDB finishes and commits. Counted on a connection of their own, they saw
/// what was written during the run, and a customer added meanwhile failed the run's reconciliation. Declared after the
/// snapshot, so disposing waits for the counts before the snapshot ends and the connection closes under them.</summary>
internal sealed class SnapshotCounts : IAsyncDisposable
{
    private Task<long[]>? _counts;

    /// <summary>The counts, once <see cref="Start"/> was called.</summary>
    public Task<long[]>? Counts => _counts;

    /// <summary>Starts counting on <paramref name="db"/>, which nothing else may use until this is disposed.</summary>
    public void Start(CrmDbContext db, CancellationToken ct) => _counts = DataQualityChecks.StartOperationalCounts(db, ct);

    // Waits without throwing, and observes a failure: it is reported where the counts are read, or not at all when the run
    // failed first.
    public async ValueTask DisposeAsync()
    {
        if (_counts is not null) await _counts.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
