using System.Text;
using System.Text.RegularExpressions;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>Every refusal the operational use cases can raise reaches a Chinese user in Chinese. Reads the operational
/// sources (Domain/ and Features/; the CSV import's messages are the CLI's only, which stays English) and the host's
/// dialer desks (Web/Calls): the message of
/// each <c>new DomainException(...)</c>, <c>new ValidationError(...)</c> and <c>.Require(...)</c>, and every literal of a
/// method returning a <see cref="RefusalText"/>, turned into the template <see cref="RefusalText"/> keeps at run time
/// ("work order {0} cannot go from {1} to {2}"). A message that is neither a literal nor such a method's result fails
/// the test too, since its words could not be checked.</summary>
public sealed partial class RefusalTranslationTests
{
    private static readonly string Operational = Path.Combine(Chromium.RepositoryRoot(), "operational", "RealEstateCrm.Operational");
    // The host's own refusals shown in pages: the dialer desks'.
    private static readonly string HostCalls = Path.Combine(Chromium.RepositoryRoot(), "host", "RealEstateCrm.Host", "Web", "Calls");

    [Fact]
    public void Every_refusal_message_of_the_operational_use_cases_has_a_Chinese_translation()
    {
        var translated = new Text().Translated.ToHashSet();
        var (templates, unreadable) = RefusalTemplates();
        Assert.Contains(templates, t => t.Template == "work order {0} cannot go from {1} to {2}");
        Assert.True(templates.Count > 150, $"only {templates.Count} refusal messages found: the source reader is broken");
        var missing = templates.Where(t => !translated.Contains(t.Template)).Select(t => $"{t.File}: \"{t.Template}\"").Distinct().ToList();
        Assert.True(unreadable.Count == 0, "refusal messages the test cannot read (pass a literal or a RefusalText method's result):\n" + string.Join("\n", unreadable));
        Assert.True(missing.Count == 0, "no zh-CN translation (Web/Localization/Refusals.zh-CN.json) for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_entity_a_not_found_refusal_can_name_and_every_enum_value_it_can_show_has_a_Chinese_label()
    {
        var text = new Text();
        var translated = text.Translated.ToHashSet();
        var types = typeof(Entity).Assembly.GetTypes();
        var nouns = types.Where(t => t.IsSubclassOf(typeof(Entity)) && !t.IsAbstract).Select(t => RefusalText.Noun(t).Template);
        var labels = types.Where(t => t.IsEnum && t.IsPublic && t.Namespace!.Contains(".Domain.", StringComparison.Ordinal))
            .SelectMany(t => Enum.GetNames(t).Select(name => $"{t.Name}.{name}"));
        var missing = nouns.Concat(labels).Where(word => !translated.Contains(word)).ToList();
        Assert.True(missing.Count == 0, "no zh-CN translation for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_refusal_is_translated_with_its_arguments_and_keeps_its_English_for_the_command_line()
    {
        RefusalText refusal = $"work order {"WO-1"} cannot go from {WorkOrderStatusOf("Closed")} to {WorkOrderStatusOf("Dispatched")}";
        Assert.Equal("work order WO-1 cannot go from Closed to Dispatched", refusal.ToString());
        var previous = Thread.CurrentThread.CurrentUICulture;
        try
        {
            Thread.CurrentThread.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
            var chinese = new Text().Of(refusal);
            Assert.Equal($"工单 WO-1 不能从{new Text().Of(WorkOrderStatusOf("Closed"))}变为{new Text().Of(WorkOrderStatusOf("Dispatched"))}", chinese);
            Assert.DoesNotContain("Closed", chinese);
        }
        finally { Thread.CurrentThread.CurrentUICulture = previous; }
    }

    private static Enum WorkOrderStatusOf(string name) => Enum.Parse<Operational.Domain.Service.WorkOrderStatus>(name);

    private sealed record Found(string File, string Template);

    private static (List<Found> Templates, List<string> Unreadable) RefusalTemplates()
    {
        var templates = new List<Found>();
        var unreadable = new List<string>();
        var files = Directory.EnumerateFiles(Path.Combine(Operational, "Domain"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Operational, "Features"), "*.cs", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(HostCalls, "*.cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Import{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && Path.GetFileName(f) is not ("RefusalText.cs" or "Validator.cs" or "ValidationException.cs" or "DomainException.cs"));
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            var name = Path.GetRelativePath(Chromium.RepositoryRoot(), file);
            foreach (Match call in RefusalCall().Matches(source))
            {
                var messageIndex = call.Value.StartsWith("new DomainException", StringComparison.Ordinal) ? 0
                    : call.Value.StartsWith("new ValidationError", StringComparison.Ordinal) ? 1 : 2;
                var arguments = new CSharpReader(source).Arguments(call.Index + call.Length);
                var message = arguments[messageIndex].Trim();
                if (new CSharpReader(message).LiteralTemplate() is { } template) templates.Add(new Found(name, template));
                else if (!IsRefusalMethodResult(message, source)) unreadable.Add($"{name}: {message}");
            }
            foreach (Match method in RefusalMethod().Matches(source))
                templates.AddRange(new CSharpReader(source).LiteralsOfBody(method.Index + method.Length).Select(t => new Found(name, t)));
        }
        return (templates, unreadable);
    }

    /// <summary>A call of a method returning RefusalText (its literals are read where it is declared), or a variable
    /// pattern-matched from one (<c>question.Reject(...) is { } problem</c>).</summary>
    private static bool IsRefusalMethodResult(string message, string source) =>
        MethodCall().Match(message) is { Success: true } call ? RefusalMethods.Value.Contains(call.Groups[1].Value)
        : Regex.Match(source, $@"(\w+)(?:<\w+>)?\([^;()]*\)\s+is\s+\{{\s*\}}\s+{Regex.Escape(message)}\b") is { Success: true } bound
          && RefusalMethods.Value.Contains(bound.Groups[1].Value);

    private static readonly Lazy<HashSet<string>> RefusalMethods = new(() =>
        Directory.EnumerateFiles(Operational, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => RefusalMethod().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet());

    [GeneratedRegex(@"new DomainException\(|new ValidationError\(|\.Require\(")]
    private static partial Regex RefusalCall();

    [GeneratedRegex(@"(?:public|internal|private)\s+(?:static\s+)?(?:Common\.)?RefusalText\??\s+(\w+)(?:<\w+>)?\(")]
    private static partial Regex RefusalMethod();

    [GeneratedRegex(@"^(?:[\w.]+\.)?(\w+)(?:<\w+>)?\(")]
    private static partial Regex MethodCall();

    /// <summary>Just enough of C#'s lexical rules to split a call's arguments and turn a string literal into the composite
    /// format an interpolated string handler builds: each hole becomes {n} (its format kept), braces stay escaped.</summary>
    private sealed class CSharpReader(string source)
    {
        public List<string> Arguments(int start) => Arguments(start, out _);

        /// <summary>The comma-separated parts from <paramref name="start"/> to the bracket that closes there.</summary>
        public List<string> Arguments(int start, out int closing)
        {
            var arguments = new List<string>();
            var depth = 0;
            var from = start;
            for (var i = start; i < source.Length;)
            {
                var c = source[i];
                if (IsStringStart(i)) { i = ReadString(i, out _); continue; }
                if (c == '\'') { i = source.IndexOf('\'', source[i + 1] == '\\' ? i + 3 : i + 2) + 1; continue; }
                if (c is '(' or '[' or '{') depth++;
                else if (c is ')' or ']' or '}')
                {
                    if (depth == 0) { arguments.Add(source[from..i]); closing = i; return arguments; }
                    depth--;
                }
                else if (c == ',' && depth == 0) { arguments.Add(source[from..i]); from = i + 1; }
                i++;
            }
            throw new InvalidDataException("unclosed call");
        }

        /// <summary>The template when the whole text is one string literal, else null.</summary>
        public string? LiteralTemplate()
        {
            if (!IsStringStart(0)) return null;
            var end = ReadString(0, out var template);
            return end == source.Length ? template : null;
        }

        /// <summary>The templates of every literal in a method body (an expression body up to its ';', or a block).</summary>
        public IEnumerable<string> LiteralsOfBody(int afterParameters)
        {
            var open = source.IndexOf(')', afterParameters);
            var i = open;
            while (source[i] is not ('{' or ';') && !(source[i] == '=' && source[i + 1] == '>')) i++;
            if (source[i] == ';') yield break;
            int end;
            if (source[i] == '{') Arguments(i + 1, out end);
            else end = source.IndexOf(";\n", i, StringComparison.Ordinal);
            while (i < end)
            {
                if (IsStringStart(i))
                {
                    i = ReadString(i, out var template);
                    if (template.Length > 0) yield return template; // "" is a default, not a message
                }
                else i++;
            }
        }

        private bool IsStringStart(int i) =>
            source[i] == '"' || (source[i] is '$' or '@' && i + 1 < source.Length && source[i + 1] is '"' or '$' or '@');

        private int ReadString(int i, out string template)
        {
            bool interpolated = false, verbatim = false;
            for (; source[i] != '"'; i++)
            {
                interpolated |= source[i] == '$';
                verbatim |= source[i] == '@';
            }
            var text = new StringBuilder();
            var holes = 0;
            for (i++; ; )
            {
                var c = source[i];
                if (c == '\\' && !verbatim)
                {
                    text.Append(source[i + 1] switch { 'n' => '\n', 't' => '\t', var other => other });
                    i += 2;
                }
                else if (c == '"')
                {
                    if (verbatim && source[i + 1] == '"') { text.Append('"'); i += 2; continue; }
                    template = text.ToString();
                    return i + 1;
                }
                else if (interpolated && c == '{' && source[i + 1] == '{') { text.Append("{{"); i += 2; }
                else if (interpolated && c == '}' && source[i + 1] == '}') { text.Append("}}"); i += 2; }
                else if (interpolated && c == '{')
                {
                    var hole = Arguments(i + 1);
                    var expression = hole.Count == 1 ? hole[0] : string.Join(",", hole);
                    var colon = FormatColon(expression);
                    text.Append('{').Append(holes++).Append(colon < 0 ? "" : expression[colon..]).Append('}');
                    i += 1 + expression.Length + 1;
                }
                else if (!interpolated && c is '{' or '}') { text.Append(c, 2); i++; }
                else { text.Append(c); i++; }
            }
        }

        /// <summary>Where a hole's format starts (":0.00"), not counting a conditional's colon.</summary>
        private static int FormatColon(string expression)
        {
            var depth = 0;
            var conditional = false;
            for (var i = 0; i < expression.Length; i++)
            {
                var c = expression[i];
                if (c is '(' or '[') depth++;
                else if (c is ')' or ']') depth--;
                else if (c == '"') return -1;
                else if (c == '?' && depth == 0 && i + 1 < expression.Length && expression[i + 1] is not ('.' or '?' or '['))
                    conditional = !(i > 0 && expression[i - 1] == '?');
                else if (c == ':' && depth == 0)
                {
                    if (conditional) { conditional = false; continue; }
                    return i;
                }
            }
            return -1;
        }
    }
}
