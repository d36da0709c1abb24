using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Service;

/// <summary>A contractor (承建商) that builds or repairs, with the work it is responsible for.</summary>
public sealed class Contractor : Entity
{
    public required string Name { get; set; }
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public List<ContractorScope> Scopes { get; set; } = [];
}

/// <summary>A contractor is responsible for one complaint category in one project (e.g. waterproofing at 滨江花园).</summary>
public sealed class ContractorScope : Entity
{
    public Guid ContractorId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid ComplaintCategoryId { get; set; }
}
