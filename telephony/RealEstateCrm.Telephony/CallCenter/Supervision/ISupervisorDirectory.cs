namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Who a phone belongs to, as a supervisor: the host answers it from the operational users (roles, the
/// supervisor flag, department) of the agent seat registered as that extension.</summary>
public interface ISupervisorDirectory
{
    /// <summary>Null when no user's seat has this extension.</summary>
    Task<Supervisor?> ByExtensionAsync(string extension, CancellationToken ct = default);
}
