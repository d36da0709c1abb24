using Microsoft.EntityFrameworkCore.Storage;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Etl.Batch;

/// <summary>The operational row counts a run's checks reconcile with, taken in the run's read snapshot: counted outside it,
/// they saw what was written during the run, and a customer added meanwhile failed the run's reconciliation.
/// Where the snapshot can be handed to another connection (PostgreSQL, SQLite with a WAL: <see cref="ReadSnapshot.TryJoinReadSnapshotAsync"/>)
/// they start on a connection of their own as soon as the outbox is read, beside the extraction: each count reads a whole
/// index, and with the operational file out of the page cache the 18 of them are 16 s of reading at the large scale,
/// which held up the commit and the checks when they started once the rows were read. Elsewhere they are counted on the
/// run's own connection once the run has read its rows. Declared after the run's snapshot, so disposing waits for the
/// counts before that snapshot ends.</summary>
internal sealed class SnapshotCounts : IAsyncDisposable
{
    private readonly CrmDbContext _own;
    private IDbContextTransaction? _joined;
    private Task<long[]>? _counts;

    private SnapshotCounts(CrmDbContext own) => _own = own;

    /// <summary>Starts the counts in <paramref name="run"/>'s read snapshot, which has read the outbox, if it can be shared;
    /// call this before the run's reading starts (the holder must not be in use while it is joined).</summary>
    public static async Task<SnapshotCounts> StartAsync(CrmDatabase operational, CrmDbContext run, CancellationToken ct)
    {
        var counts = new SnapshotCounts(operational.CreateContext("etl"));
        try
        {
            counts._joined = await counts._own.TryJoinReadSnapshotAsync(run, ct);
            if (counts._joined is not null) counts._counts = DataQualityChecks.StartOperationalCounts(counts._own, ct);
            return counts;
        }
        catch
        {
            await counts.DisposeAsync();
            throw;
        }
    }

    /// <summary>The counts: those already started, else counted now on <paramref name="run"/>'s connection, which the run
    /// must no longer be reading on.</summary>
    public Task<long[]> Counts(CrmDbContext run, CancellationToken ct) => _counts ??= DataQualityChecks.StartOperationalCounts(run, ct);

    // Waits without throwing, and observes a failure: it is reported where the counts are read, or not at all when the run
    // failed first.
    public async ValueTask DisposeAsync()
    {
        if (_counts is not null) await _counts.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (_joined is not null) await _joined.DisposeAsync();
        await _own.DisposeAsync();
    }
}
