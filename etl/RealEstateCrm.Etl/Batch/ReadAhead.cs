using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Reads the source tables one after the other on a worker thread, a few chunks ahead of the caller, so
/// reading the operational DB goes on while the caller appends to DuckDB and runs the transformations of what is already
/// extracted: two cores at work instead of taking turns. The caller takes the tables in the same order, each with
/// <see cref="NextTableAsync"/>, and sees the same rows in the same order.</summary>
internal sealed class ReadAhead : IAsyncDisposable
{
    // Enough to keep reading through a transformation of a few seconds; bounded so memory stays so.
    private const int ChunksAhead = 32;

    // A null chunk ends a table.
    private readonly Channel<RowChunk?> _chunks = Channel.CreateBounded<RowChunk?>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _reader;

    private ReadAhead(IReadOnlyList<Func<CancellationToken, IAsyncEnumerable<RowChunk>>> tables, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // A thread of its own, not the pool's: the pool keeps as many threads as cores and adds one only after seeing them
        // busy for a while, and with the run's thread in DuckDB the reader of an incremental run waited 0.2 s for one before
        // its first row. SQLite's calls complete at once, so the reading stays on it.
        _reader = Task.Factory.StartNew(() => ReadAsync(tables, _stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Starts reading <paramref name="tables"/> (each a function giving a table's rows) in order.</summary>
    public static ReadAhead Start(IReadOnlyList<Func<CancellationToken, IAsyncEnumerable<RowChunk>>> tables, CancellationToken ct) => new(tables, ct);

    /// <summary>The rows of the next table, in chunks.</summary>
    public async IAsyncEnumerable<RowChunk> NextTableAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // WaitToReadAsync rethrows a read failure as it was thrown.
        while (await _chunks.Reader.WaitToReadAsync(ct))
        {
            if (!_chunks.Reader.TryRead(out var chunk)) continue;
            if (chunk is null) yield break;
            yield return chunk;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Whether the caller finished or failed, the worker must be done with the sources (and their DbContext) before
        // anything else uses them.
        await _stop.CancelAsync();
        await _reader;
        _stop.Dispose();
    }

    private async Task ReadAsync(IReadOnlyList<Func<CancellationToken, IAsyncEnumerable<RowChunk>>> tables, CancellationToken ct)
    {
        try
        {
            foreach (var table in tables)
            {
                await foreach (var chunk in table(ct).WithCancellation(ct)) await _chunks.Writer.WriteAsync(chunk, ct);
                await _chunks.Writer.WriteAsync(null, ct);
            }
            _chunks.Writer.Complete();
        }
        catch (Exception e)
        {
            // A read failure reaches the caller through the channel; a stop after the caller quit reaches nobody.
            _chunks.Writer.TryComplete(e);
        }
    }
}
