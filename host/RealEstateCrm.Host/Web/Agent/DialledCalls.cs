using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Calls;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Telephony.CallCenter;
using CallDisposition = RealEstateCrm.Operational.Domain.Marketing.CallDisposition;

namespace RealEstateCrm.Host.Web.Agent;

/// <summary>The desk's side of a call the dialer placed for the agent (a run's or a preview's): what the panel shows of the
/// list entry and its lead, where the call stands, and the agent's disposition, which goes to the desk that placed the call
/// and from there through <see cref="RecordCallDisposition"/> (the entry, its lead's timeline; the run's call stops
/// holding the entry) with the call's CDR.</summary>
public sealed class DialledCalls(CrmDbContext db, DialerDesks desks, BusinessTime time, Text text)
{
    /// <summary>The panel's disposition form for <paramref name="pop"/>, as it stands now.</summary>
    public async Task<DispositionForm> FormAsync(RingingCalls.Pop pop, DispositionInput? input, FormErrors? errors, string? saved, CancellationToken ct)
    {
        var entryId = pop.EntryId ?? throw new ArgumentException("not a dialled call", nameof(pop));
        var entry = await (from e in db.CallListEntries.AsNoTracking()
                           where e.Id == entryId
                           join l in db.Leads.AsNoTracking() on e.LeadId equals l.Id into leads
                           from l in leads.DefaultIfEmpty()
                           select new DialledEntry(e.Id, e.Score, e.Reason, e.Disposition, e.DispositionAt, e.Notes, e.NextActionAt, l == null ? null : l.Id,
                               l == null ? null : (Operational.Domain.Sales.LeadStatus?)l.Status,
                               l == null ? null : db.Projects.Where(p => p.Id == l.ProjectId).Select(p => p.Name).FirstOrDefault()))
            .SingleAsync(ct);
        return new DispositionForm(input ?? new DispositionInput { CallId = pop.CallId, Notes = entry.Notes }, entry, await StatusAsync(pop, entry, ct), errors ?? new FormErrors(), saved);
    }

    /// <summary>Where the call stands: on the line (or still ringing), ended and waiting for the agent's disposition, or its
    /// outcome written (a disposition given, or no answer, busy, failed written by the dialer).</summary>
    public async Task<DialStatus> StatusAsync(RingingCalls.Pop pop, CancellationToken ct) =>
        (await FormAsync(pop, null, null, null, ct)).Status;

    private async Task<DialStatus> StatusAsync(RingingCalls.Pop pop, DialledEntry entry, CancellationToken ct)
    {
        if (await desks.OfCallAsync(pop.CallId, ct) is not null) return new DialStatus(pop.CallId, DialState.AwaitsDisposition, null);
        if (entry.DispositionAt is { } at && at >= pop.At.UtcDateTime) return new DialStatus(pop.CallId, DialState.Written, text.Of(entry.Disposition));
        // Failed calls write no disposition (a later run tries again), only their CDR.
        if (await db.CallRecords.Where(r => r.CallId == pop.CallId).Select(r => (Operational.Domain.Calls.CallOutcome?)r.Outcome).FirstOrDefaultAsync(ct) is { } outcome)
            return new DialStatus(pop.CallId, DialState.Written, text.Of(outcome));
        return new DialStatus(pop.CallId, DialState.OnTheLine, null);
    }

    /// <summary>Gives the disposition of an answered call. Checked first with the use case's own rules, so a refused one
    /// leaves the call waiting for a corrected one.</summary>
    /// <returns>Null once given; else why it cannot be (the call is still on, or its outcome is written), in the user's language.</returns>
    /// <exception cref="Operational.Domain.Common.ValidationException">The disposition, notes or next action break a rule.</exception>
    public async Task<string?> GiveAsync(RingingCalls.Pop pop, DispositionInput input, CancellationToken ct)
    {
        var entryId = pop.EntryId ?? throw new ArgumentException("not a dialled call", nameof(pop));
        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        DateTime? next = input.NextActionAt is { } local ? time.FromLocal(local) : null;
        var request = new RecordCallDisposition.Request(entryId, input.Disposition ?? CallDisposition.NotCalled, notes, next);
        RecordCallDisposition.Check(request, time.UtcNow);
        if (await desks.GiveDispositionAsync(pop.CallId, Enum.Parse<DialDisposition>(request.Disposition.ToString()), notes,
                next is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null, ct))
            return null;
        return (await StatusAsync(pop, ct)).State == DialState.OnTheLine
            ? text["The call is still on: give its disposition once it has ended."]
            : text["This call's outcome is already written."];
    }
}
