using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Features.Organisation;

/// <summary>Which functions (功能权限) a user may use: the union of the functions of the user's roles,
/// where the administrator's "*" grants every function. A deactivated user may use none.</summary>
public static class UserFunctions
{
    public static async Task<HashSet<string>> OfAsync(CrmDbContext db, Guid userId, CancellationToken ct)
    {
        var functions = await (
            from user in db.Users
            where user.Id == userId && user.IsActive
            from userRole in user.Roles
            join role in db.Roles on userRole.RoleId equals role.Id
            from function in role.Functions
            select function.Function).Distinct().ToListAsync(ct);
        return functions.ToHashSet(StringComparer.Ordinal);
    }

    public static async Task<bool> MayUseAsync(CrmDbContext db, Guid userId, string function, CancellationToken ct)
    {
        var functions = await OfAsync(db, userId, ct);
        return functions.Contains(Functions.All) || functions.Contains(function);
    }

    /// <summary>Refuses the change unless the user may use <paramref name="function"/>; names <paramref name="field"/> as the input at fault.</summary>
    public static async Task RequireAsync(CrmDbContext db, Guid userId, string function, string field, CancellationToken ct)
    {
        if (!await MayUseAsync(db, userId, function, ct))
            throw new DomainException($"user {userId} may not use the function {function}", field);
    }
}
