using RealEstateCrm.Etl.Batch;

namespace RealEstateCrm.Etl.Tests;

/// <summary>The read-ahead worker tells the run when every table is read (so the run's context can count the operational
/// rows while the last tables are still appended and transformed), and only then: not before the last row, not when a read failed.</summary>
public sealed class ReadAheadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_all_read_after_the_last_row_and_before_it_is_disposed()
    {
        var rowsWhenReported = -1;
        var rowsRead = 0;
        var reads = ReadAhead.Start([_ => Rows(3, () => rowsRead++), _ => Rows(2, () => rowsRead++)], () => rowsWhenReported = rowsRead, Ct);
        await using (reads)
        {
            Assert.Equal(3, await CountAsync(reads.NextTableAsync(Ct)));
            Assert.Equal(2, await CountAsync(reads.NextTableAsync(Ct)));
        }
        Assert.Equal(5, rowsWhenReported);
    }

    [Fact]
    public async Task Does_not_report_all_read_when_a_table_fails()
    {
        var reported = false;
        var reads = ReadAhead.Start([_ => Rows(1, () => { }), _ => Failing()], () => reported = true, Ct);
        await using (reads)
        {
            Assert.Equal(1, await CountAsync(reads.NextTableAsync(Ct)));
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => CountAsync(reads.NextTableAsync(Ct)));
            Assert.Equal("the source went away", failure.Message);
        }
        Assert.False(reported);
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
