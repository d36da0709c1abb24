using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.DemoData;

/// <summary>A fresh test database with the tiny demo data set in it.</summary>
internal static class SeededDatabase
{
    public static async Task<(TestDatabase Test, SeedSummary Summary)> Create(Data.DatabaseProvider provider, int seed = 42)
    {
        var test = await TestDatabase.Create(provider);
        var summary = await new DemoSeeder(test.Database).SeedAsync(new SeedOptions(SeedScale.Tiny, seed), ct: TestContext.Current.CancellationToken);
        return (test, summary);
    }
}
