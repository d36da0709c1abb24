using System.Globalization;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Runs the warehouse's DuckDB on one thread until disposed, then gives it back the thread count it had. For the
/// nightly run: in the full load the reader thread keeps a core busy already, and on a small shared machine DuckDB's
/// parallel operators spent more CPU coordinating their threads than they saved; an incremental run's statements are
/// small, and were cheaper on one thread too.</summary>
internal sealed class DuckDbThreadLimit : IAsyncDisposable
{
    private readonly WarehouseDatabase _warehouse;
    private readonly long _threads;

    private DuckDbThreadLimit(WarehouseDatabase warehouse, long threads) => (_warehouse, _threads) = (warehouse, threads);

    public static async Task<DuckDbThreadLimit> OneThreadAsync(WarehouseDatabase warehouse, CancellationToken ct)
    {
        var threads = Convert.ToInt64(await warehouse.ScalarAsync("SELECT current_setting('threads')", ct), CultureInfo.InvariantCulture);
        await warehouse.ExecuteAsync("SET threads = 1", ct);
        return new DuckDbThreadLimit(warehouse, threads);
    }

    // Not cancellable: the setting outlives the run on this connection and must be restored whatever happened.
    public async ValueTask DisposeAsync() => await _warehouse.ExecuteAsync($"SET threads = {_threads}", CancellationToken.None);
}
