using Microsoft.AspNetCore.Mvc.RazorPages;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Host.Web.Workbench;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web;

/// <summary>The workbench (我的工作台): each card of the user's roles' layouts that his functions allow, with its count and
/// first rows, everything through his data scope. The layouts are kept per set of roles while nothing has been written.</summary>
public sealed class IndexModel(CrmDbContext db, SignedInUser me, Text text, BusinessTime time, DataVersion version,
    KeptWhileUnchanged<string, IReadOnlyList<WorkbenchCard>> layouts) : PageModel
{
    public IReadOnlyList<(WorkbenchCard Card, WorkbenchCardContent Content)> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = me.Roles;
        var layout = await layouts.GetAsync(string.Join(',', roles), await version.CurrentAsync(ct), () => WorkbenchLayouts.ForUserAsync(db, roles, ct));
        var query = new WorkbenchQuery(db, me, await me.ScopeAsync(ct), text, time, ct);
        var cards = new List<(WorkbenchCard, WorkbenchCardContent)>();
        // One after another: the cards share the request's DbContext.
        foreach (var card in layout.Where(c => me.MayUse(c.Function)))
            cards.Add((card, await card.LoadAsync(query)));
        Cards = cards;
    }
}
