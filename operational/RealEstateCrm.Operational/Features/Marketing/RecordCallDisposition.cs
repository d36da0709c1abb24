using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Marketing;

namespace RealEstateCrm.Operational.Features.Marketing;

/// <summary>Records how a call to a list entry went. "Do not call" flags the customer for every future
/// list; "call back" needs the time to call back.</summary>
[UseCase]
public sealed class RecordCallDisposition(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid EntryId, CallDisposition Disposition, string? Notes = null, DateTime? NextActionAt = null);

    public async Task<CallListEntry> Handle(Request request, CancellationToken ct = default)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        Check(request, at);
        var entry = await db.CallListEntries.FindOrFail(request.EntryId, "entry", ct);
        entry.Disposition = request.Disposition;
        entry.DispositionAt = at;
        entry.Notes = request.Notes;
        entry.NextActionAt = request.NextActionAt;
        if (request.Disposition == CallDisposition.DoNotCall)
            (await db.Customers.FindOrFail(entry.CustomerId, "customer", ct)).DoNotCall = true;
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>The request's own rules, as of <paramref name="at"/>. The dialer checks a disposition with them before it
    /// lets go of the call it belongs to (writing its CDR), so a refused one can be corrected and given again.</summary>
    /// <exception cref="ValidationException">Naming each field that breaks one.</exception>
    public static void Check(Request request, DateTime at) =>
        new Validator()
            .Require(Enum.IsDefined(request.Disposition) && request.Disposition != CallDisposition.NotCalled, "disposition", "must say how the call went")
            .Require(request.Disposition != CallDisposition.CallBack || request.NextActionAt is not null, "next-action-at", "a call-back needs the time to call back")
            .Require(request.NextActionAt is null || request.NextActionAt > at, "next-action-at", "must be in the future")
            .Require(request.Notes is null || request.Notes.Length <= 1000, "notes", "is longer than 1000 characters")
            .ThrowIfInvalid();
}
