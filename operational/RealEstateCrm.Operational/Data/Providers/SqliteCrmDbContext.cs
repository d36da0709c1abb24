using Microsoft.EntityFrameworkCore;

namespace RealEstateCrm.Operational.Data.Providers;

/// <summary>The Sqlite anchor of <see cref="CrmDbContext"/>: it owns the Sqlite migrations and their snapshot.</summary>
public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
