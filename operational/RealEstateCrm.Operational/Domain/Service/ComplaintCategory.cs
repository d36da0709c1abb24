using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Service;

/// <summary>A node of the standard complaint library (投诉问题标准库): a category tree whose leaves
/// say which department takes the work and in how many hours it must be resolved.</summary>
public sealed class ComplaintCategory : Entity
{
    public Guid? ParentId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Guid? DefaultDepartmentId { get; set; }
    public int SlaHours { get; set; }
    public Severity Severity { get; set; } = Severity.Normal;
}

public enum Severity { Low, Normal, High, Critical }
