using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Handover;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>One inspection or handover batch: its summary (GetBatchSummary), each unit's result and issues, and for the
/// chosen unit the inspection record, repair orders for its issues and the handover, each refusal shown at its field.</summary>
[Authorize(Policy = Functions.ServiceRead)]
public sealed class BatchModel(CrmDbContext db, SignedInUser me, GetBatchSummary summarise) : ServicePage
{
    public sealed record IssueRow(string Location, string Description, string? Category, Severity Severity, Guid? WorkOrderId, string? WorkOrderNumber, DateTime? FixedAt);

    public sealed record UnitRow(Guid UnitId, string RoomNo, string? Buyer, InspectionResult Result, DateTime? HandedOverAt, IReadOnlyList<IssueRow> Issues);

    public InspectionBatch Batch { get; private set; } = null!;
    public GetBatchSummary.Summary Summary { get; private set; } = null!;
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Categories { get; private set; } = [];

    /// <summary>The unit being worked on (?unit=), whose action forms show.</summary>
    [BindProperty(SupportsGet = true, Name = "unit")] public Guid? Chosen { get; set; }

    public UnitRow? ChosenUnit => Units.FirstOrDefault(u => u.UnitId == Chosen);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostInspectAsync(Guid id, InspectionResult result, string? location, string? description, Guid? category, Severity severity,
        [FromServices] RecordUnitInspection record, CancellationToken ct)
    {
        // One issue per submission: a blank issue means the unit was inspected without (further) defects.
        var issues = string.IsNullOrWhiteSpace(location) && string.IsNullOrWhiteSpace(description)
            ? new List<RecordUnitInspection.FoundIssue>()
            : [new RecordUnitInspection.FoundIssue(location ?? "", description ?? "", category ?? Guid.Empty, severity)];
        return ActAsync(id, "inspect", () => record.Handle(new RecordUnitInspection.Request(id, Chosen ?? Guid.Empty, result, issues), ct), ct);
    }

    public Task<IActionResult> OnPostRepairOrdersAsync(Guid id, [FromServices] CreateRepairOrdersForIssues create, CancellationToken ct) =>
        ActAsync(id, "repair-orders", () => create.Handle(new CreateRepairOrdersForIssues.Request(id, Chosen ?? Guid.Empty), ct), ct);

    public Task<IActionResult> OnPostHandOverAsync(Guid id, [FromServices] HandOverUnit handOver, CancellationToken ct) =>
        ActAsync(id, "hand-over", () => handOver.Handle(new HandOverUnit.Request(id, Chosen ?? Guid.Empty), ct), ct);

    private async Task<IActionResult> ActAsync(Guid id, string action, Func<Task> useCase, CancellationToken ct)
    {
        if (!me.MayUse(Functions.Handover)) return Forbid();
        if (await VisibleBatchAsync(id, ct) is null) return NotFound();
        if (await RunAsync(action, useCase)) return RedirectToPage(new { id, unit = Chosen });
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<InspectionBatch?> VisibleBatchAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        return await db.InspectionBatches.AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == id && (scope.SeesAll || scope.ProjectIds.Contains(b.ProjectId)), ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await VisibleBatchAsync(id, ct) is not { } batch) return false;
        Batch = batch;
        Summary = await summarise.Handle(new GetBatchSummary.Request(id), ct);
        var units = await (
            from iu in db.InspectionUnits.AsNoTracking()
            where iu.BatchId == id
            join u in db.Units on iu.UnitId equals u.Id
            join c in db.Customers on iu.CustomerId equals c.Id into buyers
            from c in buyers.DefaultIfEmpty()
            orderby u.RoomNo
            select new { iu.Id, iu.UnitId, u.RoomNo, Buyer = c.Name, iu.Result, iu.HandedOverAt }).ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToList();
        var issues = (await (
                from i in db.InspectionIssues.AsNoTracking()
                where unitIds.Contains(i.InspectionUnitId)
                join c in db.ComplaintCategories on i.CategoryId equals c.Id into categories
                from c in categories.DefaultIfEmpty()
                join w in db.WorkOrders on i.WorkOrderId equals w.Id into orders
                from w in orders.DefaultIfEmpty()
                orderby i.FoundAt
                select new { i.InspectionUnitId, Row = new IssueRow(i.Location, i.Description, c.Name, i.Severity, i.WorkOrderId, w.Number, i.FixedAt) }).ToListAsync(ct))
            .ToLookup(i => i.InspectionUnitId, i => i.Row);
        Units = units.Select(u => new UnitRow(u.UnitId, u.RoomNo, u.Buyer, u.Result, u.HandedOverAt, issues[u.Id].ToList())).ToList();
        Categories = (await db.ComplaintCategories.AsNoTracking().Where(c => c.ParentId != null).OrderBy(c => c.Code)
            .Select(c => new { c.Id, Name = c.Code + " " + c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        return true;
    }
}
