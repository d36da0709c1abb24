using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Sales;

public sealed class CancellationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> AddCompetitor(TestDatabase test)
    {
        await using var db = test.Context();
        var competitor = new Competitor { Name = "碧桂园" };
        db.Competitors.Add(competitor);
        await db.SaveChangesAsync(Ct);
        return competitor.Id;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_reservation_lost_to_a_competitor_must_name_it_and_then_frees_the_unit_and_loses_the_lead(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var competitor = await AddCompetitor(test);
        SaleSteps.Sale sale;
        await using (var db = test.Context())
            sale = await SaleSteps.ReserveAsync(db, world, "201", deposit: 20_000m);

        var unnamed = await test.AssertRefused<ValidationException>(db => new CancelSale(db).Handle(new(LostReason.LostToCompetitor, 20_000m, sale.Reservation.Id), Ct));
        Assert.Equal("competitor", Assert.Single(unnamed.Errors).Field);
        var tooMuch = await test.AssertRefused<DomainException>(db => new CancelSale(db).Handle(new(LostReason.PriceTooHigh, 20_000.01m, sale.Reservation.Id), Ct));
        Assert.Equal("refund-amount", tooMuch.Field);

        await using (var db = test.Context())
            await new CancelSale(db).Handle(new(LostReason.LostToCompetitor, 20_000m, sale.Reservation.Id, CompetitorId: competitor, Notes: "对手让利 5%"), Ct);

        await using var read = test.Context();
        Assert.Equal(UnitStatus.Available, (await read.Units.SingleAsync(u => u.Id == sale.Reservation.UnitId, Ct)).Status);
        Assert.Equal(ReservationStatus.Cancelled, (await read.Reservations.SingleAsync(Ct)).Status);
        var lead = await read.Leads.SingleAsync(l => l.Id == sale.Lead.Id, Ct);
        Assert.Equal((LeadStatus.Lost, LostReason.LostToCompetitor, competitor), (lead.Status, lead.LostReason, lead.LostToCompetitorId));
        var cancellation = await read.Cancellations.SingleAsync(Ct);
        Assert.Equal((20_000m, competitor, sale.Customer.Id), (cancellation.RefundAmount, cancellation.CompetitorId, cancellation.CustomerId));

        var twice = await test.AssertRefused<DomainException>(db => new CancelSale(db).Handle(new(LostReason.ChangedMind, 0m, sale.Reservation.Id), Ct));
        Assert.Equal("reservation", twice.Field);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_signed_contract_is_cancelled_with_a_refund_up_to_what_was_paid_and_the_unit_goes_back_on_sale(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        SaleSteps.Sale sale;
        Contract contract;
        await using (var db = test.Context())
        {
            sale = await SaleSteps.ReserveAsync(db, world, "301");
            contract = await new SignContract(db).Handle(new(sale.Reservation.Id, PaymentMethod.Mortgage), Ct);
            await new RecordPayment(db).Handle(new(contract.Schedule.Single(i => i.Kind == PaymentKind.DownPayment).Id, 100_000m, PaymentChannel.BankTransfer), Ct);
        }

        var both = await test.AssertRefused<ValidationException>(db => new CancelSale(db).Handle(new(LostReason.Financial, 0m, sale.Reservation.Id, contract.Id), Ct));
        Assert.Equal("reservation", Assert.Single(both.Errors).Field);
        var converted = await test.AssertRefused<DomainException>(db => new CancelSale(db).Handle(new(LostReason.Financial, 0m, sale.Reservation.Id), Ct));
        Assert.Contains("contract", converted.Message);
        await test.AssertRefused<DomainException>(db => new CancelSale(db).Handle(new(LostReason.MortgageRejected, 150_000.01m, ContractId: contract.Id), Ct));

        await using (var db = test.Context())
            await new CancelSale(db).Handle(new(LostReason.MortgageRejected, 150_000m, ContractId: contract.Id), Ct);

        await using var read = test.Context();
        Assert.Equal(ContractStatus.Cancelled, (await read.Contracts.SingleAsync(Ct)).Status);
        Assert.Equal(UnitStatus.Available, (await read.Units.SingleAsync(u => u.Id == contract.UnitId, Ct)).Status);
        Assert.Equal(LeadStatus.Lost, (await read.Leads.SingleAsync(l => l.Id == sale.Lead.Id, Ct)).Status);
        await test.AssertRefused<DomainException>(db => new CancelSale(db).Handle(new(LostReason.Other, 0m, ContractId: contract.Id), Ct));
    }
}
