using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Telephony.CallCenter;
using CallDisposition = RealEstateCrm.Operational.Domain.Marketing.CallDisposition;

namespace RealEstateCrm.Host.Telephony;

/// <summary>The dialer's view of an operational call list: entries not yet called (or whose call-back time has come), with
/// the customer's number and do-not-call flag; outcomes go back through <see cref="RecordCallDisposition"/>.</summary>
public sealed class OperationalCallList(CrmDatabase database, TimeProvider clock) : IOutboundCallList
{
    public async Task<IReadOnlyList<DialTarget>> PendingAsync(Guid listId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext("telephony");
        if (!await db.CallLists.AnyAsync(l => l.Id == listId, ct)) throw new ArgumentException($"list: no call list with id {listId}", nameof(listId));
        return await db.CallListEntries
            .Where(e => e.CallListId == listId && (e.Disposition == CallDisposition.NotCalled || (e.Disposition == CallDisposition.CallBack && e.NextActionAt <= now)))
            .Join(db.Customers, e => e.CustomerId, c => c.Id, (e, c) => new { e, c })
            .OrderBy(x => x.e.Rank)
            .Select(x => new DialTarget(x.e.Id, x.c.Id, x.c.Name, x.c.Phone, x.e.Rank, x.c.DoNotCall))
            .ToListAsync(ct);
    }

    public async Task RecordDispositionAsync(Guid entryId, DialDisposition disposition, string? notes = null, DateTimeOffset? callBackAt = null, CancellationToken ct = default)
    {
        await using var db = database.CreateContext("telephony");
        await new RecordCallDisposition(db, clock).Handle(
            new RecordCallDisposition.Request(entryId, Enum.Parse<CallDisposition>(disposition.ToString()), notes, callBackAt?.UtcDateTime), ct);
    }
}
