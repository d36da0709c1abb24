using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.Operational.Features.Handover;

/// <summary>Turns each of a unit's issues that has no work order yet into a warranty repair order for the
/// buyer: one order per issue, its category giving the SLA, dispatched to the contractor whose scope covers
/// that category in the project. With no such contractor, or several, the order waits at the category's
/// department for a person to choose. Issue and order point at each other.</summary>
[UseCase]
public sealed class CreateRepairOrdersForIssues(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid BatchId, Guid UnitId);

    public async Task<IReadOnlyList<WorkOrder>> Handle(Request request, CancellationToken ct = default)
    {
        var (batch, inspected) = await InspectionUnits.Find(db, request.BatchId, request.UnitId, ct);
        var unit = await db.Units.SingleAsync(u => u.Id == inspected.UnitId, ct);
        var pending = inspected.Issues.Where(i => i.WorkOrderId is null).OrderBy(i => i.FoundAt).ThenBy(i => i.Location, StringComparer.Ordinal).ThenBy(i => i.Id).ToList();
        if (pending.Count == 0)
            throw new DomainException($"unit {unit.RoomNo} has no issues without a work order", "unit");
        if (pending.FirstOrDefault(i => i.CategoryId is null) is { } uncategorised)
            throw new DomainException($"issue at {uncategorised.Location} has no category; the category decides the SLA and the contractor", "unit");
        if (inspected.CustomerId is not { } customerId)
            throw new DomainException($"unit {unit.RoomNo} has no buyer; a repair order is raised for a customer", "unit");

        var categoryIds = pending.Select(i => i.CategoryId).ToList();
        var contractors = (await db.ContractorScopes
                .Where(s => s.ProjectId == batch.ProjectId && categoryIds.Contains(s.ComplaintCategoryId))
                .Join(db.Contractors, s => s.ContractorId, c => c.Id, (s, c) => new { s.ComplaintCategoryId, Contractor = c })
                .ToListAsync(ct))
            .GroupBy(x => x.ComplaintCategoryId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Contractor).ToList());

        var at = clock.GetUtcNow().UtcDateTime;
        var opener = new WorkOrderOpener(db);
        var orders = new List<WorkOrder>();
        foreach (var issue in pending)
        {
            var order = await opener.Open(new WorkOrderOpener.Draft(WorkOrderType.Repair, customerId, issue.CategoryId!.Value,
                Title(unit, issue.Location, issue.Description), issue.Description, batch.ProjectId, unit.Id), at, ct);
            order.InspectionIssueId = issue.Id;
            // The inspector judged this defect; that outranks the category's usual severity.
            order.Priority = issue.Severity;
            issue.WorkOrderId = order.Id;
            if (contractors.GetValueOrDefault(issue.CategoryId.Value) is [var contractor])
            {
                order.Dispatch(order.DepartmentId, contractor.Id, at);
                db.WorkOrderEvents.Add(order.Event(WorkOrderEventKind.Dispatched, at, db.Actor, $"to contractor {contractor.Name}"));
            }
            orders.Add(order);
        }
        await db.SaveChangesAsync(ct);
        return orders;
    }

    private static string Title(Unit unit, string location, string description)
    {
        var title = $"{unit.RoomNo} {location}: {description}";
        return title.Length <= 200 ? title : title[..200];
    }
}
