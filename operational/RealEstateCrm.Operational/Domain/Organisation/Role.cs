using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Organisation;

/// <summary>A role and the functions it may use. The six built-in roles are seeded by migration.</summary>
public sealed class Role : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<RoleFunction> Functions { get; set; } = [];
}

public sealed class RoleFunction
{
    public Guid RoleId { get; set; }
    public required string Function { get; set; }
}
