using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Customers;

/// <summary>Another way to reach a customer: a second mobile, a spouse's phone, WeChat.</summary>
public sealed class CustomerContact : Entity
{
    public Guid CustomerId { get; set; }
    public ContactKind Kind { get; set; }
    public required string Value { get; set; }
    public string? Label { get; set; }
}

public enum ContactKind { Phone, Email, WeChat }

public sealed class CustomerTag : Entity
{
    public Guid CustomerId { get; set; }
    public required string Tag { get; set; }
}
