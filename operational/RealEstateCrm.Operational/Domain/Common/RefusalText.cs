using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace RealEstateCrm.Operational.Domain.Common;

/// <summary>A refusal's message kept as its template and arguments, so a user interface can show it in its own language:
/// <c>$"work order {order.Number} cannot go from {Status} to {next}"</c> passed where a <see cref="RefusalText"/> is
/// expected keeps the template "work order {0} cannot go from {1} to {2}" and the three values; <see cref="ToString"/>
/// is the English the CLI prints. A plain string is a template without arguments. The template is the translation key,
/// so rewording a message in the source needs its translation reworded too (the web's refusal translation test says so).</summary>
[InterpolatedStringHandler]
public sealed partial class RefusalText : IEquatable<RefusalText>
{
    private readonly StringBuilder _template;
    private readonly List<object?> _arguments;

    public RefusalText(int literalLength, int formattedCount)
    {
        _template = new StringBuilder(literalLength + 4 * formattedCount);
        _arguments = new List<object?>(formattedCount);
    }

    public void AppendLiteral(string text) => _template.Append(text.Replace("{", "{{").Replace("}", "}}"));

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        _template.Append('{').Append(_arguments.Count.ToString(CultureInfo.InvariantCulture));
        if (format is not null) _template.Append(':').Append(format);
        _template.Append('}');
        _arguments.Add(value);
    }

    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator RefusalText?(string? text)
    {
        if (text is null) return null;
        var plain = new RefusalText(text.Length, 0);
        plain.AppendLiteral(text);
        return plain;
    }

    /// <summary>The composite format string ("unit {0} is {1}, not for sale"): the translation key.</summary>
    public string Template => _template.ToString();

    /// <summary>The values of the holes: numbers, names, enum values (a translator shows their labels) or nouns (<see cref="Noun"/>).</summary>
    public IReadOnlyList<object?> Arguments => _arguments;

    /// <summary>An entity type as the words a message names it by ("work order" for WorkOrder), itself translatable.</summary>
    public static RefusalText Noun(Type entity) => WordStart().Replace(entity.Name, " $1").ToLowerInvariant();

    public override string ToString() => string.Format(CultureInfo.CurrentCulture, Template, [.. _arguments]);

    public bool Equals(RefusalText? other) => other is not null && Template == other.Template && _arguments.SequenceEqual(other._arguments);

    public override bool Equals(object? obj) => Equals(obj as RefusalText);

    public override int GetHashCode() => Template.GetHashCode(StringComparison.Ordinal);

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();
}
