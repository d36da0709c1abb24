using System.Net;
using Microsoft.Extensions.Configuration;
using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Sip;

namespace RealEstateCrm.Host.Telephony;

/// <summary>The <c>Telephony</c> section of appsettings.json (or <c>Telephony__SipPort</c>-style environment variables):
/// where SIP listens, the IVR numbers, the agents' SIP secret, prompts, menu and recordings.</summary>
/// <param name="OutboundTrunk">Where the dialer's calls to customers go (<c>Telephony:OutboundTrunk</c>, e.g. sip:10.0.0.5:5060);
/// null: no outbound dialling. Customers see the first IVR number calling.</param>
public sealed record TelephonySettings(
    IPAddress Address, int SipPort, IReadOnlySet<string> IvrNumbers, string SipSecret, string RecordingFolder,
    string PromptLanguage, string? PromptFolder, string? IvrMenu, string ComplaintCategory, SipUri? OutboundTrunk = null)
{
    public const string DemoSecret = "change-me";

    public static TelephonySettings Read(IConfiguration configuration, int? sipPort)
    {
        var section = configuration.GetSection("Telephony");
        var address = section["Address"] ?? "127.0.0.1";
        if (!IPAddress.TryParse(address, out var ip)) throw new ArgumentException($"Telephony:Address: \"{address}\" is not an IP address");
        var port = sipPort ?? (section["SipPort"] is { } text
            ? int.TryParse(text, out var parsed) ? parsed : throw new ArgumentException($"Telephony:SipPort: \"{text}\" is not a number")
            : 5060);
        if (port is < 0 or > 65535) throw new ArgumentException($"--sip-port / Telephony:SipPort: {port} is not a UDP port (0–65535)");
        var numbers = (section["IvrNumbers"] ?? "4008").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        if (numbers.Count == 0) throw new ArgumentException("Telephony:IvrNumbers: give at least one number");
        return new TelephonySettings(ip, port, numbers, section["SipSecret"] ?? DemoSecret, section["RecordingFolder"] ?? Path.Combine("data", "recordings"),
            section["PromptLanguage"] ?? "zh", section["PromptFolder"], section["IvrMenu"], section["ComplaintCategory"] ?? "IVR",
            section["OutboundTrunk"] is { Length: > 0 } trunk ? ParseTrunk(trunk) : null);
    }

    private static SipUri ParseTrunk(string text)
    {
        try
        {
            return SipUri.Parse(text);
        }
        catch (Exception e) when (e is SipParseException or FormatException or ArgumentException)
        {
            throw new ArgumentException($"Telephony:OutboundTrunk: \"{text}\" is not a SIP URI like sip:10.0.0.5:5060", e);
        }
    }

    public CallCenterOptions ToOptions() => new()
    {
        Sip = new SipUserAgentOptions { Address = Address, UdpPort = SipPort },
        IvrNumbers = IvrNumbers,
        Menu = IvrMenu is null ? IvrMenuLoader.Default() : IvrMenuLoader.Load(IvrMenu),
        Prompts = new PromptLibrary(PromptLanguage, PromptFolder),
        RecordingFolder = RecordingFolder,
        RtpPorts = RtpPortRange.Ephemeral(Address),
        OutboundTrunk = OutboundTrunk,
    };
}
