namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Everything the running call center needs from the rest of the CRM; the host wires each to the operational DB.</summary>
/// <param name="Supervisors">Who may supervise from which phone; without it every supervision feature code is refused.</param>
public sealed record CallCenterPorts(
    IAgentDirectory Agents, ICallerLookup Callers, IAtRiskCallers AtRisk, ILastAgentLookup LastAgents, ICdrSink Cdrs,
    IWorkOrderStatusLookup WorkOrders, IVoicemailSink Voicemail, ISupervisorDirectory? Supervisors = null)
{
    public CallDistributorPorts Distributor => new(Callers, AtRisk, LastAgents, Cdrs);
}
