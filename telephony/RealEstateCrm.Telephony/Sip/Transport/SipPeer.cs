using System.Net;

namespace RealEstateCrm.Telephony.Sip.Transport;

/// <summary>Where a message came from or goes to: the transport and the remote address.</summary>
public readonly record struct SipPeer(SipTransportKind Transport, IPEndPoint EndPoint)
{
    public bool IsReliable => Transport == SipTransportKind.Tcp;

    public override string ToString() => $"{Transport.ToString().ToLowerInvariant()}:{EndPoint}";
}
