using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Sales.Leads;

/// <summary>The leads a user may see, newest first: by default a rep's own (assigned to him), filtered by stage and
/// searched by the customer's name, code or phone.</summary>
[Authorize(Policy = Functions.SalesRead)]
public sealed class IndexModel(CrmDbContext db, SignedInUser me) : PageModel
{
    public const int Shown = 200;

    public sealed record Row(Lead Lead, Customer Customer, string Project);

    [BindProperty(SupportsGet = true)] public LeadStatus? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>"mine" or "all"; a rep starts on his own leads, a user who sees all data on everyone's.</summary>
    [BindProperty(SupportsGet = true)] public string? Whose { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Whose = Whose is "mine" or "all" ? Whose : me.MayUse(Functions.AllData) ? "all" : "mine";
        var scope = await me.ScopeAsync(ct);
        var leads = db.VisibleLeads(scope).AsNoTracking();
        if (Whose == "mine")
        {
            var myId = me.Id;
            leads = leads.Where(l => l.AssignedRepUserId == myId);
        }
        if (Stage is { } stage) leads = leads.Where(l => l.Status == stage);
        var customers = db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null);
        if (Q?.Trim() is { Length: > 0 } q)
        {
            var phone = ChinesePhone.Normalize(q);
            customers = customers.Where(c => c.Name.Contains(q) || c.Code == q || phone != null && c.Phone == phone);
        }
        Rows = await (from l in leads
                      join c in customers on l.CustomerId equals c.Id
                      join p in db.Projects on l.ProjectId equals p.Id
                      orderby l.CreatedAt descending
                      select new Row(l, c, p.Name)).Take(Shown).ToListAsync(ct);
    }
}
