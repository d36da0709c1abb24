using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Channels;
using RealEstateCrm.Telephony.Sip.Calls;
using RealEstateCrm.Telephony.Sip.Registrar;
using RealEstateCrm.Telephony.Sip.Transactions;
using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip;

/// <summary>Our SIP endpoint: listens on UDP (and TCP if asked), runs the transactions, hands incoming calls to
/// <see cref="IncomingCalls"/>, places calls, and acts as registrar when given credentials. Malformed input never
/// escapes: a readable bad request gets 400 naming the problem, the rest is dropped and counted in
/// <see cref="Statistics"/>.</summary>
public sealed class SipUserAgent : IAsyncDisposable, ISipCallHost
{
    private readonly SipUserAgentOptions _options;
    private readonly Dictionary<SipTransportKind, ISipTransport> _transports = [];
    private readonly ConcurrentDictionary<string, SipTransaction> _serverTransactions = new();
    private readonly ConcurrentDictionary<string, ClientTransaction> _clientTransactions = new();
    private readonly ConcurrentDictionary<string, SipCall> _calls = new();
    private readonly ConcurrentDictionary<string, IncomingCall> _ringing = new();
    private readonly Channel<IncomingCall> _incoming = Channel.CreateUnbounded<IncomingCall>();
    private readonly SipTransactionContext _context;
    private readonly CancellationTokenSource _stopping = new();
    private int _sequence;

    private SipUserAgent(SipUserAgentOptions options, ISipCredentials? credentials, TimeProvider time)
    {
        _options = options;
        Time = time;
        _context = new SipTransactionContext(options.Timers, time, Send, Statistics, t =>
        {
            if (t is ClientTransaction client) _clientTransactions.TryRemove(new KeyValuePair<string, ClientTransaction>(t.Key, client));
            else _serverTransactions.TryRemove(new KeyValuePair<string, SipTransaction>(t.Key, t));
            if (t.Request.Method == SipMethods.Invite) _ringing.TryRemove(t.Key, out _);
        });
        if (credentials is not null) Registrar = new SipRegistrar(credentials, options.Registrar, time);
    }

    /// <summary>Binds the transports and starts receiving.</summary>
    public static SipUserAgent Start(SipUserAgentOptions options, ISipCredentials? credentials = null, TimeProvider? time = null)
    {
        var agent = new SipUserAgent(options, credentials, time ?? TimeProvider.System);
        agent._transports[SipTransportKind.Udp] = new UdpSipTransport(new IPEndPoint(options.Address, options.UdpPort), agent.Receive);
        if (options.TcpPort is { } tcpPort)
            agent._transports[SipTransportKind.Tcp] = new TcpSipTransport(new IPEndPoint(options.Address, tcpPort), agent.Receive, agent.CountUnframeable);
        return agent;
    }

    public SipStatistics Statistics { get; } = new();
    public TimeProvider Time { get; }
    public SipTimerSettings Timers => _options.Timers;

    /// <summary>The registrar, when the agent was started with credentials; otherwise REGISTER is refused.</summary>
    public SipRegistrar? Registrar { get; }

    public IPEndPoint UdpEndPoint => _transports[SipTransportKind.Udp].LocalEndPoint;
    public IPEndPoint? TcpEndPoint => _transports.GetValueOrDefault(SipTransportKind.Tcp)?.LocalEndPoint;

    /// <summary>Calls placed to us, in arrival order; each must be answered or rejected.</summary>
    public ChannelReader<IncomingCall> IncomingCalls => _incoming.Reader;

    /// <summary>Places a call to <paramref name="target"/> with an SDP offer. <paramref name="to"/> is the
    /// address of record shown to the callee (default: the target itself).</summary>
    public OutgoingCall Call(SipUri target, string sdpOffer, NameAddress? to = null, NameAddress? from = null)
    {
        var transport = TransportFor(target);
        var peer = Resolve(target, transport);
        var invite = NewRequest(SipMethods.Invite, target, transport, from, to ?? new NameAddress { Uri = target }, NewCallId(), 1);
        invite.Headers.Add(SipHeaderNames.Contact, Contact(transport));
        invite.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
        invite.SetBody(sdpOffer, "application/sdp");
        var call = new OutgoingCall(this, invite, peer);
        _calls[call.Key] = call;
        var transaction = new ClientInviteTransaction(invite, peer, _context, call.OnResponse, call.OnTransactionTimeout)
        {
            Key = SipTransactionKey.ForClient(invite),
        };
        _clientTransactions[transaction.Key] = transaction;
        transaction.Start();
        return call;
    }

