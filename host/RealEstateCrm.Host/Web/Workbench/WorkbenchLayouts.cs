using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Workbench;

/// <summary>Which cards each role's workbench shows and in what order: the business parameter
/// <c>workbench.cards.&lt;role&gt;</c> (comma-separated card codes) once an administrator has set it, else the role's default.</summary>
public static class WorkbenchLayouts
{
    public static readonly IReadOnlyDictionary<string, string[]> Defaults = new Dictionary<string, string[]>
    {
        [BuiltInRoles.Agent] = ["voicemails", "work-orders-near-sla", "work-orders-overdue"],
        [BuiltInRoles.Sales] = ["calls-today", "callbacks-due", "new-leads", "reservations-expiring"],
        [BuiltInRoles.Service] = ["escalations", "work-orders-overdue", "work-orders-near-sla", "work-orders-undispatched"],
        [BuiltInRoles.Manager] = ["discount-approvals", "escalations", "work-orders-overdue", "reservations-expiring", "new-leads-week"],
        [BuiltInRoles.Analyst] = ["running-campaigns", "new-leads-week"],
        [BuiltInRoles.Admin] = ["discount-approvals", "escalations", "work-orders-overdue", "running-campaigns"],
    };

    public static string Key(string role) => BusinessParameterKeys.WorkbenchCardsPrefix + role;

    /// <summary>Each role's card codes, the stored layout where there is one. Codes no longer known are dropped.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<string>>> ForRolesAsync(CrmDbContext db, IEnumerable<string> roles, CancellationToken ct)
    {
        var keys = roles.Distinct().ToDictionary(Key, role => role);
        var stored = await db.BusinessParameters.AsNoTracking().Where(p => keys.Keys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, p => p.Value, ct);
        return keys.ToDictionary(k => k.Value, k => (IReadOnlyList<string>)(stored.TryGetValue(k.Key, out var value)
            ? Parse(value)
            : Defaults.GetValueOrDefault(k.Value, [])).Where(code => WorkbenchCards.Find(code) is not null).ToList());
    }

    /// <summary>The cards a user with <paramref name="roles"/> sees: each role's cards in its order, the first role's first,
    /// each card once.</summary>
    public static async Task<IReadOnlyList<WorkbenchCard>> ForUserAsync(CrmDbContext db, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var layouts = await ForRolesAsync(db, roles, ct);
        return roles.SelectMany(role => layouts[role]).Distinct().Select(code => WorkbenchCards.Find(code)!).ToList();
    }

    /// <summary>Stores a role's cards through the business-parameter use case (validated and audited there).</summary>
    public static Task SaveAsync(SetBusinessParameter set, string role, IEnumerable<string> codes, CancellationToken ct) =>
        set.Handle(new SetBusinessParameter.Request(Key(role), string.Join(',', codes)), ct);

    private static string[] Parse(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
