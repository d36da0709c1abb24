using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.WriteBack;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Tests.Ml;

public sealed class CallListWriteBackTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Day = new(2026, 6, 30);

    [Theory, ClassData(typeof(Providers))]
    public async Task Scored_leads_become_each_reps_call_list_on_his_projects_without_do_not_call_or_over_capped_customers(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await ScoredWarehouseAsync(bed);
        var (doNotCall, capped) = await RestrictTwoTopLeadsAsync(bed, warehouse);
        var options = new WriteBackOptions { CallsPerRep = 10, WeeklyCallCap = 2 };
        var demoLists = await ListIdsAsync(bed);

        var result = await new ScoredLists(bed.Operational.Database, warehouse, bed.Clock).WriteAsync(Day, options, Ct);

        await using var db = bed.Operational.Context();
        var lists = await db.CallLists.Include(l => l.Entries).Where(l => !demoLists.Contains(l.Id)).ToListAsync(Ct);
        Assert.All(lists, l => Assert.Equal(Day, l.ForDate));
        var sales = lists.Where(l => l.Kind == CallListKind.SalesLeads).ToList();
        Assert.NotEmpty(sales);
        Assert.Equal(lists.Count, result.Lists);
        Assert.Equal(lists.Sum(l => l.Entries.Count), result.Entries);
        var leads = await db.Leads.ToDictionaryAsync(l => l.Id, Ct);
        foreach (var list in sales)
        {
            var scope = await new GetDataScope(db).Handle(new GetDataScope.Request(list.OwnerUserId!.Value), Ct);
            Assert.InRange(list.Entries.Count, 1, options.CallsPerRep);
            Assert.All(list.Entries, e => Assert.True(scope.Sees(leads[e.LeadId!.Value].ProjectId), "a lead outside the rep's projects"));
            Assert.All(list.Entries, e => Assert.Equal(list.OwnerUserId, leads[e.LeadId!.Value].AssignedRepUserId));
            Assert.Equal(list.Entries.OrderBy(e => e.Rank).Select(e => e.Score), list.Entries.Select(e => e.Score).OrderDescending());
            Assert.All(list.Entries, e => Assert.StartsWith("成交概率", e.Reason));
        }
        Assert.Contains(sales.SelectMany(l => l.Entries), e => e.BestHour is not null);
        var listed = lists.SelectMany(l => l.Entries).Select(e => e.CustomerId).ToHashSet();
        Assert.DoesNotContain(doNotCall, listed);
        Assert.DoesNotContain(capped, listed);
        Assert.True(result.SkippedDoNotCall >= 1 && result.SkippedCallCap >= 1, $"skipped: {result}");
        var consenting = await db.Customers.Where(c => c.MarketingConsent).Select(c => c.Id).ToListAsync(Ct);
        Assert.All(lists.Where(l => l.Kind == CallListKind.CrossSell).SelectMany(l => l.Entries), e => Assert.Contains(e.CustomerId, consenting));
        Assert.Contains(lists, l => l.Kind == CallListKind.ChurnCare);
        // Planned calls count toward the cap across lists of the day.
        Assert.All(lists.SelectMany(l => l.Entries).GroupBy(e => e.CustomerId), g => Assert.True(g.Count() <= options.WeeklyCallCap));
    }

    [Fact]
    public async Task Lists_can_be_written_for_a_later_day_from_the_last_days_scores()
    {
        await using var bed = await EtlTestBed.Create(DatabaseProvider.Sqlite);
        var warehouse = await ScoredWarehouseAsync(bed);
        var demoLists = await ListIdsAsync(bed);
        var today = new DateOnly(2026, 12, 2);

        var result = await new ScoredLists(bed.Operational.Database, warehouse, bed.Clock).WriteAsync(Day, new WriteBackOptions { ListDay = today }, Ct);

        await using var db = bed.Operational.Context();
        var lists = await db.CallLists.Include(l => l.Entries).Where(l => !demoLists.Contains(l.Id)).ToListAsync(Ct);
        Assert.True(result.Lists > 0);
        Assert.Equal(lists.Count, result.Lists);
        Assert.All(lists, l => Assert.Equal(today, l.ForDate));
        Assert.All(lists, l => Assert.EndsWith("2026-12-02", l.Name));
        Assert.Contains(lists, l => l.Kind == CallListKind.SalesLeads && l.Entries.Count > 0);
        Assert.Contains(lists, l => l.Kind == CallListKind.ChurnCare);
    }

    [Fact]
    public async Task Writing_the_same_days_lists_again_keeps_the_ones_written()
    {
        await using var bed = await EtlTestBed.Create(DatabaseProvider.Sqlite);
        var warehouse = await ScoredWarehouseAsync(bed);
        var lists = new ScoredLists(bed.Operational.Database, warehouse, bed.Clock);
        var first = await lists.WriteAsync(Day, new WriteBackOptions(), Ct);
        var written = await ListIdsAsync(bed);

        var second = await lists.WriteAsync(Day, new WriteBackOptions(), Ct);

        Assert.True(first.Lists > 0);
        Assert.Equal(0, second.Lists);
        Assert.Equal(0, second.Entries);
        Assert.True(second.ListsAlreadyWritten >= first.Lists);
        Assert.Equal(written, await ListIdsAsync(bed));
    }

    private static async Task<HashSet<Guid>> ListIdsAsync(EtlTestBed bed)
    {
        await using var db = bed.Operational.Context();
        return (await db.CallLists.Select(l => l.Id).ToListAsync(Ct)).ToHashSet();
    }

    [Fact]
    public async Task Lists_for_a_day_that_was_not_scored_are_refused_naming_the_date()
    {
        await using var bed = await EtlTestBed.Create(DatabaseProvider.Sqlite);
        var warehouse = await ScoredWarehouseAsync(bed);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new ScoredLists(bed.Operational.Database, warehouse, bed.Clock).WriteAsync(Day.AddDays(-1), new WriteBackOptions(), Ct));

        Assert.StartsWith("--date: nothing was scored for 2026-06-29", error.Message);
    }

    private static async Task<WarehouseDatabase> ScoredWarehouseAsync(EtlTestBed bed)
    {
        var warehouse = await bed.Warehouse();
        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);
        var registry = new ModelRegistry(Path.Combine(Path.GetDirectoryName(warehouse.Path)!, "models"));
        await new ProductRetraining(warehouse, registry).RunAsync(new ProductTrainingOptions { Folds = 0, Snapshots = 6 }, ct: Ct);
        var summary = await new ProductScoring(warehouse, registry, bed.Clock).RunAsync(Day, ct: Ct);
        Assert.Contains(summary.Models, m => m.Model == ProductModels.LeadScore.Name && m.Rows > 0);
        return warehouse;
    }

    /// <summary>Flags the best-scored lead's customer do-not-call and gives the next one two outbound calls this week.</summary>
    private static async Task<(Guid DoNotCall, Guid Capped)> RestrictTwoTopLeadsAsync(EtlTestBed bed, WarehouseDatabase warehouse)
    {
        var top = new List<Guid>();
        await using (var command = warehouse.Connection.CreateCommand())
        {
            command.CommandText = $"SELECT DISTINCT customer_id, score FROM ml_score WHERE model = 'lead-score' AND as_of = DATE '{Day:yyyy-MM-dd}' ORDER BY score DESC, customer_id LIMIT 2";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) top.Add(reader.GetGuid(0));
        }
        await using var db = bed.Operational.Context();
        (await db.Customers.SingleAsync(c => c.Id == top[0], Ct)).DoNotCall = true;
        await db.SaveChangesAsync(Ct);
        var agent = await db.Set<Agent>().OrderBy(a => a.AgentNo).FirstAsync(Ct);
        for (var i = 0; i < 2; i++)
        {
            var at = new DateTime(2026, 6, 28 + i, 10, 0, 0, DateTimeKind.Utc);
            await new RecordCallDetail(db).Handle(new RecordCallDetail.Request($"cap-test-{i}", CallDirection.Outbound, "057188886666", "13912345678",
                CallOutcome.NoAnswer, at, at.AddSeconds(30), WaitSeconds: 30, AgentId: agent.Id, CustomerId: top[1]), Ct);
        }
        return (top[0], top[1]);
    }
}
