using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Handover;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>Mock inspection (模拟验房) and formal handover (正式交付) batches of the user's projects, newest first, and
/// planning a new one for a building's units by room number.</summary>
[Authorize(Policy = Functions.ServiceRead)]
public sealed class HandoverModel(CrmDbContext db, SignedInUser me) : ServicePage
{
    public sealed record BatchRow(Guid Id, string Name, string Project, InspectionKind Kind, BatchStatus Status, DateOnly PlannedStart, DateOnly PlannedEnd, int Units, int HandedOver);

    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Buildings { get; private set; } = [];

    /// <summary>What a refused plan asked for, shown again so the user fixes only what was wrong.</summary>
    public sealed record Plan(Guid Building, InspectionKind Kind, string? Name, DateOnly PlannedStart, DateOnly PlannedEnd, string? Rooms);

    public Plan? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(Guid building, InspectionKind kind, string? name, DateOnly plannedStart, DateOnly plannedEnd, string? rooms,
        [FromServices] CreateInspectionBatch create, CancellationToken ct)
    {
        if (!me.MayUse(Functions.Handover)) return Forbid();
        var scope = await me.ScopeAsync(ct);
        InspectionBatch? batch = null;
        var created = await RunAsync("create", async () =>
        {
            var project = await db.Buildings.Where(b => b.Id == building).Select(b => (Guid?)b.ProjectId).SingleOrDefaultAsync(ct);
            if (project is null || !scope.SeesAll && !scope.ProjectIds.Contains(project.Value))
                throw new ValidationException([new ValidationError("building", "choose one of your projects' buildings")]);
            var roomNos = (rooms ?? "").Split([' ', ',', '，', '、', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
            var units = await db.Units.Where(u => u.BuildingId == building && roomNos.Contains(u.RoomNo)).Select(u => new { u.Id, u.RoomNo }).ToListAsync(ct);
            if (roomNos.Except(units.Select(u => u.RoomNo)).ToList() is [_, ..] unknown)
                throw new ValidationException([new ValidationError("units", $"no room {string.Join(", ", unknown)} in this building")]);
            batch = await create.Handle(new CreateInspectionBatch.Request(project.Value, kind, name ?? "", plannedStart, plannedEnd, units.Select(u => u.Id).ToList()), ct);
        });
        if (created) return RedirectToPage("/Service/Batch", new { id = batch!.Id });
        Refused = new Plan(building, kind, name, plannedStart, plannedEnd, rooms);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        var batches = db.InspectionBatches.AsNoTracking().Where(b => scope.SeesAll || scope.ProjectIds.Contains(b.ProjectId));
        Batches = await (
            from b in batches
            join p in db.Projects on b.ProjectId equals p.Id
            orderby b.PlannedStart descending, b.Name
            select new BatchRow(b.Id, b.Name, p.Name, b.Kind, b.Status, b.PlannedStart, b.PlannedEnd,
                b.Units.Count, b.Units.Count(u => u.HandedOverAt != null))).Take(200).ToListAsync(ct);
        Buildings = (await (
                from b in db.Buildings
                join p in db.Projects on b.ProjectId equals p.Id
                where scope.SeesAll || scope.ProjectIds.Contains(p.Id)
                orderby p.Name, b.Name
                select new { b.Id, Name = p.Name + " " + b.Name }).ToListAsync(ct))
            .Select(b => (b.Id, b.Name)).ToList();
    }
}
