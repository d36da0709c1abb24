namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>One ACD queue: the skill an agent needs for it, how it picks among idle agents, and its timers.</summary>
public sealed record AcdQueueSettings(string Name, string Skill, RoutingStrategy Strategy)
{
    public int MinSkillLevel { get; init; } = 1;

    /// <summary>How long an agent's phone rings before the call goes back to the queue for the next agent.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>After this long unanswered the call leaves the queue for voicemail.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>话后: after a call the agent stays unavailable this long (0 = straight back to idle).</summary>
    public TimeSpan WrapUp { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Sticky routing: a returning caller waits at most this long for the agent who served them last
    /// before any agent may take the call. Zero turns sticky routing off.</summary>
    public TimeSpan StickyWait { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How far back "served them last" reaches.</summary>
    public TimeSpan StickyMemory { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The service-level target time (80% in 20 s: 20 s).</summary>
    public TimeSpan ServiceLevelTime { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The span the live statistics cover, ending now.</summary>
    public TimeSpan StatisticsWindow { get; init; } = TimeSpan.FromHours(1);

    public QueueAlarmThresholds Alarms { get; init; } = new();
}

/// <summary>How a queue picks among the idle agents who have its skill.</summary>
public enum RoutingStrategy
{
    /// <summary>Ring every idle agent at once; the first to answer takes the call.</summary>
    RingAll,
    /// <summary>The agent whose last call ended longest ago.</summary>
    LeastRecent,
    /// <summary>The agent who answered fewest calls since logging in.</summary>
    FewestCalls,
    /// <summary>Always the same order: highest skill level first, then agent number.</summary>
    Linear,
}

/// <summary>Limits past which a queue raises an alarm; null leaves that metric unwatched.</summary>
public sealed record QueueAlarmThresholds(int? MaxWaiting = null, TimeSpan? MaxLongestWait = null, double? MinServiceLevel = null, double? MaxAbandonRate = null);
