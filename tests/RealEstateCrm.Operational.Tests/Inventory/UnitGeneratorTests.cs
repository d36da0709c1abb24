using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;

namespace RealEstateCrm.Operational.Tests.Inventory;

public sealed class UnitGeneratorTests
{
    private static Building TwoStackTower(int floors) => new()
    {
        Name = "1号楼",
        Floors = floors,
        FloorPremiumPercent = 1m,
        Stacks =
        [
            new BuildingStack { StackNo = 1, Layout = "三室两厅", Bedrooms = 3, Area = 120m, Orientation = Orientation.South, BasePricePerSqm = 30000m },
            new BuildingStack { StackNo = 2, Layout = "两室一厅", Bedrooms = 2, Area = 89.5m, Orientation = Orientation.North, BasePricePerSqm = 28000m },
        ],
    };

    [Fact]
    public void Every_floor_gets_one_unit_per_stack_numbered_floor_then_stack()
    {
        var units = UnitGenerator.Generate(TwoStackTower(18), DateTime.UtcNow).ToList();

        Assert.Equal(36, units.Count);
        Assert.Equal(36, units.Select(u => u.RoomNo).Distinct().Count());
        Assert.Contains(units, u => u.RoomNo == "1802" && u.Floor == 18 && u.StackNo == 2 && u.Layout == "两室一厅");
        Assert.All(units, u => Assert.Equal(UnitStatus.Available, u.Status));
    }

    [Fact]
    public void Higher_floors_cost_more_by_the_floor_premium_rounded_to_100_yuan()
    {
        var units = UnitGenerator.Generate(TwoStackTower(10), DateTime.UtcNow).ToList();

        Assert.Equal(3_600_000m, units.Single(u => u.RoomNo == "101").ListPrice);
        // 120 m² × 30000 × 1.09 = 3 924 000
        Assert.Equal(3_924_000m, units.Single(u => u.RoomNo == "1001").ListPrice);
        // 89.5 × 28000 × 1.01 = 2 531 060 → 2 531 100
        Assert.Equal(2_531_100m, units.Single(u => u.RoomNo == "202").ListPrice);
    }

    [Fact]
    public void A_floor_plan_with_a_repeated_stack_is_refused_naming_the_stack()
    {
        var building = TwoStackTower(5);
        building.Stacks[1].StackNo = 1;

        var error = Assert.Throws<DomainException>(() => UnitGenerator.Generate(building, DateTime.UtcNow).ToList());
        Assert.Contains("stack 1", error.Message);
    }

    [Theory]
    [InlineData(UnitStatus.Available, UnitStatus.Contracted)]
    [InlineData(UnitStatus.Reserved, UnitStatus.Paid)]
    [InlineData(UnitStatus.HandedOver, UnitStatus.Available)]
    [InlineData(UnitStatus.Withheld, UnitStatus.Reserved)]
    public void Status_jumps_outside_the_life_cycle_are_refused(UnitStatus from, UnitStatus to)
    {
        var unit = new Unit { RoomNo = "101", Layout = "一室", Status = from };
        Assert.Throws<DomainException>(() => unit.MoveTo(to, DateTime.UtcNow));
        Assert.Equal(from, unit.Status);
    }

    [Fact]
    public void A_unit_walks_the_whole_life_cycle_and_a_cancellation_returns_it_to_sale()
    {
        var unit = new Unit { RoomNo = "101", Layout = "一室" };
        foreach (var next in new[] { UnitStatus.Reserved, UnitStatus.Contracted, UnitStatus.Available, UnitStatus.Reserved, UnitStatus.Contracted, UnitStatus.Paid, UnitStatus.HandedOver })
            unit.MoveTo(next, DateTime.UtcNow);
        Assert.Equal(UnitStatus.HandedOver, unit.Status);
    }
}
