using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Calls;

/// <summary>The dialog state of RFC 3261 §12: Call-ID, both tags, both parties, the remote target from the peer's
/// Contact, the route set from Record-Route, and both CSeq counters.</summary>
public sealed class SipDialog
{
    private readonly Lock _gate = new();
    private uint _localSeq;

    public required string CallId { get; init; }
    public required string LocalTag { get; init; }
    public required string RemoteTag { get; init; }
    public required NameAddress LocalParty { get; init; }
    public required NameAddress RemoteParty { get; init; }
    public required SipUri RemoteTarget { get; set; }
    public required IReadOnlyList<NameAddress> RouteSet { get; init; }
    public uint RemoteSeq { get; set; }

    /// <summary>How the dialog's first request travelled; used when the next hop names no transport.</summary>
    public required SipTransportKind Transport { get; init; }

    internal string Key => DialogKey(CallId, LocalTag);

    internal static string DialogKey(string callId, string localTag) => $"{callId}|{localTag}";

    /// <summary>The UAS side, from the dialog-creating request (route set: Record-Route in order).</summary>
    internal static SipDialog ForServer(SipRequest request, string localTag, SipTransportKind transport) => new()
    {
        CallId = request.CallId,
        LocalTag = localTag,
        RemoteTag = request.From.Tag ?? "",
        LocalParty = WithTag(request.To, localTag),
        RemoteParty = request.From,
        RemoteTarget = request.Contact?.Uri ?? request.From.Uri,
        RouteSet = request.RecordRoutes.ToList(),
        RemoteSeq = request.CSeq.Number,
        Transport = transport,
        _localSeq = 0,
    };

    /// <summary>The UAC side, from our request and the 2xx (route set: Record-Route reversed).</summary>
    internal static SipDialog ForClient(SipRequest request, SipResponse response, SipTransportKind transport) => new()
    {
        CallId = request.CallId,
        LocalTag = request.From.Tag!,
        RemoteTag = response.To.Tag ?? "",
        LocalParty = request.From,
        RemoteParty = response.To,
        RemoteTarget = response.Contact?.Uri ?? request.Uri,
        RouteSet = response.RecordRoutes.Reverse().ToList(),
        Transport = transport,
        _localSeq = request.CSeq.Number,
    };

    internal uint NextLocalSeq()
    {
        lock (_gate) return ++_localSeq;
    }

    internal uint CurrentLocalSeq
    {
        get
        {
            lock (_gate) return _localSeq;
        }
    }

    /// <summary>A request inside the dialog (§12.2.1.1): loose routing puts the remote target in the
    /// Request-URI and the route set in Route; a strict first hop takes the Request-URI itself.</summary>
    internal SipRequest CreateRequest(string method, uint sequence)
    {
        SipUri requestUri;
        IEnumerable<NameAddress> routes;
        if (RouteSet.Count > 0 && !RouteSet[0].Uri.IsLooseRouter)
        {
            requestUri = RouteSet[0].Uri;
            routes = RouteSet.Skip(1).Append(new NameAddress { Uri = RemoteTarget });
        }
        else
        {
            requestUri = RemoteTarget;
            routes = RouteSet;
        }
        var request = new SipRequest(method, requestUri);
        foreach (var route in routes) request.Headers.Add(SipHeaderNames.Route, route.ToString());
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, LocalParty.ToString());
        request.Headers.Add(SipHeaderNames.To, RemoteParty.ToString());
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        request.Headers.Add(SipHeaderNames.CSeq, new CSeqHeader(sequence, method).ToString());
        return request;
    }

    /// <summary>The first hop for requests in this dialog: the first route, or the remote target.</summary>
    internal SipUri NextHop => RouteSet.Count > 0 ? RouteSet[0].Uri : RemoteTarget;

    private static NameAddress WithTag(NameAddress address, string tag)
    {
        var copy = NameAddress.Parse(address.ToString(), SipHeaderNames.To);
        copy.Tag = tag;
        return copy;
    }
}
