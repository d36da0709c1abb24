using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Sales;

/// <summary>Records money received against one item of a contract's payment schedule (收款). An item cannot be
/// overpaid; the payment that settles the last item makes the contract and the unit paid.</summary>
[UseCase]
public sealed class RecordPayment(CrmDbContext db)
{
    public sealed record Request(Guid ScheduleItemId, decimal Amount, PaymentChannel Channel, string? ReceiptNo = null, DateTime? At = null);

    public async Task<Payment> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .Require(request.Amount > 0, "amount", "must be positive")
            .MaxLength(request.ReceiptNo, "receipt-no")
            .Require(request.Channel != PaymentChannel.Mortgage, "channel", "mortgage money is booked by disbursing the mortgage")
            .ThrowIfInvalid();
        var item = await db.PaymentScheduleItems.FindOrFail(request.ScheduleItemId, "schedule-item", ct);
        var contract = await db.Contracts.Include(c => c.Schedule).SingleAsync(c => c.Id == item.ContractId, ct);
        var payment = await ContractPayments.BookAsync(db, contract, item, request.Amount, request.Channel, request.ReceiptNo, request.At ?? DateTime.UtcNow, ct);
        await db.SaveRefusingConflictsAsync($"schedule item {item.Seq} of contract {contract.ContractNo}", "schedule-item", ct);
        return payment;
    }
}