    /// <summary>Calls the newest registered contact of <paramref name="user"/> (an agent's phone).</summary>
    /// <exception cref="SipCallFailedException">480 when the user has no current registration.</exception>
    public OutgoingCall CallRegistered(string user, string sdpOffer)
    {
        var binding = Registrar?.Lookup(user).FirstOrDefault()
            ?? throw new SipCallFailedException(480, $"{user} is not registered");
        var aor = new NameAddress { Uri = SipUri.Create(user, _options.Registrar.Realm, null) };
        return Call(binding.Contact, sdpOffer, aor);
    }

    /// <summary>Registers <paramref name="user"/> with another registrar (Kamailio, a trunk), answering one
    /// digest challenge when a password is given. Returns the final response.</summary>
    public async Task<SipResponse> RegisterAsync(SipUri registrar, string user, string? password, TimeSpan expires)
    {
        var transport = TransportFor(registrar);
        var peer = Resolve(registrar, transport);
        var requestUri = SipUri.Create(null, registrar.Host, registrar.Port);
        var aor = new NameAddress { Uri = SipUri.Create(user, registrar.Host, registrar.Port) };
        var from = new NameAddress { Uri = aor.Uri, Parameters = { ["tag"] = NewTag() } };
        var callId = NewCallId();
        SipRequest Build(uint sequence)
        {
            var request = NewRequest(SipMethods.Register, requestUri, transport, from, aor, callId, sequence);
            request.Headers.Add(SipHeaderNames.Contact, Contact(transport));
            request.Headers.Add(SipHeaderNames.Expires, ((int)expires.TotalSeconds).ToString());
            return request;
        }
        var response = await SendRequestAsync(Build(1), peer);
        if (response.StatusCode is not (401 or 407) || password is null) return response;
        var header = response.StatusCode == 401 ? SipHeaderNames.WwwAuthenticate : "Proxy-Authenticate";
        var authorization = response.Headers.All(header)
            .Select(c => DigestClient.Authorize(DigestHeader.Parse(c, header), SipMethods.Register, requestUri.ToString(), user, password))
            .FirstOrDefault(a => a is not null);
        if (authorization is null) return response;
        var retry = Build(2);
        retry.Headers.Add(response.StatusCode == 401 ? SipHeaderNames.Authorization : "Proxy-Authorization", authorization);
        return await SendRequestAsync(retry, peer);
    }

    /// <summary>A TCP stream that cannot be cut into messages any more counts as one message received and
    /// dropped; the connection is closed.</summary>
    private void CountUnframeable()
    {
        Statistics.CountReceived();
        Statistics.CountDropped();
    }

    private void Receive(byte[] data, SipPeer peer)
    {
        Statistics.CountReceived();
        try
        {
            Dispatch(SipParser.Parse(data), peer);
        }
        catch (Exception)
        {
            // Whatever a message does to us, the receive loop must survive it; the counter makes it visible.
            Statistics.CountInternalError();
        }
    }

    private void Dispatch(SipParseResult result, SipPeer peer)
    {
        if (result.IsKeepAlive)
        {
            Statistics.CountKeepAlive();
            return;
        }
        if (result.BadRequest is { } bad)
        {
            // An ACK is never answered, not even a malformed one.
            if (bad.Method == SipMethods.Ack)
            {
                Statistics.CountDropped();
                return;
            }
            Statistics.CountBadRequest();
            Send(bad.CreateResponse(400, "Bad Request (" + Printable(result.Error!) + ")"), peer);
            return;
        }
        if (result.Message is null)
        {
            Statistics.CountDropped();
            return;
        }
        Statistics.CountAccepted();
        try
        {
            if (result.Message is SipRequest request) OnRequest(request, peer);
            else OnResponse((SipResponse)result.Message);
        }
        catch (SipParseException)
        {
            // A header the parser does not check up front (a Contact in a response, say) was unreadable:
            // the message is ignored, as if lost.
        }
    }

    private void OnRequest(SipRequest request, SipPeer peer)
    {
        var key = SipTransactionKey.ForServer(request);
        if (request.Method == SipMethods.Ack)
        {
            if (_serverTransactions.TryGetValue(key, out var invite) && invite is ServerInviteTransaction serverInvite) serverInvite.OnAck();
            else if (request.To.Tag is { } tag && _calls.TryGetValue(SipDialog.DialogKey(request.CallId, tag), out var call)) call.OnAck(request);
            return;
        }
        if (_serverTransactions.TryGetValue(key, out var existing))
        {
            if (existing is ServerInviteTransaction serverInvite) serverInvite.OnRetransmittedInvite();
            else ((ServerNonInviteTransaction)existing).OnRetransmittedRequest();
            return;
        }
        if (request.Method == SipMethods.Invite) OnInvite(request, peer, key);
        else OnNonInvite(request, peer, key);
    }

