using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Warehouse.Tests.Olap;

/// <summary>A temp warehouse with eight hand-made calls, so every expected figure can be worked out on paper:
/// January: 售前 answered in 10 s and 30 s, one abandoned after 40 s; 售后 answered in 5 s.
/// February: 售前 answered in 15 s; 售后 abandoned after 25 s, answered in 20 s, and one outbound call.</summary>
internal sealed class CallsWarehouse : IAsyncDisposable
{
    private readonly string _folder;

    private CallsWarehouse(string folder, WarehouseDatabase database)
    {
        _folder = folder;
        Database = database;
        Engine = new OlapEngine(database.Connection);
    }

    public WarehouseDatabase Database { get; }
    public OlapEngine Engine { get; }

    public static async Task<CallsWarehouse> CreateAsync(CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("crm-olap-test-").FullName;
        var database = await WarehouseDatabase.OpenAsync(Path.Combine(folder, "warehouse.duckdb"), ct: ct);
        await database.EnsureDatesAsync(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), ct);
        await database.ExecuteAsync("""
            INSERT INTO dim_queue VALUES (1, '售前'), (2, '售后');
            INSERT INTO dim_agent VALUES (1, uuid(), uuid(), 'A001', '8001', NULL), (2, uuid(), uuid(), 'A002', '8002', NULL);
            INSERT INTO fact_call (call_record_id, call_id, started_date_key, started_time_key, customer_key, agent_key, queue_key,
                                   direction, outcome, is_abandoned, wait_seconds, talk_seconds, started_at)
            SELECT uuid(), 'C' || n, dk, 930, NULL, agent, queue, dir, outcome, abandoned, wait, talk, strptime(CAST(dk AS VARCHAR), '%Y%m%d')
            FROM (VALUES (1, 20260105, 1, 1, 'Inbound', 'Answered', false, 10, 100),
                         (2, 20260105, 2, 1, 'Inbound', 'Answered', false, 30, 200),
                         (3, 20260105, NULL, 1, 'Inbound', 'Abandoned', true, 40, 0),
                         (4, 20260105, 2, 2, 'Inbound', 'Answered', false, 5, 50),
                         (5, 20260210, 1, 1, 'Inbound', 'Answered', false, 15, 120),
                         (6, 20260210, NULL, 2, 'Inbound', 'Abandoned', true, 25, 0),
                         (7, 20260210, 2, 2, 'Inbound', 'Answered', false, 20, 80),
                         (8, 20260210, 2, 2, 'Outbound', 'Answered', false, 0, 60)) AS t(n, dk, agent, queue, dir, outcome, abandoned, wait, talk);
            """, ct);
        // Facts written directly, not by the ETL: the rollups must be brought up to date by hand.
        await OlapRollups.RebuildAsync(database, ct);
        return new CallsWarehouse(folder, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
