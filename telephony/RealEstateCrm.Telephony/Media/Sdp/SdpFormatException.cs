namespace RealEstateCrm.Telephony.Media;

/// <summary>SDP we cannot read; the message names the line and field. The SIP layer answers 400 (or 488).</summary>
public sealed class SdpFormatException(string message) : Exception(message);
