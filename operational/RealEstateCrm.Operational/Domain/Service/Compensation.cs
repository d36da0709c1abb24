using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Service;

/// <summary>Compensation paid to a customer (赔付) because of a work order.</summary>
public sealed class Compensation : Entity
{
    public Guid WorkOrderId { get; set; }
    public Guid CustomerId { get; set; }
    public CompensationKind Kind { get; set; }
    public decimal Amount { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime GrantedAt { get; set; }
}

public enum CompensationKind { Cash, PropertyFeeWaiver, Gift, RentAllowance }

/// <summary>Repair cost deducted from the responsible contractor (扣维修款).</summary>
public sealed class ContractorChargeBack : Entity
{
    public Guid WorkOrderId { get; set; }
    public Guid ContractorId { get; set; }
    public decimal Amount { get; set; }
    public DateTime ChargedAt { get; set; }
    public string? Note { get; set; }
}
