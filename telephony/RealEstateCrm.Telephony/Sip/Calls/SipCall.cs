using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Calls;

/// <summary>What incoming and outgoing call legs share: the dialog once there is one, hanging up with BYE,
/// answering the peer's BYE, re-INVITE and INFO, and the <see cref="Ended"/> task.</summary>
public abstract class SipCall
{
    private readonly TaskCompletionSource<CallEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ending;
    private SuccessRetransmitter? _reinviteAnswer;

    private protected SipCall(ISipCallHost host, string callId, string localTag, SipTransportKind transport)
    {
        Host = host;
        CallId = callId;
        LocalTag = localTag;
        Transport = transport;
    }

    private protected ISipCallHost Host { get; }
    private protected Lock Gate { get; } = new();

    public string CallId { get; }
    public string LocalTag { get; }
    public SipTransportKind Transport { get; }

    /// <summary>The dialog, from the moment a 2xx was sent or received.</summary>
    public SipDialog? Dialog { get; private protected set; }

    /// <summary>Our session description as last sent (the answer, or the offer of an outgoing call).</summary>
    public string? LocalSdp { get; private protected set; }

    /// <summary>The peer's session description as last received (offer, answer, or a re-INVITE's offer).</summary>
    public string? RemoteSdp { get; private protected set; }

    /// <summary>Completes once, when the leg is over, with why.</summary>
    public Task<CallEnd> Ended => _ended.Task;

    /// <summary>When the leg ended (the BYE, CANCEL or final response was handled, or we hung up), on the stack's
    /// clock; null while it lasts. Set before <see cref="Ended"/> completes, so it is exact however late a continuation runs.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The peer sent a new offer in a re-INVITE (hold, resume, codec change); we answered it with our
    /// <see cref="LocalSdp"/> unchanged.</summary>
    public event Action<SipCall, string>? Reoffered;

    /// <summary>A DTMF digit arrived in a SIP INFO (<c>application/dtmf-relay</c>).</summary>
    public event Action<SipCall, char>? DtmfReceived;

    internal string Key => SipDialog.DialogKey(CallId, LocalTag);

    /// <summary>Ends an established call with BYE and waits for its final response (or a timeout).</summary>
    public async Task HangupAsync()
    {
        var dialog = Dialog;
        if (dialog is null || Ended.IsCompleted) return;
        if (!End(new CallEnd(CallEndReason.LocalHangup))) return;
        var bye = dialog.CreateRequest(SipMethods.Bye, dialog.NextLocalSeq());
        await Host.SendRequestAsync(bye, Host.Resolve(dialog.NextHop, dialog.Transport));
    }

    /// <summary>Sends one DTMF digit in a SIP INFO (<c>application/dtmf-relay</c>), for peers that take DTMF
    /// out of band; returns the peer's final status.</summary>
    public async Task<int> SendDtmfAsync(char digit, int durationMs = 160)
    {
        if (!"0123456789*#ABCD".Contains(digit)) throw new ArgumentOutOfRangeException(nameof(digit), digit, "a DTMF digit is 0-9, *, #, A-D");
        var dialog = Dialog ?? throw new InvalidOperationException($"call {CallId} is not established");
        var info = dialog.CreateRequest(SipMethods.Info, dialog.NextLocalSeq());
        info.SetBody($"Signal={digit}\r\nDuration={durationMs}\r\n", "application/dtmf-relay");
        var response = await Host.SendRequestAsync(info, Host.Resolve(dialog.NextHop, dialog.Transport));
        return response.StatusCode;
    }

    private protected bool End(CallEnd end)
    {
        if (Interlocked.Exchange(ref _ending, 1) == 1) return false;
        EndedAt = Host.Time.GetUtcNow();
        _ended.SetResult(end);
        _reinviteAnswer?.Stop();
        Host.Forget(this);
        return true;
    }

    /// <summary>A request inside the dialog (To tag = our tag), other than ACK and CANCEL.</summary>
    internal SipResponse OnDialogRequest(SipRequest request, SipPeer peer)
    {
        var dialog = Dialog;
        if (dialog is null && request.Method != SipMethods.Bye) return request.CreateResponse(481);
        if (dialog is not null)
        {
            if (request.CSeq.Number <= dialog.RemoteSeq && dialog.RemoteSeq != 0) return request.CreateResponse(500, "Server Internal Error (CSeq out of order)");
            dialog.RemoteSeq = request.CSeq.Number;
        }
        switch (request.Method)
        {
            case SipMethods.Bye:
                End(new CallEnd(CallEndReason.RemoteHangup));
                return request.CreateResponse(200);
            case SipMethods.Invite:
                return OnReinvite(request, peer);
            case SipMethods.Info:
                return OnInfo(request);
            case SipMethods.Options:
                return request.CreateResponse(200);
            default:
                var refused = request.CreateResponse(405);
                refused.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
                return refused;
        }
    }

    private SipResponse OnReinvite(SipRequest request, SipPeer peer)
    {
        if (LocalSdp is null) return request.CreateResponse(491);
        if (request.Contact is { } contact) Dialog!.RemoteTarget = contact.Uri;
        var response = request.CreateResponse(200);
        response.Headers.Add(SipHeaderNames.Contact, Host.Contact(Transport));
        response.SetBody(LocalSdp, "application/sdp");
        // Like the first answer, this 2xx is ours to retransmit until its ACK; without one the call is over.
        _reinviteAnswer?.Stop();
        _reinviteAnswer = new SuccessRetransmitter(Host, response, peer, HangupAsync);
        _reinviteAnswer.Start();
        if (request.Body.Length > 0)
        {
            RemoteSdp = request.BodyText;
            Reoffered?.Invoke(this, RemoteSdp);
        }
        return response;
    }

    private SipResponse OnInfo(SipRequest request)
    {
        var type = request.Headers[SipHeaderNames.ContentType];
        if (type is not null && type.StartsWith("application/dtmf-relay", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var line in request.BodyText.Split('\n'))
            {
                var parts = line.Split('=', 2);
                if (parts.Length == 2 && parts[0].Trim().Equals("Signal", StringComparison.OrdinalIgnoreCase) && parts[1].Trim().Length == 1)
                    DtmfReceived?.Invoke(this, parts[1].Trim()[0]);
            }
        }
        return request.CreateResponse(200);
    }

    /// <summary>An ACK for one of our 2xx responses arrived: the first answer (incoming calls) or a re-INVITE's.</summary>
    internal virtual void OnAck(SipRequest ack) => _reinviteAnswer?.Stop();

    /// <summary>The INVITE's server transaction gave up waiting for an ACK, or our INVITE got no answer.</summary>
    internal virtual void OnTransactionTimeout() => End(new CallEnd(CallEndReason.TimedOut));
}
