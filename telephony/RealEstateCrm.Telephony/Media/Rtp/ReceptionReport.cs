namespace RealEstateCrm.Telephony.Media;

/// <summary>One RTCP report block (RFC 3550 §6.4.1): how a receiver saw a source.</summary>
/// <param name="FractionLost">Lost fraction since the previous report, 0–1.</param>
/// <param name="Jitter">Interarrival jitter in timestamp units (1/8000 s for G.711).</param>
/// <param name="LastSenderReport">Middle 32 bits of the NTP time of the last SR received from the source.</param>
/// <param name="DelaySinceLastSenderReport">In units of 1/65536 s.</param>
public readonly record struct ReceptionReport(
    uint Ssrc, double FractionLost, int CumulativeLost, uint ExtendedHighestSequence, uint Jitter,
    uint LastSenderReport, uint DelaySinceLastSenderReport);
