namespace RealEstateCrm.Telephony.Sip;

/// <summary>Canonical spelling of header names, their RFC 3261 §7.3.3 compact forms, and which headers carry
/// comma-separated lists (so that <c>Via: a, b</c> and two <c>Via</c> lines read the same).</summary>
public static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string Expires = "Expires";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string Authorization = "Authorization";
    public const string Allow = "Allow";
    public const string UserAgent = "User-Agent";
    public const string Reason = "Reason";

    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = CallId, ["m"] = Contact, ["e"] = "Content-Encoding", ["l"] = ContentLength, ["c"] = ContentType,
        ["f"] = From, ["s"] = "Subject", ["k"] = "Supported", ["t"] = To, ["v"] = Via, ["o"] = "Event",
        ["r"] = "Refer-To", ["u"] = "Allow-Events", ["x"] = "Session-Expires",
        [Via] = Via, [From] = From, [To] = To, [CallId] = CallId, [CSeq] = CSeq, [Contact] = Contact,
        [MaxForwards] = MaxForwards, [ContentLength] = ContentLength, [ContentType] = ContentType, [Route] = Route,
        [RecordRoute] = RecordRoute, [Expires] = Expires, [WwwAuthenticate] = WwwAuthenticate,
        [Authorization] = Authorization, [Allow] = Allow, [UserAgent] = UserAgent, [Reason] = Reason,
    };

    // Authorization-style headers use commas inside one value, so they are never split.
    private static readonly HashSet<string> ListValued = new(StringComparer.OrdinalIgnoreCase)
    {
        Via, Contact, Route, RecordRoute, Allow, "Supported", "Require", "Proxy-Require", "Unsupported",
        "Accept", "Accept-Encoding", "Accept-Language", "Allow-Events", "Content-Encoding",
    };

    /// <summary>The canonical name for <paramref name="name"/>, expanding compact forms.</summary>
    public static string Normalize(string name) => Canonical.TryGetValue(name, out var canonical) ? canonical : name;

    public static bool IsListValued(string canonicalName) => ListValued.Contains(canonicalName);
}
