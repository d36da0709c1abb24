using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Customers;

/// <summary>Two customers of one household (spouse, parent, child): a family often buys together or refers each other.</summary>
public sealed class FamilyLink : Entity
{
    public Guid CustomerId { get; set; }
    public Guid RelatedCustomerId { get; set; }
    public FamilyRelation Relation { get; set; }
}

public enum FamilyRelation { Spouse, Parent, Child, Sibling, Other }
