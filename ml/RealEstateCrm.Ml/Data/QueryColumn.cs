using System.Globalization;

namespace RealEstateCrm.Ml.Data;

/// <summary>One column of a query result held in memory: numbers (NaN for NULL; booleans as 0/1, times as ticks)
/// or texts (null for NULL).</summary>
public sealed class QueryColumn
{
    internal QueryColumn(string name, string duckType, ColumnKind kind, double[]? numbers, string?[]? texts)
    {
        Name = name;
        DuckType = duckType;
        Kind = kind;
        Numbers = numbers;
        Texts = texts;
    }

    public string Name { get; }
    /// <summary>The type as DuckDB reports it, e.g. <c>INTEGER</c>, <c>VARCHAR</c>.</summary>
    public string DuckType { get; }
    public ColumnKind Kind { get; }
    public int Length => Texts?.Length ?? Numbers!.Length;
    internal double[]? Numbers { get; }
    internal string?[]? Texts { get; }

    public bool IsNull(int row) => Texts is not null ? Texts[row] is null : double.IsNaN(Numbers![row]);

    public double NumberAt(int row) => Numbers?[row] ?? throw new InvalidOperationException($"column {Name} ({DuckType}) is not numeric");

    /// <summary>The value as text (numbers in invariant culture), null for NULL.</summary>
    public string? TextAt(int row)
    {
        if (Texts is not null) return Texts[row];
        var number = Numbers![row];
        if (double.IsNaN(number)) return null;
        return Kind switch
        {
            ColumnKind.Boolean => number == 1 ? "true" : "false",
            ColumnKind.Time => new DateTime((long)number, DateTimeKind.Unspecified).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            _ => number.ToString("R", CultureInfo.InvariantCulture),
        };
    }
}
