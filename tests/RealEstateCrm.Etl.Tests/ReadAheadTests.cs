using RealEstateCrm.Etl.Batch;

namespace RealEstateCrm.Etl.Tests;

/// <summary>The read-ahead worker gives the tables' rows table after table, in the order asked for, and a read that
/// failed reaches the caller with its own exception.</summary>
public sealed class ReadAheadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Gives_the_tables_in_order_and_reads_ahead_of_the_caller()
    {
        var rowsRead = 0;
        await using var reads = ReadAhead.Start([_ => Rows(3, () => rowsRead++), _ => Rows(2, () => rowsRead++)], Ct);
        Assert.Equal(3, await CountAsync(reads.NextTableAsync(Ct)));
        // The second table's rows are read while the caller still works on the first's.
        for (var waited = 0; Volatile.Read(ref rowsRead) < 5 && waited < 10_000; waited += 10) await Task.Delay(10, Ct);
        Assert.Equal(5, Volatile.Read(ref rowsRead));
        Assert.Equal(2, await CountAsync(reads.NextTableAsync(Ct)));
    }

    [Fact]
    public async Task A_failed_read_reaches_the_caller()
    {
        await using var reads = ReadAhead.Start([_ => Rows(1, () => { }), _ => Failing()], Ct);
        Assert.Equal(1, await CountAsync(reads.NextTableAsync(Ct)));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => CountAsync(reads.NextTableAsync(Ct)));
        Assert.Equal("the source went away", failure.Message);
    }

    private static async IAsyncEnumerable<RowChunk> Rows(int count, Action read)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            read();
            yield return new BoxedRowChunk([[i]]);
        }
    }

    private static async IAsyncEnumerable<RowChunk> Failing()
    {
        await Task.Yield();
        throw new InvalidOperationException("the source went away");
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<RowChunk> chunks)
    {
        var rows = 0;
        await foreach (var chunk in chunks) rows += chunk.Count;
        return rows;
    }
}
