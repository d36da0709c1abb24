using Bogus;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Inventory;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>One project: its sales team, buildings with floor plans, the units 房源生成 makes from them
/// (<see cref="UnitGenerator"/>), the approved price list, and each building's mock-inspection and
/// formal-handover batches.</summary>
internal static class InventoryGenerator
{
    private static readonly (string Layout, int Bedrooms, decimal Area)[] FloorPlan =
        [("两室一厅", 2, 89m), ("三室两厅", 3, 115m), ("三室两厅", 3, 128m), ("四室两厅", 4, 143m)];

    public static ProjectState Generate(DemoWorld world, RowBuffer rows, DemoRandom random, Faker faker, OrganisationGenerator.Result org, int index)
    {
        var scale = world.Options.Scale;
        var (city, districts, cityPrice) = ChineseVocabulary.Cities[index % ChineseVocabulary.Cities.Count];
        var (district, _) = districts[random.Next(districts.Length)];
        var code = $"P{index + 1:00}";
        var name = ChineseVocabulary.ProjectNames[index % ChineseVocabulary.ProjectNames.Length] + (index >= ChineseVocabulary.ProjectNames.Length ? $"{index / ChineseVocabulary.ProjectNames.Length + 1}期" : "");
        var branch = org.Branches.TryGetValue(city, out var b) ? b : org.Headquarters;
        var (team, reps) = OrganisationGenerator.SalesTeam(world, rows, random, faker, org, branch, code, name, scale.RepsPerProject);
        // Launches spread over the first two years, so later projects have less history and fewer handovers.
        var launch = DateOnly.FromDateTime(world.Start.AddDays(random.Next(0, 730)));
        var basePrice = Math.Round(cityPrice * (decimal)(0.85 + random.NextDouble() * 0.3) / 100m) * 100m;
        var project = rows.Add(new Project
        {
            Id = random.Id(world.Start), Code = code, Name = name, City = city, District = district,
            Address = $"{city}市{district}{random.Pick(ChineseVocabulary.Streets)}{random.Next(1, 999)}号",
            CompanyId = branch.Id, OrgUnitId = team.Id, LaunchDate = launch, BasePricePerSqm = basePrice,
        });

        var buildings = new List<(Building Building, BuildingHandover Handover)>();
        var unitCount = 0;
        for (var no = 1; unitCount < scale.UnitsPerProject; no++)
        {
            var building = new Building
            {
                Id = random.Id(world.Start), ProjectId = project.Id, Name = $"{no}幢", Floors = random.Next(11, 34),
                FloorPremiumPercent = 0.5m + random.Next(0, 6) / 10m,
                PlannedHandoverDate = launch.AddMonths(random.Next(18, 36)),
            };
            for (var s = 0; s < FloorPlan.Length; s++)
            {
                var (layout, bedrooms, area) = FloorPlan[s];
                building.Stacks.Add(new BuildingStack
                {
                    Id = random.Id(world.Start), BuildingId = building.Id, StackNo = s + 1, Layout = layout, Bedrooms = bedrooms, Area = area,
                    Orientation = s % 2 == 0 ? Domain.Inventory.Orientation.SouthNorth : Domain.Inventory.Orientation.South,
                    BasePricePerSqm = basePrice * (s % 2 == 0 ? 1.03m : 1m),
                });
            }
            rows.Add(building);
            foreach (var stack in building.Stacks) rows.Add(stack);
            var handover = HandoverBatches(world, rows, random, project, building);
            buildings.Add((building, handover));
            unitCount += building.Floors * building.Stacks.Count;
        }

        var state = new ProjectState
        {
            Project = project, Reps = reps,
            TypicalUnitPrice = basePrice * 115m,
            DefectRate = 0.4 + random.NextDouble() * 2.2,
            RepairSlowness = 0.5 + random.NextDouble() * 0.9,
        };
        var priceList = rows.Add(new PriceList
        {
            Id = random.Id(world.Start), ProjectId = project.Id, Name = $"{name}首开价目表", EffectiveFrom = launch,
            Status = PriceListStatus.Approved, ApprovedByUserId = world.UsersByRole["manager"][0].Id,
        });
        var launchedAt = launch.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var (building, handover) in buildings)
        {
            foreach (var unit in UnitGenerator.Generate(building, launchedAt))
            {
                unit.Id = random.Id(launchedAt);
                rows.Add(unit);
                // The developer keeps a few units back (保留房源) for staff and partners; they are never on sale.
                if (random.Chance(0.02))
                {
                    unit.MoveTo(UnitStatus.Withheld, launchedAt);
                    continue;
                }
                rows.Add(new PriceListItem { Id = random.Id(launchedAt), PriceListId = priceList.Id, UnitId = unit.Id, Price = unit.ListPrice });
                state.Unsold.Add(new UnitSlot(unit.Id, unit.Bedrooms, unit.Area, unit.ListPrice, handover));
            }
        }
        return state;
    }

    private static BuildingHandover HandoverBatches(DemoWorld world, RowBuffer rows, DemoRandom random, Project project, Building building)
    {
        var date = building.PlannedHandoverDate!.Value;
        var asOf = DateOnly.FromDateTime(world.AsOf);
        BatchStatus Status(DateOnly start, DateOnly end) => end < asOf ? BatchStatus.Completed : start <= asOf ? BatchStatus.InProgress : BatchStatus.Planned;
        var mockStart = date.AddMonths(-2);
        var mock = rows.Add(new InspectionBatch
        {
            Id = random.Id(world.Start), ProjectId = project.Id, Kind = InspectionKind.MockInspection, Name = $"{project.Name}{building.Name}模拟验房",
            PlannedStart = mockStart, PlannedEnd = mockStart.AddDays(14), Status = Status(mockStart, mockStart.AddDays(14)),
        });
        var formal = rows.Add(new InspectionBatch
        {
            Id = random.Id(world.Start), ProjectId = project.Id, Kind = InspectionKind.FormalHandover, Name = $"{project.Name}{building.Name}正式交付",
            PlannedStart = date, PlannedEnd = date.AddDays(30), Status = Status(date, date.AddDays(30)),
        });
        return new BuildingHandover(date, mock.Id, formal.Id);
    }
}
