using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web.Sales.Leads;

/// <summary>One lead (线索) with its whole timeline, and the rep's next steps on it: first contact, a visit, a unit.</summary>
[Authorize(Policy = Functions.SalesRead)]
public sealed class DetailsModel(CrmDbContext db, SignedInUser me, RecordFirstContact firstContact, RecordVisit visit, Text text) : PageModel
{
    public Lead Lead { get; private set; } = null!;
    public Customer Customer { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public string? RepName { get; private set; }
    public IReadOnlyList<LeadTimeline.Event> Timeline { get; private set; } = [];

    [BindProperty(Name = "party")] public int Party { get; set; } = 1;
    [BindProperty(Name = "notes")] public string? Notes { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostFirstContactAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => firstContact.Handle(new RecordFirstContact.Request(id), ct), ct);

    public Task<IActionResult> OnPostVisitAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => visit.Handle(new RecordVisit.Request(id, Party, me.Id, string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim()), ct), ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> act, CancellationToken ct)
    {
        if (!me.MayUse(Functions.SalesWrite)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                await act();
                return Redirect($"/Sales/Leads/{id}");
            }
            catch (Exception e) when (UseCaseErrors.IsRefusal(e))
            {
                ModelState.Show(e);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        var lead = await db.VisibleLeads(scope).AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return false;
        Lead = lead;
        Customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == lead.CustomerId, ct);
        Project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lead.ProjectId, ct);
        RepName = lead.AssignedRepUserId is { } rep ? await db.Users.Where(u => u.Id == rep).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        Timeline = await LeadTimeline.LoadAsync(db, lead, text, ct);
        return true;
    }
}
