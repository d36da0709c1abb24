using RealEstateCrm.Telephony.Sip.Transactions;
using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Calls;

/// <summary>What a call leg asks of the user agent that owns it.</summary>
internal interface ISipCallHost
{
    SipTimerSettings Timers { get; }
    TimeProvider Time { get; }
    SipStatistics Statistics { get; }

    /// <summary>Our Contact for messages on <paramref name="transport"/>.</summary>
    string Contact(SipTransportKind transport);

    SipPeer Resolve(SipUri nextHop, SipTransportKind transport);

    /// <summary>Sends outside any transaction (ACK for a 2xx, 2xx retransmissions).</summary>
    void SendDirect(SipMessage message, SipPeer peer);

    /// <summary>Adds our Via with a new branch.</summary>
    void StampVia(SipRequest request, SipTransportKind transport);

    /// <summary>Sends a non-INVITE request in a client transaction; a timeout yields a made-up 408.</summary>
    Task<SipResponse> SendRequestAsync(SipRequest request, SipPeer peer);

    void Forget(SipCall call);
}
