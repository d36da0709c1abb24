using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>RFC 3261 §17.2.2: replays the last response to a retransmitted request and stays around for
/// timer J (64·T1 on UDP) so retransmissions do not reach the TU twice.</summary>
internal sealed class ServerNonInviteTransaction(SipRequest request, SipPeer peer, SipTransactionContext context)
    : SipTransaction(request, peer, context, SipTransactionState.Trying)
{
    private SipResponse? _lastResponse;
    private SipTimer? _timerJ;

    public bool Respond(SipResponse response)
    {
        lock (Gate)
        {
            if (State is SipTransactionState.Completed or SipTransactionState.Terminated) return false;
            _lastResponse = response;
            Send(response);
            if (response.IsProvisional)
            {
                MoveTo(SipTransactionState.Proceeding);
                return true;
            }
            MoveTo(SipTransactionState.Completed);
            _timerJ = NewTimer(() => MoveTo(SipTransactionState.Terminated));
            TerminateAfter(_timerJ, Peer.IsReliable ? TimeSpan.Zero : Timers.TransactionTimeout);
            return true;
        }
    }

    public void OnRetransmittedRequest()
    {
        lock (Gate)
        {
            Context.Statistics.CountRetransmissionAbsorbed();
            if (_lastResponse is not null) Resend(_lastResponse);
        }
    }
}
