using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Customers;

/// <summary>The customer 360 page, for every role that reads customers; only customers in the user's data scope.</summary>
[Authorize(Policy = Functions.CustomersRead)]
public sealed class DetailsModel(CrmDbContext db, SignedInUser me, Text text, TimeProvider clock) : PageModel
{
    public Customer360 View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        var view = await Customer360.LoadAsync(db, db.VisibleCustomers(scope), id, scope, text, clock.GetUtcNow().UtcDateTime, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
