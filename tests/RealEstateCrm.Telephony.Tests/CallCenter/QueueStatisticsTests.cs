using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.CallCenter;

public sealed class QueueStatisticsTests
{
    private static readonly DateTimeOffset T0 = CallCenterWorld.Start;
    private static readonly AcdQueueSettings Queue = new("service", "service", RoutingStrategy.LeastRecent);

    private static QueueCallOutcome Left(string id, double enqueued, double waited, QueueExit exit, double? talk = null, string? agent = null) =>
        new("service", id, T0.AddSeconds(enqueued), T0.AddSeconds(enqueued + waited), exit, agent, talk is null ? null : T0.AddSeconds(enqueued + waited + talk.Value));

    [Fact]
    public void Service_level_leaves_out_short_abandons_and_counts_late_abandons_and_voicemail_against_it()
    {
        QueueCallOutcome[] calls =
        [
            Left("a", 0, 5, QueueExit.Answered, talk: 100, agent: "A001"),
            Left("b", 0, 20, QueueExit.Answered, talk: 200, agent: "A002"),
            Left("c", 0, 45, QueueExit.Answered, talk: 60, agent: "A001"),
            Left("d", 0, 8, QueueExit.Abandoned),
            Left("e", 0, 50, QueueExit.Abandoned),
            Left("f", 0, 300, QueueExit.Voicemail),
        ];

        var stats = QueueStatistics.Compute(Queue, calls, [T0.AddSeconds(560)], [], T0.AddSeconds(600));

        Assert.Equal((6, 3, 2, 1, 1, 2), (stats.Offered, stats.Answered, stats.Abandoned, stats.ShortAbandons, stats.Voicemail, stats.AnsweredWithinTarget));
        Assert.Equal(2.0 / 5, stats.ServiceLevel);
        Assert.Equal(2.0 / 6, stats.AbandonRate);
        Assert.Equal(TimeSpan.FromSeconds(70.0 / 3), stats.AverageSpeedOfAnswer);
        Assert.Equal(TimeSpan.FromSeconds(120), stats.AverageHandleTime);
        Assert.Equal((1, TimeSpan.FromSeconds(40)), (stats.CallsWaiting, stats.LongestWait));
    }

    [Fact]
    public void Handle_time_adds_wrap_up_and_occupancy_counts_calls_and_wrap_up_over_staffed_time()
    {
        AgentStateChange At(AgentState to, double s, string? call = null) => new("A001", AgentState.Idle, to, T0.AddSeconds(s), call);
        IReadOnlyList<AgentStateChange> history =
        [
            At(AgentState.Idle, 0), At(AgentState.Ringing, 100, "a"), At(AgentState.Busy, 110, "a"), At(AgentState.WrapUp, 290, "a"),
            At(AgentState.Idle, 310, "a"), At(AgentState.Paused, 400), At(AgentState.Idle, 500),
        ];
        var answered = Left("a", 100, 10, QueueExit.Answered, talk: 180, agent: "A001");

        var stats = QueueStatistics.Compute(Queue, [answered], [], [history], T0.AddSeconds(600));

        Assert.Equal(TimeSpan.FromSeconds(200), stats.AverageHandleTime);
        Assert.Equal(200.0 / 500, stats.Occupancy);
    }

    [Fact]
    public void Calls_that_left_the_queue_before_the_window_are_not_counted()
    {
        var old = Left("old", 0, 5, QueueExit.Answered, talk: 10, agent: "A001");

        var stats = QueueStatistics.Compute(Queue, [old], [], [], T0.AddHours(2));

        Assert.Equal(0, stats.Offered);
        Assert.Null(stats.ServiceLevel);
        Assert.Null(stats.AverageSpeedOfAnswer);
    }

    [Fact]
    public async Task A_queue_raises_an_alarm_when_a_caller_waits_too_long_and_clears_it_when_served()
    {
        var world = new CallCenterWorld();
        using var acd = world.Distributor(Queue with { Alarms = new QueueAlarmThresholds(MaxLongestWait: TimeSpan.FromSeconds(30), MaxWaiting: 1) });
        await acd.EnqueueAsync(new InboundCall("c1", "13800000001", "400", "service", world.Clock.GetUtcNow()), TestContext.Current.CancellationToken);

        world.Advance(30);
        Assert.Empty(acd.Events.Drain().OfType<QueueAlarmRaised>());
        world.Advance(1);
        var raised = acd.Events.Drain().OfType<QueueAlarmRaised>().Single();
        acd.Login(CallCenterWorld.Agent("A001", ("service", 1)), "S01");
        acd.Answer("A001", "c1");
        var cleared = acd.Events.Drain().OfType<QueueAlarmCleared>().Single();

        Assert.Equal((QueueMetric.LongestWaitSeconds, 31.0, 30.0), (raised.Metric, raised.Value, raised.Threshold));
        Assert.Equal(QueueMetric.LongestWaitSeconds, cleared.Metric);
    }
}
