using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Handover;

/// <summary>Plans a mock inspection (模拟验房) or a formal handover (正式交付) of a set of units of one project.
/// A formal handover takes Paid units only; a Contracted unit is refused, because keys are handed over once the
/// price is settled (结清房款) and the unit life cycle has no step from Contracted to HandedOver. A mock
/// inspection takes any unit of the project: it finds defects before there is a buyer to see them.</summary>
[UseCase]
public sealed class CreateInspectionBatch(CrmDbContext db)
{
    public sealed record Request(Guid ProjectId, InspectionKind Kind, string Name, DateOnly PlannedStart, DateOnly PlannedEnd, IReadOnlyList<Guid> UnitIds);

    public async Task<InspectionBatch> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.Name, "name")
            .Require(Enum.IsDefined(request.Kind), "kind", "must be MockInspection or FormalHandover")
            .Require(request.PlannedEnd >= request.PlannedStart, "planned-end", "is before the planned start")
            .Require(request.UnitIds.Count > 0, "units", "at least one unit is required")
            .Require(request.UnitIds.Distinct().Count() == request.UnitIds.Count, "units", "a unit is listed twice");
        var project = await db.Projects.FindOrFail(request.ProjectId, "project", ct);
        var units = await db.Units.Where(u => request.UnitIds.Contains(u.Id)).ToListAsync(ct);
        foreach (var missing in request.UnitIds.Except(units.Select(u => u.Id)))
            validator.Require(false, "units", Lookups.NotFoundMessage<Unit>(missing));
        validator.ThrowIfInvalid();

        if (units.Where(u => u.ProjectId != project.Id).Select(u => u.RoomNo).ToList() is [_, ..] foreign)
            throw new DomainException($"units {string.Join(", ", foreign)} are not in project {project.Name}", "units");
        if (request.Kind == InspectionKind.FormalHandover
            && units.Where(u => u.Status != UnitStatus.Paid).Select(u => $"{u.RoomNo} ({u.Status})").ToList() is [_, ..] unpaid)
            throw new DomainException($"a formal handover takes paid units only; not paid: {string.Join(", ", unpaid)}", "units");

        var buyers = await db.Contracts.Where(c => request.UnitIds.Contains(c.UnitId) && c.Status != ContractStatus.Cancelled)
            .ToDictionaryAsync(c => c.UnitId, c => c.CustomerId, ct);
        var batch = new InspectionBatch
        {
            ProjectId = project.Id,
            Kind = request.Kind,
            Name = request.Name.Trim(),
            PlannedStart = request.PlannedStart,
            PlannedEnd = request.PlannedEnd,
        };
        batch.Units.AddRange(units.OrderBy(u => u.RoomNo).Select(u => new InspectionUnit
        {
            BatchId = batch.Id, UnitId = u.Id, CustomerId = buyers.TryGetValue(u.Id, out var buyer) ? buyer : null,
        }));
        db.InspectionBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return batch;
    }
}
