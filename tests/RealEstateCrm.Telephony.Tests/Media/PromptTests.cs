using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class PromptTests : MediaTest
{
    public static TheoryData<string, string> EveryDefaultPrompt()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "zh", "en" })
            foreach (var name in PromptNames.All) data.Add(language, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDefaultPrompt))]
    public void Every_default_prompt_ships_as_audible_8_khz_speech(string language, string name)
    {
        var prompt = new PromptLibrary(language).Get(name);
        Assert.InRange(prompt.Duration.TotalSeconds, 0.3, 30);
        Assert.True(AudioMath.Rms(prompt.Samples) > 1000, $"{language}/{name} is nearly silent");
    }

    [Fact]
    public void A_work_order_number_is_spoken_digit_by_digit()
    {
        var library = new PromptLibrary("zh");
        var digits = library.Digits("WO-2031");
        Assert.Equal(["digit-2", "digit-0", "digit-3", "digit-1"], digits.Select(p => p.Name));
    }

    [Fact]
    public void A_prompt_in_the_configuredFolder_replaces_the_default()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "zh"));
        var replacement = AudioMath.Tone(500, TimeSpan.FromSeconds(1));
        WavWriter.WriteAll(Path.Combine(Folder, "zh", "welcome.wav"), WavEncoding.ALaw, 1, replacement);

        var library = new PromptLibrary("zh", Folder);
        Assert.Equal(AudioCodec.Pcma.Decode(AudioCodec.Pcma.Encode(replacement)), library.Get(PromptNames.Welcome).Samples);
        Assert.Equal(new PromptLibrary("zh").Get(PromptNames.Goodbye).Samples, library.Get(PromptNames.Goodbye).Samples);
    }

    [Fact]
    public void An_unknown_prompt_is_refused_naming_it_and_where_it_was_looked_for()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new PromptLibrary("en", Folder).Get("no-such-prompt"));
        Assert.Contains("\"no-such-prompt\" (en)", error.Message);
        Assert.Contains(Folder, error.Message);
    }

    [Fact]
    public async Task A_digit_during_a_prompt_stops_it_at_once_and_is_returned()
    {
        var (ivr, caller) = Bed.Call();
        var menu = new PromptLibrary("zh").Get(PromptNames.Menu);
        var heard = Bed.Collect(caller);

        var playing = Bed.Player.PlayAsync(ivr, [new PromptLibrary("zh").Get(PromptNames.Welcome), menu], cancellationToken: Ct);
        await Task.Delay(400, Ct);
        await caller.SendDigitAsync('2');
        var result = await playing;

        Assert.Equal('2', result.Digit);
        Assert.False(result.Completed);
        Assert.InRange(result.Played.TotalSeconds, 0.35, 1.5);
        await Task.Delay(100, Ct);
        var sentAfterwards = ivr.PacketsSent;
        await Task.Delay(200, Ct);
        Assert.Equal(sentAfterwards, ivr.PacketsSent);
        Assert.True(heard.Samples.Length > 0);
    }

    [Fact]
    public async Task Without_barge_in_the_prompt_plays_to_the_end_and_the_digit_waits_for_the_next_step()
    {
        var (ivr, caller) = Bed.Call();
        var playing = Bed.Player.PlayAsync(ivr, MediaTestBed.Tone(440, TimeSpan.FromMilliseconds(600)), bargeIn: false, cancellationToken: Ct);
        await caller.SendDigitAsync('5');
        var result = await playing;

        Assert.True(result.Completed);
        Assert.True(ivr.Digits.TryRead(out var pending));
        Assert.Equal('5', pending);
    }
}
