using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.DemoData;

/// <summary>A fresh test database with the tiny demo data set in it.</summary>
internal static class SeededDatabase
{
    public static async Task<(TestDatabase Test, SeedSummary Summary)> Create(DatabaseProvider provider, int seed = 42)
    {
        var test = await TestDatabase.Create(provider);
        var summary = await new DemoSeeder(test.Database).SeedAsync(new SeedOptions(SeedScale.Tiny, seed), ct: TestContext.Current.CancellationToken);
        return (test, summary);
    }
}

/// <summary>One tiny seeded SQLite database shared by the read-only tests of a class.</summary>
public sealed class TinySeededSqlite : IAsyncLifetime
{
    private TestDatabase? _test;

    public CrmDbContext Context() => _test!.Context();

    public async ValueTask InitializeAsync() => (_test, _) = await SeededDatabase.Create(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (_test is not null) await _test.DisposeAsync();
    }
}
