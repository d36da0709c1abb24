namespace RealEstateCrm.Operational.Domain.Common;

/// <summary>The 18-character resident identity number (GB 11643): region, birth date, sequence and an ISO 7064 MOD 11-2 check character.</summary>
public static class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return false;
            sum += (id[i] - '0') * Weights[i];
        }
        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", out _)) return false;
        return char.ToUpperInvariant(id[17]) == CheckChars[sum % 11];
    }

    /// <summary>Completes 17 digits with their check character.</summary>
    public static string WithCheckChar(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return first17 + CheckChars[sum % 11];
    }

    public static string Mask(string? id) => id is null || id.Length < 8 ? "" : id[..4] + new string('*', id.Length - 8) + id[^4..];
}
