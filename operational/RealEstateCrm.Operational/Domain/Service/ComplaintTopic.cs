using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Service;

/// <summary>A complaint topic (投诉专题): one underlying problem many owners complain about, handled as one.</summary>
public sealed class ComplaintTopic : Entity
{
    public required string Title { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? CategoryId { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? Summary { get; set; }
}
