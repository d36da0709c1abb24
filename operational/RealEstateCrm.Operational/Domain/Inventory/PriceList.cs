using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Inventory;

/// <summary>A price list (价目表) for a project; once approved, its prices become the units' list prices.</summary>
public sealed class PriceList : Entity
{
    public Guid ProjectId { get; set; }
    public required string Name { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public PriceListStatus Status { get; set; } = PriceListStatus.Draft;
    public Guid? ApprovedByUserId { get; set; }
    public List<PriceListItem> Items { get; set; } = [];
}

public sealed class PriceListItem : Entity
{
    public Guid PriceListId { get; set; }
    public Guid UnitId { get; set; }
    public decimal Price { get; set; }
}

public enum PriceListStatus { Draft, Approved, Superseded }
