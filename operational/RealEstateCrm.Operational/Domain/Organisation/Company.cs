using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Organisation;

/// <summary>A company or one of its branches (单位). Branches point at their parent company.</summary>
public sealed class Company : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Guid? ParentCompanyId { get; set; }
    public string? City { get; set; }
}
