using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Data;

public sealed class MigrationTests
{
    public static TheoryData<DatabaseProvider> AllProviders() => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres, DatabaseProvider.SqlServer];

    private static CrmDbContext DesignContext(DatabaseProvider provider) => new CrmDatabase(provider switch
    {
        DatabaseProvider.Sqlite => new DatabaseOptions(provider, "Data Source=unused.db"),
        DatabaseProvider.Postgres => new DatabaseOptions(provider, "Host=127.0.0.1;Database=unused"),
        _ => new DatabaseOptions(provider, "Server=127.0.0.1;Database=unused;TrustServerCertificate=True"),
    }).CreateContext();

    [Theory, MemberData(nameof(AllProviders))]
    public void Each_provider_has_migrations_matching_the_model(DatabaseProvider provider)
    {
        using var db = DesignContext(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"the {provider} migrations are behind the model: run scripts/regenerate-migrations.sh (or add a migration)");
    }

    [Fact]
    public void The_SQL_Server_migrations_produce_a_complete_idempotent_script()
    {
        // No SQL Server runs here: the script is what a DBA would apply, so it is generated and inspected.
        using var db = DesignContext(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [customer]", script);
        Assert.Contains("CREATE TABLE [outbox_message]", script);
        Assert.Contains("CREATE TABLE [app_user]", script);
        Assert.Contains("IF NOT EXISTS", script);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct();
        Assert.All(tables, table => Assert.Contains($"CREATE TABLE [{table}]", script));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_migrated_database_has_the_built_in_parameters_and_the_outbox_counter(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal("3", (await db.BusinessParameters.SingleAsync(p => p.Key == "sales.max-discount-without-approval", TestContext.Current.CancellationToken)).Value);
        Assert.Equal(0L, await db.Database.SqlQueryRaw<long>("SELECT last_sequence AS \"Value\" FROM outbox_counter WHERE id = 1").SingleAsync(TestContext.Current.CancellationToken));
    }
}
