using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Organisation;

/// <summary>A person who signs in. Supervisors see their org unit's whole subtree; others only their own unit.</summary>
public sealed class User : Entity
{
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public Guid? OrgUnitId { get; set; }
    public bool IsSupervisor { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    [NotAudited]
    public string? PasswordHash { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Changes whenever the password or roles change, so sign-in cookies issued before are refused.</summary>
    [NotAudited]
    public string? SecurityStamp { get; set; }
    /// <summary>Failed sign-ins since the last success; reaching the limit locks the account until <see cref="LockedOutUntil"/>.</summary>
    [NotAudited]
    public int AccessFailedCount { get; set; }
    public DateTime? LockedOutUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<UserRole> Roles { get; set; } = [];
}

public sealed class UserRole
{
    public Guid UserId { get; set; }
    public Guid RoleId { get; set; }
}
