namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>How requests and responses find their transaction (RFC 3261 §17.1.3 and §17.2.3).</summary>
internal static class SipTransactionKey
{
    /// <summary>Server side: branch, sent-by and method, with ACK matching its INVITE. A branch without the
    /// RFC 3261 cookie comes from an RFC 2543 element and falls back on Call-ID, From tag and CSeq number.</summary>
    public static string ForServer(SipRequest request) => ForServer(request, request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method);

    /// <summary>The key of the transaction <paramref name="request"/> would have with another method: a CANCEL
    /// finds the INVITE it cancels this way.</summary>
    public static string ForServer(SipRequest request, string method)
    {
        var via = request.TopVia;
        var branch = via.Branch;
        if (branch is not null && branch.StartsWith(ViaHeader.MagicCookie, StringComparison.Ordinal))
            return $"{branch}|{via.SentBy}|{method}";
        return $"{request.CallId}|{request.From.Tag}|{request.CSeq.Number}|{via.SentBy}|{method}";
    }

    /// <summary>Client side: our branch and the CSeq method (a CANCEL shares the INVITE's branch).</summary>
    public static string ForClient(SipMessage message) => $"{message.TopVia.Branch}|{message.CSeq.Method}";
}
