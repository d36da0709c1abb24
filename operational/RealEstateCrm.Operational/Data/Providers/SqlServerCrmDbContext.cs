using Microsoft.EntityFrameworkCore;

namespace RealEstateCrm.Operational.Data.Providers;

/// <summary>The SqlServer anchor of <see cref="CrmDbContext"/>: it owns the SqlServer migrations and their snapshot.</summary>
public sealed class SqlServerCrmDbContext(DbContextOptions<SqlServerCrmDbContext> options) : CrmDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
