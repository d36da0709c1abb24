using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Inventory;

/// <summary>A building (楼栋) and its floor plan: every floor repeats the same stacks (单元/户型位置) from <see cref="Stacks"/>.</summary>
public sealed class Building : Entity
{
    public Guid ProjectId { get; set; }
    public required string Name { get; set; }
    public int Floors { get; set; }
    /// <summary>Percent added to the list price per floor above the first (higher floors sell dearer).</summary>
    public decimal FloorPremiumPercent { get; set; }
    public DateOnly? PlannedHandoverDate { get; set; }
    public List<BuildingStack> Stacks { get; set; } = [];
}

/// <summary>One vertical column of units in a building's floor plan, e.g. stack 02 is a 3-bedroom facing south.</summary>
public sealed class BuildingStack : Entity
{
    public Guid BuildingId { get; set; }
    public int StackNo { get; set; }
    public required string Layout { get; set; }
    public int Bedrooms { get; set; }
    public decimal Area { get; set; }
    public Orientation Orientation { get; set; }
    public decimal BasePricePerSqm { get; set; }
}

public enum Orientation { South, North, East, West, SouthEast, SouthWest, NorthEast, NorthWest, SouthNorth }
