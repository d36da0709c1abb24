namespace RealEstateCrm.Telephony.Sip;

/// <summary>Counters of what the stack received and did, safe to read while it runs. Every datagram or framed
/// message received lands in exactly one of <see cref="Accepted"/>, <see cref="BadRequests"/>,
/// <see cref="Dropped"/> and <see cref="KeepAlives"/>, so they add up to <see cref="Received"/>.</summary>
public sealed class SipStatistics
{
    private long _received, _accepted, _badRequests, _dropped, _keepAlives;
    private long _retransmissionsSent, _retransmissionsAbsorbed, _strayResponses, _transactionTimeouts, _internalErrors;

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Well-formed requests and responses handed to transactions and dialogs.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Malformed requests answered with 400 naming the problem.</summary>
    public long BadRequests => Interlocked.Read(ref _badRequests);

    /// <summary>Garbage, malformed responses and malformed ACKs (which get no answer): dropped.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long KeepAlives => Interlocked.Read(ref _keepAlives);

    /// <summary>Requests and responses we sent again because a timer (A, E, G or the 2xx timer) fired.</summary>
    public long RetransmissionsSent => Interlocked.Read(ref _retransmissionsSent);

    /// <summary>Retransmitted requests that matched a transaction and were absorbed.</summary>
    public long RetransmissionsAbsorbed => Interlocked.Read(ref _retransmissionsAbsorbed);

    public long StrayResponses => Interlocked.Read(ref _strayResponses);

    public long TransactionTimeouts => Interlocked.Read(ref _transactionTimeouts);

    /// <summary>Messages whose handling failed on a fault of ours (they are dropped, the stack goes on); zero in
    /// a healthy stack, so a test or an alarm can watch it.</summary>
    public long InternalErrors => Interlocked.Read(ref _internalErrors);

    internal void CountInternalError() => Interlocked.Increment(ref _internalErrors);
    internal void CountReceived() => Interlocked.Increment(ref _received);
    internal void CountAccepted() => Interlocked.Increment(ref _accepted);
    internal void CountBadRequest() => Interlocked.Increment(ref _badRequests);
    internal void CountDropped() => Interlocked.Increment(ref _dropped);
    internal void CountKeepAlive() => Interlocked.Increment(ref _keepAlives);
    internal void CountRetransmissionSent() => Interlocked.Increment(ref _retransmissionsSent);
    internal void CountRetransmissionAbsorbed() => Interlocked.Increment(ref _retransmissionsAbsorbed);
    internal void CountStrayResponse() => Interlocked.Increment(ref _strayResponses);
    internal void CountTransactionTimeout() => Interlocked.Increment(ref _transactionTimeouts);

    public override string ToString() =>
        $"received {Received} = accepted {Accepted} + 400 {BadRequests} + dropped {Dropped} + keep-alive {KeepAlives}; " +
        $"retransmitted {RetransmissionsSent}, absorbed {RetransmissionsAbsorbed}, stray responses {StrayResponses}, timeouts {TransactionTimeouts}, internal errors {InternalErrors}";
}
