using Microsoft.EntityFrameworkCore;

namespace RealEstateCrm.Operational.Data.Providers;

/// <summary>The Postgres anchor of <see cref="CrmDbContext"/>: it owns the Postgres migrations and their snapshot.</summary>
public sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options) : CrmDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
