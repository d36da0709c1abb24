using RealEstateCrm.Telephony.Sip.Transactions;
using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Calls;

/// <summary>A call we placed. <see cref="Answered"/> completes with the callee's SDP answer once a 2xx came (we
/// have acknowledged it), or fails with <see cref="SipCallFailedException"/>; <see cref="Progress"/> reports
/// provisional responses. A 180 that arrives after the 200 (UDP reordering) is ignored.</summary>
public sealed class OutgoingCall : SipCall
{
    private readonly TaskCompletionSource<string> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ringing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _provisionalSeen, _cancelRequested;
    private SipRequest? _ack;
    private SipPeer _ackPeer;

    internal OutgoingCall(ISipCallHost host, SipRequest invite, SipPeer peer)
        : base(host, invite.CallId, invite.From.Tag!, peer.Transport)
    {
        Invite = invite;
        Peer = peer;
        LocalSdp = invite.Body.Length > 0 ? invite.BodyText : null;
        // Observed so an unanswered call that nobody awaits does not raise UnobservedTaskException.
        _answered.Task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    public SipRequest Invite { get; }
    public SipPeer Peer { get; }

    /// <summary>The callee's SDP answer; fails with <see cref="SipCallFailedException"/> if the call is refused,
    /// cancelled or times out.</summary>
    public Task<string> Answered => _answered.Task;

    /// <summary>Completes at the first 180 or 183 before the answer. Unlike <see cref="Progress"/> it cannot be missed by
    /// subscribing after the INVITE went out; a phone that answers at once never completes it.</summary>
    public Task Ringing => _ringing.Task;

    /// <summary>Provisional responses (100, 180, 183) as they arrive.</summary>
    public event Action<OutgoingCall, SipResponse>? Progress;

    /// <summary>Cancels the call while it rings (RFC 3261 §9.1: sent once a provisional response has come).
    /// If the callee answers meanwhile, the call is acknowledged and hung up at once.</summary>
    public async Task CancelAsync()
    {
        SipRequest? cancel;
        lock (Gate)
        {
            if (_cancelRequested || Answered.IsCompleted) return;
            _cancelRequested = true;
            cancel = _provisionalSeen ? CreateCancel() : null;
        }
        if (cancel is not null) await Host.SendRequestAsync(cancel, Peer);
    }

    internal void OnResponse(SipResponse response)
    {
        if (response.IsProvisional) OnProvisional(response);
        else if (response.IsSuccess) OnSuccess(response);
        else OnFailure(response);
    }

    internal override void OnTransactionTimeout()
    {
        _answered.TrySetException(new SipCallFailedException(408, "Request Timeout"));
        End(new CallEnd(CallEndReason.TimedOut, 408));
    }

    private void OnProvisional(SipResponse response)
    {
        SipRequest? cancel = null;
        lock (Gate)
        {
            if (Answered.IsCompleted) return;
            if (!_provisionalSeen && _cancelRequested) cancel = CreateCancel();
            _provisionalSeen = true;
            if (response.StatusCode is 180 or 183) _ringing.TrySetResult();
        }
        if (cancel is not null) _ = Host.SendRequestAsync(cancel, Peer);
        if (response.StatusCode > 100) Progress?.Invoke(this, response);
    }

    private void OnSuccess(SipResponse response)
    {
        bool first, cancelled;
        lock (Gate)
        {
            first = Dialog is null;
            if (first)
            {
                Dialog = SipDialog.ForClient(Invite, response, Transport);
                _ack = Dialog.CreateRequest(SipMethods.Ack, Invite.CSeq.Number);
                Host.StampVia(_ack, Transport);
                _ackPeer = Host.Resolve(Dialog.NextHop, Transport);
            }
            cancelled = _cancelRequested;
        }
        // Every 2xx, first or retransmitted, gets the same ACK (RFC 3261 §13.2.2.4).
        Host.SendDirect(_ack!, _ackPeer);
        if (!first) return;
        if (cancelled)
        {
            _answered.TrySetException(new SipCallFailedException(487, "Request Terminated"));
            _ = HangupAsync();
            return;
        }
        RemoteSdp = response.Body.Length > 0 ? response.BodyText : null;
        _answered.TrySetResult(RemoteSdp ?? "");
    }

    private void OnFailure(SipResponse response)
    {
        _answered.TrySetException(new SipCallFailedException(response.StatusCode, response.ReasonPhrase));
        var reason = _cancelRequested && response.StatusCode == 487 ? CallEndReason.Cancelled : CallEndReason.Rejected;
        End(new CallEnd(reason, response.StatusCode));
    }

    private SipRequest CreateCancel() => InviteCompanion.Create(Invite, SipMethods.Cancel, Invite.Headers[SipHeaderNames.To]!);
}
