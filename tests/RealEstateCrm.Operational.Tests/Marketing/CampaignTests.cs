using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Operational.Tests.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Marketing;

public sealed class CampaignTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly May1 = new(2026, 5, 1);

    private static Task<Campaign> Expo(CrmDbContext db) =>
        new CreateCampaign(db).Handle(new CreateCampaign.Request("2026-05-EXPO", "五一房展会", Channel.Event, 180_000m, May1, May1.AddDays(4)), Ct);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_campaign_needs_an_ordered_period_a_sane_cost_and_a_free_code(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        await Expo(db);
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<ValidationException>(() => new CreateCampaign(db).Handle(
            new CreateCampaign.Request("2026-05-EXPO", "五一房展会", Channel.Event, -1m, May1, May1.AddDays(-1), Guid.CreateVersion7()), Ct));

        Assert.Equal(["cost", "end-date", "code", "project"], error.Errors.Select(e => e.Field));
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Customers_without_marketing_consent_are_skipped_and_reported(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var campaign = await Expo(db);
        var willing = await Given.Customer(db, "张伟", "13800138000");
        var unwilling = await Given.Customer(db, "李娜", "13912345678", consent: false);
        var add = new AddCampaignMembers(db, new FixedClock(Given.Monday));

        var first = await add.Handle(new AddCampaignMembers.Request(campaign.Id, [willing.Id, unwilling.Id]), Ct);
        var second = await add.Handle(new AddCampaignMembers.Request(campaign.Id, [willing.Id]), Ct);

        Assert.Equal((1, 0), (first.Added, first.AlreadyMembers));
        Assert.Equal([$"{unwilling.Code} 李娜"], first.SkippedWithoutConsent);
        Assert.Equal((0, 1), (second.Added, second.AlreadyMembers));
        await using var check = test.Context();
        Assert.Equal([willing.Id], await check.CampaignMembers.Select(m => m.CustomerId).ToListAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Only_members_respond_and_only_once(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var campaign = await Expo(db);
        var member = await Given.Customer(db, "张伟", "13800138000");
        var stranger = await Given.Customer(db, "王芳", "13700137000");
        var clock = new FixedClock(Given.Monday);
        await new AddCampaignMembers(db, clock).Handle(new AddCampaignMembers.Request(campaign.Id, [member.Id]), Ct);
        var respond = new RecordCampaignResponse(db, clock);

        clock.Advance(TimeSpan.FromDays(2));
        await respond.Handle(new RecordCampaignResponse.Request(campaign.Id, member.Id), Ct);
        var twice = await Assert.ThrowsAsync<DomainException>(() => respond.Handle(new RecordCampaignResponse.Request(campaign.Id, member.Id), Ct));
        var notMember = await Assert.ThrowsAsync<DomainException>(() => respond.Handle(new RecordCampaignResponse.Request(campaign.Id, stranger.Id), Ct));

        Assert.Equal(("customer", "customer"), (twice.Field, notMember.Field));
        await using var check = test.Context();
        Assert.Equal(clock.UtcNow, (await check.CampaignMembers.SingleAsync(Ct)).RespondedAt);
    }
}
