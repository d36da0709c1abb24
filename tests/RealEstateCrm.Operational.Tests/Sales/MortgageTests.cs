using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Sales;

public sealed class MortgageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Contract> SignMortgageContract(TestDatabase test, World world, PaymentMethod method = PaymentMethod.Mortgage)
    {
        await using var db = test.Context();
        var sale = await SaleSteps.ReserveAsync(db, world, "101");
        return await new SignContract(db).Handle(new(sale.Reservation.Id, method), Ct);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_rejected_application_keeps_the_reason_and_a_new_bank_can_approve_and_disburse_the_mortgage_item(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var contract = await SignMortgageContract(test, world);
        Guid rejectedId, approvedId;
        await using (var db = test.Context())
        {
            var first = await new ApplyForMortgage(db).Handle(new(contract.Id, "中国建设银行", 30), Ct);
            Assert.Equal(2_520_000m, first.Amount);
            await new DecideMortgage(db).Handle(new(first.Id, false, "收入证明不足 income not proven"), Ct);
            var second = await new ApplyForMortgage(db).Handle(new(contract.Id, "招商银行", 25), Ct);
            await new DecideMortgage(db).Handle(new(second.Id, true), Ct);
            (rejectedId, approvedId) = (first.Id, second.Id);
        }

        var duplicate = await test.AssertRefused<DomainException>(db => new ApplyForMortgage(db).Handle(new(contract.Id, "工商银行", 20), Ct));
        Assert.Equal("contract", duplicate.Field);
        var decidedTwice = await test.AssertRefused<DomainException>(db => new DecideMortgage(db).Handle(new(approvedId, false, "改变主意"), Ct));
        Assert.Equal("mortgage", decidedTwice.Field);

        await using (var db = test.Context())
            await new DisburseMortgage(db).Handle(new(approvedId), Ct);
        await test.AssertRefused<DomainException>(db => new DisburseMortgage(db).Handle(new(approvedId), Ct));

        await using var read = test.Context();
        Assert.Equal("收入证明不足 income not proven", (await read.Mortgages.SingleAsync(m => m.Id == rejectedId, Ct)).RejectionReason);
        Assert.Equal(MortgageStatus.Disbursed, (await read.Mortgages.SingleAsync(m => m.Id == approvedId, Ct)).Status);
        var item = await read.PaymentScheduleItems.SingleAsync(i => i.ContractId == contract.Id && i.Kind == PaymentKind.Mortgage, Ct);
        Assert.Equal(item.Amount, item.PaidAmount);
        Assert.Equal(PaymentChannel.Mortgage, (await read.Payments.SingleAsync(p => p.ScheduleItemId == item.Id, Ct)).Channel);
        // The down payment is still partly open, so the contract and unit are not paid yet.
        Assert.Equal(ContractStatus.Active, (await read.Contracts.SingleAsync(Ct)).Status);
        Assert.Equal(UnitStatus.Contracted, (await read.Units.SingleAsync(u => u.Id == contract.UnitId, Ct)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Refused_mortgage_steps_change_nothing(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var contract = await SignMortgageContract(test, world);
        Guid applied;
        await using (var db = test.Context())
            applied = (await new ApplyForMortgage(db).Handle(new(contract.Id, "中国银行", 30), Ct)).Id;

        var noReason = await test.AssertRefused<ValidationException>(db => new DecideMortgage(db).Handle(new(applied, false), Ct));
        Assert.Equal("reason", Assert.Single(noReason.Errors).Field);
        var notApproved = await test.AssertRefused<DomainException>(db => new DisburseMortgage(db).Handle(new(applied), Ct));
        Assert.Equal("mortgage", notApproved.Field);
        var badTerm = await test.AssertRefused<ValidationException>(db => new ApplyForMortgage(db).Handle(new(contract.Id, "", 40), Ct));
        Assert.Equal(["bank", "term-years"], badTerm.Errors.Select(e => e.Field).Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_contract_paid_in_full_takes_no_mortgage_application(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var contract = await SignMortgageContract(test, world, PaymentMethod.FullPayment);

        var error = await test.AssertRefused<DomainException>(db => new ApplyForMortgage(db).Handle(new(contract.Id, "中国银行", 30), Ct));
        Assert.Contains("FullPayment", error.Message);
    }
}
