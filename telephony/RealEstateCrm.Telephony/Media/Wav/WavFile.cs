using System.Buffers.Binary;

namespace RealEstateCrm.Telephony.Media;

/// <summary>A whole WAV file in memory: its format and the raw sample bytes of the data chunk.</summary>
public sealed record WavFile(WavEncoding Encoding, int SampleRate, int Channels, byte[] Data)
{
    public int BytesPerSample => Encoding == WavEncoding.Pcm16 ? 2 : 1;

    /// <summary>Sample frames (one sample per channel each).</summary>
    public int FrameCount => Data.Length / (BytesPerSample * Channels);

    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / SampleRate);

    public static WavFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads RIFF/WAVE with a PCM16, A-law or μ-law fmt chunk; other chunks (LIST, fact) are skipped.</summary>
    public static WavFile Read(Stream stream, string name)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.ASCII, leaveOpen: true);
        if (stream.Length < 12 || Tag(reader) != "RIFF")
            throw new WavFormatException($"{name}: not a WAV file (no RIFF header)");
        reader.ReadUInt32();
        if (Tag(reader) != "WAVE") throw new WavFormatException($"{name}: RIFF form type is not WAVE");

        (WavEncoding Encoding, int Rate, int Channels)? format = null;
        while (stream.Position + 8 <= stream.Length)
        {
            var id = Tag(reader);
            var size = reader.ReadUInt32();
            var start = stream.Position;
            if (id == "fmt ")
                format = ReadFormat(reader, size, name);
            else if (id == "data")
            {
                if (format is null) throw new WavFormatException($"{name}: data chunk before the fmt chunk");
                var available = (int)Math.Min(size, stream.Length - start);
                var data = reader.ReadBytes(available);
                return new WavFile(format.Value.Encoding, format.Value.Rate, format.Value.Channels, data);
            }
            stream.Position = start + size + (size & 1);
        }
        throw new WavFormatException($"{name}: no data chunk");
    }

    private static (WavEncoding, int, int) ReadFormat(BinaryReader reader, uint size, string name)
    {
        if (size < 16) throw new WavFormatException($"{name}: fmt chunk of {size} bytes, at least 16 expected");
        var tag = reader.ReadUInt16();
        var channels = reader.ReadUInt16();
        var rate = reader.ReadInt32();
        reader.ReadInt32();
        reader.ReadUInt16();
        var bits = reader.ReadUInt16();
        var encoding = (tag, bits) switch
        {
            (1, 16) => WavEncoding.Pcm16,
            (6, 8) => WavEncoding.ALaw,
            (7, 8) => WavEncoding.MuLaw,
            _ => throw new WavFormatException($"{name}: fmt format tag {tag} with {bits} bits per sample; PCM16, A-law or μ-law expected"),
        };
        if (channels is < 1 or > 2) throw new WavFormatException($"{name}: fmt channels {channels}; 1 or 2 expected");
        return (encoding, rate, channels);
    }

    /// <summary>The file as 8 kHz mono linear samples: what a prompt must be.</summary>
    public short[] ToTelephonySamples(string name)
    {
        if (SampleRate != AudioCodec.ClockRate)
            throw new WavFormatException($"{name}: fmt sample rate {SampleRate}, 8000 expected (resample with: sox in.wav -r 8000 -c 1 out.wav)");
        if (Channels != 1) throw new WavFormatException($"{name}: fmt channels {Channels}, mono expected");
        return Encoding switch
        {
            WavEncoding.Pcm16 => Pcm16Samples(),
            WavEncoding.ALaw => AudioCodec.Pcma.Decode(Data),
            _ => AudioCodec.Pcmu.Decode(Data),
        };
    }

    /// <summary>The samples of one channel (0 = left), decoded to linear PCM.</summary>
    public short[] ChannelSamples(int channel)
    {
        var all = Encoding switch
        {
            WavEncoding.Pcm16 => Pcm16Samples(),
            WavEncoding.ALaw => AudioCodec.Pcma.Decode(Data),
            _ => AudioCodec.Pcmu.Decode(Data),
        };
        var samples = new short[all.Length / Channels];
        for (var i = 0; i < samples.Length; i++) samples[i] = all[i * Channels + channel];
        return samples;
    }

    private short[] Pcm16Samples()
    {
        var samples = new short[Data.Length / 2];
        for (var i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(Data.AsSpan(i * 2));
        return samples;
    }

    private static string Tag(BinaryReader reader) => System.Text.Encoding.ASCII.GetString(reader.ReadBytes(4));
}
