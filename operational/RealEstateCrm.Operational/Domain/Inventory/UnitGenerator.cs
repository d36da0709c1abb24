using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Inventory;

/// <summary>房源生成: the units of a building from its floor plan, one per floor and stack. The list
/// price is area × the stack's base price per m², raised by the building's floor premium for each
/// floor above the first, rounded to the nearest 100 yuan as price lists are.</summary>
public static class UnitGenerator
{
    public static IEnumerable<Unit> Generate(Building building, DateTime at)
    {
        if (building.Floors is < 1 or > 200)
            throw new DomainException($"building {building.Name}: floors must be between 1 and 200", nameof(Building.Floors));
        if (building.Stacks.Count == 0)
            throw new DomainException($"building {building.Name}: the floor plan has no stacks", nameof(Building.Stacks));
        var duplicate = building.Stacks.GroupBy(s => s.StackNo).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainException($"building {building.Name}: stack {duplicate.Key} appears twice in the floor plan", nameof(Building.Stacks));
        foreach (var stack in building.Stacks)
        {
            if (stack.StackNo is < 1 or > 99) throw new DomainException($"stack {stack.StackNo}: stack numbers run from 1 to 99", nameof(BuildingStack.StackNo));
            if (stack.Area <= 0) throw new DomainException($"stack {stack.StackNo}: area must be positive", nameof(BuildingStack.Area));
            if (stack.BasePricePerSqm <= 0) throw new DomainException($"stack {stack.StackNo}: base price must be positive", nameof(BuildingStack.BasePricePerSqm));
        }

        for (var floor = 1; floor <= building.Floors; floor++)
        {
            var premium = 1 + building.FloorPremiumPercent / 100m * (floor - 1);
            foreach (var stack in building.Stacks.OrderBy(s => s.StackNo))
            {
                yield return new Unit
                {
                    ProjectId = building.ProjectId,
                    BuildingId = building.Id,
                    Floor = floor,
                    StackNo = stack.StackNo,
                    RoomNo = $"{floor}{stack.StackNo:00}",
                    Layout = stack.Layout,
                    Bedrooms = stack.Bedrooms,
                    Area = stack.Area,
                    Orientation = stack.Orientation,
                    ListPrice = Math.Round(stack.Area * stack.BasePricePerSqm * premium / 100m, MidpointRounding.AwayFromZero) * 100m,
                    Status = UnitStatus.Available,
                    StatusChangedAt = at,
                };
            }
        }
    }
}
