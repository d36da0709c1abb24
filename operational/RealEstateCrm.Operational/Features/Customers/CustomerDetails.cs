using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.Features.Customers;

/// <summary>What a user enters about a customer, shared by <see cref="CreateCustomer"/> and <see cref="UpdateCustomer"/>.
/// Contacts, tags and family links are the full new lists: what is not in them is removed.</summary>
public sealed record CustomerDetails
{
    public required string Name { get; init; }
    public CustomerKind Kind { get; init; } = CustomerKind.Person;
    public Gender Gender { get; init; } = Gender.Unknown;
    public DateOnly? BirthDate { get; init; }
    public string? IdNumber { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? City { get; init; }
    public string? Address { get; init; }
    public IncomeBand IncomeBand { get; init; } = IncomeBand.Unknown;
    public CustomerSegment Segment { get; init; } = CustomerSegment.Prospect;
    public int FamilySize { get; init; }
    public string? ReferralSource { get; init; }
    public Guid? ReferredByCustomerId { get; init; }
    public Guid? AssignedRepUserId { get; init; }
    public Guid? HomeProjectId { get; init; }
    public bool DoNotCall { get; init; }
    public bool MarketingConsent { get; init; }
    public IReadOnlyList<Contact> Contacts { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<Relative> Family { get; init; } = [];

    public sealed record Contact(ContactKind Kind, string Value, string? Label = null);

    public sealed record Relative(Guid CustomerId, FamilyRelation Relation);
}

/// <summary>Validation and storing of <see cref="CustomerDetails"/>: phones normalised, the ID number's
/// check character verified, references checked to exist and not to point at a merged customer.</summary>
internal static partial class CustomerDetailsRules
{
    public static async Task ValidateAsync(CrmDbContext db, CustomerDetails details, Guid? self, CancellationToken ct, bool homeProjectRequired = false)
    {
        var validator = new Validator()
            .NotBlank(details.Name, "name", 100)
            .Require(details.FamilySize is >= 0 and <= 30, "family-size", "must be between 0 and 30")
            .MaxLength(details.Email, "email")
            .MaxLength(details.City, "city")
            .MaxLength(details.Address, "address")
            .MaxLength(details.ReferralSource, "referral-source");
        var hasPhone = !string.IsNullOrWhiteSpace(details.Phone);
        var hasId = !string.IsNullOrWhiteSpace(details.IdNumber);
        var hasEmail = !string.IsNullOrWhiteSpace(details.Email);
        validator.Require(hasPhone || hasId || hasEmail, "phone", "is required unless an ID number or an email is given");
        if (hasPhone) validator.Require(ChinesePhone.IsValid(details.Phone), "phone", $"\"{details.Phone}\" is not a mainland phone number");
        if (hasEmail) validator.Require(EmailShape().IsMatch(details.Email!), "email", $"\"{details.Email}\" is not an email address");
        if (hasId)
        {
            var idOk = ChineseIdNumber.IsValid(details.IdNumber);
            validator.Require(idOk, "id-number", "is not a valid 18-character resident ID number (check character or birth date wrong)");
            if (idOk && details.BirthDate is { } birth)
                validator.Require(BirthDateOf(details.IdNumber!) == birth, "birth-date", "does not match the birth date in the ID number");
        }
        foreach (var (contact, i) in details.Contacts.Select((c, i) => (c, i)))
        {
            var field = $"contacts[{i}].value";
            validator.MaxLength(contact.Value, field, 100).MaxLength(contact.Label, $"contacts[{i}].label");
            if (contact.Kind == ContactKind.Phone) validator.Require(ChinesePhone.IsValid(contact.Value), field, $"\"{contact.Value}\" is not a mainland phone number");
            else if (contact.Kind == ContactKind.Email) validator.Require(EmailShape().IsMatch(contact.Value ?? ""), field, $"\"{contact.Value}\" is not an email address");
            else validator.NotBlank(contact.Value, field, 100);
        }
        foreach (var (tag, i) in details.Tags.Select((t, i) => (t, i))) validator.NotBlank(tag, $"tags[{i}]", 50);

        if (details.ReferredByCustomerId is { } referrer)
            validator.Require(referrer != self && await IsLiveCustomer(db, referrer, ct), "referred-by", $"no customer {referrer} to refer this one (or it was merged)");
        foreach (var (relative, i) in details.Family.Select((f, i) => (f, i)))
            validator.Require(relative.CustomerId != self && await IsLiveCustomer(db, relative.CustomerId, ct), $"family[{i}].customer", $"no customer {relative.CustomerId} (or it was merged, or it is this customer)");
        if (details.AssignedRepUserId is { } rep)
            validator.Require(await db.Users.AnyAsync(u => u.Id == rep, ct), "assigned-rep", $"no user with id {rep}");
        validator.Require(!homeProjectRequired || details.HomeProjectId is not null, "home-project", "is required");
        if (details.HomeProjectId is { } project)
            validator.Require(await db.Projects.AnyAsync(p => p.Id == project, ct), "home-project", $"no project with id {project}");
        validator.ThrowIfInvalid();
    }

    /// <summary>Copies validated details onto the customer, replacing contacts, tags and family links with the given lists.</summary>
    public static async Task ApplyAsync(CrmDbContext db, Customer customer, CustomerDetails details, DateTime at, CancellationToken ct)
    {
        customer.Name = details.Name.Trim();
        customer.Kind = details.Kind;
        customer.Gender = details.Gender;
        customer.IdNumber = string.IsNullOrWhiteSpace(details.IdNumber) ? null : details.IdNumber.Trim().ToUpperInvariant();
        customer.BirthDate = details.BirthDate ?? (customer.IdNumber is null ? null : BirthDateOf(customer.IdNumber));
        customer.Phone = ChinesePhone.Normalize(details.Phone);
        customer.Email = string.IsNullOrWhiteSpace(details.Email) ? null : details.Email.Trim();
        customer.City = details.City;
        customer.Address = details.Address;
        customer.IncomeBand = details.IncomeBand;
        customer.Segment = details.Segment;
        customer.FamilySize = details.FamilySize;
        customer.ReferralSource = details.ReferralSource;
        customer.ReferredByCustomerId = details.ReferredByCustomerId;
        customer.AssignedRepUserId = details.AssignedRepUserId;
        customer.HomeProjectId = details.HomeProjectId;
        customer.DoNotCall = details.DoNotCall;
        customer.MarketingConsent = details.MarketingConsent;
        customer.UpdatedAt = at;

        // Replace by difference so unchanged contacts and tags keep their rows (and write no audit noise).
        var contacts = details.Contacts
            .Select(c => new CustomerContact { CustomerId = customer.Id, Kind = c.Kind, Value = c.Kind == ContactKind.Phone ? ChinesePhone.Normalize(c.Value)! : c.Value.Trim(), Label = c.Label })
            .DistinctBy(c => (c.Kind, c.Value)).ToList();
        customer.Contacts.RemoveAll(old => !contacts.Any(c => c.Kind == old.Kind && c.Value == old.Value && c.Label == old.Label));
        // Added through the context, not only the collection: a new row with its key already set, found by
        // walking a tracked customer's collection, would be taken for an existing row and updated.
        foreach (var contact in contacts.Where(c => !customer.Contacts.Any(old => old.Kind == c.Kind && old.Value == c.Value)).ToList())
        {
            customer.Contacts.Add(contact);
            db.CustomerContacts.Add(contact);
        }

        var tags = details.Tags.Select(t => t.Trim()).Distinct().ToList();
        customer.Tags.RemoveAll(old => !tags.Contains(old.Tag));
        foreach (var tag in tags.Where(t => customer.Tags.All(old => old.Tag != t)).Select(t => new CustomerTag { CustomerId = customer.Id, Tag = t }).ToList())
        {
            customer.Tags.Add(tag);
            db.CustomerTags.Add(tag);
        }

        var links = await db.FamilyLinks.Where(f => f.CustomerId == customer.Id).ToListAsync(ct);
        db.FamilyLinks.RemoveRange(links.Where(old => !details.Family.Any(f => f.CustomerId == old.RelatedCustomerId && f.Relation == old.Relation)));
        db.FamilyLinks.AddRange(details.Family.Distinct()
            .Where(f => !links.Any(old => old.RelatedCustomerId == f.CustomerId && old.Relation == f.Relation))
            .Select(f => new FamilyLink { CustomerId = customer.Id, RelatedCustomerId = f.CustomerId, Relation = f.Relation }));
    }

    private static Task<bool> IsLiveCustomer(CrmDbContext db, Guid id, CancellationToken ct) =>
        db.Customers.AnyAsync(c => c.Id == id && c.MergedIntoId == null, ct);

    private static DateOnly BirthDateOf(string idNumber) => DateOnly.ParseExact(idNumber.Substring(6, 8), "yyyyMMdd");

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
