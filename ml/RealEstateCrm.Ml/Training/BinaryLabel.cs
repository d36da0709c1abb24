using RealEstateCrm.Ml.Data;

namespace RealEstateCrm.Ml.Training;

/// <summary>The label column and which of its two values is the positive class.</summary>
public sealed record BinaryLabel(string Column, string Positive, string Negative)
{
    private static readonly HashSet<string> PositiveWords = new(StringComparer.OrdinalIgnoreCase) { "1", "true", "yes", "y", "t", "positive" };

    /// <summary>Checks that <paramref name="column"/> holds exactly two distinct values and no NULLs. The positive class
    /// is <paramref name="positive"/> if given, else the value that reads as yes (1, true, yes, y), else the rarer value.</summary>
    public static (BinaryLabel Label, bool[] Values) Resolve(QueryColumn column, string? positive = null)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var nulls = 0;
        for (var row = 0; row < column.Length; row++)
        {
            var value = column.TextAt(row);
            if (value is null) nulls++;
            else counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        if (nulls > 0) throw new MlInputException("label", $"label column '{column.Name}' has {nulls} NULL values; filter them out in the query");
        if (counts.Count != 2)
        {
            var found = string.Join(", ", counts.OrderByDescending(c => c.Value).Take(10).Select(c => $"'{c.Key}' ({c.Value})"));
            throw new MlInputException("label", $"label column '{column.Name}' must be binary (two distinct values); found {counts.Count}: {found}{(counts.Count > 10 ? ", ..." : "")}");
        }
        var chosen = positive ?? counts.Keys.Where(PositiveWords.Contains).SingleOrDefault()
            ?? counts.OrderBy(c => c.Value).ThenByDescending(c => c.Key, StringComparer.Ordinal).First().Key;
        if (!counts.ContainsKey(chosen))
            throw new MlInputException("label", $"positive value '{chosen}' is not one of label column '{column.Name}''s values: {string.Join(", ", counts.Keys.Select(k => $"'{k}'"))}");
        var label = new BinaryLabel(column.Name, chosen, counts.Keys.Single(k => k != chosen));
        var values = new bool[column.Length];
        for (var row = 0; row < values.Length; row++) values[row] = column.TextAt(row) == chosen;
        return (label, values);
    }
}
