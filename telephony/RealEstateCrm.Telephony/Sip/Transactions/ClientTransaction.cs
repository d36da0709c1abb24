using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>What both client transactions do: send the request, retransmit it on UDP (timer A or E, each with
/// its own interval rule) and give up after 64·T1 (timer B or F), telling the TU through <c>timeout</c>.</summary>
internal abstract class ClientTransaction : SipTransaction
{
    private readonly Action _timeout;
    private readonly SipTimer _retransmit;
    private readonly SipTimer _giveUp;
    private TimeSpan _interval;

    protected ClientTransaction(SipRequest request, SipPeer peer, SipTransactionContext context, SipTransactionState initial, Action<SipResponse> response, Action timeout)
        : base(request, peer, context, initial)
    {
        Deliver = response;
        _timeout = timeout;
        _retransmit = NewTimer(OnRetransmitTimer);
        _giveUp = NewTimer(OnGiveUpTimer);
    }

    protected Action<SipResponse> Deliver { get; }

    public void Start()
    {
        lock (Gate)
        {
            Send(Request);
            if (!Peer.IsReliable)
            {
                _interval = Timers.T1;
                _retransmit.Start(_interval);
            }
            _giveUp.Start(Timers.TransactionTimeout);
        }
    }

    /// <summary>A response whose branch and CSeq method match this transaction.</summary>
    public abstract void OnResponse(SipResponse response);

    /// <summary>The next retransmission interval after <paramref name="current"/>.</summary>
    protected abstract TimeSpan NextInterval(TimeSpan current);

    /// <summary>Whether the give-up timer still applies in the current state.</summary>
    protected abstract bool CanGiveUp { get; }

    protected void StopRetransmitting() => _retransmit.Stop();

    protected void StopGiveUpTimer() => _giveUp.Stop();

    private void OnRetransmitTimer()
    {
        Resend(Request);
        _interval = NextInterval(_interval);
        _retransmit.Start(_interval);
    }

    private void OnGiveUpTimer()
    {
        if (!CanGiveUp) return;
        Context.Statistics.CountTransactionTimeout();
        MoveTo(SipTransactionState.Terminated);
        Task.Run(_timeout);
    }
}
