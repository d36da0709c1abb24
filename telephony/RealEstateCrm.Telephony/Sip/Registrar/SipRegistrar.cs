using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Registrar;

/// <summary>RFC 3261 §10.3 registrar behind digest authentication (RFC 7616 / RFC 8760). A request without
/// credentials, with a nonce we did not issue, or for another realm gets a fresh 401; an expired nonce gets 401
/// with <c>stale=true</c>; an unknown user, a wrong password or registering someone else's address gets 403.</summary>
public sealed class SipRegistrar(ISipCredentials credentials, SipRegistrarOptions options, TimeProvider time)
{
    private readonly NonceIssuer _nonces = new(time, options.NonceLifetime);
    private readonly Dictionary<string, List<SipBinding>> _bindings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>The contacts <paramref name="user"/> has registered and that have not expired, newest first.</summary>
    public IReadOnlyList<SipBinding> Lookup(string user)
    {
        lock (_gate)
        {
            if (!_bindings.TryGetValue(user, out var list)) return [];
            var now = time.GetUtcNow();
            list.RemoveAll(b => b.ExpiresAt <= now);
            return list.OrderByDescending(b => b.ExpiresAt).ToList();
        }
    }

    public async Task<SipResponse> HandleAsync(SipRequest request, SipPeer peer, string toTag, CancellationToken cancellationToken)
    {
        var authorizationText = request.Headers[SipHeaderNames.Authorization];
        if (authorizationText is null) return Challenge(request, toTag, stale: false);
        DigestHeader authorization;
        try
        {
            authorization = DigestHeader.Parse(authorizationText, SipHeaderNames.Authorization);
        }
        catch (SipParseException e)
        {
            return request.CreateResponse(400, $"Bad Request ({e.Message})", toTag);
        }

        var user = authorization["username"];
        var algorithm = DigestAlgorithm.FromName(authorization["algorithm"]);
        if (user is null || authorization["realm"] != options.Realm || algorithm is null || !options.Algorithms.Contains(algorithm))
            return Challenge(request, toTag, stale: false);
        switch (_nonces.Check(authorization["nonce"]))
        {
            case NonceCheck.Unknown: return Challenge(request, toTag, stale: false);
            case NonceCheck.Stale: return Challenge(request, toTag, stale: true);
        }

        var password = await credentials.FindPasswordAsync(user, options.Realm, cancellationToken);
        if (password is null) return request.CreateResponse(403, "Forbidden (unknown user)", toTag);
        var expected = algorithm.Response(user, options.Realm, password, request.Method, authorization["uri"] ?? "",
            authorization["nonce"]!, authorization["qop"], authorization["nc"], authorization["cnonce"]);
        if (!string.Equals(expected, authorization["response"], StringComparison.OrdinalIgnoreCase))
            return request.CreateResponse(403, "Forbidden (wrong password)", toTag);
        if (!string.Equals(request.To.Uri.User, user, StringComparison.OrdinalIgnoreCase))
            return request.CreateResponse(403, $"Forbidden ({user} may not register {request.To.Uri})", toTag);

        return UpdateBindings(request, peer, user, toTag);
    }

    private SipResponse UpdateBindings(SipRequest request, SipPeer peer, string user, string toTag)
    {
        var headerExpires = request.Headers[SipHeaderNames.Expires] is { } text ? TimeSpan.FromSeconds(uint.Parse(text)) : (TimeSpan?)null;
        var contacts = request.Headers.All(SipHeaderNames.Contact).Select(c => NameAddress.Parse(c, SipHeaderNames.Contact)).ToList();
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var list = _bindings.TryGetValue(user, out var existing) ? existing : _bindings[user] = [];
            if (contacts.Any(c => c.IsWildcard))
            {
                if (contacts.Count != 1 || headerExpires != TimeSpan.Zero)
                    return request.CreateResponse(400, "Bad Request (Contact: '*' needs Expires: 0 and no other contact)", toTag);
                list.Clear();
            }
            foreach (var contact in contacts.Where(c => !c.IsWildcard))
            {
                var expires = contact.Parameters["expires"] is { } value && uint.TryParse(value, out var seconds)
                    ? TimeSpan.FromSeconds(seconds)
                    : headerExpires ?? options.DefaultExpires;
                if (expires > options.MaxExpires) expires = options.MaxExpires;
                var key = contact.Uri.ToString();
                list.RemoveAll(b => b.Contact.ToString() == key);
                if (expires > TimeSpan.Zero) list.Add(new SipBinding(user, contact.Uri, now + expires, peer));
            }
            list.RemoveAll(b => b.ExpiresAt <= now);
            var response = request.CreateResponse(200, null, toTag);
            foreach (var binding in list)
                response.Headers.Add(SipHeaderNames.Contact, $"<{binding.Contact}>;expires={(int)Math.Ceiling((binding.ExpiresAt - now).TotalSeconds)}");
            return response;
        }
    }

    private SipResponse Challenge(SipRequest request, string toTag, bool stale)
    {
        var response = request.CreateResponse(401, null, toTag);
        var nonce = _nonces.Issue();
        foreach (var algorithm in options.Algorithms)
        {
            var challenge = new DigestHeader();
            challenge.Parameters["realm"] = options.Realm;
            challenge.Parameters["nonce"] = nonce;
            challenge.Parameters["algorithm"] = algorithm.Name;
            challenge.Parameters["qop"] = "auth";
            if (stale) challenge.Parameters["stale"] = "true";
            response.Headers.Add(SipHeaderNames.WwwAuthenticate, challenge.ToString());
        }
        return response;
    }
}
