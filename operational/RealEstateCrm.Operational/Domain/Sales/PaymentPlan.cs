namespace RealEstateCrm.Operational.Domain.Sales;

/// <summary>The payment schedule of a contract by payment method: full payment in one balance due in 30
/// days; instalments as a down payment then equal monthly instalments; a mortgage as a down payment of at
/// least 30% (the national minimum for a first home) and the bank's disbursement for the rest.</summary>
public static class PaymentPlan
{
    public const decimal MinMortgageDownPaymentPercent = 30m;

    public static List<PaymentScheduleItem> Build(Guid contractId, PaymentMethod method, decimal price, DateOnly signedOn, decimal downPaymentPercent, int instalments)
    {
        if (price <= 0) throw new Common.DomainException("the contract price must be positive", "price");
        var items = new List<PaymentScheduleItem>();
        void Add(PaymentKind kind, DateOnly due, decimal amount) =>
            items.Add(new PaymentScheduleItem { ContractId = contractId, Seq = items.Count + 1, Kind = kind, DueDate = due, Amount = amount });

        switch (method)
        {
            case PaymentMethod.FullPayment:
                Add(PaymentKind.Balance, signedOn.AddDays(30), price);
                break;
            case PaymentMethod.Instalments:
                if (downPaymentPercent is <= 0 or >= 100) throw new Common.DomainException("the down payment must be between 0% and 100% of the price", "down-payment-percent");
                if (instalments is < 1 or > 36) throw new Common.DomainException("instalments must number from 1 to 36", "instalments");
                var down = Cents(price * downPaymentPercent / 100m);
                Add(PaymentKind.DownPayment, signedOn.AddDays(7), down);
                var each = Cents((price - down) / instalments);
                for (var i = 1; i <= instalments; i++)
                    // The last instalment takes the rounding remainder so the schedule adds up to the price exactly.
                    Add(PaymentKind.Instalment, signedOn.AddMonths(i), i < instalments ? each : price - down - each * (instalments - 1));
                break;
            case PaymentMethod.Mortgage:
                if (downPaymentPercent is < MinMortgageDownPaymentPercent or >= 100)
                    throw new Common.DomainException($"a mortgage needs a down payment of at least {MinMortgageDownPaymentPercent}% and below 100%", "down-payment-percent");
                var mortgageDown = Cents(price * downPaymentPercent / 100m);
                Add(PaymentKind.DownPayment, signedOn.AddDays(7), mortgageDown);
                Add(PaymentKind.Mortgage, signedOn.AddDays(90), price - mortgageDown);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, null);
        }
        return items;
    }

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
