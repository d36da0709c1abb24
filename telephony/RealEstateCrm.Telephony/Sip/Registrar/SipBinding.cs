using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Registrar;

/// <summary>A registered contact of a user (an agent's phone) until <see cref="ExpiresAt"/>; <see cref="Peer"/> is
/// where the REGISTER came from, the address to reach a phone whose Contact is not reachable itself.</summary>
public sealed record SipBinding(string User, SipUri Contact, DateTimeOffset ExpiresAt, SipPeer Peer);
