using RealEstateCrm.Telephony.Sip.Transactions;
using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Calls;

/// <summary>A call someone placed to us. Send provisional responses (180, 183 with early media), then answer with
/// an SDP body or reject; <see cref="SipCall.Ended"/> reports a CANCEL, a BYE, or a missing ACK.</summary>
public sealed class IncomingCall : SipCall
{
    private readonly ServerInviteTransaction _transaction;
    private readonly TaskCompletionSource _confirmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SuccessRetransmitter? _retransmitter;

    internal IncomingCall(ISipCallHost host, SipRequest invite, ServerInviteTransaction transaction, SipPeer peer, string localTag)
        : base(host, invite.CallId, localTag, peer.Transport)
    {
        Invite = invite;
        _transaction = transaction;
        Peer = peer;
        ReceivedAt = host.Time.GetUtcNow();
        if (invite.Body.Length > 0) RemoteSdp = invite.BodyText;
    }

    public SipRequest Invite { get; }

    /// <summary>When the INVITE arrived, on the stack's clock (taken on the receive thread).</summary>
    public DateTimeOffset ReceivedAt { get; }
    public SipPeer Peer { get; }
    public NameAddress Caller => Invite.From;
    public NameAddress Callee => Invite.To;
    public SipUri RequestUri => Invite.Uri;

    /// <summary>The caller's SDP offer, or null for an offerless INVITE (the offer then comes in the ACK).</summary>
    public string? OfferSdp => Invite.Body.Length > 0 ? Invite.BodyText : null;

    public Task SendProvisionalAsync(int statusCode = 180, string? sdp = null)
    {
        if (statusCode is <= 100 or >= 200) throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "a provisional status is 101–199");
        var response = DialogResponse(statusCode);
        if (sdp is not null) response.SetBody(sdp, "application/sdp");
        _transaction.Respond(response);
        return Task.CompletedTask;
    }

    /// <summary>180 without a body, sent by the stack itself on arrival (<see cref="SipUserAgentOptions.RingsAtOnce"/>).</summary>
    internal void Ring() => _transaction.Respond(DialogResponse(180));

    /// <summary>Answers with 200 and <paramref name="sdp"/>, retransmitting it until the ACK arrives
    /// (RFC 3261 §13.3.1.4). Completes on the ACK; throws <see cref="TimeoutException"/> after 64·T1 without
    /// one (the call is then hung up), or <see cref="InvalidOperationException"/> if the caller cancelled first.</summary>
    public Task AnswerAsync(string sdp)
    {
        var response = DialogResponse(200);
        response.SetBody(sdp, "application/sdp");
        lock (Gate)
        {
            if (Ended.IsCompleted || !_transaction.Respond(response))
                throw new InvalidOperationException($"call {CallId} can no longer be answered");
            LocalSdp = sdp;
            Dialog = SipDialog.ForServer(Invite, LocalTag, Transport);
            _retransmitter = new SuccessRetransmitter(Host, response, Peer, GiveUp);
            _retransmitter.Start();
        }
        return _confirmed.Task;
    }

    public Task RejectAsync(int statusCode = 486, string? reason = null)
    {
        if (statusCode is < 300 or > 699) throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "a rejection is 300–699");
        if (_transaction.Respond(Invite.CreateResponse(statusCode, reason, LocalTag)))
            End(new CallEnd(CallEndReason.Rejected, statusCode));
        return Task.CompletedTask;
    }

    internal void OnCancel()
    {
        if (_transaction.Respond(Invite.CreateResponse(487, null, LocalTag)))
            End(new CallEnd(CallEndReason.Cancelled, 487));
    }

    internal override void OnAck(SipRequest ack)
    {
        base.OnAck(ack);
        _retransmitter?.Stop();
        if (OfferSdp is null && ack.Body.Length > 0) RemoteSdp = ack.BodyText;
        _confirmed.TrySetResult();
    }

    internal override void OnTransactionTimeout()
    {
        // Timer H: a non-2xx went unacknowledged; the call already ended when it was rejected.
    }

    private async Task GiveUp()
    {
        if (_confirmed.Task.IsCompleted) return;
        _confirmed.TrySetException(new TimeoutException($"no ACK for the 200 of call {CallId} within 64·T1"));
        var dialog = Dialog!;
        if (End(new CallEnd(CallEndReason.TimedOut, 408, "no ACK")))
            await Host.SendRequestAsync(dialog.CreateRequest(SipMethods.Bye, dialog.NextLocalSeq()), Host.Resolve(dialog.NextHop, dialog.Transport));
    }

    private SipResponse DialogResponse(int statusCode)
    {
        var response = Invite.CreateResponse(statusCode, null, LocalTag);
        foreach (var route in Invite.Headers.All(SipHeaderNames.RecordRoute)) response.Headers.Add(SipHeaderNames.RecordRoute, route);
        response.Headers.Add(SipHeaderNames.Contact, Host.Contact(Transport));
        return response;
    }
}
