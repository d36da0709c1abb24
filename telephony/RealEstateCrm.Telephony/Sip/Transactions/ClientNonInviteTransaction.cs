using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>RFC 3261 §17.1.2: retransmits on timer E (doubling to T2, then every T2 once a provisional came),
/// gives up on timer F, and absorbs retransmitted finals until timer K.</summary>
internal sealed class ClientNonInviteTransaction : SipTransaction
{
    private readonly Action<SipResponse> _response;
    private readonly Action _timeout;
    private readonly SipTimer _timerE, _timerF, _timerK;
    private TimeSpan _intervalE;

    public ClientNonInviteTransaction(SipRequest request, SipPeer peer, SipTransactionContext context, Action<SipResponse> response, Action timeout)
        : base(request, peer, context, SipTransactionState.Trying)
    {
        _response = response;
        _timeout = timeout;
        _timerE = NewTimer(OnTimerE);
        _timerF = NewTimer(OnTimerF);
        _timerK = NewTimer(() => MoveTo(SipTransactionState.Terminated));
    }

    public void Start()
    {
        lock (Gate)
        {
            Send(Request);
            if (!Peer.IsReliable)
            {
                _intervalE = Timers.T1;
                _timerE.Start(_intervalE);
            }
            _timerF.Start(Timers.TransactionTimeout);
        }
    }

    public void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding)) return;
            if (response.IsProvisional) MoveTo(SipTransactionState.Proceeding);
            else
            {
                _timerE.Stop();
                _timerF.Stop();
                MoveTo(SipTransactionState.Completed);
                TerminateAfter(_timerK, Peer.IsReliable ? TimeSpan.Zero : Timers.T4);
            }
        }
        _response(response);
    }

    private void OnTimerE()
    {
        Resend(Request);
        _intervalE = State == SipTransactionState.Proceeding ? Timers.T2 : Timers.Backoff(_intervalE);
        _timerE.Start(_intervalE);
    }

    private void OnTimerF()
    {
        Context.Statistics.CountTransactionTimeout();
        MoveTo(SipTransactionState.Terminated);
        Task.Run(_timeout);
    }
}
