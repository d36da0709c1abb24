namespace RealEstateCrm.Telephony.Sip;

public sealed class SipRequest(string method, SipUri uri) : SipMessage
{
    public string Method { get; } = method;
    public SipUri Uri { get; set; } = uri;

    /// <summary>The Request-URI text when it could not be read; the request is then answered with 400.</summary>
    internal string? UnparsableUri { get; init; }

    protected override string StartLine() => $"{Method} {Uri} SIP/2.0";

    /// <summary>A response to this request with Via, From, To, Call-ID and CSeq copied (RFC 3261 §8.2.6.2);
    /// <paramref name="toTag"/> is added to To when it has none.</summary>
    public SipResponse CreateResponse(int statusCode, string? reason = null, string? toTag = null)
    {
        var response = new SipResponse(statusCode, reason ?? SipStatus.ReasonPhrase(statusCode));
        foreach (var via in Headers.All(SipHeaderNames.Via)) response.Headers.Add(SipHeaderNames.Via, via);
        CopyIfPresent(response, SipHeaderNames.From);
        if (Headers[SipHeaderNames.To] is { } toText)
        {
            if (toTag is not null && statusCode > 100)
            {
                var to = NameAddress.Parse(toText, SipHeaderNames.To);
                if (to.Tag is null)
                {
                    to.Tag = toTag;
                    toText = to.ToString();
                }
            }
            response.Headers.Add(SipHeaderNames.To, toText);
        }
        CopyIfPresent(response, SipHeaderNames.CallId);
        CopyIfPresent(response, SipHeaderNames.CSeq);
        return response;
    }

    private void CopyIfPresent(SipResponse response, string name)
    {
        if (Headers[name] is { } value) response.Headers.Add(name, value);
    }
}
