namespace RealEstateCrm.Telephony.Media;

/// <summary>Turns RFC 4733 telephone-event packets into digits, one per key press. All packets of one event
/// share its RTP timestamp (updates, the end packet and its retransmissions), so a digit is reported the first
/// time a new (source, timestamp) is seen: early enough for barge-in, and a lost start packet still yields it.</summary>
public sealed class DtmfReceiver
{
    private uint? _lastSsrc;
    private uint _lastTimestamp;

    /// <summary>The digit this packet starts, or null if it continues an event already reported (or is no digit).</summary>
    public char? Receive(in RtpPacket packet)
    {
        if (!DtmfEvent.TryParse(packet.Payload.Span, out var dtmf) || dtmf.Digit is not { } digit) return null;
        if (_lastSsrc == packet.Ssrc && _lastTimestamp == packet.Timestamp) return null;
        _lastSsrc = packet.Ssrc;
        _lastTimestamp = packet.Timestamp;
        return digit;
    }
}
