using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web.Sales.Reservations;

/// <summary>A reservation (认购) and the contract (合同) signed from it, with the payment plan chosen here.</summary>
[Authorize(Policy = Functions.SalesRead)]
public sealed class DetailsModel(CrmDbContext db, SignedInUser me, SignContract sign) : PageModel
{
    public Reservation Reservation { get; private set; } = null!;
    public Unit Unit { get; private set; } = null!;
    public Customer Customer { get; private set; } = null!;
    public Contract? Contract { get; private set; }

    [BindProperty(Name = "payment-method")] public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.Mortgage;
    [BindProperty(Name = "down-payment-percent")] public decimal DownPaymentPercent { get; set; } = 30;
    [BindProperty(Name = "instalments")] public int Instalments { get; set; } = 12;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!me.MayUse(Functions.SalesWrite)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                var contract = await sign.Handle(new SignContract.Request(Reservation.Id, PaymentMethod, DownPaymentPercent, Instalments), ct);
                return Redirect($"/Sales/Contracts/{contract.Id}");
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
        var found = await (from r in db.Reservations.AsNoTracking()
                           where r.Id == id
                           join u in db.VisibleUnits(scope).AsNoTracking() on r.UnitId equals u.Id
                           join c in db.Customers.AsNoTracking() on r.CustomerId equals c.Id
                           select new { r, u, c }).SingleOrDefaultAsync(ct);
        if (found is null) return false;
        (Reservation, Unit, Customer) = (found.r, found.u, found.c);
        Contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(k => k.ReservationId == id, ct);
        return true;
    }
}
