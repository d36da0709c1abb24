namespace RealEstateCrm.Telephony.Media;

/// <summary>The WAVE format tags we read and write (8 kHz telephony audio).</summary>
public enum WavEncoding
{
    Pcm16 = 1,
    ALaw = 6,
    MuLaw = 7,
}
