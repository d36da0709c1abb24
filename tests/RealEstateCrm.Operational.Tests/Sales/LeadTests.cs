using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Sales;

public sealed class LeadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_customers_open_lead_on_a_project_is_not_duplicated_but_a_closed_one_is_followed_by_a_new_one(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        await using var db = test.Context();
        var customer = await World.AddCustomerAsync(db, World.Person("刘洋", "13800138001"));

        var first = await new CreateLead(db).Handle(new(customer.Id, world.ProjectAId, Channel.Douyin, RepUserId: world.RepAId, Budget: 3_000_000m), Ct);
        var again = await new CreateLead(db).Handle(new(customer.Id, world.ProjectAId, Channel.Phone), Ct);
        var elsewhere = await new CreateLead(db).Handle(new(customer.Id, world.ProjectBId, Channel.Phone), Ct);
        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Lead.Id, again.Lead.Id);
        Assert.True(elsewhere.Created);

        first.Lead.MarkLost(LostReason.Unreachable, null, DateTime.UtcNow);
        await db.SaveChangesAsync(Ct);
        var afterLoss = await new CreateLead(db).Handle(new(customer.Id, world.ProjectAId, Channel.Referral), Ct);
        Assert.True(afterLoss.Created);
        Assert.Equal(3, await db.Leads.CountAsync(l => l.CustomerId == customer.Id, Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_lead_for_an_unknown_project_campaign_or_rep_is_refused_naming_each(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        Guid customerId;
        await using (var db = test.Context())
            customerId = (await World.AddCustomerAsync(db, World.Person("刘洋", "13800138001"))).Id;

        var error = await test.AssertRefused<ValidationException>(db => new CreateLead(db).Handle(
            new(customerId, Guid.CreateVersion7(), Channel.Phone, Guid.CreateVersion7(), Guid.CreateVersion7(), Budget: -1), Ct));
        Assert.Equal(["budget", "campaign", "project", "rep"], error.Errors.Select(e => e.Field).Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_first_contact_is_recorded_once_and_a_visit_moves_the_lead_to_visited_without_moving_it_back(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        Guid leadId;
        var contactAt = new DateTime(2030, 1, 2, 10, 0, 0, DateTimeKind.Utc);
        await using (var db = test.Context())
        {
            var customer = await World.AddCustomerAsync(db, World.Person("刘洋", "13800138001"));
            leadId = (await new CreateLead(db).Handle(new(customer.Id, world.ProjectAId, Channel.Website, At: contactAt.AddHours(-2)), Ct)).Lead.Id;
            var lead = await new RecordFirstContact(db).Handle(new(leadId, contactAt), Ct);
            Assert.Equal(LeadStatus.Contacted, lead.Status);
        }

        var twice = await test.AssertRefused<DomainException>(db => new RecordFirstContact(db).Handle(new(leadId, contactAt.AddHours(1)), Ct));
        Assert.Equal("lead", twice.Field);

        await using (var db = test.Context())
        {
            var visit = await new RecordVisit(db).Handle(new(leadId, Party: 3, Notes: "一家三口看样板间"), Ct);
            Assert.Equal(3, visit.Party);
            await new ReserveUnit(db).Handle(new(world.Unit("101").Id, visit.CustomerId, 50_000m), Ct);
            await new RecordVisit(db).Handle(new(leadId), Ct);
        }

        await using var read = test.Context();
        var stored = await read.Leads.SingleAsync(l => l.Id == leadId, Ct);
        Assert.Equal(LeadStatus.Reserved, stored.Status);
        Assert.Equal(contactAt, stored.FirstContactAt);
        Assert.Equal(2, await read.Visits.CountAsync(v => v.LeadId == leadId, Ct));
    }
}
