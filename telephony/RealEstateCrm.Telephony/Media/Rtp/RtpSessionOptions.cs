namespace RealEstateCrm.Telephony.Media;

/// <summary>Tuning of one RTP session; the defaults suit a call.</summary>
public sealed record RtpSessionOptions
{
    /// <summary>How often an RTCP SR/RR goes out (RFC 3550 suggests 5 s for a two-party session).</summary>
    public TimeSpan RtcpInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Received frames kept for a consumer (bridge, recorder) before the oldest is dropped: one second, enough
    /// to ride out a stall of this machine; the bridge drains a backlog quickly, so it does not become latency.</summary>
    public int ReceiveQueueFrames { get; init; } = 50;

    /// <summary>RTCP CNAME; a random one per session when null.</summary>
    public string? CanonicalName { get; init; }
}