    private void OnInvite(SipRequest request, SipPeer peer, string key)
    {
        var transaction = new ServerInviteTransaction(request, peer, _context, () => OnAckTimeout(key)) { Key = key };
        if (!_serverTransactions.TryAdd(key, transaction)) return;
        transaction.Start();
        if (Refusal(request) is { } refusal)
        {
            transaction.Respond(refusal);
            return;
        }
        if (request.To.Tag is { } tag)
        {
            var response = _calls.TryGetValue(SipDialog.DialogKey(request.CallId, tag), out var call)
                ? call.OnDialogRequest(request, peer)
                : request.CreateResponse(481);
            transaction.Respond(response);
            return;
        }
        var incoming = new IncomingCall(this, request, transaction, peer, NewTag());
        _calls[incoming.Key] = incoming;
        _ringing[key] = incoming;
        if (_options.RingsAtOnce?.Invoke(request) == true) incoming.Ring();
        if (!_incoming.Writer.TryWrite(incoming)) incoming.RejectAsync(503).Wait();
    }

    private void OnAckTimeout(string key)
    {
        if (_ringing.TryRemove(key, out var call)) call.OnTransactionTimeout();
    }

    private void OnNonInvite(SipRequest request, SipPeer peer, string key)
    {
        var transaction = new ServerNonInviteTransaction(request, peer, _context) { Key = key };
        if (!_serverTransactions.TryAdd(key, transaction)) return;
        if (Refusal(request) is { } refusal)
        {
            transaction.Respond(refusal);
            return;
        }
        if (request.Method == SipMethods.Cancel)
        {
            var inviteKey = SipTransactionKey.ForServer(request, SipMethods.Invite);
            var found = _ringing.TryGetValue(inviteKey, out var ringing);
            transaction.Respond(request.CreateResponse(found ? 200 : 481, null, ringing?.LocalTag));
            ringing?.OnCancel();
            return;
        }
        if (request.To.Tag is { } tag)
        {
            transaction.Respond(_calls.TryGetValue(SipDialog.DialogKey(request.CallId, tag), out var call)
                ? call.OnDialogRequest(request, peer)
                : request.CreateResponse(481));
            return;
        }
        switch (request.Method)
        {
            case SipMethods.Register when Registrar is not null:
                _ = RegisterAsync(Registrar, request, peer, transaction);
                break;
            case SipMethods.Options:
                var options = request.CreateResponse(200, null, NewTag());
                options.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
                transaction.Respond(options);
                break;
            case SipMethods.Bye or SipMethods.Info:
                transaction.Respond(request.CreateResponse(481, null, NewTag()));
                break;
            case SipMethods.Register:
                transaction.Respond(request.CreateResponse(403, "Forbidden (no registrar here)", NewTag()));
                break;
            default:
                var refused = request.CreateResponse(SipText.IsKnownMethod(request.Method) ? 405 : 501, null, NewTag());
                refused.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
                transaction.Respond(refused);
                break;
        }
    }

