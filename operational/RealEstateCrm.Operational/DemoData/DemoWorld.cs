using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>The reference data every customer's story draws on (projects and their unsold units, staff,
/// campaigns, the complaint library), kept in memory while customers are generated in chunks.
/// Its size follows projects and units, not customers, so memory stays bounded at any scale.</summary>
internal sealed class DemoWorld
{
    public required SeedOptions Options { get; init; }
    public List<ProjectState> Projects { get; } = [];
    public Dictionary<string, List<User>> UsersByRole { get; } = [];
    public List<(Guid Id, string Name)> Competitors { get; } = [];
    public List<ComplaintCategory> LeafCategories { get; } = [];
    public List<Agent> Agents { get; } = [];
    public Questionnaire ReturnVisitQuestionnaire { get; set; } = null!;
    public Guid ServiceDepartmentId { get; set; }
    public int NextWorkOrderNo { get; set; } = 1;
    public int NextContractNo { get; set; } = 1;
    public int NextCustomerNo { get; set; } = 1;

    public DateTime AsOf => Options.AsOfUtc;
    public DateTime Start => Options.HistoryStartUtc;
    public List<User> Staff(string role) => UsersByRole[role];
}

internal sealed class ProjectState
{
    public required Project Project { get; init; }
    public required List<User> Reps { get; init; }
    public required decimal TypicalUnitPrice { get; init; }
    /// <summary>Mean handover defects per unit: some contractors build worse than others.</summary>
    public required double DefectRate { get; init; }
    /// <summary>Repair time as a multiple of the SLA: above 1 most repairs in this project run late.</summary>
    public required double RepairSlowness { get; init; }
    public List<UnitSlot> Unsold { get; } = [];
    public List<Campaign> Campaigns { get; } = [];
    public List<Guid> NearbyCompetitors { get; } = [];
    /// <summary>(mean competitor price − our price) / our price, per month since the history start.</summary>
    public double[] CompetitorGapByMonth { get; set; } = [];
    public Dictionary<Guid, Guid> ContractorByCategory { get; } = [];
    public Guid? ComplaintTopicId { get; set; }
    public Guid? ComplaintTopicCategoryId { get; set; }

    public double CompetitorGap(DateTime at, DateTime start) =>
        CompetitorGapByMonth.Length == 0 ? 0 : CompetitorGapByMonth[Math.Clamp((at.Year - start.Year) * 12 + at.Month - start.Month, 0, CompetitorGapByMonth.Length - 1)];
}

/// <summary>A unit still for sale, with what a sale needs to know about it and its building's handover batches.</summary>
internal sealed record UnitSlot(Guid Id, int Bedrooms, decimal Area, decimal ListPrice, BuildingHandover Handover);

internal sealed record BuildingHandover(DateOnly Date, Guid MockBatchId, Guid FormalBatchId);
