using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>The common part of the four RFC 3261 §17 state machines: the request, the peer, the state under one
/// lock, and the timers, all stopped when the transaction terminates.</summary>
internal abstract class SipTransaction
{
    private readonly List<SipTimer> _timers = [];

    protected SipTransaction(SipRequest request, SipPeer peer, SipTransactionContext context, SipTransactionState initial)
    {
        Request = request;
        Peer = peer;
        Context = context;
        State = initial;
    }

    protected Lock Gate { get; } = new();
    protected SipTransactionContext Context { get; }
    protected SipTimerSettings Timers => Context.Timers;

    /// <summary>The key the stack files the transaction under (<see cref="SipTransactionKey"/>).</summary>
    public string Key { get; init; } = "";

    public SipRequest Request { get; }
    public SipPeer Peer { get; }
    public SipTransactionState State { get; private set; }

    protected SipTimer NewTimer(Action fired)
    {
        var timer = new SipTimer(Context.Time, () =>
        {
            lock (Gate)
            {
                if (State != SipTransactionState.Terminated) fired();
            }
        });
        _timers.Add(timer);
        return timer;
    }

    protected void MoveTo(SipTransactionState state)
    {
        if (State == SipTransactionState.Terminated) return;
        State = state;
        if (state != SipTransactionState.Terminated) return;
        foreach (var timer in _timers) timer.Stop();
        Context.Ended(this);
    }

    /// <summary>Ends the transaction without further sends (the stack is shutting down).</summary>
    public void Abort()
    {
        lock (Gate) MoveTo(SipTransactionState.Terminated);
    }

    /// <summary>Starts a timer that terminates the transaction, or terminates at once when the wait is zero
    /// (timers D, I, J, K on reliable transports).</summary>
    protected void TerminateAfter(SipTimer timer, TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero) MoveTo(SipTransactionState.Terminated);
        else timer.Start(wait);
    }

    protected void Send(SipMessage message) => Context.Send(message, Peer);

    protected void Resend(SipMessage message)
    {
        Context.Statistics.CountRetransmissionSent();
        Context.Send(message, Peer);
    }
}
