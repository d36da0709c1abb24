using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Sales;

/// <summary>One due amount of a contract: the down payment (首付), an instalment, or the mortgage disbursement (按揭).</summary>
public sealed class PaymentScheduleItem : Entity
{
    public Guid ContractId { get; set; }
    public int Seq { get; set; }
    public PaymentKind Kind { get; set; }
    public DateOnly DueDate { get; set; }
    public decimal Amount { get; set; }
    public decimal PaidAmount { get; set; }
    public DateTime? PaidAt { get; set; }
}

public enum PaymentKind { DownPayment, Instalment, Mortgage, Balance }
