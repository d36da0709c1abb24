using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Sales;

/// <summary>A reservation (认购/订房): a deposit holds a unit at an agreed price until the contract is signed.</summary>
public sealed class Reservation : Entity
{
    public Guid UnitId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? LeadId { get; set; }
    public Guid? RepUserId { get; set; }
    public DateTime ReservedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public decimal Deposit { get; set; }
    public decimal ListPrice { get; set; }
    public decimal DiscountPercent { get; set; }
    public decimal AgreedPrice { get; set; }
    public Guid? DiscountApprovalId { get; set; }
    public ReservationStatus Status { get; set; } = ReservationStatus.Active;
}

public enum ReservationStatus { Active, Converted, Cancelled, Expired }
