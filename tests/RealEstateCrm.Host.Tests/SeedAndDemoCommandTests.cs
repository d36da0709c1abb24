using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Cli;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Testing;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests;

/// <summary><c>crm seed</c> and <c>crm demo</c> as a newcomer runs them.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class SeedAndDemoCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task Seed_fills_an_empty_database_and_refuses_one_that_holds_data(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);

        var (first, _) = await Crm(test, "seed", "--scale", "tiny", "--seed", "7");
        int customers;
        await using (var db = test.Context()) customers = await db.Customers.CountAsync(Ct);
        var (second, error) = await Crm(test, "seed", "--scale", "tiny", "--seed", "8");

        Assert.Equal(0, first);
        Assert.True(customers > 0);
        Assert.Equal(2, second);
        Assert.Contains("already holds data", error);
        await using var read = test.Context();
        Assert.Equal(customers, await read.Customers.CountAsync(Ct));
    }

    [Theory]
    [InlineData("--scale", "huge", "huge")]
    [InlineData("--as-of", "30/06/2026", "--as-of")]
    public async Task Seed_refuses_bad_options_naming_them_and_stores_nothing(string option, string value, string named)
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);

        var (exit, error) = await Crm(test, "seed", option, value);

        Assert.Equal(2, exit);
        Assert.Contains(named, error);
        await using var db = test.Context();
        Assert.Equal(0, await db.Customers.CountAsync(Ct));
    }

    [Fact]
    public async Task Demo_on_an_empty_database_seeds_trains_scores_writes_call_lists_and_a_second_run_keeps_the_data()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("crm-demo-test-").FullName;
        var warehouse = Path.Combine(folder, "warehouse.duckdb");

        var models = Path.Combine(folder, "models");
        var today = DemoCommand.ChinaToday(TimeProvider.System);

        var (first, output) = await Crm(test, "demo", "--no-serve", "--warehouse", warehouse, "--models", models);
        int customers, lists;
        await using (var db = test.Context()) (customers, lists) = (await db.Customers.CountAsync(Ct), await db.CallLists.CountAsync(Ct));
        var (second, again) = await Crm(test, "demo", "--no-serve", "--warehouse", warehouse, "--models", models);
        Directory.Delete(folder, recursive: true);

        Assert.Equal(0, first);
        Assert.InRange(customers, 2_000, 5_000);
        Assert.Contains("demo.sales", output);
        Assert.Contains("Demo!2026pass", output);
        Assert.Contains($"Warehouse: {warehouse}", output);
        Assert.Contains("checks passed", output);
        Assert.Contains("trained", output);
        Assert.Contains("lead-score v1", output);
        Assert.True(lists > 0, "the demo wrote no call lists");
        // The data ends on 2026-06-30 and is scored as of then, but the lists are for the day the demo is run.
        Assert.Contains($"call lists for {today:yyyy-MM-dd} (from the scores of 2026-06-30):", output);
        Assert.Equal(0, second);
        Assert.Contains("not seeding", again);
        // The second run keeps the models and the day's lists: only the lists' own outbox events are new to the ETL.
        Assert.DoesNotContain("trained", again);
        Assert.Contains($"call lists for {today:yyyy-MM-dd} (from the scores of 2026-06-30): 0 lists, 0 entries", again);
        Assert.Contains("lists already written for the day were kept", again);
        await using var read = test.Context();
        Assert.Equal(customers, await read.Customers.CountAsync(Ct));
        Assert.Equal(lists, await read.CallLists.CountAsync(Ct));
        var sales = await read.Users.SingleAsync(u => u.UserName == "demo.sales", Ct);
        Assert.True(Operational.Domain.Organisation.PasswordHasher.Verify("Demo!2026pass", sales.PasswordHash!));
        // What the workbench's "leads to call today" card and the call list page read: demo.sales's list for today.
        Assert.True(await read.CallLists.AnyAsync(l => l.Kind == CallListKind.SalesLeads && l.ForDate == today && l.OwnerUserId == sales.Id && l.Entries.Count > 0, Ct),
            "demo.sales has no call list for today");
    }
}
