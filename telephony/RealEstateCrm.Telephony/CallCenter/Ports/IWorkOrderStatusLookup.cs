namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>The caller's own work orders, found by caller ID, for the IVR's self-service status node.</summary>
public interface IWorkOrderStatusLookup
{
    /// <summary>The open work orders of the one customer with this number, most recent first; empty when the number matches none or several.</summary>
    Task<IReadOnlyList<WorkOrderStatusLine>> OpenOrdersAsync(string callerNumber, CancellationToken ct = default);
}

public sealed record WorkOrderStatusLine(string Number, string Title, string Status, DateTimeOffset DueAt);
