using Microsoft.Data.Sqlite;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;

namespace RealEstateCrm.Bench;

/// <summary>Seeded SQLite databases kept between runs in bench/data (or the folder CRM_BENCH_DATA names): the large
/// scale takes about 20 minutes to seed, so a suite seeds it once and later runs work on a copy of the cached file.</summary>
internal static class SeededDatabaseCache
{
    private static string Folder =>
        Environment.GetEnvironmentVariable("CRM_BENCH_DATA") is { Length: > 0 } configured ? configured
        : Path.Combine(BenchDatabases.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "bench", "data");

    /// <summary>A private copy of the database seeded at <paramref name="scale"/> (seed 42), seeding and caching it first if
    /// no earlier run did. The copy is the caller's to change and delete.</summary>
    public static async Task<string> CopyAsync(SeedScale scale)
    {
        Directory.CreateDirectory(Folder);
        var cached = Path.Combine(Folder, $"etl-{scale.Name}-seed42.db");
        if (File.Exists(cached)) Console.WriteLine($"seeded database: {cached} (cached, {new FileInfo(cached).Length / 1e9:0.0} GB)");
        else await SeedAsync(scale, cached);

        var copy = Path.Combine(Path.GetTempPath(), $"crm-bench-etl-{Guid.NewGuid():N}.db");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        File.Copy(cached, copy);
        // Written back to disk before anything is timed, so no measured stage shares the disk with the copy's write-back.
        using (var written = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite)) written.Flush(flushToDisk: true);
        Console.WriteLine($"working copy: {copy} ({clock.Elapsed.TotalSeconds:0} s to copy)");
        return copy;
    }

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
    }

    // Seeded under a temporary name and renamed when complete, so an interrupted seed is never mistaken for a cached one.
    private static async Task SeedAsync(SeedScale scale, string cached)
    {
        var partial = cached + ".partial";
        Delete(partial);
        var database = new CrmDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={partial};Pooling=False"));
        await database.MigrateAsync();
        Console.WriteLine($"seeding {scale.Name} ({scale.Customers:N0} customers) into {cached}: this takes a while once, later runs reuse it");
        var summary = await new DemoSeeder(database).SeedAsync(new SeedOptions(scale), new ConsoleSeedProgress());
        Console.WriteLine($"seeded {summary.TotalRows:N0} rows in {summary.Elapsed.TotalMinutes:0.0} min");
        await CheckpointAsync(partial);
        File.Move(partial, cached);
    }

    /// <summary>Folds the write-ahead log into the file, so the one file is the whole database.</summary>
    private static async Task CheckpointAsync(string path)
    {
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await command.ExecuteNonQueryAsync();
        }
        foreach (var file in new[] { path + "-wal", path + "-shm" }) File.Delete(file);
    }

    /// <summary>A line per area each time it passes another tenth: the seed runs for minutes.</summary>
    private sealed class ConsoleSeedProgress : ISeedProgress
    {
        private readonly Dictionary<string, long> _printed = [];

        public void Report(string area, long done, long total)
        {
            var tenth = total == 0 ? 10 : done * 10 / total;
            if (_printed.TryGetValue(area, out var last) && last == tenth) return;
            _printed[area] = tenth;
            Console.WriteLine($"  {area}: {tenth * 10}% ({DateTime.Now:HH:mm:ss})");
        }
    }
}
