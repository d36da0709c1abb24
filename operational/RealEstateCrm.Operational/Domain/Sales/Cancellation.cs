using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Sales;

/// <summary>A cancellation (退房) of a reservation or contract, with its reason; "lost to competitor" names the competitor.</summary>
public sealed class Cancellation : Entity
{
    public Guid UnitId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? ReservationId { get; set; }
    public Guid? ContractId { get; set; }
    public DateTime CancelledAt { get; set; }
    public LostReason Reason { get; set; }
    public Guid? CompetitorId { get; set; }
    public decimal RefundAmount { get; set; }
    public string? Notes { get; set; }
}
