namespace RealEstateCrm.Telephony.Sip.Transport;

public enum SipTransportKind
{
    Udp,
    Tcp,
}
