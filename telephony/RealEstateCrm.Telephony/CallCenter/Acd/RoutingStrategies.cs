namespace RealEstateCrm.Telephony.CallCenter;

internal static class RoutingStrategies
{
    /// <summary>The agents to ring, from idle agents who have the skill and have not yet missed this call. Ties
    /// fall to the agent number so routing is the same on every run.</summary>
    public static IReadOnlyList<AgentSeat> Pick(RoutingStrategy strategy, IReadOnlyCollection<AgentSeat> candidates, string skill) => strategy switch
    {
        RoutingStrategy.RingAll => [.. candidates.OrderBy(a => a.AgentNo, StringComparer.Ordinal)],
        RoutingStrategy.LeastRecent => [candidates.OrderBy(a => a.LastFreeAt).ThenBy(a => a.AgentNo, StringComparer.Ordinal).First()],
        RoutingStrategy.FewestCalls => [candidates.OrderBy(a => a.CallsAnswered).ThenBy(a => a.LastFreeAt).ThenBy(a => a.AgentNo, StringComparer.Ordinal).First()],
        RoutingStrategy.Linear => [candidates.OrderByDescending(a => a.SkillLevel(skill)).ThenBy(a => a.AgentNo, StringComparer.Ordinal).First()],
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "unknown routing strategy"),
    };
}
