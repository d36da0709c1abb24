using System.Diagnostics;
using System.Globalization;
using System.Net;
using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Registrar;

namespace RealEstateCrm.Bench.Sip;

/// <summary>The <c>sip</c> suite: sipp callers at a fixed rate (default 200 calls/s for 60 s, 1 s of talk each) through
/// the call center switch to a queue whose agents' phones (one sipp UAS, every agent registered at it) answer at once;
/// then, in the same run and at the same rate, through Kamailio as a stateful proxy to a sipp UAS, as the reference.
/// Targets: 0 failed calls, 0 retransmissions, p99 INVITE→180 ≤ 20 ms.</summary>
internal static class SipBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var folder = Directory.CreateTempSubdirectory("crm-bench-sip-").FullName;
        try
        {
            Console.WriteLine($"sip benchmark: {rate} calls/s for {seconds} s, 1 s talk; {Environment.ProcessorCount} cores, {SeedBenchmark.LoadAverage()}");
            var ours = await SwitchAsync(Directory.CreateDirectory(Path.Combine(folder, "switch")).FullName, seconds, rate);
            var kamailio = await KamailioAsync(Directory.CreateDirectory(Path.Combine(folder, "kamailio")).FullName, seconds, rate);
            Console.WriteLine($"{"path",-40} {"calls",7} {"ok",7} {"failed",7} {"retrans",8} {"180 p50 ms",11} {"180 p99 ms",11} {"max ms",8}");
            foreach (var (name, result) in new[] { ("call center switch (B2BUA, queue, agent)", ours), ("Kamailio stateful proxy (reference)", kamailio) })
                Console.WriteLine($"{name,-40} {result.Calls,7} {result.Successful,7} {result.Failed,7} {result.Retransmissions,8} {result.P50,11:F1} {result.P99,11:F1} {result.Max,8:F1}");
            Console.WriteLine($"done; {SeedBenchmark.LoadAverage()}");
            return 0;
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private sealed record LoadResult(long Calls, long Successful, long Failed, long Retransmissions, double P50, double P99, double Max);

    private static async Task<LoadResult> SwitchAsync(string folder, int seconds, int rate)
    {
        // Each call holds an agent for its talk plus set-up: twice the rate keeps agents free.
        var ports = new BenchCallCenterPorts(agents: 2 * rate + 20);
        var options = new CallCenterOptions
        {
            Sip = new SipUserAgentOptions { UdpPort = 0, Registrar = new SipRegistrarOptions { Algorithms = [DigestAlgorithm.Md5] } },
            DirectNumbers = new Dictionary<string, string> { ["4009"] = "bench" },
            Queues = [new AcdQueueSettings("bench", "bench", RoutingStrategy.LeastRecent) { WrapUp = TimeSpan.Zero, StickyWait = TimeSpan.Zero, RingTimeout = TimeSpan.FromSeconds(5) }],
            RecordingFolder = Path.Combine(folder, "recordings"),
        };
        await using var center = await CallCenterSwitch.StartAsync(options, ports.Ports);
        var target = center.SipEndPoint.ToString();
        await using var phones = SippRun.Start(Directory.CreateDirectory(Path.Combine(folder, "phones")).FullName, ["-sn", "uas", "-mp", "21000"]);

        var register = Directory.CreateDirectory(Path.Combine(folder, "register")).FullName;
        File.WriteAllText(Path.Combine(register, "register.xml"), SipScenarios.Register);
        // One sipp per agent (sipp takes one set of digest credentials per run), 20 at a time; sipp binds media ports even
        // for REGISTER, so each gets four of its own below the ephemeral range.
        foreach (var batch in ports.Extensions.Select((extension, i) => (extension, media: 26000 + 4 * i)).Chunk(20))
            await Task.WhenAll(batch.Select(async agent =>
            {
                var extension = agent.extension;
                await using var registering = SippRun.Start(Directory.CreateDirectory(Path.Combine(register, extension)).FullName,
                    ["-sf", Path.Combine(register, "register.xml"), "-m", "1", "-s", extension, "-au", extension, "-ap", BenchCallCenterPorts.Password,
                     "-mp", agent.media.ToString(CultureInfo.InvariantCulture), "-key", "contact_port", phones.Port.ToString(CultureInfo.InvariantCulture), target]);
                if (await registering.WaitAsync(TimeSpan.FromMinutes(1)) != 0) throw new InvalidOperationException($"agent {extension} did not register: {registering.Errors()}");
            }));
        var ready = Stopwatch.StartNew();
        while (center.Distributor.IdleAgents("bench").Count < ports.Extensions.Count && ready.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
        Console.WriteLine($"switch: {center.Distributor.IdleAgents("bench").Count} agents logged in by registration");

        var result = await CallersAsync(folder, center.SipEndPoint, seconds, rate, "4009", "23000");
        Console.WriteLine($"switch: {ports.CdrsWritten} CDRs written, SIP statistics: {center.Sip.Statistics.Received} received, {center.Sip.Statistics.InternalErrors} internal errors");
        return result;
    }

    private static async Task<LoadResult> KamailioAsync(string folder, int seconds, int rate)
    {
        await using var phones = SippRun.Start(Directory.CreateDirectory(Path.Combine(folder, "phones")).FullName, ["-sn", "uas", "-mp", "24000"]);
        var port = SippRunPorts.Free();
        var config = Path.Combine(folder, "kamailio.cfg");
        File.WriteAllText(config, SipScenarios.KamailioConfig(port, phones.Port));
        using var kamailio = Process.Start(new ProcessStartInfo("kamailio", ["-f", config, "-DD", "-E", "-m", "512", "-M", "16", "-Y", folder, "-P", Path.Combine(folder, "kamailio.pid"), "-w", folder])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("kamailio did not start");
        kamailio.BeginErrorReadLine();
        kamailio.BeginOutputReadLine();
        try
        {
            await Task.Delay(1000);
            return await CallersAsync(folder, new IPEndPoint(IPAddress.Loopback, port), seconds, rate, "4009", "25000");
        }
        finally
        {
            kamailio.Kill(entireProcessTree: true);
            await kamailio.WaitForExitAsync();
        }
    }

    private static async Task<LoadResult> CallersAsync(string folder, IPEndPoint target, int seconds, int rate, string callee, string mediaPort)
    {
        var callers = Directory.CreateDirectory(Path.Combine(folder, "callers")).FullName;
        File.WriteAllText(Path.Combine(callers, "caller.xml"), SipScenarios.Caller);
        var calls = (long)rate * seconds;
        await using var sipp = SippRun.Start(callers, ["-sf", "caller.xml", "-r", rate.ToString(CultureInfo.InvariantCulture), "-m", calls.ToString(CultureInfo.InvariantCulture),
            "-s", "13900000000", "-key", "callee", callee, "-mp", mediaPort, "-trace_rtt", "-rtt_freq", "1", "-timeout", $"{seconds + 60}s", target.ToString()]);
        await sipp.WaitAsync(TimeSpan.FromSeconds(seconds + 90));
        var stats = sipp.FinalStatistics();
        var times = sipp.ResponseTimes().Order().ToList();
        double Percentile(double p) => times.Count == 0 ? double.NaN : times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return new LoadResult(calls, long.Parse(stats["SuccessfulCall(C)"], CultureInfo.InvariantCulture), long.Parse(stats["FailedCall(C)"], CultureInfo.InvariantCulture),
            long.Parse(stats["Retransmissions(C)"], CultureInfo.InvariantCulture), Percentile(0.5), Percentile(0.99), times.Count == 0 ? double.NaN : times[^1]);
    }
}
