using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Telephony;

/// <summary>A call list as a progressive run sees it: the pending entries of <see cref="OperationalCallList"/> less those a
/// run already dialled whose outcome is not written yet — a call on, an answered one waiting for its disposition, or one
/// the server was stopped in the middle of (interrupted) — so a restarted server never dials them twice. Once the entry
/// has a disposition newer than that call (a call-back that came due, say), it may be dialled again.</summary>
public sealed class ProgressiveCallList(CrmDatabase database, TimeProvider clock) : IOutboundCallList
{
    private readonly OperationalCallList _list = new(database, clock);

    public async Task<IReadOnlyList<DialTarget>> PendingAsync(Guid listId, CancellationToken ct = default)
    {
        var pending = await _list.PendingAsync(listId, ct);
        await using var db = database.CreateContext("telephony");
        var held = (await HeldEntries(db, listId).ToListAsync(ct)).ToHashSet();
        return [.. pending.Where(t => !held.Contains(t.EntryId))];
    }

    public Task RecordDispositionAsync(Guid entryId, DialDisposition disposition, string? notes = null, DateTimeOffset? callBackAt = null, CancellationToken ct = default) =>
        _list.RecordDispositionAsync(entryId, disposition, notes, callBackAt, ct);

    /// <summary>The entries of the list a run must not dial now.</summary>
    public static IQueryable<Guid> HeldEntries(CrmDbContext db, Guid listId) =>
        db.DialerCalls
            .Where(c => c.Outcome == null || c.Outcome == DialerCallOutcome.Answered || c.Outcome == DialerCallOutcome.Interrupted)
            .Join(db.CallListEntries.Where(e => e.CallListId == listId), c => c.CallListEntryId, e => e.Id, (c, e) => new { c.PlacedAt, e.Id, e.DispositionAt })
            .Where(x => x.DispositionAt == null || x.DispositionAt < x.PlacedAt)
            .Select(x => x.Id).Distinct();
}
