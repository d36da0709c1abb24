using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Features.Organisation;

/// <summary>Makes sure the named built-in roles exist with their functions, and returns their ids.</summary>
public static class EnsureRoles
{
    public static async Task<List<Guid>> Handle(CrmDbContext db, IEnumerable<string> codes, CancellationToken ct = default)
    {
        var ids = new List<Guid>();
        foreach (var code in codes.Distinct())
        {
            var role = await db.Roles.SingleOrDefaultAsync(r => r.Code == code, ct)
                       ?? db.Roles.Local.SingleOrDefault(r => r.Code == code);
            if (role is null)
            {
                var (name, functions) = BuiltInRoles.All[code];
                role = new Role { Code = code, Name = name };
                role.Functions.AddRange(functions.Select(f => new RoleFunction { RoleId = role.Id, Function = f }));
                db.Roles.Add(role);
            }
            ids.Add(role.Id);
        }
        return ids;
    }
}
