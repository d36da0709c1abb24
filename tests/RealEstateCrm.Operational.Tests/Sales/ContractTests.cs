using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Sales;

public sealed class ContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task Signing_converts_the_reservation_numbers_the_contract_and_credits_the_deposit(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var now = DateTime.UtcNow;
        Contract first, second;
        SaleSteps.Sale sale;
        await using (var db = test.Context())
        {
            sale = await SaleSteps.ReserveAsync(db, world, "101");
            var other = await SaleSteps.ReserveAsync(db, world, "102", "黄敏", "13800138002");
            first = await new SignContract(db).Handle(new(sale.Reservation.Id, PaymentMethod.Mortgage, 40m), Ct);
            second = await new SignContract(db).Handle(new(other.Reservation.Id, PaymentMethod.FullPayment), Ct);
        }

        Assert.Equal($"HT-TH01-{now:yyyyMM}-0001", first.ContractNo);
        Assert.Equal($"HT-TH01-{now:yyyyMM}-0002", second.ContractNo);
        await using var read = test.Context();
        var contract = await read.Contracts.Include(c => c.Schedule).SingleAsync(c => c.Id == first.Id, Ct);
        Assert.Equal((3_600_000m, 0m, 3_600_000m, 120m), (contract.ListPrice, contract.DiscountAmount, contract.FinalPrice, contract.Area));
        Assert.Equal([(PaymentKind.DownPayment, 1_440_000m, 50_000m), (PaymentKind.Mortgage, 2_160_000m, 0m)],
            contract.Schedule.OrderBy(i => i.Seq).Select(i => (i.Kind, i.Amount, i.PaidAmount)));
        Assert.Equal(50_000m, (await read.Payments.SingleAsync(p => p.ContractId == contract.Id, Ct)).Amount);
        Assert.Equal(UnitStatus.Contracted, (await read.Units.SingleAsync(u => u.Id == contract.UnitId, Ct)).Status);
        Assert.Equal(ReservationStatus.Converted, (await read.Reservations.SingleAsync(r => r.Id == sale.Reservation.Id, Ct)).Status);
        Assert.Equal(LeadStatus.Won, (await read.Leads.SingleAsync(l => l.Id == sale.Lead.Id, Ct)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Contracts_signed_at_the_same_moment_get_distinct_consecutive_numbers(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        var reservations = new List<Guid>();
        await using (var db = test.Context())
            foreach (var (room, i) in new[] { "101", "102", "201", "202" }.Select((r, i) => (r, i)))
                reservations.Add((await SaleSteps.ReserveAsync(db, world, room, $"客户{i}", $"1390013900{i}")).Reservation.Id);

        var numbers = await Task.WhenAll(reservations.Select(async id =>
        {
            await using var db = test.Context();
            return (await new SignContract(db).Handle(new(id, PaymentMethod.FullPayment), Ct)).ContractNo;
        }));

        var month = DateTime.UtcNow.ToString("yyyyMM");
        Assert.Equal(Enumerable.Range(1, 4).Select(i => $"HT-TH01-{month}-{i:0000}"), numbers.Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_converted_or_expired_reservation_or_a_thin_mortgage_down_payment_cannot_be_signed(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        SaleSteps.Sale signed, open;
        await using (var db = test.Context())
        {
            signed = await SaleSteps.ReserveAsync(db, world, "101");
            open = await SaleSteps.ReserveAsync(db, world, "201", "黄敏", "13800138002");
            await new SignContract(db).Handle(new(signed.Reservation.Id, PaymentMethod.FullPayment), Ct);
        }

        var again = await test.AssertRefused<DomainException>(db => new SignContract(db).Handle(new(signed.Reservation.Id, PaymentMethod.FullPayment), Ct));
        Assert.Equal("reservation", again.Field);
        var expired = await test.AssertRefused<DomainException>(db => new SignContract(db).Handle(new(open.Reservation.Id, PaymentMethod.FullPayment, At: open.Reservation.ExpiresAt.AddMinutes(1)), Ct));
        Assert.Contains("expired", expired.Message);
        var thin = await test.AssertRefused<DomainException>(db => new SignContract(db).Handle(new(open.Reservation.Id, PaymentMethod.Mortgage, 20m), Ct));
        Assert.Equal("down-payment-percent", thin.Field);

        await using var read = test.Context();
        Assert.Equal(UnitStatus.Reserved, (await read.Units.SingleAsync(u => u.Id == open.Reservation.UnitId, Ct)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Payments_cannot_overpay_an_item_and_the_last_one_makes_contract_and_unit_paid(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        Contract contract;
        await using (var db = test.Context())
        {
            var sale = await SaleSteps.ReserveAsync(db, world, "102");
            contract = await new SignContract(db).Handle(new(sale.Reservation.Id, PaymentMethod.Instalments, 50m, 2), Ct);
        }
        var items = contract.Schedule.OrderBy(i => i.Seq).ToList();
        // 102: 89.5 m² × 28000 = 2 506 000; half down (50 000 of it the deposit), then two instalments of 626 500.
        Assert.Equal([1_253_000m, 626_500m, 626_500m], items.Select(i => i.Amount));

        var over = await test.AssertRefused<DomainException>(db => new RecordPayment(db).Handle(new(items[0].Id, 1_203_000.01m, PaymentChannel.BankTransfer), Ct));
        Assert.Equal("amount", over.Field);
        var mortgageChannel = await test.AssertRefused<ValidationException>(db => new RecordPayment(db).Handle(new(items[1].Id, 1m, PaymentChannel.Mortgage), Ct));
        Assert.Equal("channel", Assert.Single(mortgageChannel.Errors).Field);

        await using (var db = test.Context())
        {
            await new RecordPayment(db).Handle(new(items[0].Id, 1_203_000m, PaymentChannel.BankTransfer, "SK-0001"), Ct);
            await new RecordPayment(db).Handle(new(items[1].Id, 626_500m, PaymentChannel.Pos), Ct);
            await new RecordPayment(db).Handle(new(items[2].Id, 600_000m, PaymentChannel.BankTransfer), Ct);
        }
        await using (var read = test.Context())
            Assert.Equal(ContractStatus.Active, (await read.Contracts.SingleAsync(Ct)).Status);
        await using (var db = test.Context())
            await new RecordPayment(db).Handle(new(items[2].Id, 26_500m, PaymentChannel.BankTransfer), Ct);

        await using var after = test.Context();
        Assert.Equal(ContractStatus.Paid, (await after.Contracts.SingleAsync(Ct)).Status);
        Assert.Equal(UnitStatus.Paid, (await after.Units.SingleAsync(u => u.Id == contract.UnitId, Ct)).Status);
        Assert.Equal(2_506_000m, await after.Payments.SumAsync(p => p.Amount, Ct));
        await test.AssertRefused<DomainException>(db => new RecordPayment(db).Handle(new(items[2].Id, 1m, PaymentChannel.BankTransfer), Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Two_cashiers_booking_the_same_item_at_once_cannot_overpay_it(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var world = await World.Create(test);
        PaymentScheduleItem item;
        await using (var db = test.Context())
        {
            var sale = await SaleSteps.ReserveAsync(db, world, "202");
            var contract = await new SignContract(db).Handle(new(sale.Reservation.Id, PaymentMethod.Mortgage), Ct);
            item = contract.Schedule.Single(i => i.Kind == PaymentKind.DownPayment);
        }
        var outstanding = item.Amount - item.PaidAmount;

        await using var first = test.Context("cashier.1");
        await using var second = test.Context("cashier.2");
        // Both load the item while nothing of the remainder is paid; each alone would be a valid payment.
        Assert.Equal(item.PaidAmount, (await first.PaymentScheduleItems.FindAsync([item.Id], Ct))!.PaidAmount);
        Assert.Equal(item.PaidAmount, (await second.PaymentScheduleItems.FindAsync([item.Id], Ct))!.PaidAmount);
        await new RecordPayment(first).Handle(new(item.Id, outstanding, PaymentChannel.BankTransfer, "SK-1"), Ct);
        var error = await Assert.ThrowsAsync<DomainException>(() => new RecordPayment(second).Handle(new(item.Id, outstanding, PaymentChannel.Pos, "SK-2"), Ct));
        Assert.Equal("schedule-item", error.Field);

        await using var read = test.Context();
        Assert.Equal(item.Amount, await read.Payments.Where(p => p.ScheduleItemId == item.Id).SumAsync(p => p.Amount, Ct));
    }
}
