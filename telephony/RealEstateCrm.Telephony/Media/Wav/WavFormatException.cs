namespace RealEstateCrm.Telephony.Media;

/// <summary>A WAV file we cannot use; the message names the file and the chunk or field at fault.</summary>
public sealed class WavFormatException(string message) : Exception(message);
