using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Reads source rows on a worker thread in chunks, a few chunks ahead of the caller, so reading the operational
/// DB and appending to DuckDB run side by side on two cores instead of taking turns row by row. The caller sees the
/// same rows in the same order.</summary>
internal static class ReadAhead
{
    private const int ChunkRows = 10_000;
    private const int ChunksAhead = 4;

    public static async IAsyncEnumerable<object?[]> RowsAsync(IAsyncEnumerable<object?[]> source, [EnumeratorCancellation] CancellationToken ct)
    {
        var chunks = Channel.CreateBounded<List<object?[]>>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = Task.Run(() => ReadAsync(source, chunks.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(ct))
                foreach (var row in chunk) yield return row;
        }
        finally
        {
            // Whether the caller finished or failed while appending, the worker must be done with the source (and its
            // DbContext) before anything else uses it.
            await stop.CancelAsync();
            await reader;
        }
    }

    private static async Task ReadAsync(IAsyncEnumerable<object?[]> source, ChannelWriter<List<object?[]>> chunks, CancellationToken ct)
    {
        try
        {
            var chunk = new List<object?[]>(ChunkRows);
            await foreach (var row in source.WithCancellation(ct))
            {
                chunk.Add(row);
                if (chunk.Count < ChunkRows) continue;
                await chunks.WriteAsync(chunk, ct);
                chunk = new List<object?[]>(ChunkRows);
            }
            if (chunk.Count > 0) await chunks.WriteAsync(chunk, ct);
            chunks.Complete();
        }
        catch (Exception e)
        {
            // A read failure reaches the caller through the channel; a stop after the caller quit reaches nobody.
            chunks.TryComplete(e);
        }
    }
}
