using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Opens work orders from the standard complaint library (投诉问题标准库). Every way an order arrives
/// (service desk, reception, voicemail, inspection issue) goes through here so the library's rules hold for
/// all: a leaf category sets the department, the due time and the priority. Adds to the context; the calling
/// use case saves once.</summary>
internal sealed class WorkOrderOpener(CrmDbContext db)
{
    private string? _prefix;
    private int _next;

    public sealed record Draft(WorkOrderType Type, Guid CustomerId, Guid CategoryId, string Title, string? Description = null, Guid? ProjectId = null, Guid? UnitId = null);

    public async Task<WorkOrder> Open(Draft draft, DateTime at, CancellationToken ct, string field = "", string? source = null)
    {
        var validator = new Validator()
            .NotBlank(draft.Title, field + "title")
            .Require(draft.Description is null || draft.Description.Length <= 4000, field + "description", "is longer than 4000 characters")
            .Require(await db.Customers.ExistsOrAbsent(draft.CustomerId, ct), field + "customer", Lookups.NotFoundMessage<Customer>(draft.CustomerId))
            .Require(await db.Projects.ExistsOrAbsent(draft.ProjectId, ct), field + "project", Lookups.NotFoundMessage<Project>(draft.ProjectId));
        var unit = draft.UnitId is { } unitId ? await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct) : null;
        validator.Require(draft.UnitId is null || unit is not null, field + "unit", Lookups.NotFoundMessage<Unit>(draft.UnitId))
            .Require(unit is null || draft.ProjectId is null || unit.ProjectId == draft.ProjectId, field + "unit", "is not in the given project");
        var category = await db.ComplaintCategories.SingleOrDefaultAsync(c => c.Id == draft.CategoryId, ct);
        validator.Require(category is not null, field + "category", Lookups.NotFoundMessage<ComplaintCategory>(draft.CategoryId));
        validator.ThrowIfInvalid();
        await ComplaintLibrary.RequireLeaf(db, category!, field + "category", ct);

        var order = new WorkOrder
        {
            Number = await NextNumber(at, ct),
            Type = draft.Type,
            CustomerId = draft.CustomerId,
            ProjectId = unit?.ProjectId ?? draft.ProjectId,
            UnitId = draft.UnitId,
            CategoryId = category!.Id,
            Title = draft.Title.Trim(),
            Description = draft.Description,
            Priority = category.Severity,
            OpenedAt = at,
            DueAt = at.AddHours(category.SlaHours),
            DepartmentId = category.DefaultDepartmentId,
        };
        db.WorkOrders.Add(order);
        db.WorkOrderEvents.Add(order.Event(WorkOrderEventKind.Opened, at, db.Actor, $"{category.Code} {category.Name}: due in {category.SlaHours} h" + (source is null ? "" : $"; from {source}")));
        return order;
    }

    /// <summary>WO20261125-0001: numbered per day. Two desks opening at the same instant can collide; the
    /// unique index on the number then refuses the second save rather than storing a duplicate.</summary>
    private async Task<string> NextNumber(DateTime at, CancellationToken ct)
    {
        var prefix = $"WO{at:yyyyMMdd}-";
        if (_prefix != prefix)
        {
            _prefix = prefix;
            _next = await db.WorkOrders.CountAsync(w => w.Number.StartsWith(prefix), ct) + 1;
        }
        return $"{prefix}{_next++:0000}";
    }
}
