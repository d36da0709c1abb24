using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web.Sales.Units;

/// <summary>A unit of the chart, its sales so far, and the reservation (认购) form when it is available.</summary>
[Authorize(Policy = Functions.SalesRead)]
public sealed class DetailsModel(CrmDbContext db, SignedInUser me, ReserveUnit reserve, Text text) : PageModel
{
    public sealed record Sale(Reservation Reservation, Customer Customer, Contract? Contract);

    public Unit Unit { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public Building Building { get; private set; } = null!;
    public IReadOnlyList<Sale> Sales { get; private set; } = [];

    /// <summary>The customer's code (KH…) or phone, as the rep has it in hand.</summary>
    [BindProperty(Name = "customer")] public string Customer { get; set; } = "";
    [BindProperty(Name = "deposit")] public decimal? Deposit { get; set; }
    [BindProperty(Name = "discount-percent")] public decimal DiscountPercent { get; set; }
    [BindProperty(Name = "lead", SupportsGet = true)] public Guid? Lead { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Lead is { } leadId)
        {
            var scope = await me.ScopeAsync(ct);
            Customer = await db.VisibleLeads(scope).Where(l => l.Id == leadId && l.ProjectId == Unit.ProjectId)
                .Join(db.Customers, l => l.CustomerId, c => c.Id, (l, c) => c.Code).SingleOrDefaultAsync(ct) ?? "";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!me.MayUse(Functions.SalesWrite)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        var customer = await FindCustomerAsync(ct);
        if (Deposit is null && ModelState.ErrorOf("deposit") is null) ModelState.AddModelError("deposit", text["is required"]);
        if (!ModelState.IsValid) return Refused();
        try
        {
            var reservation = await reserve.Handle(new ReserveUnit.Request(Unit.Id, customer!.Id, Deposit!.Value, DiscountPercent, LeadId: Lead, RepUserId: me.Id), ct);
            return Redirect($"/Sales/Reservations/{reservation.Id}");
        }
        catch (Exception e) when (UseCaseErrors.IsRefusal(e))
        {
            ModelState.Show(e);
            return Refused();
        }
    }

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The customer named in the form, among those the rep may see; a phone two customers share is refused
    /// rather than guessed.</summary>
    private async Task<Customer?> FindCustomerAsync(CancellationToken ct)
    {
        var given = Customer.Trim();
        if (given.Length == 0)
        {
            ModelState.AddModelError("customer", text["is required"]);
            return null;
        }
        var phone = ChinesePhone.Normalize(given);
        var scope = await me.ScopeAsync(ct);
        var found = await db.VisibleCustomers(scope).Where(c => c.MergedIntoId == null && (c.Code == given || phone != null && c.Phone == phone)).Take(2).ToListAsync(ct);
        if (found.Count == 1) return found[0];
        ModelState.AddModelError("customer", found.Count == 0 ? text["No customer of yours has this code or phone."] : text["Several customers have this phone: give the customer code."]);
        return null;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        var unit = await db.VisibleUnits(scope).AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return false;
        Unit = unit;
        Project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == unit.ProjectId, ct);
        Building = await db.Buildings.AsNoTracking().SingleAsync(b => b.Id == unit.BuildingId, ct);
        Sales = await (from r in db.Reservations.AsNoTracking()
                       where r.UnitId == unit.Id
                       join c in db.Customers.AsNoTracking() on r.CustomerId equals c.Id
                       orderby r.ReservedAt descending
                       select new Sale(r, c, db.Contracts.FirstOrDefault(k => k.ReservationId == r.Id))).ToListAsync(ct);
        return true;
    }
}
