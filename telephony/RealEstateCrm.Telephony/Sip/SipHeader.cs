namespace RealEstateCrm.Telephony.Sip;

/// <summary>One header field value; a comma-separated list arrives as several of these with the same name.</summary>
public sealed record SipHeader(string Name, string Value);
