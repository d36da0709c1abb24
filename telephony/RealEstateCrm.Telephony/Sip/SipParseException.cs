namespace RealEstateCrm.Telephony.Sip;

/// <summary>A message or header that does not follow the grammar; <see cref="Field"/> names what is wrong, and the
/// message goes into the reason phrase of the 400 the stack sends back.</summary>
public sealed class SipParseException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
