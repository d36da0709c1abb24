using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Parses the text SQLite stores for GUIDs, timestamps, dates and decimals straight from its UTF-8 bytes, to the
/// values EF reads (Microsoft.Data.Sqlite parses the same text as a string, invariant culture). The formats EF writes take a
/// fast path; anything else goes through that same string parse, so an odd value reads as EF would read it.</summary>
internal static class SqliteStoredText
{
    public static Guid Guid(ReadOnlySpan<byte> utf8) =>
        Utf8Parser.TryParse(utf8, out Guid value, out var used) && used == utf8.Length ? value : new Guid(Encoding.UTF8.GetString(utf8));

    public static decimal Decimal(ReadOnlySpan<byte> utf8) =>
        Utf8Parser.TryParse(utf8, out decimal value, out var used) && used == utf8.Length
            ? value
            : decimal.Parse(Encoding.UTF8.GetString(utf8), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    public static DateOnly Date(ReadOnlySpan<byte> utf8) =>
        utf8.Length == 10 && TryDate(utf8, out var date) ? date : DateOnly.Parse(Encoding.UTF8.GetString(utf8), CultureInfo.InvariantCulture);

    /// <summary>EF's <c>yyyy-MM-dd HH:mm:ss[.FFFFFFF]</c>.</summary>
    public static DateTime Timestamp(ReadOnlySpan<byte> utf8) =>
        TryTimestamp(utf8, out var value) ? value : DateTime.Parse(Encoding.UTF8.GetString(utf8), CultureInfo.InvariantCulture);

    private static bool TryTimestamp(ReadOnlySpan<byte> s, out DateTime value)
    {
        value = default;
        if (s.Length < 19 || s.Length == 20 || s.Length > 27 || s[10] != ' ' || s[13] != ':' || s[16] != ':' || !TryDate(s[..10], out var date)) return false;
        if (!TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second)) return false;
        long fraction = 0;
        if (s.Length > 19)
        {
            if (s[19] != '.' || !TryDigits(s[20..], out var digits)) return false;
            fraction = digits;
            for (var i = s.Length - 20; i < 7; i++) fraction *= 10;
        }
        if (hour > 23 || minute > 59 || second > 59) return false;
        value = new DateTime(date.DayNumber * TimeSpan.TicksPerDay + ((hour * 60L + minute) * 60 + second) * TimeSpan.TicksPerSecond + fraction);
        return true;
    }

    private static bool TryDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s[4] != '-' || s[7] != '-' || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month)) return false;
        date = new DateOnly((int)year, (int)month, (int)day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
