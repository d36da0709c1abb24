using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using RealEstateCrm.Operational.Outbox;
using RealEstateCrm.Operational.Data.Providers;

namespace RealEstateCrm.Operational.Data;

/// <summary>Opens contexts on the configured database and brings its schema up to date.</summary>
public sealed class CrmDatabase(DatabaseOptions options)
{
    public DatabaseOptions Options { get; } = options;

    // Contexts come from a pool: a new context per request built EF's internal services for it (a service scope of some
    // fifty, the options compared with the cached ones), 4–5 % of what the web allocated under load. A context returns
    // to the pool when disposed, its tracked entities and connection reset; the actor is set again on every lease.
    private readonly Lazy<Func<CrmDbContext>> _lease = new(() => Pool(options));

    public CrmDbContext CreateContext(string actor = "system")
    {
        var db = _lease.Value();
        db.Actor = actor;
        return db;
    }

    private static Func<CrmDbContext> Pool(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new PooledDbContextFactory<SqliteCrmDbContext>(Common(new DbContextOptionsBuilder<SqliteCrmDbContext>()
            .UseSqlite(options.ConnectionString, o => o.CommandTimeout(120))).Options).CreateDbContext,
        DatabaseProvider.Postgres => new PooledDbContextFactory<PostgresCrmDbContext>(Common(new DbContextOptionsBuilder<PostgresCrmDbContext>()
            .UseNpgsql(options.ConnectionString, o => o.CommandTimeout(300))).Options).CreateDbContext,
        DatabaseProvider.SqlServer => new PooledDbContextFactory<SqlServerCrmDbContext>(Common(new DbContextOptionsBuilder<SqlServerCrmDbContext>()
            .UseSqlServer(options.ConnectionString)).Options).CreateDbContext,
        _ => throw new InvalidOperationException($"unknown provider {options.Provider}"),
    };

    private static DbContextOptionsBuilder<T> Common<T>(DbContextOptionsBuilder<T> builder) where T : DbContext => builder
        .AddInterceptors(OutboxAndAuditInterceptor.Instance)
        // EF's check that no two queries run at once on a context writes an AsyncLocal on entering and leaving every query
        // and every row read: a copied execution context each time, 6 % of what the web allocated under load. A context
        // is one request's or one job's and runs one query at a time (the workbench awaits its cards one after another).
        .EnableThreadSafetyChecks(false);

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (Options.Provider == DatabaseProvider.Sqlite) EnsureSqliteFolder();
        await using var db = CreateContext();
        await db.Database.MigrateAsync(ct);
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (the web UI, a backup) run while a writer works; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            // Table statistics, refreshed where missing or stale (sampled, so a large file takes a moment): without them
            // SQLite's planner guesses between indexes, and picks the wrong one for the searches' combined conditions.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", ct);
        }
    }

    private void EnsureSqliteFolder()
    {
        var path = new SqliteConnectionStringBuilder(Options.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
