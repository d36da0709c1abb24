using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>What every transaction needs from the stack: timer values, the clock, a way to send, the counters,
/// and a callback when it ends (the stack forgets it then).</summary>
internal sealed record SipTransactionContext(
    SipTimerSettings Timers,
    TimeProvider Time,
    Action<SipMessage, SipPeer> Send,
    SipStatistics Statistics,
    Action<SipTransaction> Ended);
