using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web.Sales.Duplicates;

/// <summary>Two customers side by side and, once the user confirms with a reason, the duplicate folded into the survivor
/// (<see cref="MergeCustomers"/>); then the merged customer as he now stands.</summary>
[Authorize(Policy = Functions.CustomersWrite)]
public sealed class MergeModel(CrmDbContext db, SignedInUser me, MergeCustomers merge) : PageModel
{
    public sealed record Side(Customer Customer, int Leads, int Contracts, int Calls);

    [BindProperty(SupportsGet = true)] public Guid Survivor { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Duplicate { get; set; }
    [BindProperty(Name = "reason")] public string? Reason { get; set; }

    public Side Left { get; private set; } = null!;
    public Side? Right { get; private set; }
    /// <summary>Set after the merge: what was folded in.</summary>
    public CustomerMerge? Done { get; private set; }
    public string? MergedCode { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? merged, CancellationToken ct)
    {
        if (merged is { } mergedId)
        {
            // The result page: the survivor as he now stands, and the merge that made him.
            if (await LoadSideAsync(Survivor, ct) is not { } survivor) return NotFound();
            Left = survivor;
            Done = await db.CustomerMerges.AsNoTracking().SingleOrDefaultAsync(m => m.SurvivorId == Survivor && m.MergedId == mergedId, ct);
            if (Done is null) return NotFound();
            MergedCode = await db.Customers.Where(c => c.Id == mergedId).Select(c => c.Code).SingleAsync(ct);
            return Page();
        }
        return await LoadPairAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadPairAsync(ct)) return NotFound();
        try
        {
            var result = await merge.Handle(new MergeCustomers.Request(Survivor, Duplicate!.Value, Reason?.Trim() ?? ""), ct);
            return Redirect($"/Sales/Duplicates/Merge?survivor={Survivor}&merged={result.Merge.MergedId}");
        }
        catch (Exception e) when (UseCaseErrors.IsRefusal(e))
        {
            ModelState.Show(e);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    /// <summary>Both customers must be live and in the user's scope: ids from the browser are checked, not trusted.</summary>
    private async Task<bool> LoadPairAsync(CancellationToken ct)
    {
        if (Duplicate is null || Duplicate == Survivor) return false;
        var left = await LoadSideAsync(Survivor, ct);
        var right = await LoadSideAsync(Duplicate.Value, ct);
        if (left is null || right is null || left.Customer.MergedIntoId is not null || right.Customer.MergedIntoId is not null) return false;
        (Left, Right) = (left, right);
        return true;
    }

    private async Task<Side?> LoadSideAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        var customer = await db.VisibleCustomers(scope).AsNoTracking().Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return null;
        return new Side(customer,
            await db.Leads.CountAsync(l => l.CustomerId == id, ct),
            await db.Contracts.CountAsync(c => c.CustomerId == id, ct),
            await db.CallRecords.CountAsync(c => c.CustomerId == id, ct));
    }
}
