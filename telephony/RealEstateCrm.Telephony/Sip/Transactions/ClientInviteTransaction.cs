using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>RFC 3261 §17.1.1 with the Accepted state of RFC 6026: retransmits the INVITE on timer A (UDP,
/// doubling), gives up on timer B while still Calling, acknowledges non-2xx finals itself and absorbs their
/// retransmissions until timer D, and after a 2xx passes further 2xx up (the TU acknowledges them) until timer M
/// while ignoring late provisional responses such as a 180 reordered behind the 200.</summary>
internal sealed class ClientInviteTransaction : ClientTransaction
{
    private readonly SipTimer _timerD, _timerM;
    private SipRequest? _ack;

    public ClientInviteTransaction(SipRequest invite, SipPeer peer, SipTransactionContext context, Action<SipResponse> response, Action timeout)
        : base(invite, peer, context, SipTransactionState.Calling, response, timeout)
    {
        _timerD = NewTimer(() => MoveTo(SipTransactionState.Terminated));
        _timerM = NewTimer(() => MoveTo(SipTransactionState.Terminated));
    }

    protected override TimeSpan NextInterval(TimeSpan current) => current * 2;

    protected override bool CanGiveUp => State == SipTransactionState.Calling;

    public override void OnResponse(SipResponse response)
    {
        var deliver = false;
        lock (Gate)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsProvisional:
                    StopRetransmitting();
                    MoveTo(SipTransactionState.Proceeding);
                    deliver = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsSuccess:
                    StopRetransmitting();
                    StopGiveUpTimer();
                    MoveTo(SipTransactionState.Accepted);
                    _timerM.Start(Timers.TransactionTimeout);
                    deliver = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    StopRetransmitting();
                    StopGiveUpTimer();
                    _ack = InviteCompanion.Create(Request, SipMethods.Ack, response.Headers[SipHeaderNames.To]!);
                    Send(_ack);
                    MoveTo(SipTransactionState.Completed);
                    TerminateAfter(_timerD, Peer.IsReliable ? TimeSpan.Zero : Timers.TimerD);
                    deliver = true;
                    break;
                case SipTransactionState.Accepted when response.IsSuccess:
                    deliver = true;
                    break;
                case SipTransactionState.Completed when !response.IsProvisional && !response.IsSuccess:
                    Resend(_ack!);
                    break;
            }
        }
        if (deliver) Deliver(response);
    }
}