    private async Task RegisterAsync(SipRegistrar registrar, SipRequest request, SipPeer peer, ServerNonInviteTransaction transaction)
    {
        SipResponse response;
        try
        {
            response = await registrar.HandleAsync(request, peer, NewTag(), _stopping.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            response = request.CreateResponse(500, "Server Internal Error (credentials unavailable)", NewTag());
        }
        transaction.Respond(response);
    }

    /// <summary>Requests refused before any TU sees them: exhausted Max-Forwards (§16.3), a URI scheme we do
    /// not serve (§8.2.2.1).</summary>
    private SipResponse? Refusal(SipRequest request)
    {
        if (request.Headers[SipHeaderNames.MaxForwards] == "0" && request.Method != SipMethods.Options)
            return request.CreateResponse(483, null, NewTag());
        if (!request.Uri.IsSip)
            return request.CreateResponse(416, "Unsupported URI Scheme", NewTag());
        return null;
    }

    private void OnResponse(SipResponse response)
    {
        var key = SipTransactionKey.ForClient(response);
        if (_clientTransactions.TryGetValue(key, out var transaction))
        {
            transaction.OnResponse(response);
            return;
        }
        // A 2xx retransmitted after the transaction ended still needs its ACK again.
        if (response.IsSuccess && response.CSeq.Method == SipMethods.Invite && response.From.Tag is { } tag &&
            _calls.TryGetValue(SipDialog.DialogKey(response.CallId, tag), out var call) && call is OutgoingCall outgoing)
        {
            outgoing.OnResponse(response);
            return;
        }
        Statistics.CountStrayResponse();
    }

    private void Send(SipMessage message, SipPeer peer)
    {
        if (_transports.TryGetValue(peer.Transport, out var transport)) transport.Send(message.ToBytes(), peer.EndPoint);
    }

    void ISipCallHost.SendDirect(SipMessage message, SipPeer peer) => Send(message, peer);

    void ISipCallHost.StampVia(SipRequest request, SipTransportKind transport) => StampVia(request, transport);

    string ISipCallHost.Contact(SipTransportKind transport) => Contact(transport);

    SipPeer ISipCallHost.Resolve(SipUri nextHop, SipTransportKind transport) => Resolve(nextHop, transport);

    /// <summary>Sends a non-INVITE request (OPTIONS, MESSAGE, …) in a client transaction and returns its final
    /// response; a timeout yields a made-up 408.</summary>
    public Task<SipResponse> SendRequestAsync(SipRequest request, SipPeer peer)
    {
        if (!request.Headers.Contains(SipHeaderNames.Via)) StampVia(request, peer.Transport);
        var completion = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var transaction = new ClientNonInviteTransaction(request, peer, _context,
            response =>
            {
                if (!response.IsProvisional) completion.TrySetResult(response);
            },
            () => completion.TrySetResult(request.CreateResponse(408)))
        {
            Key = SipTransactionKey.ForClient(request),
        };
        _clientTransactions[transaction.Key] = transaction;
        transaction.Start();
        return completion.Task;
    }

    private void StampVia(SipRequest request, SipTransportKind transport)
    {
        var local = _transports[transport].LocalEndPoint;
        var branch = ViaHeader.MagicCookie + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        request.Headers.AddFirst(SipHeaderNames.Via, $"SIP/2.0/{transport.ToString().ToUpperInvariant()} {Format(local)};rport;branch={branch}");
    }

    private string Contact(SipTransportKind transport)
    {
        var local = _transports[transport].LocalEndPoint;
        return $"<sip:{_options.ContactUser}@{Format(local)}{(transport == SipTransportKind.Tcp ? ";transport=tcp" : "")}>";
    }

    private SipPeer Resolve(SipUri nextHop, SipTransportKind transport)
    {
        var host = nextHop.Host.Trim('[', ']');
        var address = IPAddress.TryParse(host, out var literal)
            ? literal
            : Dns.GetHostAddresses(host).OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).First();
        if (nextHop.Transport is { } named) transport = named.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportKind.Tcp : SipTransportKind.Udp;
        if (!_transports.ContainsKey(transport)) transport = SipTransportKind.Udp;
        return new SipPeer(transport, new IPEndPoint(address, nextHop.Port ?? 5060));
    }

    void ISipCallHost.Forget(SipCall call) => _calls.TryRemove(new KeyValuePair<string, SipCall>(call.Key, call));

    private SipTransportKind TransportFor(SipUri uri) =>
        uri.Transport?.Equals("tcp", StringComparison.OrdinalIgnoreCase) == true && _transports.ContainsKey(SipTransportKind.Tcp)
            ? SipTransportKind.Tcp
            : SipTransportKind.Udp;

    private SipRequest NewRequest(string method, SipUri uri, SipTransportKind transport, NameAddress? from, NameAddress to, string callId, uint sequence)
    {
        var request = new SipRequest(method, uri);
        StampVia(request, transport);
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        from ??= new NameAddress
        {
            Uri = SipUri.Create(_options.ContactUser, Format(_transports[transport].LocalEndPoint.Address), null),
            Parameters = { ["tag"] = NewTag() },
        };
        request.Headers.Add(SipHeaderNames.From, from.ToString());
        request.Headers.Add(SipHeaderNames.To, to.ToString());
        request.Headers.Add(SipHeaderNames.CallId, callId);
        request.Headers.Add(SipHeaderNames.CSeq, new CSeqHeader(sequence, method).ToString());
        request.Headers.Add(SipHeaderNames.UserAgent, _options.Product);
        return request;
    }

    private string NewCallId() =>
        $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-{Interlocked.Increment(ref _sequence)}@{Format(UdpEndPoint.Address)}";

    private static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private static string Format(IPEndPoint endPoint) => $"{Format(endPoint.Address)}:{endPoint.Port}";

    private static string Format(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).Take(160).ToArray());

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _incoming.Writer.TryComplete();
        foreach (var transport in _transports.Values) await transport.DisposeAsync();
        foreach (var transaction in _serverTransactions.Values.Concat<SipTransaction>(_clientTransactions.Values)) transaction.Abort();
        _stopping.Dispose();
    }
}
