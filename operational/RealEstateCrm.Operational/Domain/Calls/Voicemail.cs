using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Calls;

/// <summary>A message a caller left; a complaint left this way becomes a work order.</summary>
public sealed class Voicemail : Entity
{
    public Guid? CallRecordId { get; set; }
    public Guid? CustomerId { get; set; }
    public required string Caller { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string File { get; set; }
    public int DurationSeconds { get; set; }
    public Guid? WorkOrderId { get; set; }
    public bool Heard { get; set; }
}
