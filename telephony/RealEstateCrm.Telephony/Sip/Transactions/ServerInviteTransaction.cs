using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>RFC 3261 §17.2.1 with RFC 6026: answers 100 Trying at once, replays the last provisional to a
/// retransmitted INVITE, retransmits a non-2xx final on timer G until the ACK (timer H gives up), absorbs ACKs
/// until timer I; after a 2xx it absorbs INVITE retransmissions until timer L (the TU retransmits the 2xx).</summary>
internal sealed class ServerInviteTransaction : SipTransaction
{
    private readonly Action _ackTimeout;
    private readonly SipTimer _timerG, _timerH, _timerI, _timerL;
    private TimeSpan _intervalG;
    private SipResponse? _lastResponse;

    public ServerInviteTransaction(SipRequest invite, SipPeer peer, SipTransactionContext context, Action ackTimeout)
        : base(invite, peer, context, SipTransactionState.Proceeding)
    {
        _ackTimeout = ackTimeout;
        _timerG = NewTimer(OnTimerG);
        _timerH = NewTimer(OnTimerH);
        _timerI = NewTimer(() => MoveTo(SipTransactionState.Terminated));
        _timerL = NewTimer(() => MoveTo(SipTransactionState.Terminated));
    }

    /// <summary>True once a final response went out (a CANCEL then gets 200 but changes nothing).</summary>
    public bool HasFinalResponse
    {
        get
        {
            lock (Gate) return State != SipTransactionState.Proceeding;
        }
    }

    public void Start()
    {
        lock (Gate)
        {
            _lastResponse = Request.CreateResponse(100);
            Send(_lastResponse);
        }
    }

    /// <summary>Sends a response from the TU; false when a final response was already sent.</summary>
    public bool Respond(SipResponse response)
    {
        lock (Gate)
        {
            if (State != SipTransactionState.Proceeding) return false;
            _lastResponse = response;
            Send(response);
            if (response.IsProvisional) return true;
            if (response.IsSuccess)
            {
                MoveTo(SipTransactionState.Accepted);
                _timerL.Start(Timers.TransactionTimeout);
                return true;
            }
            MoveTo(SipTransactionState.Completed);
            if (!Peer.IsReliable)
            {
                _intervalG = Timers.T1;
                _timerG.Start(_intervalG);
            }
            _timerH.Start(Timers.TransactionTimeout);
            return true;
        }
    }

    public void OnRetransmittedInvite()
    {
        lock (Gate)
        {
            Context.Statistics.CountRetransmissionAbsorbed();
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && _lastResponse is not null)
                Resend(_lastResponse);
        }
    }

    public void OnAck()
    {
        lock (Gate)
        {
            if (State != SipTransactionState.Completed)
            {
                Context.Statistics.CountRetransmissionAbsorbed();
                return;
            }
            _timerG.Stop();
            _timerH.Stop();
            MoveTo(SipTransactionState.Confirmed);
            TerminateAfter(_timerI, Peer.IsReliable ? TimeSpan.Zero : Timers.T4);
        }
    }

    private void OnTimerG()
    {
        Resend(_lastResponse!);
        _intervalG = Timers.Backoff(_intervalG);
        _timerG.Start(_intervalG);
    }

    private void OnTimerH()
    {
        Context.Statistics.CountTransactionTimeout();
        MoveTo(SipTransactionState.Terminated);
        Task.Run(_ackTimeout);
    }
}
