using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Telephony;

/// <summary>The screen pop's customer record from the customer ledger.</summary>
public sealed class OperationalCallerLookup(CrmDatabase database) : ICallerLookup
{
    public async Task<CallerRecord?> FindAsync(string callerNumber, CancellationToken ct = default)
    {
        await using var db = database.CreateContext("telephony");
        if (await CallerNumber.CustomerIdAsync(db, callerNumber, ct) is not { } id) return null;
        return await db.Customers.Where(c => c.Id == id)
            .Select(c => new CallerRecord(c.Id, c.Code, c.Name, c.Segment.ToString(),
                db.Projects.Where(p => p.Id == c.HomeProjectId).Select(p => p.Name).FirstOrDefault(),
                db.WorkOrders.Count(w => w.CustomerId == c.Id && w.ResolvedAt == null && w.ClosedAt == null)))
            .SingleAsync(ct);
    }
}
