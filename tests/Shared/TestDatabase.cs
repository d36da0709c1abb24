using Microsoft.Data.Sqlite;
using Npgsql;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Testing;

/// <summary>A fresh, migrated, empty operational database for one test. Migrations run once per process
/// into a template (a SQLite file, a PostgreSQL template database); each test gets a cheap copy.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;
    private readonly Func<Task> _drop;

    public CrmDatabase Database { get; }
    public DatabaseProvider Provider => Database.Options.Provider;

    private TestDatabase(DatabaseOptions options, Func<Task> drop)
    {
        Database = new CrmDatabase(options);
        _drop = drop;
    }

    public CrmDbContext Context(string actor = "test") => Database.CreateContext(actor);

    public static async Task<TestDatabase> Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => await CreateSqlite(),
        DatabaseProvider.Postgres => await CreatePostgres(),
        _ => throw new NotSupportedException($"no test server for {provider}"),
    };

    /// <summary>The PostgreSQL server tests use, from CRM_TEST_POSTGRES (scripts/test.sh starts one and sets it).
    /// Without it a laptop run skips PostgreSQL with a reason; under CI=true that is a failure.</summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(server)) return server;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("CI=true but CRM_TEST_POSTGRES is not set: PostgreSQL tests must run in CI (use scripts/test.sh)");
        Assert.Skip("PostgreSQL not available: set CRM_TEST_POSTGRES or run scripts/test.sh, which starts one");
        return null!;
    }

    private static async Task<TestDatabase> CreateSqlite()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_sqliteTemplate is null)
            {
                var template = Path.Combine(Path.GetTempPath(), $"crm-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
                var migrated = new CrmDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={template};Pooling=False"));
                await migrated.MigrateAsync();
                // Fold the WAL back into the file so a plain file copy is complete.
                await using (var db = migrated.CreateContext())
                    await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "PRAGMA wal_checkpoint(TRUNCATE);");
                _sqliteTemplate = template;
            }
        }
        finally { TemplateLock.Release(); }

        var path = Path.Combine(Path.GetTempPath(), $"crm-test-{Guid.NewGuid():N}.db");
        File.Copy(_sqliteTemplate, path);
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False"), () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgres()
    {
        var server = PostgresServer();
        await TemplateLock.WaitAsync();
        try
        {
            if (_postgresTemplate is null)
            {
                var name = $"crm_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
                await Admin(server, $"CREATE DATABASE {name}");
                var migrated = new CrmDatabase(new DatabaseOptions(DatabaseProvider.Postgres, On(server, name) + ";Pooling=false"));
                await migrated.MigrateAsync();
                _postgresTemplate = name;
            }
        }
        finally { TemplateLock.Release(); }

        var db = $"crm_test_{Guid.NewGuid():N}";
        await Admin(server, $"CREATE DATABASE {db} TEMPLATE {_postgresTemplate}");
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.Postgres, On(server, db)), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await Admin(server, $"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
        });
    }

    private static string On(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private static async Task Admin(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(On(server, "postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _drop();
}
