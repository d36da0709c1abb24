using System.Diagnostics;
using System.Net;
using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Bench;

/// <summary>The <c>rtp</c> suite: concurrent bridged calls over real UDP on 127.0.0.1. Each call is a caller's phone
/// and an agent's phone (the load, on their own media clock) and our two legs joined by a MediaBridge (the server,
/// on another clock); half the calls are PCMU↔PCMA and so transcode. Both phones talk for the whole run and the
/// phones' receive statistics give loss and jitter end to end, through the bridge.</summary>
internal static class RtpBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0]) : 100;
        var seconds = args.Length > 1 ? int.Parse(args[1]) : 30;
        var ports = RtpPortRange.Ephemeral(IPAddress.Loopback);
        using var phoneClock = new MediaClock();
        using var serverClock = new MediaClock();
        var sessions = new List<RtpSession>();
        var bridges = new List<MediaBridge>();
        var phones = new List<RtpSession>();
        var legs = new List<RtpSession>();
        try
        {
            for (var i = 0; i < calls; i++)
            {
                var agentCodec = i % 2 == 0 ? AudioCodec.Pcmu : AudioCodec.Pcma;
                var (callerPhone, callerLeg) = Connect(phoneClock, serverClock, ports, AudioCodec.Pcmu, sessions);
                var (agentPhone, agentLeg) = Connect(phoneClock, serverClock, ports, agentCodec, sessions);
                bridges.Add(new MediaBridge(serverClock, callerLeg, agentLeg));
                phones.AddRange([callerPhone, agentPhone]);
                legs.AddRange([callerLeg, agentLeg]);
            }
            Console.WriteLine($"rtp benchmark: {calls} bridged calls ({calls / 2} transcoding PCMU↔PCMA), {seconds} s of talk both ways, " +
                              $"{sessions.Count} RTP sessions on 127.0.0.1; {Environment.ProcessorCount} cores, load average {LoadAverage()}");

            var player = new PromptPlayer(phoneClock);
            var talk = new Prompt("talk", AudioMath.Tone(440, TimeSpan.FromSeconds(seconds)));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(phones.Select(p => player.PlayAsync(p, talk, bargeIn: false)));
            await Task.Delay(300); // the last frames cross the bridge
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var elapsed = wall.Elapsed;

            var sent = phones.Sum(p => p.PacketsSent);
            var received = phones.Sum(p => p.ReceiveStatistics.Received);
            var lost = sent - received;
            var jitters = phones.Select(p => p.ReceiveStatistics.Jitter.TotalMilliseconds).Order().ToList();
            var legLoss = legs.Sum(l => l.ReceiveStatistics.Lost);
            Console.WriteLine($"packets sent by phones {sent:N0}, received by phones {received:N0}: loss {100.0 * lost / sent:0.000}% (target < 1%)");
            Console.WriteLine($"loss seen by our legs (sequence gaps) {legLoss:N0}; frames dropped by full receive queues {legs.Sum(l => l.OverflowedFrames):N0}; " +
                              $"frames transcoded {legs.Sum(l => l.TranscodedFrames):N0}");
            Console.WriteLine($"jitter at the phones (RFC 3550): median {Percentile(jitters, 50):0.00} ms, p95 {Percentile(jitters, 95):0.00} ms, max {jitters[^1]:0.00} ms");
            Console.WriteLine($"{received / elapsed.TotalSeconds * 2:N0} packets/s through the bridge; process CPU {cpuUsed.TotalSeconds / elapsed.TotalSeconds * 100:0}% of one core; " +
                              $"clock handler failures {phoneClock.HandlerFailures + serverClock.HandlerFailures}; " +
                              $"latest tick: phones' clock {phoneClock.MaxLateness.TotalMilliseconds:0} ms, bridge clock {serverClock.MaxLateness.TotalMilliseconds:0} ms late " +
                              $"(ticks skipped after stalls: {phoneClock.SkippedTicks}, {serverClock.SkippedTicks})");
            return lost <= sent / 100 ? 0 : 1;
        }
        finally
        {
            foreach (var bridge in bridges) bridge.Dispose();
            foreach (var session in sessions) await session.DisposeAsync();
        }
    }

    /// <summary>A phone and our leg for it, agreed through SDP: the phone offers only <paramref name="codec"/>.</summary>
    private static (RtpSession Phone, RtpSession Leg) Connect(MediaClock phoneClock, MediaClock serverClock, RtpPortRange ports, AudioCodec codec, List<RtpSession> all)
    {
        var phone = new RtpSession(phoneClock, ports);
        var leg = new RtpSession(serverClock, ports);
        all.AddRange([phone, leg]);
        var offer = OfferAnswer.CreateOffer(phone.LocalEndPoint, [codec]);
        var (answer, legMedia) = OfferAnswer.Answer(SessionDescription.Parse(offer.ToString()), leg.LocalEndPoint);
        leg.Apply(legMedia);
        phone.Apply(OfferAnswer.ReadAnswer(SessionDescription.Parse(answer.ToString())));
        return (phone, leg);
    }

    private static double Percentile(List<double> sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
