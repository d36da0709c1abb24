using System.Runtime.CompilerServices;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl;

/// <summary>The one gate to a warehouse's connection. DuckDB allows one writer per file and a connection is
/// not thread-safe, so the nightly batch, the streaming tailer and anything reading the warehouse in the
/// same process take turns here; each load then starts from the watermark the previous one committed.</summary>
public sealed class WarehouseWriter
{
    private static readonly ConditionalWeakTable<WarehouseDatabase, WarehouseWriter> Writers = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    private WarehouseWriter(WarehouseDatabase warehouse) => Warehouse = warehouse;

    public WarehouseDatabase Warehouse { get; }

    /// <summary>The writer of <paramref name="warehouse"/>: the same object for every caller.</summary>
    public static WarehouseWriter Of(WarehouseDatabase warehouse) => Writers.GetValue(warehouse, w => new WarehouseWriter(w));

    /// <summary>Runs <paramref name="work"/> alone on the warehouse connection (not re-entrant).</summary>
    public async Task<T> UseAsync<T>(Func<WarehouseDatabase, Task<T>> work, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await work(Warehouse);
        }
        finally
        {
            _gate.Release();
        }
    }
}
