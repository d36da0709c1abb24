namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Everything the running call center needs from the rest of the CRM; the host wires each to the operational DB.</summary>
public sealed record CallCenterPorts(
    IAgentDirectory Agents, ICallerLookup Callers, IAtRiskCallers AtRisk, ILastAgentLookup LastAgents, ICdrSink Cdrs,
    IWorkOrderStatusLookup WorkOrders, IVoicemailSink Voicemail)
{
    public CallDistributorPorts Distributor => new(Callers, AtRisk, LastAgents, Cdrs);
}
