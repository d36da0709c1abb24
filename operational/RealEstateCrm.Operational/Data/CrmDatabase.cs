using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data.Providers;

namespace RealEstateCrm.Operational.Data;

/// <summary>Opens contexts on the configured database and brings its schema up to date.</summary>
public sealed class CrmDatabase(DatabaseOptions options)
{
    public DatabaseOptions Options { get; } = options;

    // Built once: options are immutable, and building them per context (a web request makes one) cost a builder, the
    // provider's extension and EF's look-up of its internal services by those new options.
    private readonly Lazy<DbContextOptions> _contextOptions = new(() => BuildOptions(options));

    public CrmDbContext CreateContext(string actor = "system")
    {
        CrmDbContext db = Options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteCrmDbContext((DbContextOptions<SqliteCrmDbContext>)_contextOptions.Value),
            DatabaseProvider.Postgres => new PostgresCrmDbContext((DbContextOptions<PostgresCrmDbContext>)_contextOptions.Value),
            DatabaseProvider.SqlServer => new SqlServerCrmDbContext((DbContextOptions<SqlServerCrmDbContext>)_contextOptions.Value),
            _ => throw new InvalidOperationException($"unknown provider {Options.Provider}"),
        };
        db.Actor = actor;
        return db;
    }

    private static DbContextOptions BuildOptions(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new DbContextOptionsBuilder<SqliteCrmDbContext>()
            .UseSqlite(options.ConnectionString, o => o.CommandTimeout(120)).Options,
        DatabaseProvider.Postgres => new DbContextOptionsBuilder<PostgresCrmDbContext>()
            .UseNpgsql(options.ConnectionString, o => o.CommandTimeout(300)).Options,
        DatabaseProvider.SqlServer => new DbContextOptionsBuilder<SqlServerCrmDbContext>()
            .UseSqlServer(options.ConnectionString).Options,
        _ => throw new InvalidOperationException($"unknown provider {options.Provider}"),
    };

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
