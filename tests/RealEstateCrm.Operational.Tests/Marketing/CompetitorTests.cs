using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Operational.Tests.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Marketing;

public sealed class CompetitorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly March2 = new(2026, 3, 2);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_competitor_project_near_ours_gets_one_positive_price_per_day(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var ours = await Given.Project(db);
        var competitor = await new AddCompetitor(db).Handle(new AddCompetitor.Request("绿城中国", "杭州本地龙头"), Ct);
        var theirs = await new AddCompetitorProject(db).Handle(new AddCompetitorProject.Request(competitor.Id, "绿城·春江月", "杭州", "滨江区", ours.Id), Ct);
        var record = new RecordCompetitorPrice(db);

        await record.Handle(new RecordCompetitorPrice.Request(theirs.Id, March2, 41_500m, "售楼处实地"), Ct);
        await record.Handle(new RecordCompetitorPrice.Request(theirs.Id, March2.AddDays(7), 40_800m), Ct);
        var sameDay = await Assert.ThrowsAsync<DomainException>(() => record.Handle(new RecordCompetitorPrice.Request(theirs.Id, March2, 39_000m), Ct));
        var free = await Assert.ThrowsAsync<ValidationException>(() => record.Handle(new RecordCompetitorPrice.Request(theirs.Id, March2.AddDays(1), 0m), Ct));

        Assert.Equal(("observed-on", "price-per-sqm"), (sameDay.Field, free.Errors.Single().Field));
        await using var check = test.Context();
        Assert.Equal([41_500m, 40_800m], (await check.CompetitorPriceObservations.OrderBy(o => o.ObservedOn).Select(o => o.PricePerSqm).ToListAsync(Ct)));
        Assert.Equal(ours.Id, (await check.CompetitorProjects.SingleAsync(Ct)).NearProjectId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Competitors_and_their_projects_are_validated(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        await new AddCompetitor(db).Handle(new AddCompetitor.Request("绿城中国"), Ct);

        var taken = await Assert.ThrowsAsync<ValidationException>(() => new AddCompetitor(db).Handle(new AddCompetitor.Request("绿城中国"), Ct));
        var project = await Assert.ThrowsAsync<ValidationException>(() =>
            new AddCompetitorProject(db).Handle(new AddCompetitorProject.Request(Guid.CreateVersion7(), "", "杭州", NearProjectId: Guid.CreateVersion7()), Ct));

        Assert.Equal("name", taken.Errors.Single().Field);
        Assert.Equal(["name", "competitor", "near-project"], project.Errors.Select(e => e.Field));
    }
}
