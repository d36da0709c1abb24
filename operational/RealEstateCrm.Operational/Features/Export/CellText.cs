using System.Globalization;

namespace RealEstateCrm.Operational.Features.Export;

/// <summary>How a stored value is written into a file cell: culture-invariant, enums by name, times as
/// stored (UTC), so the import reads back exactly what the export wrote.</summary>
public static class CellText
{
    public static string? Format(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum member => member.ToString(),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
