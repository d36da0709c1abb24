using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.Features.Customers;

/// <summary>Finds the customers that are probably the same person as a probe (a customer on file, or
/// details being entered). A candidate matches by any of:
/// the same normalised phone, as primary phone or as a phone contact, on either side;
/// the same ID number;
/// a similar name (<see cref="NameSimilarity"/>: same surname, at most one character different) together
/// with the same city or the same birth date, since a name alone is shared by thousands (张伟).
/// Merged customers are never candidates.</summary>
[UseCase]
public sealed class FindDuplicates(CrmDbContext db)
{
    /// <summary>Either <paramref name="CustomerId"/> (probe with that customer and all his phones), or the details themselves.</summary>
    public sealed record Request(Guid? CustomerId = null, string? Name = null, string? Phone = null, string? IdNumber = null, string? City = null, DateOnly? BirthDate = null);

    public enum Reason { SamePhone, SameIdNumber, SimilarName }

    public sealed record Candidate(Customer Customer, IReadOnlyList<Reason> Reasons);

    public async Task<IReadOnlyList<Candidate>> Handle(Request request, CancellationToken ct = default)
    {
        var (name, phones, idNumber, city, birthDate) = await ProbeAsync(request, ct);
        var reasons = new Dictionary<Guid, (Customer Customer, SortedSet<Reason> Reasons)>();
        void Add(IEnumerable<Customer> found, Reason reason)
        {
            foreach (var c in found.Where(c => c.Id != request.CustomerId))
            {
                if (!reasons.TryGetValue(c.Id, out var entry)) reasons[c.Id] = entry = (c, []);
                entry.Reasons.Add(reason);
            }
        }

        var live = db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null);
        if (phones.Count > 0)
            Add(await live.Where(c => (c.Phone != null && phones.Contains(c.Phone))
                                      || db.CustomerContacts.Any(k => k.CustomerId == c.Id && k.Kind == ContactKind.Phone && phones.Contains(k.Value))).ToListAsync(ct), Reason.SamePhone);
        if (idNumber is not null)
            Add(await live.Where(c => c.IdNumber == idNumber).ToListAsync(ct), Reason.SameIdNumber);
        if (!string.IsNullOrWhiteSpace(name) && (city is not null || birthDate is not null))
        {
            var surname = NameSimilarity.Surname(name);
            var sameSurname = await live.Where(c => c.Name.StartsWith(surname) && c.Name.Length <= name.Length + 1
                                                    && (city != null && c.City == city || birthDate != null && c.BirthDate == birthDate)).ToListAsync(ct);
            Add(sameSurname.Where(c => NameSimilarity.IsSimilar(c.Name, name)), Reason.SimilarName);
        }
        return reasons.Values.OrderByDescending(e => e.Reasons.Count).ThenBy(e => e.Customer.Code)
            .Select(e => new Candidate(e.Customer, e.Reasons.ToList())).ToList();
    }

    private async Task<(string? Name, List<string> Phones, string? IdNumber, string? City, DateOnly? BirthDate)> ProbeAsync(Request request, CancellationToken ct)
    {
        if (request.CustomerId is { } id)
        {
            var customer = await db.Customers.AsNoTracking().Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id, ct)
                           ?? throw Lookups.NotFound<Customer>("customer", id);
            var phones = customer.Contacts.Where(c => c.Kind == ContactKind.Phone).Select(c => c.Value).Append(customer.Phone).OfType<string>().Distinct().ToList();
            return (customer.Name, phones, customer.IdNumber, customer.City, customer.BirthDate);
        }
        var phone = ChinesePhone.Normalize(request.Phone);
        new Validator()
            .Require(request.Phone is null || phone is not null, "phone", $"\"{request.Phone}\" is not a mainland phone number")
            .Require(!string.IsNullOrWhiteSpace(request.Name) || phone is not null || !string.IsNullOrWhiteSpace(request.IdNumber), "customer", "give a customer, a name, a phone or an ID number to look for")
            .ThrowIfInvalid();
        return (request.Name?.Trim(), phone is null ? [] : [phone], request.IdNumber?.Trim().ToUpperInvariant(), request.City, request.BirthDate);
    }
}
