using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Sales;

/// <summary>Money received against a schedule item (收款).</summary>
public sealed class Payment : Entity
{
    public Guid ContractId { get; set; }
    public Guid ScheduleItemId { get; set; }
    public decimal Amount { get; set; }
    public DateTime PaidAt { get; set; }
    public PaymentChannel Channel { get; set; }
    public string? ReceiptNo { get; set; }
}

public enum PaymentChannel { BankTransfer, Pos, Mortgage, Cash }
