using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Customers;

/// <summary>A row of the customer ledger (客户台帐). A merged duplicate keeps its row with
/// <see cref="MergedIntoId"/> set, so nothing that pointed at it is lost.</summary>
public sealed class Customer : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public CustomerKind Kind { get; set; } = CustomerKind.Person;
    public Gender Gender { get; set; } = Gender.Unknown;
    public DateOnly? BirthDate { get; set; }
    public string? IdNumber { get; set; }
    /// <summary>Primary phone, normalised by <see cref="ChinesePhone"/>; other numbers live in <see cref="Contacts"/>.</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? City { get; set; }
    public string? Address { get; set; }
    public IncomeBand IncomeBand { get; set; } = IncomeBand.Unknown;
    public CustomerSegment Segment { get; set; } = CustomerSegment.Prospect;
    public int FamilySize { get; set; }
    public string? ReferralSource { get; set; }
    public Guid? ReferredByCustomerId { get; set; }
    public Guid? AssignedRepUserId { get; set; }
    /// <summary>The project whose org unit owns this customer: data scopes filter on it.</summary>
    public Guid? HomeProjectId { get; set; }
    public bool DoNotCall { get; set; }
    public bool MarketingConsent { get; set; }
    public Guid? MergedIntoId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<CustomerContact> Contacts { get; set; } = [];
    public List<CustomerTag> Tags { get; set; } = [];

    /// <summary>Takes from a duplicate being merged into this customer whatever this one does not know yet.
    /// Do-not-call wins over marketing: if either record asked not to be called, the person asked.</summary>
    public void FillGapsFrom(Customer duplicate, DateTime at)
    {
        BirthDate ??= duplicate.BirthDate;
        IdNumber ??= duplicate.IdNumber;
        Phone ??= duplicate.Phone;
        Email ??= duplicate.Email;
        City ??= duplicate.City;
        Address ??= duplicate.Address;
        ReferralSource ??= duplicate.ReferralSource;
        ReferredByCustomerId ??= duplicate.ReferredByCustomerId == Id ? null : duplicate.ReferredByCustomerId;
        AssignedRepUserId ??= duplicate.AssignedRepUserId;
        HomeProjectId ??= duplicate.HomeProjectId;
        if (Gender == Gender.Unknown) Gender = duplicate.Gender;
        if (IncomeBand == IncomeBand.Unknown) IncomeBand = duplicate.IncomeBand;
        if (FamilySize == 0) FamilySize = duplicate.FamilySize;
        if (duplicate.DoNotCall)
        {
            DoNotCall = true;
            MarketingConsent = false;
        }
        UpdatedAt = at;
    }
}

public enum CustomerKind { Person, Company }
public enum Gender { Unknown, Male, Female }
public enum IncomeBand { Unknown, Low, Middle, UpperMiddle, High }
public enum CustomerSegment { Prospect, FirstHomeBuyer, Upgrader, Investor, Owner }
