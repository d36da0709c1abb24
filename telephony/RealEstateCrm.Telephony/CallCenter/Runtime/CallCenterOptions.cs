using System.Net;
using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>How the running call center is set up: where SIP listens, which numbers reach the IVR or go straight to a
/// queue, the menu, the queues, the prompts and where recordings go.</summary>
public sealed record CallCenterOptions
{
    public SipUserAgentOptions Sip { get; init; } = new();

    /// <summary>The numbers (Request-URI user) callers dial for the IVR.</summary>
    public IReadOnlySet<string> IvrNumbers { get; init; } = new HashSet<string> { "4008" };

    /// <summary>Numbers that skip the IVR and go straight to a queue (number → queue): hotlines and load tests.</summary>
    public IReadOnlyDictionary<string, string> DirectNumbers { get; init; } = new Dictionary<string, string>();

    public IvrMenu Menu { get; init; } = IvrMenuLoader.Default();

    public IReadOnlyList<AcdQueueSettings> Queues { get; init; } = [new("service", "service", RoutingStrategy.LeastRecent)];

    public PromptLibrary Prompts { get; init; } = new();

    /// <summary>Bridged calls (stereo, caller left) and voicemails are written under it, one folder per day.</summary>
    public string RecordingFolder { get; init; } = Path.Combine("data", "recordings");

    public RtpPortRange RtpPorts { get; init; } = RtpPortRange.Ephemeral(IPAddress.Loopback);

    /// <summary>How often registrations are checked: an agent whose phone registered is logged in, one whose
    /// registration lapsed is logged out once idle.</summary>
    public TimeSpan RegistrationCheck { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest voicemail left by a caller who waited the queue's maximum.</summary>
    public TimeSpan QueueVoicemailLength { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Where the dialer's calls to customers go (a SIP trunk or gateway, the number as the user part); null: no outbound dialling.</summary>
    public SipUri? OutboundTrunk { get; init; }

    /// <summary>How long the dialer lets the agent's phone, then the customer's, ring before giving up.</summary>
    public TimeSpan DialerRingTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether callers dialling <paramref name="number"/> reach the IVR or a queue here.</summary>
    internal bool Serves(string number) => IvrNumbers.Contains(number) || DirectNumbers.ContainsKey(number);
}
