namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Finds the customer behind a caller's number for the screen pop. The host answers it from the
/// operational customer ledger.</summary>
public interface ICallerLookup
{
    /// <summary>The one customer with this number, or null when none or several have it.</summary>
    Task<CallerRecord?> FindAsync(string callerNumber, CancellationToken ct = default);
}

/// <summary>What an agent's screen shows when a call rings: enough to greet the caller by name and see their open business.</summary>
public sealed record CallerRecord(Guid CustomerId, string Code, string Name, string? Segment, string? HomeProject, int OpenWorkOrders);
