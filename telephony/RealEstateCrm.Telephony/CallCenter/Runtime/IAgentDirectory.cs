using RealEstateCrm.Telephony.Sip.Registrar;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>The agents who may take calls and the SIP passwords of their phones (user = extension). The host answers
/// it from the operational agents.</summary>
public interface IAgentDirectory : ISipCredentials
{
    Task<IReadOnlyList<AgentProfile>> AgentsAsync(CancellationToken ct = default);
}
