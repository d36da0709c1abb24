namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>The two requests that reuse an INVITE's transaction identity: the ACK for a 3xx–6xx
/// (RFC 3261 §17.1.1.3, To from the response) and the CANCEL (§9.1, To from the INVITE). Both keep the INVITE's
/// Request-URI, its single Via with the same branch, its Route set, From, Call-ID and CSeq number.</summary>
internal static class InviteCompanion
{
    public static SipRequest Create(SipRequest invite, string method, string to)
    {
        var request = new SipRequest(method, invite.Uri);
        request.Headers.Add(SipHeaderNames.Via, invite.Headers[SipHeaderNames.Via]!);
        foreach (var route in invite.Headers.All(SipHeaderNames.Route)) request.Headers.Add(SipHeaderNames.Route, route);
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, invite.Headers[SipHeaderNames.From]!);
        request.Headers.Add(SipHeaderNames.To, to);
        request.Headers.Add(SipHeaderNames.CallId, invite.CallId);
        request.Headers.Add(SipHeaderNames.CSeq, new CSeqHeader(invite.CSeq.Number, method).ToString());
        return request;
    }
}
