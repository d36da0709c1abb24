using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Bench;

/// <summary><c>bench -- callcenter</c>: Poisson callers with exponential handle times through the real
/// <see cref="CallDistributor"/> on a fake clock. First as the M/M/N queue Erlang C models (no wrap-up, agents answer at
/// once), so the simulated service level and ASA can be held against <see cref="ErlangC"/>'s; then a large center near
/// capacity, for how many call lifecycles a second the distributor routes.</summary>
public static class CallCenterBenchmark
{
    public static int Run()
    {
        Console.WriteLine($"call-center benchmark: seed 42; {Environment.ProcessorCount} cores, {SeedBenchmark.LoadAverage()}");
        Console.WriteLine("Erlang C check, 120 calls/h, AHT 180 s, SL within 20 s (200,000 calls each, first 2,000 not counted):");
        foreach (var agents in new[] { 8, 9 })
        {
            var run = Simulate(agents, callsPerHour: 120, ahtSeconds: 180, calls: 200_000);
            Console.WriteLine($"  {agents} agents: simulated SL {run.ServiceLevel:P1}, ASA {run.AsaSeconds:0.0} s; Erlang C SL {ErlangC.ServiceLevel(120, 180, agents, 20):P1}, " +
                $"ASA {ErlangC.AverageSpeedOfAnswer(120, 180, agents):0.0} s; {run.Calls:N0} calls in {run.Elapsed.TotalSeconds:0.0} s ({run.Calls / run.Elapsed.TotalSeconds:N0} calls/s)");
        }
        Console.WriteLine("Large center, 300 agents, 5,400 calls/h, AHT 180 s (270 erlangs, 90% load):");
        var large = Simulate(300, callsPerHour: 5_400, ahtSeconds: 180, calls: 200_000);
        Console.WriteLine($"  {large.Calls:N0} calls in {large.Elapsed.TotalSeconds:0.0} s: {large.Calls / large.Elapsed.TotalSeconds:N0} call lifecycles/s " +
            $"(enqueue, ring, answer, hang up, 2 CDRs); longest queue {large.LongestQueue}; SL {large.ServiceLevel:P1} (Erlang C {ErlangC.ServiceLevel(5_400, 180, 300, 20):P1})");
        Console.WriteLine($"done; {SeedBenchmark.LoadAverage()}");
        return 0;
    }

    private sealed record SimulationRun(int Calls, double ServiceLevel, double AsaSeconds, int LongestQueue, TimeSpan Elapsed);

    private static SimulationRun Simulate(int agents, double callsPerHour, double ahtSeconds, int calls)
    {
        const int warmUp = 2_000;
        var random = new Random(42);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 12, 0, 0, 0, TimeSpan.Zero));
        var ports = new SimulationPorts();
        var queue = new AcdQueueSettings("service", "service", RoutingStrategy.LeastRecent)
        {
            WrapUp = TimeSpan.Zero, StickyWait = TimeSpan.Zero, RingTimeout = TimeSpan.FromDays(1), MaxWait = TimeSpan.FromDays(1),
        };
        using var acd = new CallDistributor([queue], new CallDistributorPorts(ports, ports, ports, ports), clock);
        for (var i = 0; i < agents; i++)
            acd.Login(new AgentProfile($"A{i:D4}", $"Agent {i}", $"{8000 + i}", new Dictionary<string, int> { ["service"] = 1 }), $"S{i}");

        // Future hang-ups by time; arrivals come one at a time.
        var hangUps = new PriorityQueue<string, DateTimeOffset>();
        var nextArrival = clock.GetUtcNow() + Exponential(random, 3600.0 / callsPerHour);
        var (arrived, longest) = (0, 0);
        var watch = Stopwatch.StartNew();
        while (arrived < calls || hangUps.Count > 0)
        {
            var arrival = arrived < calls && (hangUps.Count == 0 || hangUps.TryPeek(out _, out var due) && nextArrival <= due);
            if (arrival)
            {
                clock.SetUtcNow(nextArrival);
                acd.EnqueueAsync(new InboundCall($"c{arrived}", $"138{arrived:D8}", "400", "service", nextArrival)).GetAwaiter().GetResult();
                arrived++;
                nextArrival += Exponential(random, 3600.0 / callsPerHour);
            }
            else
            {
                hangUps.TryDequeue(out var callId, out var at);
                clock.SetUtcNow(at);
                acd.CallerHungUpAsync(callId!).GetAwaiter().GetResult();
            }
            // Agents answer the moment their phone rings, as Erlang C assumes.
            while (acd.Events.TryRead(out var e))
                if (e is AgentRinging ringing)
                {
                    acd.Answer(ringing.AgentNo, ringing.CallId);
                    hangUps.Enqueue(ringing.CallId, clock.GetUtcNow() + Exponential(random, ahtSeconds));
                }
            longest = Math.Max(longest, acd.Waiting("service").Count);
        }
        watch.Stop();
        var waits = ports.Waits.Skip(warmUp).ToList();
        return new SimulationRun(calls, waits.Count(w => w <= 20) / (double)waits.Count, waits.Average(), longest, watch.Elapsed);
    }

    private static TimeSpan Exponential(Random random, double meanSeconds) => TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) * meanSeconds);

    /// <summary>Ports that know no customers and keep each answered caller's exact wait, in call order.</summary>
    private sealed class SimulationPorts : ICallerLookup, IAtRiskCallers, ILastAgentLookup, ICdrSink
    {
        private readonly SortedDictionary<int, double> _waits = [];

        public IEnumerable<double> Waits => _waits.Values;

        public Task<CallerRecord?> FindAsync(string callerNumber, CancellationToken ct = default) => Task.FromResult<CallerRecord?>(null);
        public Task<bool> IsAtRiskAsync(string callerNumber, CancellationToken ct = default) => Task.FromResult(false);
        public Task<string?> LastAgentAsync(string callerNumber, DateTimeOffset since, CancellationToken ct = default) => Task.FromResult<string?>(null);

        public Task WriteAsync(CallDetail detail, CancellationToken ct = default)
        {
            if (detail.ParentCallId is null && detail.AnsweredAt is { } answered)
                _waits[int.Parse(detail.CallId[1..])] = (answered - detail.EnqueuedAt!.Value).TotalSeconds;
            return Task.CompletedTask;
        }
    }
}
