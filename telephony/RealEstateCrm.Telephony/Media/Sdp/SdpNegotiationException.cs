namespace RealEstateCrm.Telephony.Media;

/// <summary>A well-formed offer we cannot accept (no common codec): the SIP layer answers 488 Not Acceptable Here.</summary>
public sealed class SdpNegotiationException(string message) : Exception(message);
