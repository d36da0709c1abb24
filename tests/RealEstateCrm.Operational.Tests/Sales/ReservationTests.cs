using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Inventory;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Sales;

public sealed class ReservationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_reservation_holds_the_unit_at_list_price_less_discount_for_the_configured_days(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var at = new DateTime(2030, 4, 1, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = test.Context())
        {
            await new SetBusinessParameter(db).Handle(new(BusinessParameterKeys.ReservationHoldDays, "10"), Ct);
            var customer = await World.AddCustomerAsync(db, World.Person("刘洋", "13800138001"));
            var lead = (await new CreateLead(db).Handle(new(customer.Id, world.ProjectAId, Channel.WalkIn, RepUserId: world.RepAId), Ct)).Lead;
            var reservation = await new ReserveUnit(db).Handle(new(world.Unit("101").Id, customer.Id, 50_000m, 2.5m, At: at), Ct);

            // 101: 120 m² × 30000 = 3 600 000, less 2.5 %.
            Assert.Equal((3_600_000m, 3_510_000m, at.AddDays(10)), (reservation.ListPrice, reservation.AgreedPrice, reservation.ExpiresAt));
            Assert.Equal(lead.Id, reservation.LeadId);
            Assert.Equal(world.RepAId, reservation.RepUserId);
            Assert.Null(reservation.DiscountApprovalId);
        }

        await using var read = test.Context();
        Assert.Equal(UnitStatus.Reserved, (await read.Units.SingleAsync(u => u.Id == world.Unit("101").Id, Ct)).Status);
        Assert.Equal(LeadStatus.Reserved, (await read.Leads.SingleAsync(Ct)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_unit_that_is_not_available_cannot_be_reserved_and_nothing_changes(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        Guid customerId;
        await using (var db = test.Context())
        {
            customerId = (await World.AddCustomerAsync(db, World.Person("刘洋", "13800138001"))).Id;
            await new WithholdUnit(db).Handle(new(world.Unit("302").Id, true), Ct);
        }

        var error = await test.AssertRefused<DomainException>(db => new ReserveUnit(db).Handle(new(world.Unit("302").Id, customerId, 50_000m), Ct));
        Assert.Equal("unit", error.Field);
        var bad = await test.AssertRefused<ValidationException>(db => new ReserveUnit(db).Handle(new(world.Unit("301").Id, customerId, 0m, 100m), Ct));
        Assert.Equal(["deposit", "discount-percent"], bad.Errors.Select(e => e.Field).Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_discount_above_the_reps_limit_needs_an_approved_request_for_that_unit(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var unit = world.Unit("201");
        Guid customerId, otherId, smallApproval;
        await using (var db = test.Context())
        {
            customerId = (await World.AddCustomerAsync(db, World.Person("刘洋", "13800138001"))).Id;
            otherId = (await World.AddCustomerAsync(db, World.Person("黄敏", "13800138002"))).Id;
            smallApproval = (await new RequestDiscount(db).Handle(new(unit.Id, world.RepAId, 4m, "首付困难", customerId), Ct)).Id;
            await new DecideDiscount(db).Handle(new(smallApproval, world.ManagerId, true), Ct);
            var pending = await new RequestDiscount(db).Handle(new(unit.Id, world.RepAId, 6m, "团购", customerId), Ct);
            Assert.Equal(ApprovalStatus.Pending, pending.Status);
        }

        var unapproved = await test.AssertRefused<DomainException>(db => new ReserveUnit(db).Handle(new(unit.Id, customerId, 50_000m, 6m), Ct));
        Assert.Equal("discount-percent", unapproved.Field);
        await test.AssertRefused<DomainException>(db => new ReserveUnit(db).Handle(new(unit.Id, otherId, 50_000m, 4m), Ct));

        await using (var db = test.Context())
        {
            var reservation = await new ReserveUnit(db).Handle(new(unit.Id, customerId, 50_000m, 4m), Ct);
            Assert.Equal(smallApproval, reservation.DiscountApprovalId);
            Assert.Equal(Math.Round(unit.ListPrice * 0.96m, 2), reservation.AgreedPrice);
        }
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Of_two_reps_who_both_saw_the_unit_available_only_the_first_to_save_reserves_it(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var unitId = world.Unit("102").Id;
        Guid first, second;
        await using (var db = test.Context())
        {
            first = (await World.AddCustomerAsync(db, World.Person("刘洋", "13800138001"))).Id;
            second = (await World.AddCustomerAsync(db, World.Person("黄敏", "13800138002"))).Id;
        }

        await using var repA = test.Context("zhang.rep");
        await using var repB = test.Context("chen.rep");
        // Both contexts load the unit while it is still available; the handlers then work on what they loaded.
        Assert.Equal(UnitStatus.Available, (await repA.Units.FindAsync([unitId], Ct))!.Status);
        Assert.Equal(UnitStatus.Available, (await repB.Units.FindAsync([unitId], Ct))!.Status);
        await new ReserveUnit(repA).Handle(new(unitId, first, 50_000m), Ct);
        var outboxBefore = await CountOutbox(test);
        var error = await Assert.ThrowsAsync<DomainException>(() => new ReserveUnit(repB).Handle(new(unitId, second, 50_000m), Ct));
        Assert.Contains("someone else", error.Message);
        Assert.Equal(outboxBefore, await CountOutbox(test));

        await using var read = test.Context();
        Assert.Equal(first, (await read.Reservations.SingleAsync(Ct)).CustomerId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Concurrent_reservations_of_one_unit_have_exactly_one_winner(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var unitId = world.Unit("202").Id;
        var customers = new List<Guid>();
        await using (var db = test.Context())
            for (var i = 0; i < 4; i++)
                customers.Add((await World.AddCustomerAsync(db, World.Person($"客户{i}", $"1380013800{i}"))).Id);

        var attempts = customers.Select(async customer =>
        {
            await using var db = test.Context();
            try
            {
                await new ReserveUnit(db).Handle(new(unitId, customer, 50_000m), Ct);
                return true;
            }
            catch (DomainException e) when (e.Field == "unit")
            {
                return false;
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        await using var read = test.Context();
        Assert.Equal(1, await read.Reservations.CountAsync(r => r.UnitId == unitId, Ct));
    }

    private static async Task<int> CountOutbox(TestDatabase test)
    {
        await using var db = test.Context();
        return await db.OutboxMessages.CountAsync(Ct);
    }
}
