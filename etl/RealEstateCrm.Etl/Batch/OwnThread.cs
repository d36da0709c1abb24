namespace RealEstateCrm.Etl.Batch;

/// <summary>Starts work that blocks for seconds in native code (SQLite reads and counts) on a thread of its own instead of
/// the thread pool's. The pool keeps as many threads as cores (two here) and adds another only after it has seen them
/// busy for a while: with the run's own thread in DuckDB and the counts in SQLite, the reader of an incremental run
/// waited 0.2 s for a thread before reading its first row, at the head of a 4.5 s run.</summary>
internal static class OwnThread
{
    /// <summary>Runs <paramref name="work"/> on a new thread until its first await that does not complete at once (SQLite's
    /// calls all do); the rest, if any, continues on the pool as usual.</summary>
    public static Task<T> Start<T>(Func<Task<T>> work, CancellationToken ct = default) =>
        Task.Factory.StartNew(work, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <inheritdoc cref="Start{T}"/>
    public static Task Start(Func<Task> work, CancellationToken ct = default) =>
        Task.Factory.StartNew(work, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
}
