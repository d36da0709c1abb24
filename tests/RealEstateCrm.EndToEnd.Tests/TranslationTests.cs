using System.Text.RegularExpressions;
using RealEstateCrm.Host.Web.Localization;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>Every English word a page or page model asks <c>Text</c> for has its zh-CN translation, so a Chinese user
/// never meets a stray English label. Reads the pages' sources: what <c>T["..."]</c> and <c>text["..."]</c> name.</summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void Every_word_the_pages_use_has_a_Chinese_translation()
    {
        var web = Path.Combine(Chromium.RepositoryRoot(), "host", "RealEstateCrm.Host", "Web");
        var translated = new Text().Translated.ToHashSet();
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml") || f.EndsWith(".cs"))
            .SelectMany(f => Lookup().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(web, f), Word: Regex.Unescape(m.Groups[1].Value))))
            .ToList();
        Assert.Contains(used, x => x.Word == "Sign in");
        var missing = used.Where(x => !translated.Contains(x.Word))
            .Select(x => $"{x.File}: \"{x.Word}\"")
            .Distinct().ToList();
        Assert.True(missing.Count == 0, "no zh-CN translation for:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("""\b(?:T|text)\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex Lookup();
}
