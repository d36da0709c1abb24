namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>What the <see cref="CallDistributor"/> needs from the rest of the CRM; the host wires them to the operational DB.</summary>
public sealed record CallDistributorPorts(ICallerLookup Callers, IAtRiskCallers AtRisk, ILastAgentLookup LastAgents, ICdrSink Cdrs);
