namespace RealEstateCrm.Telephony.Media;

/// <summary>One received packet's audio: the decoded samples, and the payload as it came, so a relay to a
/// leg with the same codec forwards the bytes untouched and only a codec change costs a transcode.</summary>
public sealed record AudioFrame(short[] Samples, AudioCodec Codec, byte[] Payload)
{
    public static AudioFrame FromSamples(short[] samples, AudioCodec codec) => new(samples, codec, codec.Encode(samples));
}
