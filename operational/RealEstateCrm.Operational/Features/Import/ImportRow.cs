using System.Globalization;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Import;

/// <summary>The cells of one data row, read by field name and parsed to the type the field needs. A bad
/// cell is recorded as "line N, column X: message" and reads as null, so validation goes on to the
/// next cell and the user gets every problem at once.</summary>
public sealed class ImportRow(TabularRow row, ImportHeader header, ImportErrors errors)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    public int Line => row.Line;

    public bool Has(string field) => header.Has(field);

    /// <summary>The trimmed cell, or null when blank or when the file has no such column.</summary>
    public string? Cell(string field) => header.Cell(row, field);

    public void Error(string field, string message) => errors.Add(Line, header.Display(field), message);

    public string? Text(string field) => Text(field, 200);

    public string? Text(string field, int maxLength)
    {
        var value = Cell(field);
        if (value is not null && value.Length > maxLength) return Fail<string>(field, $"is longer than {maxLength} characters");
        return value;
    }

    public string? Phone(string field)
    {
        var value = Cell(field);
        if (value is null) return null;
        return ChinesePhone.Normalize(value) ?? Fail<string>(field, $"\"{value}\" is not a phone number (11-digit mobile or landline with area code)");
    }

    public string? IdNumber(string field)
    {
        var value = Cell(field)?.ToUpperInvariant();
        if (value is null) return null;
        return ChineseIdNumber.IsValid(value) ? value : Fail<string>(field, $"\"{value}\" is not a valid resident ID number (18 characters, GB 11643 check character)");
    }

    public DateOnly? Date(string field)
    {
        var value = Cell(field);
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        // Spreadsheets hand dates over as date-times at midnight.
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && time.TimeOfDay == TimeSpan.Zero) return DateOnly.FromDateTime(time);
        return FailValue<DateOnly>(field, $"\"{value}\" is not a date (yyyy-MM-dd)");
    }

    /// <summary>A point in time, read as UTC: the database stores UTC and an export writes UTC.</summary>
    public DateTime? Time(string field)
    {
        var value = Cell(field);
        if (value is null) return null;
        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : FailValue<DateTime>(field, $"\"{value}\" is not a date and time (yyyy-MM-dd HH:mm:ss, UTC)");
    }

    public decimal? Decimal(string field)
    {
        var value = Cell(field)?.Replace(",", "");
        if (value is null) return null;
        return decimal.TryParse(value, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
            ? number
            : FailValue<decimal>(field, $"\"{value}\" is not a number");
    }

    public int? Int(string field)
    {
        var value = Cell(field);
        if (value is null) return null;
        // XLSX numbers arrive as doubles ("12" or "12.0"); accept any whole number.
        return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : FailValue<int>(field, $"\"{value}\" is not a whole number");
    }

    public bool? Bool(string field)
    {
        var value = Cell(field);
        if (value is null) return null;
        return value.ToLowerInvariant() switch
        {
            "true" or "yes" or "y" or "1" or "是" => true,
            "false" or "no" or "n" or "0" or "否" => false,
            _ => FailValue<bool>(field, $"\"{value}\" is not yes/no (true, false, 1, 0, 是, 否)"),
        };
    }

    /// <summary>An enum member by name, ignoring case and underscores: "first_home_buyer" is FirstHomeBuyer.</summary>
    public TEnum? Enum<TEnum>(string field) where TEnum : struct, Enum
    {
        var value = Cell(field);
        if (value is null) return null;
        var wanted = value.Replace("_", "").Replace("-", "").Replace(" ", "");
        foreach (var name in System.Enum.GetNames<TEnum>())
            if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase)) return System.Enum.Parse<TEnum>(name);
        return FailValue<TEnum>(field, $"\"{value}\" is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
    }

    private T? Fail<T>(string field, string message) where T : class
    {
        Error(field, message);
        return null;
    }

    private T? FailValue<T>(string field, string message) where T : struct
    {
        Error(field, message);
        return null;
    }
}
