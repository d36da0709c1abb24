using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Inventory;

/// <summary>A sellable unit (房间). Its status moves only along <see cref="UnitStatusRules"/>.</summary>
public sealed class Unit : Entity
{
    public Guid ProjectId { get; set; }
    public Guid BuildingId { get; set; }
    public int Floor { get; set; }
    public int StackNo { get; set; }
    /// <summary>Room number as residents say it: floor then two-digit stack, "1202".</summary>
    public required string RoomNo { get; set; }
    public required string Layout { get; set; }
    public int Bedrooms { get; set; }
    public decimal Area { get; set; }
    public Orientation Orientation { get; set; }
    public decimal ListPrice { get; set; }
    public UnitStatus Status { get; set; } = UnitStatus.Available;
    public DateTime? StatusChangedAt { get; set; }

    public void MoveTo(UnitStatus next, DateTime at)
    {
        if (!UnitStatusRules.IsAllowed(Status, next))
            throw new DomainException($"unit {RoomNo} cannot go from {Status} to {next}", nameof(Status));
        Status = next;
        StatusChangedAt = at;
    }
}

public enum UnitStatus { Available, Withheld, Reserved, Contracted, Paid, HandedOver }

/// <summary>The unit life cycle: available → reserved → contracted → paid → handed over, and cancellations (退房) back to available.</summary>
public static class UnitStatusRules
{
    private static readonly Dictionary<UnitStatus, UnitStatus[]> Allowed = new()
    {
        [UnitStatus.Available] = [UnitStatus.Reserved, UnitStatus.Withheld],
        [UnitStatus.Withheld] = [UnitStatus.Available],
        [UnitStatus.Reserved] = [UnitStatus.Contracted, UnitStatus.Available],
        [UnitStatus.Contracted] = [UnitStatus.Paid, UnitStatus.Available],
        [UnitStatus.Paid] = [UnitStatus.HandedOver, UnitStatus.Available],
        [UnitStatus.HandedOver] = [],
    };

    public static bool IsAllowed(UnitStatus from, UnitStatus to) => Allowed[from].Contains(to);
}
