using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Registrar;

namespace RealEstateCrm.Telephony.Tests.B2bua;

/// <summary>The running call center on an ephemeral port with the shipped IVR menu, in-process ports, short prompts
/// (a 200 ms tone under every name, so a test walks the menu in seconds) and a temporary recording folder.</summary>
internal sealed class CallCenterTestBed : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-b2bua-").FullName;

    private CallCenterTestBed(AcdQueueSettings queue, SipUri? outboundTrunk)
    {
        var prompts = Path.Combine(_folder, "prompts");
        Directory.CreateDirectory(prompts);
        var menu = IvrMenuLoader.Default();
        var names = menu.Nodes.Values.SelectMany(n => n.Prompts).Concat(PromptNames.All).Concat(["invalid-choice", "no-open-work-orders"]).Distinct();
        foreach (var name in names)
        {
            using var wav = new WavWriter(Path.Combine(prompts, name + ".wav"), WavEncoding.Pcm16);
            wav.Write(AudioMath.Tone(440, TimeSpan.FromMilliseconds(200)));
            wav.Complete();
        }
        Options = new CallCenterOptions
        {
            Sip = new SipUserAgentOptions { UdpPort = 0, Registrar = new SipRegistrarOptions { Algorithms = [DigestAlgorithm.Md5] } },
            IvrNumbers = new HashSet<string> { "4008" },
            DirectNumbers = new Dictionary<string, string> { ["4009"] = queue.Name },
            Menu = menu,
            Queues = [queue],
            Prompts = new PromptLibrary("zh", prompts),
            RecordingFolder = Path.Combine(_folder, "recordings"),
            RegistrationCheck = TimeSpan.FromMilliseconds(100),
            OutboundTrunk = outboundTrunk,
            DialerRingTimeout = TimeSpan.FromSeconds(10),
        };
    }

    public CallCenterOptions Options { get; }
    public InProcessPorts Ports { get; } = new();
    public CallCenterSwitch Switch { get; private set; } = null!;

    /// <summary>The shipped queue "service" with test-sized times: no wrap-up unless asked, a ring timeout of 10 s.</summary>
    public static AcdQueueSettings Queue(TimeSpan? maxWait = null, TimeSpan? wrapUp = null) =>
        new("service", "service", RoutingStrategy.LeastRecent)
        {
            RingTimeout = TimeSpan.FromSeconds(10),
            MaxWait = maxWait ?? TimeSpan.FromMinutes(1),
            WrapUp = wrapUp ?? TimeSpan.Zero,
        };

    /// <param name="outboundTrunk">Where the dialer's calls to customers go (a sipp playing the customers).</param>
    public static async Task<CallCenterTestBed> StartAsync(AcdQueueSettings? queue = null, SipUri? outboundTrunk = null)
    {
        var bed = new CallCenterTestBed(queue ?? Queue(), outboundTrunk);
        bed.Switch = await CallCenterSwitch.StartAsync(bed.Options, bed.Ports.Ports);
        return bed;
    }

    /// <summary>Waits for the phone's REGISTER to log the agent in. The bound is generous: under the whole suite's load a
    /// phone process (baresip) has taken more than 10 s to start and register, which is not what these tests measure.
    /// Given the phone, a phone that exits fails at once, and either failure shows what the phone printed.</summary>
    public async Task AgentReadyAsync(string agentNo, Baresip? phone = null)
    {
        for (var i = 0; i < 300 && phone?.HasExited != true; i++)
        {
            try
            {
                if (Switch.Distributor.Agent(agentNo).State == AgentState.Idle) return;
            }
            catch (ArgumentException) { }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        var printed = phone is null ? "" : $"; the phone {(phone.HasExited ? "exited" : "is running")} and printed:\n{phone.Output}";
        Assert.Fail($"agent {agentNo} was not logged in by the registration of their phone within 30 s{printed}");
    }

    public async ValueTask DisposeAsync()
    {
        await Switch.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
