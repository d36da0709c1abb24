using System.Security.Cryptography;

namespace RealEstateCrm.Ml.Tests;

/// <summary>The public reference data sets in <c>../shared/data/</c> beside the repository (or <c>CRM_REFERENCE_DATA</c>),
/// checked against their published sha256 before use: many public copies are edited.</summary>
internal static class ReferenceData
{
    public const string BankMarketing = "bank-additional-full.csv";
    public const string Groceries = "groceries.csv";

    private static readonly Dictionary<string, string> Sha256 = new()
    {
        [BankMarketing] = "74adfc578bf77a7ff4bb1ba4a9f8709d9e3c6907342959c2c8416847e0afb4d8",
        [Groceries] = "ff1be892fd6b9b57d1a7bc50de067798963dda607619645988b21789bf23ae3b",
    };

    /// <summary>The verified file's full path, as a DuckDB string literal body (single quotes doubled). Off CI a missing
    /// file skips the test with the reason; under CI=true it fails.</summary>
    public static string PathOf(string file)
    {
        var path = Path.Combine(Folder(), file);
        if (!File.Exists(path))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new FileNotFoundException($"CI=true but the reference data set {path} is missing");
            Assert.Skip($"reference data set {path} not found: set CRM_REFERENCE_DATA to the folder holding it");
        }
        using (var stream = File.OpenRead(path))
            Assert.Equal(Sha256[file], Convert.ToHexStringLower(SHA256.HashData(stream)));
        return path.Replace("'", "''", StringComparison.Ordinal);
    }

    private static string Folder()
    {
        if (Environment.GetEnvironmentVariable("CRM_REFERENCE_DATA") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RealEstateCrm.sln"))) return Path.Combine(dir.Parent!.FullName, "shared", "data");
        return Path.Combine("..", "shared", "data");
    }

    /// <summary>Groceries as one row per basket and item: the line number is the basket.</summary>
    public static string GroceriesSql(string path) => $$"""
        SELECT basket, unnest(string_split(line, ',')) AS item
        FROM (SELECT row_number() OVER () AS basket, line
              FROM read_csv('{{path}}', columns = {'line': 'VARCHAR'}, header = false, delim = '|', quote = '', escape = ''))
        """;
}
