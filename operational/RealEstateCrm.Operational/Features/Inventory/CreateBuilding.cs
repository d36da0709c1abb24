using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;

namespace RealEstateCrm.Operational.Features.Inventory;

/// <summary>Creates a building (楼栋) with its floor plan. Units are generated from the plan by <see cref="GenerateUnits"/>.</summary>
[UseCase]
public sealed class CreateBuilding(CrmDbContext db)
{
    public sealed record Stack(int StackNo, string Layout, int Bedrooms, decimal Area, Orientation Orientation, decimal BasePricePerSqm);

    public sealed record Request(Guid ProjectId, string Name, int Floors, IReadOnlyList<Stack> Stacks, decimal FloorPremiumPercent = 0, DateOnly? PlannedHandoverDate = null);

    public async Task<Building> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.Name, "name", 50)
            .Require(request.Floors is >= 1 and <= 200, "floors", "must be between 1 and 200")
            .Require(request.FloorPremiumPercent is >= 0 and <= 10, "floor-premium-percent", "must be between 0 and 10")
            .Require(request.Stacks.Count > 0, "stacks", "the floor plan needs at least one stack");
        foreach (var (stack, i) in request.Stacks.Select((s, i) => (s, i)))
        {
            var field = $"stacks[{i}]";
            validator.Require(stack.StackNo is >= 1 and <= 99, $"{field}.stack-no", "must be between 1 and 99")
                .NotBlank(stack.Layout, $"{field}.layout", 50)
                .Require(stack.Bedrooms is >= 0 and <= 10, $"{field}.bedrooms", "must be between 0 and 10")
                .Require(stack.Area > 0, $"{field}.area", "must be positive")
                .Require(stack.BasePricePerSqm > 0, $"{field}.base-price-per-sqm", "must be positive");
        }
        foreach (var repeated in request.Stacks.GroupBy(s => s.StackNo).Where(g => g.Count() > 1))
            validator.Require(false, "stacks", $"stack {repeated.Key} appears more than once");
        validator.Require(await db.Projects.AnyAsync(p => p.Id == request.ProjectId, ct), "project", $"no project with id {request.ProjectId}");
        validator.Require(!await db.Buildings.AnyAsync(b => b.ProjectId == request.ProjectId && b.Name == request.Name, ct), "name", $"the project already has a building \"{request.Name}\"");
        validator.ThrowIfInvalid();

        var building = new Building
        {
            ProjectId = request.ProjectId,
            Name = request.Name,
            Floors = request.Floors,
            FloorPremiumPercent = request.FloorPremiumPercent,
            PlannedHandoverDate = request.PlannedHandoverDate,
        };
        building.Stacks.AddRange(request.Stacks.Select(s => new BuildingStack
        {
            BuildingId = building.Id,
            StackNo = s.StackNo,
            Layout = s.Layout,
            Bedrooms = s.Bedrooms,
            Area = s.Area,
            Orientation = s.Orientation,
            BasePricePerSqm = s.BasePricePerSqm,
        }));
        db.Buildings.Add(building);
        await db.SaveChangesAsync(ct);
        return building;
    }
}
