using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Tests.Sales;

public sealed class PaymentPlanTests
{
    private static readonly DateOnly Signed = new(2026, 3, 15);

    [Fact]
    public void Full_payment_is_one_balance_due_in_30_days()
    {
        var item = Assert.Single(PaymentPlan.Build(Guid.Empty, PaymentMethod.FullPayment, 3_600_000m, Signed, 30, 12));
        Assert.Equal((PaymentKind.Balance, 3_600_000m, new DateOnly(2026, 4, 14)), (item.Kind, item.Amount, item.DueDate));
    }

    [Fact]
    public void Instalments_add_up_to_the_price_to_the_cent_with_the_remainder_on_the_last()
    {
        var items = PaymentPlan.Build(Guid.Empty, PaymentMethod.Instalments, 3_333_333.33m, Signed, 30, 7);

        Assert.Equal(8, items.Count);
        Assert.Equal(1_000_000m, items[0].Amount);
        Assert.Equal(3_333_333.33m, items.Sum(i => i.Amount));
        Assert.Equal(333_333.33m, items[1].Amount);
        Assert.Equal(333_333.35m, items[^1].Amount);
        Assert.Equal(Enumerable.Range(1, 8), items.Select(i => i.Seq));
        Assert.Equal(new DateOnly(2026, 10, 15), items[^1].DueDate);
    }

    [Fact]
    public void A_mortgage_is_a_down_payment_of_at_least_30_percent_and_the_bank_pays_the_rest()
    {
        var items = PaymentPlan.Build(Guid.Empty, PaymentMethod.Mortgage, 2_531_100m, Signed, 35, 0);
        Assert.Equal([(PaymentKind.DownPayment, 885_885m), (PaymentKind.Mortgage, 1_645_215m)], items.Select(i => (i.Kind, i.Amount)));

        var error = Assert.Throws<DomainException>(() => PaymentPlan.Build(Guid.Empty, PaymentMethod.Mortgage, 2_531_100m, Signed, 29.99m, 0));
        Assert.Equal("down-payment-percent", error.Field);
    }
}
