using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Host.Web.Localization;

/// <summary>The UI's words in the request's language. Pages write English (<c>@T["Sign in"]</c>); the Chinese comes
/// from the embedded <c>Web/Localization/*.zh-CN.json</c> files, one per area so each area keeps its own words.
/// Enum values are looked up as "Type.Value" (<c>T.Of(UnitStatus.Sold)</c>). A missing translation shows the English
/// rather than a blank, and a test fails the build for every word a page uses without one.</summary>
public sealed partial class Text
{
    public static readonly string[] Cultures = ["zh-CN", "en"];
    // Loaded once for the process: the files are embedded, and refusals are translated outside DI (Shared/UseCaseErrors).
    private static readonly Lazy<Dictionary<string, string>> Chinese = new(Load);
    private readonly Dictionary<string, string> _chinese = Chinese.Value;

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public string this[string english] => IsChinese && _chinese.TryGetValue(english, out var zh) ? zh : english;

    public string this[string english, params object?[] args] => string.Format(CultureInfo.CurrentCulture, this[english], args);

    /// <summary>An enum value's label: the zh-CN entry "UnitStatus.Sold", else the English words of its name ("Sold", "Wrap up").
    /// Both are worked out once per value (<see cref="Labels{TEnum}"/>): pages ask for them per table cell and button.</summary>
    public string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Labels<TEnum>.Both.TryGetValue(value, out var label) ? IsChinese ? label.Chinese : label.English : Of((Enum)value);

    public string Of(Enum value) => IsChinese ? ChineseOf(value) : EnglishOf(value);

    private static string ChineseOf(Enum value) =>
        Chinese.Value.TryGetValue($"{value.GetType().Name}.{value}", out var zh) ? zh : EnglishOf(value);

    private static string EnglishOf(Enum value) => Words().Replace(value.ToString(), " $1").Trim();

    /// <summary>Every named value of an enum with its two labels (a value without a name, a combination of flags, is
    /// labelled on each use).</summary>
    private static class Labels<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, (string Chinese, string English)> Both =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => (ChineseOf(v), EnglishOf(v)));
    }

    /// <summary>A use case's refusal (<see cref="RefusalText"/>) in the request's language: its template translated like any
    /// words, enum values by their labels, nouns (entity names) and nested refusals translated in turn.</summary>
    public string Of(RefusalText refusal)
    {
        var arguments = refusal.Arguments.Select(a => a switch
        {
            Enum value => Of(value),
            RefusalText inner => Of(inner),
            _ => a,
        }).ToArray();
        return string.Format(CultureInfo.CurrentCulture, this[refusal.Template], arguments);
    }

    /// <summary>Every word with a Chinese translation (the completeness test reads it).</summary>
    public IReadOnlyCollection<string> Translated => _chinese.Keys.ToList();

    /// <summary>Reads every embedded zh-CN file; one word translated two ways in two files is a start-up error.</summary>
    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(Text).Assembly;
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".zh-CN.json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                       ?? throw new InvalidDataException($"{name}: not a JSON object of English → Chinese");
            foreach (var (english, chinese) in file)
            {
                if (words.TryGetValue(english, out var other) && other != chinese)
                    throw new InvalidDataException($"{name}: \"{english}\" is translated \"{chinese}\" here and \"{other}\" in another file");
                words[english] = chinese;
            }
        }
        return words;
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
