using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>RFC 3261 §17.1.1 with the Accepted state of RFC 6026: retransmits the INVITE on timer A (UDP),
/// gives up on timer B, acknowledges non-2xx finals itself and absorbs their retransmissions until timer D,
/// and after a 2xx passes further 2xx up (the TU acknowledges them) while ignoring late provisional responses
/// such as a 180 reordered behind the 200.</summary>
internal sealed class ClientInviteTransaction : SipTransaction
{
    private readonly Action<SipResponse> _response;
    private readonly Action _timeout;
    private readonly SipTimer _timerA, _timerB, _timerD, _timerM;
    private TimeSpan _intervalA;
    private SipRequest? _ack;

    public ClientInviteTransaction(SipRequest invite, SipPeer peer, SipTransactionContext context, Action<SipResponse> response, Action timeout)
        : base(invite, peer, context, SipTransactionState.Calling)
    {
        _response = response;
        _timeout = timeout;
        _timerA = NewTimer(OnTimerA);
        _timerB = NewTimer(OnTimerB);
        _timerD = NewTimer(() => MoveTo(SipTransactionState.Terminated));
        _timerM = NewTimer(() => MoveTo(SipTransactionState.Terminated));
    }

    public void Start()
    {
        lock (Gate)
        {
            Send(Request);
            if (!Peer.IsReliable)
            {
                _intervalA = Timers.T1;
                _timerA.Start(_intervalA);
            }
            _timerB.Start(Timers.TransactionTimeout);
        }
    }

    public void OnResponse(SipResponse response)
    {
        Action? deliver = null;
        lock (Gate)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsProvisional:
                    _timerA.Stop();
                    MoveTo(SipTransactionState.Proceeding);
                    deliver = () => _response(response);
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsSuccess:
                    _timerA.Stop();
                    _timerB.Stop();
                    MoveTo(SipTransactionState.Accepted);
                    _timerM.Start(Timers.TransactionTimeout);
                    deliver = () => _response(response);
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    _timerA.Stop();
                    _timerB.Stop();
                    _ack = InviteCompanion.Create(Request, SipMethods.Ack, response.Headers[SipHeaderNames.To]!);
                    Send(_ack);
                    MoveTo(SipTransactionState.Completed);
                    TerminateAfter(_timerD, Peer.IsReliable ? TimeSpan.Zero : Timers.TimerD);
                    deliver = () => _response(response);
                    break;
                case SipTransactionState.Accepted when response.IsSuccess:
                    deliver = () => _response(response);
                    break;
                case SipTransactionState.Completed when !response.IsProvisional && !response.IsSuccess:
                    Resend(_ack!);
                    break;
            }
        }
        deliver?.Invoke();
    }

    private void OnTimerA()
    {
        Resend(Request);
        _intervalA *= 2;
        _timerA.Start(_intervalA);
    }

    private void OnTimerB()
    {
        if (State != SipTransactionState.Calling) return;
        Context.Statistics.CountTransactionTimeout();
        MoveTo(SipTransactionState.Terminated);
        Task.Run(_timeout);
    }
}
