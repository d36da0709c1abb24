using System.Text.RegularExpressions;

namespace RealEstateCrm.Operational.Domain.Common;

/// <summary>Mainland phone numbers in the one form we store and compare: mobile 1xxxxxxxxxx, or a
/// landline with its area code and no separators. "+86 138-0013-8000" and "13800138000" are the same caller.</summary>
public static partial class ChinesePhone
{
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = NonDigits().Replace(raw, "");
        if (digits.StartsWith("0086")) digits = digits[4..];
        else if (digits.StartsWith("86") && digits.Length == 13) digits = digits[2..];
        return digits.Length is >= 7 and <= 12 ? digits : null;
    }

    public static bool IsValid(string? raw) => Normalize(raw) is not null;

    /// <summary>138****8000: what a role that may not see phone numbers is shown.</summary>
    public static string Mask(string? phone) =>
        phone is null ? "" : phone.Length < 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    [GeneratedRegex("[^0-9]")]
    private static partial Regex NonDigits();
}
