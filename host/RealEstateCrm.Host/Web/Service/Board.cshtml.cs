using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>The work-order board: the user's visible orders, filtered in the database and read one page at a time (the
/// medium scale holds about 10^5 orders), open ones soonest due first, each with its SLA countdown.</summary>
[Authorize(Policy = Functions.ServiceRead)]
public sealed class BoardModel(CrmDbContext db, SignedInUser me, TimeProvider clock, EscalateOverdueWorkOrders escalate, ReferenceLists lists) : ServicePage
{
    public const int PageSize = 50;

    /// <summary>"" (the default) is every order still being worked on; "all" drops the status filter.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Category { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;

    public sealed record Row(Guid Id, string Number, string Title, WorkOrderType Type, WorkOrderStatus Status, Severity Priority,
        string? Category, string? Department, string? Contractor, string Customer, int EscalationLevel, SlaClock Sla, string? EscalatedByHand);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasNextPage { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Categories { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Departments { get; private set; } = [];
    public string? Escalated { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Runs the escalation pass now rather than waiting for its recurring job.</summary>
    public async Task<IActionResult> OnPostEscalateAsync(CancellationToken ct)
    {
        if (!me.MayUse(Functions.ServiceWrite)) return Forbid();
        EscalateOverdueWorkOrders.Result? result = null;
        if (await RunAsync("escalate", async () => result = await escalate.Handle(ct)))
            Escalated = $"{result!.RaisedToLevel1} / {result.RaisedToLevel2}";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNo = Math.Max(1, PageNo);
        var now = clock.GetUtcNow().UtcDateTime;
        var warn = await lists.SlaWarnFractionAsync(ct);
        var orders = Filter(db.VisibleWorkOrders(await me.ScopeAsync(ct)).AsNoTracking(), now);
        orders = Status is null or "" ? orders.OrderBy(w => w.DueAt).ThenBy(w => w.Number) : orders.OrderByDescending(w => w.OpenedAt).ThenBy(w => w.Number);

        // Only the columns the board shows (the SLA clock's four among them), not whole orders: an order's description,
        // resolution and reply are long strings that the board never prints.
        var page = await (
            from w in orders.Skip((PageNo - 1) * PageSize).Take(PageSize + 1)
            join c in db.ComplaintCategories on w.CategoryId equals c.Id into categories
            from c in categories.DefaultIfEmpty()
            join d in db.OrgUnits on w.DepartmentId equals d.Id into departments
            from d in departments.DefaultIfEmpty()
            join k in db.Contractors on w.ContractorId equals k.Id into contractors
            from k in contractors.DefaultIfEmpty()
            join cu in db.Customers on w.CustomerId equals cu.Id
            select new Row(w.Id, w.Number, w.Title, w.Type, w.Status, w.Priority, c.Name, d.Name, k.Name, cu.Name, w.EscalationLevel,
                SlaClock.Of(w.Status, w.OpenedAt, w.DueAt, w.ResolvedAt, now, warn), null)).ToListAsync(ct);
        HasNextPage = page.Count > PageSize;
        if (HasNextPage) page.RemoveAt(PageSize);
        var byHand = await HandEscalationsAsync(page.Where(r => r.EscalationLevel > 0).Select(r => r.Id).ToList(), ct);
        Rows = byHand.Count == 0 ? page : page.Select(r => byHand.TryGetValue(r.Id, out var reason) ? r with { EscalatedByHand = reason } : r).ToList();

        Categories = await lists.ComplaintCategoriesAsync(ct);
        Departments = await lists.ServiceDepartmentsAsync(ct);
    }

    /// <summary>The reason of each order's latest escalation by hand since it was last reopened (reopening starts the
    /// escalation over), for the escalated orders on the page (none: no query).</summary>
    private async Task<Dictionary<Guid, string?>> HandEscalationsAsync(List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : (await db.WorkOrderEvents.AsNoTracking()
            .Where(e => ids.Contains(e.WorkOrderId) && (e.Kind == WorkOrderEventKind.EscalatedByHand || e.Kind == WorkOrderEventKind.Reopened))
            .Select(e => new { e.WorkOrderId, e.Kind, e.At, e.Note }).ToListAsync(ct))
        .GroupBy(e => e.WorkOrderId)
        .Select(g => g.MaxBy(e => e.At)!)
        .Where(e => e.Kind == WorkOrderEventKind.EscalatedByHand)
        .ToDictionary(e => e.WorkOrderId, e => e.Note);

    private IQueryable<WorkOrder> Filter(IQueryable<WorkOrder> orders, DateTime now)
    {
        if (Status is null or "")
            orders = orders.WhereOpen();
        else if (Enum.TryParse<WorkOrderStatus>(Status, out var status))
            orders = orders.Where(w => w.Status == status);
        if (Category is { } category) orders = orders.Where(w => w.CategoryId == category);
        if (Department is { } department) orders = orders.Where(w => w.DepartmentId == department);
        if (Overdue)
            orders = orders.WhereOpen().Where(w => w.DueAt < now);
        if (!string.IsNullOrWhiteSpace(Number)) orders = orders.Where(w => w.Number.StartsWith(Number.Trim()));
        return orders;
    }

    /// <summary>This board's address with the current filters and another page number.</summary>
    public string PageLink(int pageNo) => Url.Page("/Service/Board", new { Status, Category, Department, Overdue, Number, p = pageNo })!;
}
