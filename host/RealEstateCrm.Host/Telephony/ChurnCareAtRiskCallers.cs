using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Telephony;

/// <summary>A caller is at risk while they are on a churn-care call list (回访) of the last 30 days: the churn model writes
/// those lists, so its scores reach the queue without the call center knowing the model.</summary>
public sealed class ChurnCareAtRiskCallers(CrmDatabase database, TimeProvider clock) : IAtRiskCallers
{
    private const int RecentDays = 30;

    public async Task<bool> IsAtRiskAsync(string callerNumber, CancellationToken ct = default)
    {
        await using var db = database.CreateContext("telephony");
        if (await CallerNumber.CustomerIdAsync(db, callerNumber, ct) is not { } id) return false;
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-RecentDays);
        return await db.CallListEntries.AnyAsync(e => e.CustomerId == id
            && db.CallLists.Any(l => l.Id == e.CallListId && l.Kind == CallListKind.ChurnCare && l.ForDate >= since), ct);
    }
}
