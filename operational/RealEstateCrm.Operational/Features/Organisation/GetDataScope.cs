using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Features.Organisation;

/// <summary>Computes a user's data scope: administrators and holders of the all-data function see every
/// project; a supervisor sees the projects owned by his org unit and every unit below it; anyone else the
/// projects of his own unit. A user in no org unit sees no project.</summary>
[UseCase]
public sealed class GetDataScope(CrmDbContext db)
{
    /// <summary><paramref name="Functions"/>: the user's functions when the caller already holds them (the web's
    /// sign-in claims), which spares reading them again on every request.</summary>
    public sealed record Request(Guid UserId, IReadOnlySet<string>? Functions = null);

    public async Task<DataScope> Handle(Request request, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == request.UserId)
                       .Select(u => new { u.IsActive, u.OrgUnitId, u.IsSupervisor }).SingleOrDefaultAsync(ct)
                   ?? throw Lookups.NotFound<User>("user", request.UserId);
        if (!user.IsActive) return new DataScope(false, []);
        var functions = request.Functions ?? await UserFunctions.OfAsync(db, request.UserId, ct);
        if (functions.Contains(Functions.All) || functions.Contains(Functions.AllData)) return DataScope.Everything;
        if (user.OrgUnitId is null) return new DataScope(false, []);

        var own = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == user.OrgUnitId, ct);
        var units = user.IsSupervisor
            ? db.OrgUnits.Where(u => u.Path.StartsWith(own.Path)).Select(u => u.Id)
            : db.OrgUnits.Where(u => u.Id == own.Id).Select(u => u.Id);
        var projects = await db.Projects.Where(p => units.Contains(p.OrgUnitId)).Select(p => p.Id).ToListAsync(ct);
        return new DataScope(false, projects);
    }
}
