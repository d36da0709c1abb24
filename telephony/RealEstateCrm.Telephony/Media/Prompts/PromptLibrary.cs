using System.Collections.Concurrent;

namespace RealEstateCrm.Telephony.Media;

/// <summary>Finds prompts by name for one language: first in the configured folder
/// (<c>folder/&lt;language&gt;/&lt;name&gt;.wav</c>, then <c>folder/&lt;name&gt;.wav</c>), so a site can replace any prompt
/// by dropping a file there, else the default shipped in this assembly. Files must be 8 kHz mono PCM16, A-law or
/// μ-law WAV; each is read once.</summary>
public sealed class PromptLibrary(string language = "zh", string? folder = null)
{
    private readonly ConcurrentDictionary<string, Prompt> _cache = new();

    public string Language { get; } = language;
    public string? Folder { get; } = folder;

    public Prompt Get(string name) => _cache.GetOrAdd(name, Load);

    /// <summary>A number spoken digit by digit ("1203" → one, two, zero, three), for work order numbers.</summary>
    public IReadOnlyList<Prompt> Digits(string number) =>
        number.Where(char.IsAsciiDigit).Select(d => Get(PromptNames.Digit(d))).ToList();

    private Prompt Load(string name)
    {
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Contains(".."))
            throw new ArgumentException($"prompt name \"{name}\" must be a plain file name", nameof(name));
        if (Folder is not null)
        {
            foreach (var path in new[] { Path.Combine(Folder, Language, name + ".wav"), Path.Combine(Folder, name + ".wav") })
                if (File.Exists(path))
                    return new Prompt(name, WavFile.Read(path).ToTelephonySamples(path));
        }
        var resource = $"prompts/{Language}/{name}.wav";
        using var stream = typeof(PromptLibrary).Assembly.GetManifestResourceStream(resource)
            ?? throw new FileNotFoundException(
                $"prompt \"{name}\" ({Language}) is neither in {(Folder is null ? "a prompt folder (none configured)" : $"the prompt folder {Folder}")} nor among the default prompts");
        return new Prompt(name, WavFile.Read(stream, resource).ToTelephonySamples(resource));
    }
}
