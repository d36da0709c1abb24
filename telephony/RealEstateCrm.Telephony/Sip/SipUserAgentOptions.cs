using System.Net;
using RealEstateCrm.Telephony.Sip.Registrar;
using RealEstateCrm.Telephony.Sip.Transactions;

namespace RealEstateCrm.Telephony.Sip;

public sealed record SipUserAgentOptions
{
    /// <summary>The address to listen on: loopback unless the host decides otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>UDP port; 0 picks a free one (tests).</summary>
    public int UdpPort { get; init; } = 5060;

    /// <summary>TCP port; null listens on no TCP port, 0 picks a free one.</summary>
    public int? TcpPort { get; init; }

    public SipTimerSettings Timers { get; init; } = SipTimerSettings.Default;
    public SipRegistrarOptions Registrar { get; init; } = new();

    /// <summary>The user part of our Contact and of the From of calls we place.</summary>
    public string ContactUser { get; init; } = "crm";

    public string Product { get; init; } = "RealEstateCrm";

    /// <summary>Decides, on the receive thread as each new INVITE arrives, whether it rings at once: the 180 goes out
    /// right after the 100, before the call waits its turn in <see cref="SipUserAgent.IncomingCalls"/> (a busy thread
    /// pool would otherwise delay it). Must be cheap and must not throw (a number lookup); null leaves every provisional
    /// response to the reader.</summary>
    public Func<SipRequest, bool>? RingsAtOnce { get; init; }
}
