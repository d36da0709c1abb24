using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Organisation;

/// <summary>A department or team. <see cref="Path"/> holds the ids from the root down ("/a/b/c/") so a
/// supervisor's subtree is one prefix comparison, not a recursive query.</summary>
public sealed class OrgUnit : Entity
{
    public required Guid CompanyId { get; set; }
    public Guid? ParentId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public OrgUnitKind Kind { get; set; } = OrgUnitKind.Sales;
    public string Path { get; set; } = "/";
}

public enum OrgUnitKind { Management, Sales, CallCenter, Service, Engineering, Marketing, Finance }
