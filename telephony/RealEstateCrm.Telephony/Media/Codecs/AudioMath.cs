namespace RealEstateCrm.Telephony.Media;

/// <summary>The little signal arithmetic the media layer needs: mixing with saturation, frame energy, tones.</summary>
public static class AudioMath
{
    /// <summary>Sums the frames sample by sample, clipped to 16 bits; null frames count as silence.</summary>
    public static short[] Mix(params short[]?[] frames)
    {
        var length = frames.Max(f => f?.Length ?? 0);
        var mixed = new short[length];
        for (var i = 0; i < length; i++)
        {
            var sum = 0;
            foreach (var frame in frames)
                if (frame is not null && i < frame.Length) sum += frame[i];
            mixed[i] = (short)Math.Clamp(sum, short.MinValue, short.MaxValue);
        }
        return mixed;
    }

    /// <summary>Root mean square of the samples (0 for none).</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return 0;
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>A sine tone at 8 kHz.</summary>
    public static short[] Tone(double frequencyHz, TimeSpan duration, short amplitude = 8000)
    {
        var samples = new short[(int)(duration.TotalSeconds * AudioCodec.ClockRate)];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = (short)(amplitude * Math.Sin(2 * Math.PI * frequencyHz * i / AudioCodec.ClockRate));
        return samples;
    }

    /// <summary>Power of one frequency in the samples (Goertzel), normalised by length: how strongly a tone is present.</summary>
    public static double ToneLevel(ReadOnlySpan<short> samples, double frequencyHz)
    {
        if (samples.IsEmpty) return 0;
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequencyHz / AudioCodec.ClockRate);
        double previous = 0, beforePrevious = 0;
        foreach (var s in samples)
        {
            var current = s + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        var power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }
}
