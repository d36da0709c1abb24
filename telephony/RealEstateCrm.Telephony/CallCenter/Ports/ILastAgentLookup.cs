namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>The agent who last answered this number, for sticky routing across restarts (the distributor
/// remembers the calls it routed itself).</summary>
public interface ILastAgentLookup
{
    /// <summary>The agent number of the last answered call from this number since <paramref name="since"/>, or null.</summary>
    Task<string?> LastAgentAsync(string callerNumber, DateTimeOffset since, CancellationToken ct = default);
}
