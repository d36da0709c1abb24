namespace RealEstateCrm.Telephony.Sip.Calls;

/// <summary>An outgoing call that was not answered: the final status (408 for a timeout) and its reason.</summary>
public sealed class SipCallFailedException(int statusCode, string reason)
    : Exception($"call failed: {statusCode} {reason}")
{
    public int StatusCode { get; } = statusCode;
    public string Reason { get; } = reason;
}
