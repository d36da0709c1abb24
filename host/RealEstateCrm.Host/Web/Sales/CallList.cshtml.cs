using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web.Sales;

/// <summary>The rep's scored call list for today (线索外呼), best first: why to call, when, and one click to say how it
/// went. With no list for today the latest one is shown under its own date. Users who see all data pick the rep.</summary>
[Authorize(Policy = Functions.CallLists)]
public sealed class CallListModel(CrmDbContext db, SignedInUser me, RecordCallDisposition record, BusinessTime time) : PageModel
{
    /// <summary>An entry with only what the page shows of its customer and lead, read as columns: whole customer and lead
    /// rows carry a score of columns the list never prints.</summary>
    public sealed record Row(Guid Id, int Rank, double Score, string? Reason, int? BestHour, CallDisposition Disposition,
        DateTime? DispositionAt, string? Notes, DateTime? NextActionAt, Callee Customer, LeadLine? Lead);
    public sealed record Callee(Guid Id, string Name, string? Phone);
    public sealed record LeadLine(Guid Id, LeadStatus Status, string? ProjectName);
    public sealed record Rep(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public Guid? RepId { get; set; }
    [BindProperty(Name = "entry")] public Guid? PostedEntry { get; set; }
    [BindProperty(Name = "disposition")] public CallDisposition Disposition { get; set; }
    [BindProperty(Name = "notes")] public string? Notes { get; set; }
    [BindProperty(Name = "next-action-at")] public DateTime? NextActionAt { get; set; }

    public DateOnly Today { get; private set; }
    public CallList? List { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Rep> Reps { get; private set; } = [];
    public bool MayPickRep => me.MayUse(Functions.AllData);
    private Guid Owner => MayPickRep && RepId is { } rep ? rep : me.Id;

    public static readonly CallDisposition[] Outcomes = Enum.GetValues<CallDisposition>().Where(d => d != CallDisposition.NotCalled).ToArray();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // Only an entry of the list on this page (the user's own, or the picked rep's for a manager) may be recorded.
        if (Rows.All(r => r.Id != PostedEntry)) return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                var notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
                await record.Handle(new RecordCallDisposition.Request(PostedEntry!.Value, Disposition, notes, NextActionAt is { } at ? time.FromLocal(at) : null), ct);
                return Redirect($"/Sales/CallList{(RepId is { } rep && MayPickRep ? $"?repId={rep}" : "")}#entry-{PostedEntry}");
            }
            catch (Exception e) when (UseCaseErrors.IsRefusal(e))
            {
                ModelState.Show(e);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = time.Today;
        if (MayPickRep)
            Reps = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && db.CallLists.Any(l => l.OwnerUserId == u.Id && l.Kind == CallListKind.SalesLeads))
                .OrderBy(u => u.UserName).Select(u => new Rep(u.Id, u.DisplayName + " (" + u.UserName + ")")).ToListAsync(ct);
        var owner = Owner;
        List = await db.CallLists.AsNoTracking()
            .Where(l => l.Kind == CallListKind.SalesLeads && l.OwnerUserId == owner && l.ForDate <= Today)
            .OrderByDescending(l => l.ForDate).ThenByDescending(l => l.CreatedAt).FirstOrDefaultAsync(ct);
        if (List is null) return;
        var scope = await me.ScopeAsync(ct);
        var listId = List.Id;
        Rows = await (from e in db.CallListEntries.AsNoTracking()
                      where e.CallListId == listId
                      join c in db.VisibleCustomers(scope).AsNoTracking() on e.CustomerId equals c.Id
                      join l in db.Leads.AsNoTracking() on e.LeadId equals l.Id into leads
                      from l in leads.DefaultIfEmpty()
                      orderby e.Rank
                      select new Row(e.Id, e.Rank, e.Score, e.Reason, e.BestHour, e.Disposition, e.DispositionAt, e.Notes, e.NextActionAt,
                          new Callee(c.Id, c.Name, c.Phone),
                          l == null ? null : new LeadLine(l.Id, l.Status, db.Projects.Where(p => p.Id == l.ProjectId).Select(p => p.Name).FirstOrDefault())))
            .ToListAsync(ct);
    }

    public static string Hour(int? hour) => hour is { } h ? $"{h:00}:00–{(h + 1) % 24:00}:00" : "—";

    public static string Badge(CallDisposition d) => d switch
    {
        CallDisposition.Interested or CallDisposition.AppointmentMade => "good",
        CallDisposition.NotInterested or CallDisposition.WrongNumber or CallDisposition.DoNotCall => "bad",
        CallDisposition.CallBack or CallDisposition.NoAnswer or CallDisposition.Busy => "warn",
        _ => "",
    };
}
