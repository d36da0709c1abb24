using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Handover;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Customers;

/// <summary>Records that an owner leaves the property service (LeavePropertyService), with the day and his reason. The
/// customer page carries the form; a refused post comes back here with each message at its field (400), a recorded one
/// returns to the customer page, whose timeline then shows it. Service staff (service.handover) only.</summary>
[Authorize(Policy = Functions.Handover)]
public sealed class LeaveServiceModel(CrmDbContext db, SignedInUser me, BusinessTime time, Text text) : PageModel
{
    public Customer Customer { get; private set; } = null!;

    public LeaveServiceForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await VisibleAsync(id, ct) is not { } customer) return NotFound();
        Customer = customer;
        Form = LeaveServiceForm.Blank(id, time.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, DateOnly? date, string? reason, ReceptionChannel channel,
        [FromServices] LeavePropertyService leave, CancellationToken ct)
    {
        if (await VisibleAsync(id, ct) is not { } customer) return NotFound();
        // A date the browser did not send (or could not parse) is refused here; the use case checks the rest.
        if (date is null) ModelState.AddModelError("date", text["Give the day he left."]);
        else
        {
            try
            {
                await leave.Handle(new LeavePropertyService.Request(id, time.StartOfDayUtc(date.Value), reason ?? "", channel, me.Id), ct);
                return RedirectToPage("/Customers/Details", new { id });
            }
            catch (Exception refused) when (UseCaseErrors.IsRefusal(refused))
            {
                ModelState.Show(refused);
            }
        }
        Customer = customer;
        Form = new LeaveServiceForm(id, date, reason, channel);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<Customer?> VisibleAsync(Guid id, CancellationToken ct) =>
        await db.VisibleCustomers(await me.ScopeAsync(ct)).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
}

/// <summary>What the leaving form shows: blank on the customer page, the posted values after a refusal.</summary>
public sealed record LeaveServiceForm(Guid CustomerId, DateOnly? Date, string? Reason, ReceptionChannel Channel)
{
    public static LeaveServiceForm Blank(Guid customerId, DateOnly today) => new(customerId, today, null, ReceptionChannel.Phone);
}
