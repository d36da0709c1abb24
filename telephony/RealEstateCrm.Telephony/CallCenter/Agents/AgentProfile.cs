namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Who an agent is to the ACD: number, the extension their phone registers as, skills with levels
/// 1 (can take the call) to 5 (expert), and the department their calls are billed to.</summary>
public sealed record AgentProfile(string AgentNo, string Name, string Extension, IReadOnlyDictionary<string, int> Skills, string? Department = null);
