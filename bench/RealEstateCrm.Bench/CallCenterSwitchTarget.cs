using System.Diagnostics;
using System.Globalization;
using System.Net;
using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Registrar;

namespace RealEstateCrm.Bench;

/// <summary>The call center switch as a load target: the number sipp dials (8001) goes straight to a queue whose agents
/// (2 × rate + 20, no wrap-up, no sticky wait) are logged in by registering, each with its own digest REGISTER, all at the
/// Contact of one sipp UAS (Sip/uas_answer.xml) that answers the agent legs. CDRs are counted in memory, so the database
/// is not what is measured; calls are bridged and recorded to a temporary folder.</summary>
internal sealed class CallCenterSwitchTarget : IAsyncDisposable
{
    private readonly CallCenterSwitch _center;
    private readonly BenchProcess _phones;
    private readonly string _folder;

    private CallCenterSwitchTarget(CallCenterSwitch center, BenchProcess phones, BenchCallCenterPorts ports, string folder)
    {
        _center = center;
        _phones = phones;
        Ports = ports;
        _folder = folder;
    }

    public IPEndPoint EndPoint => _center.SipEndPoint;
    public SipStatistics Statistics => _center.Sip.Statistics;
    public BenchCallCenterPorts Ports { get; }

    public static async Task<CallCenterSwitchTarget> StartAsync(int rate)
    {
        var folder = Directory.CreateTempSubdirectory("switch-bench-").FullName;
        var ports = new BenchCallCenterPorts(agents: 2 * rate + 20);
        var options = new CallCenterOptions
        {
            Sip = new SipUserAgentOptions { UdpPort = 0, Registrar = new SipRegistrarOptions { Algorithms = [DigestAlgorithm.Md5] } },
            DirectNumbers = new Dictionary<string, string> { ["8001"] = "bench" },
            Queues = [new AcdQueueSettings("bench", "bench", RoutingStrategy.LeastRecent) { WrapUp = TimeSpan.Zero, StickyWait = TimeSpan.Zero, RingTimeout = TimeSpan.FromSeconds(5) }],
            RecordingFolder = Path.Combine(folder, "recordings"),
        };
        var center = await CallCenterSwitch.StartAsync(options, ports.Ports);
        var phonesPort = SipBenchmark.FreeUdpPort();
        var phones = BenchProcess.Start("sipp", ["-sf", Path.Combine(AppContext.BaseDirectory, "Sip", "uas_answer.xml"), "-i", "127.0.0.1",
            "-p", phonesPort.ToString(CultureInfo.InvariantCulture), "-mp", "0", "-nostdin"]);
        var target = new CallCenterSwitchTarget(center, phones, ports, folder);
        // sipp takes one set of digest credentials per run: one REGISTER run per agent, 20 at a time.
        foreach (var batch in ports.Extensions.Chunk(20))
            await Task.WhenAll(batch.Select(extension => RegisterAsync(center.SipEndPoint, extension, phonesPort)));
        var ready = Stopwatch.StartNew();
        while (center.Distributor.IdleAgents("bench").Count < ports.Extensions.Count && ready.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
        Console.WriteLine($"{"",-42} switch: {center.Distributor.IdleAgents("bench").Count} of {ports.Extensions.Count} agents logged in by registration");
        return target;
    }

    private static async Task RegisterAsync(IPEndPoint registrar, string extension, int contactPort)
    {
        var info = new ProcessStartInfo("sipp") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[]
                 {
                     "-sf", Path.Combine(AppContext.BaseDirectory, "Sip", "agent_register.xml"), "-m", "1", "-s", extension, "-au", extension,
                     "-ap", BenchCallCenterPorts.Password, "-i", "127.0.0.1", "-p", "0", "-mp", "0", "-nostdin", "-timeout", "30s",
                     "-key", "contact_port", contactPort.ToString(CultureInfo.InvariantCulture), registrar.ToString(),
                 })
            info.ArgumentList.Add(argument);
        using var sipp = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        var drain = Task.WhenAll(sipp.StandardOutput.ReadToEndAsync(), sipp.StandardError.ReadToEndAsync());
        await sipp.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await drain;
        if (sipp.ExitCode != 0) throw new InvalidOperationException($"agent {extension} did not register (sipp exit code {sipp.ExitCode})");
    }

    public async ValueTask DisposeAsync()
    {
        _phones.Dispose();
        await _center.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
