using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>The call center's supervisors as the web sees them: the signed-in user as a <see cref="Supervisor"/> (roles,
/// the supervisor flag, department), and the policies of the supervision pages. The flag lives in the database, not in
/// the cookie, so a supervisor appointed or removed counts at once: it is kept only while nothing has been written
/// (<see cref="DataVersion"/>), since the layout's menu asks on every page.</summary>
public sealed class CallSupervisors(CrmDbContext db, SignedInUser me, DataVersion version, KeptWhileUnchanged<Guid, CallSupervisors.Standing> kept)
{
    /// <summary>Call supervisors (the flag and the calls function) and whoever reads reports: the monthly call bill.</summary>
    public const string BillReaders = "calls.bill-readers";
    /// <summary>Call supervisors and managers, as <see cref="SupervisionPolicy.Default"/> grants listen-in: the live calls page.</summary>
    public const string LiveCallWatchers = "calls.live-watchers";

    /// <summary>Who starts and stops progressive dialling runs: a supervisor (the flag) of the call center or of a sales
    /// team, and administrators.</summary>
    public const string DialerRunners = "calls.dialer-runners";

    /// <summary>What the database says of the user: his name, the supervisor flag and his department (null when unknown).</summary>
    public sealed record Standing(string? UserName, bool IsSupervisor, string? Department);

    private Supervisor? _me;

    public async Task<Supervisor> MeAsync(CancellationToken ct = default)
    {
        if (_me is not null) return _me;
        var user = await kept.GetAsync(me.Id, await version.CurrentAsync(ct), async () => await db.Users.Where(u => u.Id == me.Id)
            .Select(u => new Standing(u.UserName, u.IsSupervisor, db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault()))
            .SingleOrDefaultAsync(ct) ?? new Standing(null, false, null));
        return _me = new Supervisor(user.UserName ?? me.UserName, me.Roles, user.IsSupervisor, user.Department);
    }

    /// <summary>Whether the signed-in user may supervise some calls at all (whose calls is the policy's word, per call).</summary>
    public async Task<bool> MayWatchLiveCallsAsync(CancellationToken ct = default)
    {
        if (!me.MayUse(Functions.Calls)) return false;
        var who = await MeAsync(ct);
        return SupervisionPolicy.Default.Refusal(who, SupervisionMode.Listen, who.Department) is null;
    }

    public static void AddPolicies(AuthorizationBuilder builder)
    {
        builder.AddPolicy(BillReaders, policy => policy.RequireAuthenticatedUser().AddRequirements(new Requirement(BillReaders)));
        builder.AddPolicy(LiveCallWatchers, policy => policy.RequireAuthenticatedUser().AddRequirements(new Requirement(LiveCallWatchers)));
        builder.AddPolicy(DialerRunners, policy => policy.RequireAuthenticatedUser().AddRequirements(new Requirement(DialerRunners)));
    }

    public sealed record Requirement(string Policy) : IAuthorizationRequirement;

    public sealed class Handler(CallSupervisors supervisors, SignedInUser me) : AuthorizationHandler<Requirement>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
        {
            var allowed = requirement.Policy switch
            {
                BillReaders => me.MayUse(Functions.Reports) || (me.MayUse(Functions.Calls) && (await supervisors.MeAsync()).IsSupervisor),
                LiveCallWatchers => await supervisors.MayWatchLiveCallsAsync(),
                DialerRunners => me.MayUse(Functions.All)
                    || ((me.MayUse(Functions.Calls) || me.MayUse(Functions.CallLists)) && (await supervisors.MeAsync()).IsSupervisor),
                _ => false,
            };
            if (allowed) context.Succeed(requirement);
        }
    }
}
