using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace RealEstateCrm.Operational.Outbox;

/// <summary>Lines up this process's writers to one SQLite file before they BEGIN IMMEDIATE. SQLite lets one writer at a
/// time in; the others get SQLITE_BUSY, and Microsoft.Data.Sqlite retries a busy statement only every 150 ms, so under
/// concurrent writers most of a commit's time was that sleep (8 writers: about 65 commits/s). Waiting here instead hands
/// the file to the next writer the moment the previous one commits. Writers in other processes, and transactions a
/// caller opens itself, still meet SQLite's own busy handling: the queue shortens the wait, correctness never depends on it.</summary>
internal static class SqliteWriterQueue
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    /// <summary>The turn for the file <paramref name="connectionString"/> names (null for an in-memory database, which no
    /// other connection shares), once it is this caller's; dispose it after the commit or rollback.</summary>
    public static async ValueTask<IDisposable?> WaitAsync(string? connectionString, bool sync, CancellationToken ct)
    {
        if (QueueOf(connectionString) is not { } queue) return null;
        if (sync) queue.Wait(ct);
        else await queue.WaitAsync(ct);
        return new Turn(queue);
    }

    private static SemaphoreSlim? QueueOf(string? connectionString)
    {
        if (connectionString is null) return null;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:") return null;
        return Files.GetOrAdd(Path.GetFullPath(builder.DataSource), _ => new SemaphoreSlim(1, 1));
    }

    private sealed class Turn(SemaphoreSlim queue) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) queue.Release();
        }
    }
}
