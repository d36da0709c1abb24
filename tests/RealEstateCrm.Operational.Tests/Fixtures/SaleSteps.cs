using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Sales;

namespace RealEstateCrm.Operational.Tests.Fixtures;

/// <summary>The usual way into a sale: a customer, his lead on project A with a visit, and a reservation.</summary>
internal static class SaleSteps
{
    public sealed record Sale(Customer Customer, Lead Lead, Reservation Reservation);

    public static async Task<Sale> ReserveAsync(CrmDbContext db, World world, string roomNo, string name = "刘洋", string phone = "13800138001", decimal deposit = 50_000m, decimal discountPercent = 0)
    {
        var ct = TestContext.Current.CancellationToken;
        var customer = await World.AddCustomerAsync(db, World.Person(name, phone, world.ProjectAId));
        var lead = (await new CreateLead(db).Handle(new(customer.Id, world.ProjectAId, Channel.WalkIn, RepUserId: world.RepAId), ct)).Lead;
        await new RecordVisit(db).Handle(new(lead.Id), ct);
        var reservation = await new ReserveUnit(db).Handle(new(world.Unit(roomNo).Id, customer.Id, deposit, discountPercent), ct);
        return new Sale(customer, lead, reservation);
    }
}
