using System.Globalization;
using System.Text.RegularExpressions;

namespace RealEstateCrm.Warehouse.Olap;

public enum OlapOperator { Equal, In, Between, GreaterOrEqual, LessOrEqual }

/// <summary>A condition on a dimension attribute. Values are bound as parameters, converted to the attribute's
/// type first (strings such as "2026" or "2026-03-01" are accepted, so a CLI or URL can pass text).</summary>
public sealed partial record OlapFilter(string Attribute, OlapOperator Operator, IReadOnlyList<object> Values)
{
    public static OlapFilter Equal(string attribute, object value) => new(attribute, OlapOperator.Equal, [value]);
    public static OlapFilter In(string attribute, params object[] values) => new(attribute, OlapOperator.In, values);
    public static OlapFilter Between(string attribute, object from, object to) => new(attribute, OlapOperator.Between, [from, to]);

    public static readonly string ValidOperators = "=, in, between, >=, <=";

    /// <summary>Parses <c>date.year=2026</c>, <c>queue in 售前,售后</c>, <c>date.day between 2026-01-01,2026-03-31</c>,
    /// <c>date.day&gt;=2026-01-01</c>. The attribute name is checked against the model when the query is built.</summary>
    public static OlapFilter Parse(string text)
    {
        var match = Syntax().Match(text);
        if (!match.Success)
            throw new OlapModelException($"filter '{text}': expected ATTRIBUTE OPERATOR VALUE with an operator among {ValidOperators}");
        var attribute = match.Groups["attribute"].Value.Trim();
        var value = match.Groups["value"].Value.Trim();
        var op = match.Groups["op"].Value.Trim().ToLowerInvariant() switch
        {
            "=" => OlapOperator.Equal,
            ">=" => OlapOperator.GreaterOrEqual,
            "<=" => OlapOperator.LessOrEqual,
            "in" => OlapOperator.In,
            "between" => OlapOperator.Between,
            var other => throw new OlapModelException($"filter '{text}': unknown operator '{other}'; valid operators: {ValidOperators}"),
        };
        var values = op is OlapOperator.In or OlapOperator.Between ? value.Split(',').Select(v => (object)v.Trim()).ToArray() : [value];
        return new OlapFilter(attribute, op, values);
    }

    // The operator is the first of =, >=, <=, " in ", " between " (or any other word or symbol run between the
    // attribute and the value, so that an unsupported operator is named in the error rather than misread).
    [GeneratedRegex(@"^(?<attribute>[^=<>!~\s]+)\s*(?<op>>=|<=|=|!=|<>|<|>|~|\s(?:in|between|like|not)\s)\s*(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();

    internal static object Convert(string attribute, Type type, object value)
    {
        try
        {
            if (value.GetType() == type) return value;
            var text = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            if (type == typeof(DateOnly)) return value is DateTime dt ? DateOnly.FromDateTime(dt) : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (type == typeof(bool)) return bool.Parse(text);
            return System.Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new OlapModelException($"filter on {attribute}: '{value}' is not a valid {TypeName(type)}");
        }
    }

    internal static string TypeName(Type type) =>
        type == typeof(DateOnly) ? "date (yyyy-MM-dd)" : type == typeof(int) ? "integer" : type == typeof(bool) ? "boolean (true/false)" : "text";
}
