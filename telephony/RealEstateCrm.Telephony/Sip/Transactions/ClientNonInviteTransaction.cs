using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>RFC 3261 §17.1.2: retransmits on timer E (doubling to T2, then every T2 once a provisional came),
/// gives up on timer F, and absorbs retransmitted finals until timer K.</summary>
internal sealed class ClientNonInviteTransaction : ClientTransaction
{
    private readonly SipTimer _timerK;

    public ClientNonInviteTransaction(SipRequest request, SipPeer peer, SipTransactionContext context, Action<SipResponse> response, Action timeout)
        : base(request, peer, context, SipTransactionState.Trying, response, timeout)
    {
        _timerK = NewTimer(() => MoveTo(SipTransactionState.Terminated));
    }

    protected override TimeSpan NextInterval(TimeSpan current) =>
        State == SipTransactionState.Proceeding ? Timers.T2 : Timers.Backoff(current);

    protected override bool CanGiveUp => true;

    public override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding)) return;
            if (response.IsProvisional) MoveTo(SipTransactionState.Proceeding);
            else
            {
                StopRetransmitting();
                StopGiveUpTimer();
                MoveTo(SipTransactionState.Completed);
                TerminateAfter(_timerK, Peer.IsReliable ? TimeSpan.Zero : Timers.T4);
            }
        }
        Deliver(response);
    }
}
