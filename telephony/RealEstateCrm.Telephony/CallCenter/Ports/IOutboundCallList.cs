namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>A call list for the outbound dialer: the entries still to call and where their outcomes go.</summary>
public interface IOutboundCallList
{
    /// <summary>Entries still to call, in rank order, with the customer's number and do-not-call flag.</summary>
    Task<IReadOnlyList<DialTarget>> PendingAsync(Guid listId, CancellationToken ct = default);

    /// <summary>Writes back how a call to an entry went.</summary>
    Task RecordDispositionAsync(Guid entryId, DialDisposition disposition, string? notes = null, DateTimeOffset? callBackAt = null, CancellationToken ct = default);
}

/// <param name="Phone">Null when the customer has no number: such an entry is skipped, never dialled.</param>
public sealed record DialTarget(Guid EntryId, Guid CustomerId, string CustomerName, string? Phone, int Rank, bool DoNotCall);

public enum DialDisposition { NoAnswer, Busy, Interested, NotInterested, CallBack, AppointmentMade, WrongNumber, DoNotCall }
