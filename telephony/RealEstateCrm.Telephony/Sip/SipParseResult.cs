namespace RealEstateCrm.Telephony.Sip;

/// <summary>What the parser made of some bytes: a valid <see cref="Message"/>; or a request readable enough to be
/// answered with 400 (<see cref="BadRequest"/>, with <see cref="Error"/> naming the problem); or garbage to drop
/// (both null, <see cref="Error"/> set); or a keep-alive (only CRLFs, RFC 5626 §3.5.1).</summary>
public sealed record SipParseResult(SipMessage? Message, SipRequest? BadRequest, string? Error, bool IsKeepAlive = false)
{
    public bool IsGarbage => Message is null && BadRequest is null && !IsKeepAlive;
}
