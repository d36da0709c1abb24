using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;

namespace RealEstateCrm.Operational.Features.Inventory;

/// <summary>Drafts a price list (价目表) for some or all units of a project. It changes no price until approved.</summary>
[UseCase]
public sealed class CreatePriceList(CrmDbContext db)
{
    public sealed record Item(Guid UnitId, decimal Price);

    public sealed record Request(Guid ProjectId, string Name, DateOnly EffectiveFrom, IReadOnlyList<Item> Items);

    public async Task<PriceList> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.Name, "name")
            .Require(request.Items.Count > 0, "items", "a price list needs at least one unit");
        validator.Require(await db.Projects.AnyAsync(p => p.Id == request.ProjectId, ct), "project", $"no project with id {request.ProjectId}");
        var unitIds = request.Items.Select(i => i.UnitId).Distinct().ToList();
        var projectUnits = (await db.Units.Where(u => unitIds.Contains(u.Id) && u.ProjectId == request.ProjectId).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var seen = new HashSet<Guid>();
        foreach (var (item, i) in request.Items.Select((item, i) => (item, i)))
        {
            validator.Require(item.Price > 0, $"items[{i}].price", "must be positive")
                .Require(projectUnits.Contains(item.UnitId), $"items[{i}].unit", $"no unit {item.UnitId} in this project")
                .Require(seen.Add(item.UnitId), $"items[{i}].unit", "the unit is priced twice");
        }
        validator.ThrowIfInvalid();

        var list = new PriceList { ProjectId = request.ProjectId, Name = request.Name, EffectiveFrom = request.EffectiveFrom };
        list.Items.AddRange(request.Items.Select(i => new PriceListItem { PriceListId = list.Id, UnitId = i.UnitId, Price = i.Price }));
        db.PriceLists.Add(list);
        await db.SaveChangesAsync(ct);
        return list;
    }
}
