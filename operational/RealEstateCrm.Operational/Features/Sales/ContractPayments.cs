using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Sales;

internal static class ContractPayments
{
    /// <summary>Books a payment against a schedule item (<see cref="Contract.Pay"/> refuses overpayment) and,
    /// when it settles the whole schedule, moves the unit to paid. The caller saves.</summary>
    public static async Task<Payment> BookAsync(CrmDbContext db, Contract contract, PaymentScheduleItem item, decimal amount, PaymentChannel channel, string? receiptNo, DateTime at, CancellationToken ct)
    {
        var settled = contract.Pay(item, amount, at);
        var payment = new Payment { ContractId = contract.Id, ScheduleItemId = item.Id, Amount = amount, PaidAt = at, Channel = channel, ReceiptNo = receiptNo };
        db.Payments.Add(payment);
        if (settled)
        {
            var unit = db.Units.Local.SingleOrDefault(u => u.Id == contract.UnitId) ?? await db.Units.SingleAsync(u => u.Id == contract.UnitId, ct);
            unit.MoveTo(UnitStatus.Paid, at);
        }
        return payment;
    }
}
