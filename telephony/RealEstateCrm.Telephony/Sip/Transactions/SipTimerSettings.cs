namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>RFC 3261 timer values (§17.1.1.1, table 4): T1 round-trip estimate, T2 cap on non-INVITE and response
/// retransmission intervals, T4 time a message may stay in the network.</summary>
public sealed record SipTimerSettings(TimeSpan T1, TimeSpan T2, TimeSpan T4)
{
    public static SipTimerSettings Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

    /// <summary>64·T1: timers B, F, H, J, L and M.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Timer D on UDP: at least 32 s, to absorb retransmitted final responses.</summary>
    public TimeSpan TimerD => TimeSpan.FromSeconds(Math.Max(32, T1.TotalSeconds * 64));

    /// <summary>The interval after <paramref name="current"/>: doubled, capped at T2 (timers E and G).</summary>
    public TimeSpan Backoff(TimeSpan current) => current * 2 < T2 ? current * 2 : T2;
}
