using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Service;

/// <summary>A reception record (接待记录): every contact a customer makes with service, whatever comes of it.</summary>
public sealed class ReceptionRecord : Entity
{
    public ReceptionChannel Channel { get; set; }
    public Guid? CustomerId { get; set; }
    public Guid? CallRecordId { get; set; }
    public Guid? ReceivedByUserId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public required string Summary { get; set; }
    public Guid? WorkOrderId { get; set; }
}

public enum ReceptionChannel { Phone, Web, WalkIn, WeChat }
