using System.Buffers.Binary;

namespace RealEstateCrm.Telephony.Media;

/// <summary>Writes a WAV file as audio arrives. It writes to "<c>path</c>.part" and moves the finished file into
/// place on <see cref="Complete"/>, so a reader never sees a half-written recording under the final name.</summary>
public sealed class WavWriter : IDisposable
{
    private const int HeaderBytes = 44;
    private readonly FileStream _stream;
    private readonly string _partPath;
    private readonly int _channels;
    private readonly int _sampleRate;
    private long _dataBytes;
    private bool _completed;

    public WavWriter(string path, WavEncoding encoding, int channels = 1, int sampleRate = AudioCodec.ClockRate)
    {
        if (channels is < 1 or > 2) throw new ArgumentOutOfRangeException(nameof(channels), channels, "1 or 2 channels");
        Path = path;
        Encoding = encoding;
        _channels = channels;
        _sampleRate = sampleRate;
        _partPath = path + ".part";
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        _stream = new FileStream(_partPath, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        _stream.Write(Header(encoding, channels, sampleRate, 0));
    }

    public string Path { get; }
    public WavEncoding Encoding { get; }

    /// <summary>Sample frames written so far (one sample per channel each).</summary>
    public long FrameCount => _dataBytes / ((Encoding == WavEncoding.Pcm16 ? 2 : 1) * _channels);

    /// <summary>Appends interleaved samples (left, right, left, ... for stereo), encoded as the file's format.</summary>
    public void Write(ReadOnlySpan<short> interleaved)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        var bytes = Encoding == WavEncoding.Pcm16 ? interleaved.Length * 2 : interleaved.Length;
        Span<byte> buffer = bytes <= 4096 ? stackalloc byte[bytes] : new byte[bytes];
        switch (Encoding)
        {
            case WavEncoding.Pcm16:
                for (var i = 0; i < interleaved.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(buffer[(i * 2)..], interleaved[i]);
                break;
            case WavEncoding.ALaw: G711.ALawEncode(interleaved, buffer); break;
            default: G711.MuLawEncode(interleaved, buffer); break;
        }
        _stream.Write(buffer);
        _dataBytes += bytes;
    }

    /// <summary>Fixes the sizes in the header and moves the file to its final name.</summary>
    public void Complete()
    {
        if (_completed) return;
        if (_dataBytes % 2 == 1) _stream.WriteByte(0);
        _stream.Position = 0;
        _stream.Write(Header(Encoding, _channels, _sampleRate, _dataBytes));
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_partPath, Path, overwrite: true);
        _completed = true;
    }

    /// <summary>Without <see cref="Complete"/> the partial file is removed: nothing half-written stays behind.</summary>
    public void Dispose()
    {
        if (_completed) return;
        _stream.Dispose();
        File.Delete(_partPath);
        _completed = true;
    }

    /// <summary>Writes a whole file at once.</summary>
    public static void WriteAll(string path, WavEncoding encoding, int channels, ReadOnlySpan<short> interleaved)
    {
        using var writer = new WavWriter(path, encoding, channels);
        writer.Write(interleaved);
        writer.Complete();
    }

    private static byte[] Header(WavEncoding encoding, int channels, int rate, long dataBytes)
    {
        var bytesPerSample = encoding == WavEncoding.Pcm16 ? 2 : 1;
        var header = new byte[HeaderBytes];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + dataBytes + (dataBytes & 1)));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], (ushort)encoding);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(rate * channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)(channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)(bytesPerSample * 8));
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataBytes);
        return header;
    }
}
