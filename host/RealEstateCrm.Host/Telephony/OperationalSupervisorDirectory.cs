using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Telephony;

/// <summary>The user behind an agent seat's extension as a supervisor: role codes, the supervisor flag and the org
/// unit's name (the department <see cref="OperationalAgentDirectory"/> gives agents). Read per call, so a supervisor
/// appointed or removed counts at once.</summary>
public sealed class OperationalSupervisorDirectory(CrmDatabase database) : ISupervisorDirectory
{
    public async Task<Supervisor?> ByExtensionAsync(string extension, CancellationToken ct = default)
    {
        await using var db = database.CreateContext("telephony");
        var user = await db.Agents.Where(a => a.Extension == extension)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => u)
            .Where(u => u.IsActive)
            .Select(u => new
            {
                u.UserName, u.IsSupervisor,
                Department = db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
                Roles = u.Roles.Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Code).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return user is null ? null : new Supervisor(user.UserName, user.Roles, user.IsSupervisor, user.Department);
    }
}
