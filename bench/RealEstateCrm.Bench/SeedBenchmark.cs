using System.Diagnostics;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Data.Bulk;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Bench;

/// <summary>The <c>seed</c> suite: a medium-scale seed per provider (time, rows/s through the bulk path),
/// and bulk versus one SaveChanges per entity on the same 10,000 customers.</summary>
internal static class SeedBenchmark
{
    private const int SampleRows = 10_000;

    public static async Task<int> RunAsync()
    {
        await using var databases = await BenchDatabases.StartAsync();
        Console.WriteLine($"seed benchmark: scale {SeedScale.Medium.Name} ({SeedScale.Medium.Customers:N0} customers), seed 42; {Environment.ProcessorCount} cores, {LoadAverage()}");
        Console.WriteLine($"PostgreSQL: {(databases.PostgresServer is null ? "" : "present, ")}{databases.PostgresSource}");
        var providers = databases.PostgresServer is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        foreach (var provider in providers)
        {
            var summary = await new DemoSeeder(await databases.NewAsync(provider)).SeedAsync(new SeedOptions(SeedScale.Medium));
            Console.WriteLine($"{provider,-9} medium seed: {summary.Elapsed.TotalSeconds,6:0.0} s for {summary.TotalRows:N0} rows ({summary.TotalRows / summary.Elapsed.TotalSeconds:N0} rows/s with generation); " +
                              $"bulk path {summary.WriteTime.TotalSeconds:0.0} s = {summary.BulkRowsPerSecond:N0} rows/s");

            var bulk = await BulkAsync(await databases.NewAsync(provider));
            var perRow = await PerRowAsync(await databases.NewAsync(provider));
            Console.WriteLine($"{provider,-9} {SampleRows:N0} customers: bulk {bulk.TotalSeconds,6:0.00} s ({SampleRows / bulk.TotalSeconds,9:N0} rows/s), " +
                              $"SaveChanges per row {perRow.TotalSeconds,6:0.00} s ({SampleRows / perRow.TotalSeconds,7:N0} rows/s): bulk is {perRow / bulk:0.0}x faster");
        }
        Console.WriteLine($"done; {LoadAverage()} (other work on the machine slows every figure alike)");
        if (databases.PostgresServer is null) Console.WriteLine("PostgreSQL figures missing: set CRM_BENCH_POSTGRES or install the PostgreSQL server binaries.");
        return 0;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "load average unknown";

    private static async Task<TimeSpan> BulkAsync(CrmDatabase database)
    {
        await using var writer = await BulkWriter.OpenAsync(database);
        // One row first so the table mapping (compiled getters, prepared statement shape) is not timed.
        await writer.WriteAsync([new Customer { Code = "WARM-UP", Name = "预热", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow }]);
        var rows = Sample();
        var clock = Stopwatch.StartNew();
        await writer.WriteAsync(rows);
        await writer.CompleteAsync();
        return clock.Elapsed;
    }

    /// <summary>What an import through the use-case path costs: one context and one SaveChanges (with its
    /// outbox row and audit entry) per entity.</summary>
    private static async Task<TimeSpan> PerRowAsync(CrmDatabase database)
    {
        var rows = Sample();
        var clock = Stopwatch.StartNew();
        foreach (var customer in rows)
        {
            await using var db = database.CreateContext("bench");
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
        }
        return clock.Elapsed;
    }

    /// <summary>The same 10,000 customers for both paths (fresh objects each time: keys are per object).</summary>
    private static List<Customer> Sample()
    {
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰"];
        var at = new DateTime(2026, 6, 30, 10, 0, 0, DateTimeKind.Utc);
        return Enumerable.Range(0, SampleRows).Select(i => new Customer
        {
            Code = $"B{i:000000}", Name = surnames[i % 10] + given[i / 10 % 10], Phone = $"138{i:00000000}", City = "杭州",
            Address = $"杭州市西湖区文一西路{i % 900 + 1}号", IncomeBand = (IncomeBand)(i % 5), FamilySize = 1 + i % 5, CreatedAt = at, UpdatedAt = at,
        }).ToList();
    }
}
