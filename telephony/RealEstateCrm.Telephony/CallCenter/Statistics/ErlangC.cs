namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>The Erlang C queueing model (M/M/N, callers wait and never give up): how many agents a queue needs
/// for a service level, from calls per hour and average handle time.</summary>
public static class ErlangC
{
    /// <summary>Offered traffic in erlangs: calls per hour × AHT in hours.</summary>
    public static double TrafficErlangs(double callsPerHour, double ahtSeconds) => callsPerHour * ahtSeconds / 3600.0;

    /// <summary>The chance a caller has to wait at all. 1 when the agents cannot keep up (N ≤ A).</summary>
    public static double ProbabilityOfWaiting(double erlangs, int agents)
    {
        if (agents <= erlangs) return 1.0;
        // Erlang B by its recurrence (stable for any N), then C from B.
        var b = 1.0;
        for (var k = 1; k <= agents; k++) b = erlangs * b / (k + erlangs * b);
        return agents * b / (agents - erlangs * (1 - b));
    }

    /// <summary>The share of callers answered within <paramref name="answerWithinSeconds"/>.</summary>
    public static double ServiceLevel(double callsPerHour, double ahtSeconds, int agents, double answerWithinSeconds)
    {
        var a = TrafficErlangs(callsPerHour, ahtSeconds);
        if (agents <= a) return 0.0;
        return 1 - ProbabilityOfWaiting(a, agents) * Math.Exp(-(agents - a) * answerWithinSeconds / ahtSeconds);
    }

    /// <summary>Average speed of answer in seconds over all callers; infinite when the agents cannot keep up.</summary>
    public static double AverageSpeedOfAnswer(double callsPerHour, double ahtSeconds, int agents)
    {
        var a = TrafficErlangs(callsPerHour, ahtSeconds);
        return agents <= a ? double.PositiveInfinity : ProbabilityOfWaiting(a, agents) * ahtSeconds / (agents - a);
    }

    /// <summary>The fewest agents that reach the target service level, with the figures for that many and for the ones around it.</summary>
    public static StaffingPlan AgentsNeeded(double callsPerHour, double ahtSeconds, double targetServiceLevel, double answerWithinSeconds)
    {
        if (!(callsPerHour > 0) || double.IsInfinity(callsPerHour)) throw new ArgumentOutOfRangeException(nameof(callsPerHour), callsPerHour, "calls per hour must be a positive number");
        if (!(ahtSeconds > 0) || double.IsInfinity(ahtSeconds)) throw new ArgumentOutOfRangeException(nameof(ahtSeconds), ahtSeconds, "AHT must be a positive number of seconds");
        if (!(targetServiceLevel is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(targetServiceLevel), targetServiceLevel, "the target service level must be between 0 and 1 (0.8 for 80%)");
        if (!(answerWithinSeconds >= 0) || double.IsInfinity(answerWithinSeconds)) throw new ArgumentOutOfRangeException(nameof(answerWithinSeconds), answerWithinSeconds, "answer-within must be zero or more seconds");

        var erlangs = TrafficErlangs(callsPerHour, ahtSeconds);
        var options = new List<StaffingOption>();
        var needed = 0;
        for (var n = Math.Max(1, (int)Math.Floor(erlangs)); needed == 0 || n <= needed + 2; n++)
        {
            var option = Option(callsPerHour, ahtSeconds, n, answerWithinSeconds, erlangs);
            options.Add(option);
            if (needed == 0 && option.ServiceLevel >= targetServiceLevel) needed = n;
        }
        return new StaffingPlan(erlangs, needed, options);
    }

    private static StaffingOption Option(double callsPerHour, double ahtSeconds, int agents, double within, double erlangs) => new(
        agents, ServiceLevel(callsPerHour, ahtSeconds, agents, within), AverageSpeedOfAnswer(callsPerHour, ahtSeconds, agents),
        ProbabilityOfWaiting(erlangs, agents), erlangs / agents);
}

/// <param name="Options">From ⌊traffic⌋ agents up to two more than needed.</param>
public sealed record StaffingPlan(double TrafficErlangs, int AgentsNeeded, IReadOnlyList<StaffingOption> Options);

/// <param name="AverageSpeedOfAnswerSeconds">Over all callers, those answered at once included.</param>
public sealed record StaffingOption(int Agents, double ServiceLevel, double AverageSpeedOfAnswerSeconds, double ProbabilityOfWaiting, double Occupancy);
