using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Bench;

/// <summary>Fresh, migrated, empty databases for one measurement each: a SQLite file in the temp folder,
/// or a new database on the PostgreSQL server from CRM_BENCH_POSTGRES (else one started with
/// scripts/start-postgres.sh for the run and stopped after).</summary>
internal sealed class BenchDatabases : IAsyncDisposable
{
    private readonly List<Func<Task>> _cleanup = [];

    public string? PostgresServer { get; private set; }
    public string PostgresSource { get; private set; } = "absent";

    public static async Task<BenchDatabases> StartAsync()
    {
        var databases = new BenchDatabases();
        var configured = Environment.GetEnvironmentVariable("CRM_BENCH_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            databases.PostgresServer = configured;
            databases.PostgresSource = "CRM_BENCH_POSTGRES";
        }
        else await databases.StartThrowawayPostgresAsync();
        return databases;
    }

    /// <param name="pooled">SQLite connections pooled as in the product (its connection strings leave pooling on);
    /// off by default, so each context opens the file afresh as the seed figures were measured.</param>
    public async Task<CrmDatabase> NewAsync(DatabaseProvider provider, bool pooled = false)
    {
        DatabaseOptions options;
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"crm-bench-{Guid.NewGuid():N}.db");
            options = new DatabaseOptions(provider, $"Data Source={path};Pooling={pooled}");
            _cleanup.Add(() =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
                return Task.CompletedTask;
            });
        }
        else
        {
            var name = $"crm_bench_{Guid.NewGuid():N}";
            await AdminAsync($"CREATE DATABASE {name}");
            options = new DatabaseOptions(provider, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString);
            _cleanup.Add(async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            });
        }
        var database = new CrmDatabase(options);
        await database.MigrateAsync();
        return database;
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task StartThrowawayPostgresAsync()
    {
        var root = RepositoryRoot();
        var script = root is null ? null : Path.Combine(root, "scripts", "start-postgres.sh");
        if (script is null || !File.Exists(script)) { PostgresSource = "absent: scripts/start-postgres.sh not found"; return; }
        var dir = Path.Combine(Path.GetTempPath(), $"crm-bench-pg-{Environment.ProcessId}");
        var (exit, output) = await RunAsync(script, dir);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("export CRM_TEST_POSTGRES=", StringComparison.Ordinal));
        if (exit != 0 || line is null) { PostgresSource = $"absent: start-postgres.sh failed ({output.Trim()})"; return; }
        PostgresServer = line["export CRM_TEST_POSTGRES=".Length..].Trim('\'');
        PostgresSource = "throwaway cluster from scripts/start-postgres.sh (fsync=off, synchronous_commit=off)";
        _cleanup.Add(async () => await RunAsync(Path.Combine(root!, "scripts", "stop-postgres.sh"), dir));
    }

    private static async Task<(int Exit, string Output)> RunAsync(string script, string argument)
    {
        var start = new ProcessStartInfo("bash", [script, argument]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    internal static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RealEstateCrm.sln"))) return dir.FullName;
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        // Databases before the server that holds them.
        foreach (var cleanup in Enumerable.Reverse(_cleanup)) await cleanup();
    }
}
