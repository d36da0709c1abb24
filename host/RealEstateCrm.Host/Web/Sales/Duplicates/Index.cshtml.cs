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

/// <summary>Finding duplicate customers to merge: by a customer, or by a phone, ID number or name and city being
/// looked for (<see cref="FindDuplicates"/>). Without a search it lists the phones several of the user's customers
/// share, the commonest sign of one buyer registered twice. Only customers in the user's scope are shown.</summary>
[Authorize(Policy = Functions.CustomersWrite)]
public sealed class IndexModel(CrmDbContext db, SignedInUser me, FindDuplicates find) : PageModel
{
    public const int SharedPhonesShown = 20;

    public sealed record Match(Customer Customer, IReadOnlyList<FindDuplicates.Reason> Reasons);

    [BindProperty(SupportsGet = true)] public Guid? Customer { get; set; }
    [BindProperty(SupportsGet = true)] public string? Phone { get; set; }
    [BindProperty(SupportsGet = true, Name = "id-number")] public string? IdNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }

    public bool Searched { get; private set; }
    /// <summary>The customer the others are compared with: the one searched by, else the oldest found.</summary>
    public Customer? Probe { get; private set; }
    public IReadOnlyList<Match> Matches { get; private set; } = [];
    public IReadOnlyList<IReadOnlyList<Customer>> SharedPhones { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        var visible = db.VisibleCustomers(scope).AsNoTracking().Where(c => c.MergedIntoId == null);
        Searched = Customer is not null || new[] { Phone, IdNumber, Name }.Any(s => !string.IsNullOrWhiteSpace(s));
        if (!Searched)
        {
            await LoadSharedPhonesAsync(visible, ct);
            return Page();
        }
        if (Customer is { } id && (Probe = await visible.SingleOrDefaultAsync(c => c.Id == id, ct)) is null) return NotFound();
        IReadOnlyList<FindDuplicates.Candidate> candidates;
        try
        {
            candidates = await find.Handle(Customer is not null ? new FindDuplicates.Request(Customer)
                : new FindDuplicates.Request(null, Blank(Name), Blank(Phone), Blank(IdNumber), Blank(City)), ct);
        }
        catch (Exception e) when (UseCaseErrors.IsRefusal(e))
        {
            ModelState.Show(e);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var ids = candidates.Select(c => c.Customer.Id).ToList();
        var mine = (await visible.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var found = candidates.Where(c => mine.Contains(c.Customer.Id)).Select(c => new Match(c.Customer, c.Reasons)).ToList();
        if (Probe is null && found.Count > 0)
        {
            var oldest = found.MinBy(m => m.Customer.CreatedAt)!;
            Probe = oldest.Customer;
            found.Remove(oldest);
        }
        Matches = found;
        return Page();
    }

    private async Task LoadSharedPhonesAsync(IQueryable<Customer> visible, CancellationToken ct)
    {
        var phones = await visible.Where(c => c.Phone != null).GroupBy(c => c.Phone)
            .Where(g => g.Count() > 1).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key!).Take(SharedPhonesShown).ToListAsync(ct);
        var customers = await visible.Where(c => c.Phone != null && phones.Contains(c.Phone)).ToListAsync(ct);
        SharedPhones = phones.Select(p => (IReadOnlyList<Customer>)customers.Where(c => c.Phone == p).OrderBy(c => c.CreatedAt).ToList()).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
