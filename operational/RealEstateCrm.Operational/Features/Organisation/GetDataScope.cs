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
    public sealed record Request(Guid UserId);

    public async Task<DataScope> Handle(Request request, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, ct)
                   ?? throw Lookups.NotFound<User>("user", request.UserId);
        var functions = await UserFunctions.OfAsync(db, user.Id, ct);
        if (functions.Contains(Functions.All) || functions.Contains(Functions.AllData)) return DataScope.Everything;
        if (!user.IsActive || user.OrgUnitId is null) return new DataScope(false, []);

        var own = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == user.OrgUnitId, ct);
        var units = user.IsSupervisor
            ? db.OrgUnits.Where(u => u.Path.StartsWith(own.Path)).Select(u => u.Id)
            : db.OrgUnits.Where(u => u.Id == own.Id).Select(u => u.Id);
        var projects = await db.Projects.Where(p => units.Contains(p.OrgUnitId)).Select(p => p.Id).ToListAsync(ct);
        return new DataScope(false, projects);
    }
}
