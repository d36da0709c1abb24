namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>A queue's live figures over a window ending now.</summary>
/// <param name="Offered">Calls that left the queue in the window: answered, abandoned or sent to voicemail.</param>
/// <param name="ServiceLevel">Answered within the target time ÷ (offered − abandoned within the target time): a caller who
/// hangs up before the target never gave the queue its chance, so neither side of the ratio counts them; a caller who
/// gives up later, or goes to voicemail, counts against it. Null when nothing was offered.</param>
/// <param name="AverageSpeedOfAnswer">Mean wait of the answered calls.</param>
/// <param name="AbandonRate">Abandoned ÷ offered, every abandon counted.</param>
/// <param name="AverageHandleTime">Mean talk plus wrap-up of the answered calls that have ended.</param>
/// <param name="Occupancy">Time the queue's agents spent on calls or wrap-up ÷ their time available or on calls (paused and logged-out time left out).</param>
public sealed record QueueStatistics(
    string Queue, DateTimeOffset From, DateTimeOffset To, int CallsWaiting, TimeSpan LongestWait,
    int Offered, int Answered, int Abandoned, int ShortAbandons, int Voicemail, int AnsweredWithinTarget,
    double? ServiceLevel, TimeSpan? AverageSpeedOfAnswer, double? AbandonRate, TimeSpan? AverageHandleTime, double? Occupancy)
{
    /// <param name="waitingSince">When each call now waiting entered the queue.</param>
    /// <param name="agentHistories">The state histories of the agents who have the queue's skill.</param>
    public static QueueStatistics Compute(
        AcdQueueSettings queue, IEnumerable<QueueCallOutcome> outcomes, IEnumerable<DateTimeOffset> waitingSince,
        IEnumerable<IReadOnlyList<AgentStateChange>> agentHistories, DateTimeOffset now)
    {
        var from = now - queue.StatisticsWindow;
        var target = queue.ServiceLevelTime;
        var calls = outcomes.Where(c => c.Queue == queue.Name && c.LeftQueueAt >= from && c.LeftQueueAt <= now).ToList();
        var answered = calls.Where(c => c.Exit == QueueExit.Answered).ToList();
        var abandoned = calls.Where(c => c.Exit == QueueExit.Abandoned).ToList();
        var shortAbandons = abandoned.Count(c => c.Waited < target);
        var within = answered.Count(c => c.Waited <= target);
        var waiting = waitingSince.ToList();
        var histories = agentHistories.ToList();

        var handled = answered.Where(c => c.EndedAt is not null).ToList();
        TimeSpan? aht = handled.Count == 0 ? null
            : TimeSpan.FromSeconds(handled.Average(c => (c.EndedAt!.Value - c.LeftQueueAt + WrapUpOf(c, histories, now)).TotalSeconds));

        var (working, staffed) = (TimeSpan.Zero, TimeSpan.Zero);
        // Backwards from the latest change: a long-running agent's history is mostly older than the window.
        foreach (var history in histories)
            for (var i = history.Count - 1; i >= 0; i--)
            {
                var end = i + 1 < history.Count ? history[i + 1].At : now;
                if (end <= from) break;
                var start = history[i].At < from ? from : history[i].At;
                if (end <= start) continue;
                var state = history[i].To;
                if (state is AgentState.Busy or AgentState.WrapUp) working += end - start;
                if (state is AgentState.Idle or AgentState.Ringing or AgentState.Busy or AgentState.WrapUp) staffed += end - start;
            }

        return new QueueStatistics(
            queue.Name, from, now, waiting.Count, waiting.Count == 0 ? TimeSpan.Zero : now - waiting.Min(),
            calls.Count, answered.Count, abandoned.Count, shortAbandons, calls.Count(c => c.Exit == QueueExit.Voicemail), within,
            calls.Count - shortAbandons == 0 ? null : (double)within / (calls.Count - shortAbandons),
            answered.Count == 0 ? null : TimeSpan.FromSeconds(answered.Average(c => c.Waited.TotalSeconds)),
            calls.Count == 0 ? null : (double)abandoned.Count / calls.Count,
            aht,
            staffed == TimeSpan.Zero ? null : working / staffed);
    }

    /// <summary>From the agent entering wrap-up for this call to their next state (or now, if still in it).</summary>
    private static TimeSpan WrapUpOf(QueueCallOutcome call, List<IReadOnlyList<AgentStateChange>> histories, DateTimeOffset now)
    {
        foreach (var history in histories.Where(h => h.Count > 0 && h[0].AgentNo == call.AgentNo))
            for (var i = history.Count - 1; i >= 0 && history[i].At >= call.LeftQueueAt; i--)
                if (history[i].To == AgentState.WrapUp && history[i].CallId == call.CallId)
                    return (i + 1 < history.Count ? history[i + 1].At : now) - history[i].At;
        return TimeSpan.Zero;
    }
}
