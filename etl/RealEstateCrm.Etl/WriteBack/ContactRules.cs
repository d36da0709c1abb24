using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Marketing;

namespace RealEstateCrm.Etl.WriteBack;

/// <summary>Who may be called on a day, from the operational DB as it is now: not flagged do-not-call, under the weekly
/// cap of outbound calls (made in the six days before and planned on lists for the day), and for marketing lists
/// with consent.</summary>
internal sealed class ContactRules
{
    private readonly HashSet<Guid> _doNotCall;
    private readonly HashSet<Guid> _consent;
    private readonly Dictionary<Guid, int> _contacts;
    private readonly int _cap;

    private ContactRules(HashSet<Guid> doNotCall, HashSet<Guid> consent, Dictionary<Guid, int> contacts, int cap)
    {
        _doNotCall = doNotCall;
        _consent = consent;
        _contacts = contacts;
        _cap = cap;
    }

    public static async Task<ContactRules> LoadAsync(CrmDbContext db, IReadOnlyCollection<Guid> customers, DateOnly day, int weeklyCap, CancellationToken ct)
    {
        var doNotCall = new HashSet<Guid>();
        var consent = new HashSet<Guid>();
        var contacts = new Dictionary<Guid, int>();
        var from = day.AddDays(-6).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // In chunks: a parameter list of every open lead's customer would exceed what a database accepts in one IN.
        foreach (var chunk in customers.Chunk(2000))
        {
            foreach (var c in await db.Customers.Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.DoNotCall, c.MarketingConsent }).ToListAsync(ct))
            {
                if (c.DoNotCall) doNotCall.Add(c.Id);
                if (c.MarketingConsent) consent.Add(c.Id);
            }
            var calls = await db.Set<CallRecord>()
                .Where(r => r.Direction == CallDirection.Outbound && r.CustomerId != null && chunk.Contains(r.CustomerId.Value) && r.StartedAt >= from && r.StartedAt < to)
                .GroupBy(r => r.CustomerId!.Value).Select(g => new { Customer = g.Key, Count = g.Count() }).ToListAsync(ct);
            var planned = await db.Set<CallListEntry>()
                .Where(e => chunk.Contains(e.CustomerId) && e.Disposition == CallDisposition.NotCalled && db.Set<CallList>().Any(l => l.Id == e.CallListId && l.ForDate == day))
                .GroupBy(e => e.CustomerId).Select(g => new { Customer = g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var x in calls.Concat(planned)) contacts[x.Customer] = contacts.GetValueOrDefault(x.Customer) + x.Count;
        }
        return new ContactRules(doNotCall, consent, contacts, weeklyCap);
    }

    public bool DoNotCall(Guid customer) => _doNotCall.Contains(customer);
    public bool HasConsent(Guid customer) => _consent.Contains(customer);
    public bool AtCap(Guid customer) => _contacts.GetValueOrDefault(customer) >= _cap;

    /// <summary>Counts a planned call, so a customer on two lists of the same day meets the cap too.</summary>
    public void Plan(Guid customer) => _contacts[customer] = _contacts.GetValueOrDefault(customer) + 1;
}
