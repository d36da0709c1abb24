using System.Net;

namespace RealEstateCrm.Telephony.Sip.Transport;

/// <summary>A listening transport. Received messages (one datagram, or one Content-Length-framed message of a
/// stream) go to the handler given at start; sends never block on the network for long.</summary>
internal interface ISipTransport : IAsyncDisposable
{
    SipTransportKind Kind { get; }
    IPEndPoint LocalEndPoint { get; }
    void Send(byte[] data, IPEndPoint remote);
}
