using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Tests;

/// <summary>An operational database seeded at the tiny scale and DuckDB warehouse files in a temp folder.</summary>
internal sealed class EtlTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset RunTime = new(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-etl-test-").FullName;
    private readonly List<WarehouseDatabase> _warehouses = [];

    private EtlTestBed(TestDatabase operational) => Operational = operational;

    public TestDatabase Operational { get; }
    public TimeProvider Clock { get; } = new FixedClock(RunTime);

    public static async Task<EtlTestBed> Create(DatabaseProvider provider)
    {
        var operational = await TestDatabase.Create(provider);
        await new DemoSeeder(operational.Database).SeedAsync(new SeedOptions(SeedScale.Tiny), ct: TestContext.Current.CancellationToken);
        return new EtlTestBed(operational);
    }

    public async Task<WarehouseDatabase> Warehouse(string name = "warehouse")
    {
        var warehouse = await WarehouseDatabase.OpenAsync(Path.Combine(_folder, name + ".duckdb"), ct: TestContext.Current.CancellationToken);
        _warehouses.Add(warehouse);
        return warehouse;
    }

    /// <summary>An answered inbound call on the 'sales' queue, recorded through the use case by the first agent.</summary>
    public async Task RecordCallAsync(string callId, DateTime at, Guid? customerId = null)
    {
        await using var db = Operational.Context("agent");
        var agent = await db.Set<Agent>().OrderBy(a => a.AgentNo).FirstAsync(TestContext.Current.CancellationToken);
        await new RecordCallDetail(db).Handle(new RecordCallDetail.Request(callId, CallDirection.Inbound, "13912345678", "4008001234",
            CallOutcome.Answered, at, at.AddSeconds(130), AnsweredAt: at.AddSeconds(10), WaitSeconds: 10, TalkSeconds: 120,
            AgentId: agent.Id, CustomerId: customerId, Queue: "sales"), TestContext.Current.CancellationToken);
    }

    /// <summary>Two use-case changes: a customer moves to 杭州市 (a type-2 attribute) and a new call is recorded for him.</summary>
    public async Task<Guid> MoveACustomerAndRecordACallAsync()
    {
        Guid customerId;
        await using (var db = Operational.Context("sales"))
        {
            var customer = await db.Customers.OrderBy(c => c.Code).FirstAsync(c => c.City != "杭州市", TestContext.Current.CancellationToken);
            customerId = customer.Id;
            customer.City = "杭州市";
            customer.UpdatedAt = new DateTime(2026, 6, 30, 9, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await RecordCallAsync("etl-test-call-1", new DateTime(2026, 6, 30, 10, 0, 0, DateTimeKind.Utc), customerId);
        return customerId;
    }

    public NightlyEtl Etl(WarehouseDatabase warehouse, long? crashAfterRows = null) =>
        new(Operational.Database, warehouse, Clock) { CrashAfterRows = crashAfterRows };

    /// <summary>Every row of every star-schema and ods table, as text, in a stable order. Run bookkeeping
    /// (run ids, times, data-quality rows) differs between runs by design and is left out.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ContentsAsync(WarehouseDatabase warehouse)
    {
        var contents = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var table in await warehouse.TableNamesAsync(TestContext.Current.CancellationToken))
        {
            if (table is "etl_run" or "etl_dq_result" or "schema_version" or "warehouse_compaction") continue;
            await using var command = warehouse.Connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY ALL";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var rows = new List<string>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            contents[table] = rows;
        }
        return contents;
    }

    public static async Task<long> CountAsync(WarehouseDatabase warehouse, string sql) =>
        Convert.ToInt64(await warehouse.ScalarAsync(sql, TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        foreach (var warehouse in _warehouses) await warehouse.DisposeAsync();
        await Operational.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
