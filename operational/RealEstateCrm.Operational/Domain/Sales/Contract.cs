using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Sales;

/// <summary>A sale contract (合同) and how it is paid.</summary>
public sealed class Contract : Entity
{
    public required string ContractNo { get; set; }
    public Guid? ReservationId { get; set; }
    public Guid UnitId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? RepUserId { get; set; }
    public DateTime SignedAt { get; set; }
    public decimal ListPrice { get; set; }
    public decimal DiscountAmount { get; set; }
    public decimal FinalPrice { get; set; }
    public decimal Area { get; set; }
    public PaymentMethod PaymentMethod { get; set; }
    public ContractStatus Status { get; set; } = ContractStatus.Active;
    public List<PaymentScheduleItem> Schedule { get; set; } = [];
}

public enum PaymentMethod { FullPayment, Instalments, Mortgage }
public enum ContractStatus { Active, Paid, HandedOver, Cancelled }
