using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class WavTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-wav-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(WavEncoding.Pcm16)]
    [InlineData(WavEncoding.ALaw)]
    [InlineData(WavEncoding.MuLaw)]
    public void Written_files_read_back_with_format_and_samples(WavEncoding encoding)
    {
        var tone = AudioMath.Tone(440, TimeSpan.FromMilliseconds(250));
        var path = Path.Combine(_folder, $"{encoding}.wav");
        WavWriter.WriteAll(path, encoding, 1, tone);

        var wav = WavFile.Read(path);
        Assert.Equal((encoding, 8000, 1, 2000), (wav.Encoding, wav.SampleRate, wav.Channels, wav.FrameCount));
        var samples = wav.ToTelephonySamples(path);
        var expected = encoding switch
        {
            WavEncoding.ALaw => AudioCodec.Pcma.Decode(AudioCodec.Pcma.Encode(tone)),
            WavEncoding.MuLaw => AudioCodec.Pcmu.Decode(AudioCodec.Pcmu.Encode(tone)),
            _ => tone,
        };
        Assert.Equal(expected, samples);
    }

    [Fact]
    public void Sox_reads_our_stereo_file_as_8_khz_two_channel_pcm16()
    {
        var sox = ExternalTool.Require("soxi");
        var path = Path.Combine(_folder, "stereo.wav");
        var left = AudioMath.Tone(440, TimeSpan.FromSeconds(1));
        WavWriter.WriteAll(path, WavEncoding.Pcm16, 2, left.SelectMany(s => new[] { s, (short)0 }).ToArray());

        var info = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(sox, path) { RedirectStandardOutput = true })!;
        var output = info.StandardOutput.ReadToEnd();
        info.WaitForExit();
        Assert.Matches(@"Channels\s*:\s*2", output);
        Assert.Matches(@"Sample Rate\s*:\s*8000", output);
        Assert.Contains("8000 samples", output);
    }

    [Fact]
    public void An_unfinished_recording_leaves_no_file_behind()
    {
        var path = Path.Combine(_folder, "partial.wav");
        using (var writer = new WavWriter(path, WavEncoding.Pcm16))
            writer.Write(new short[160]);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_16_khz_prompt_is_refused_naming_the_sample_rate_and_how_to_fix_it()
    {
        var path = Path.Combine(_folder, "wide.wav");
        var tone = new short[1600];
        using (var writer = new WavWriter(path, WavEncoding.Pcm16, 1, sampleRate: 16000)) { writer.Write(tone); writer.Complete(); }
        var error = Assert.Throws<WavFormatException>(() => WavFile.Read(path).ToTelephonySamples(path));
        Assert.Contains("sample rate 16000, 8000 expected", error.Message);
        Assert.Contains("sox", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "no RIFF header")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'A', (byte)'V', (byte)'I', (byte)' ' }, "not WAVE")]
    public void Files_that_are_not_wav_are_refused(byte[] bytes, string expected)
    {
        var path = Path.Combine(_folder, "bad.wav");
        File.WriteAllBytes(path, bytes);
        Assert.Contains(expected, Assert.Throws<WavFormatException>(() => WavFile.Read(path)).Message);
    }
}
