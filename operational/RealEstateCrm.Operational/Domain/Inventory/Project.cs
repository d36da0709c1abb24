using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Inventory;

/// <summary>A development (项目/楼盘). It belongs to the org unit that sells it; data scopes follow that link.</summary>
public sealed class Project : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string City { get; set; }
    public string? District { get; set; }
    public string? Address { get; set; }
    public Guid CompanyId { get; set; }
    public Guid OrgUnitId { get; set; }
    public DateOnly? LaunchDate { get; set; }
    public decimal BasePricePerSqm { get; set; }
}
