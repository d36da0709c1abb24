using System.Globalization;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Reads a tariff table from CSV: <c>prefix,name,rate_per_minute,increment_seconds</c> with that header.
/// Every bad line is reported with its line number and column; nothing is used until the whole file is good.</summary>
public static class TariffCsv
{
    private static readonly string[] Header = ["prefix", "name", "rate_per_minute", "increment_seconds"];

    /// <summary>The table shipped with the product (China domestic and international, per started minute or 6 s).</summary>
    public static Tariff Default()
    {
        using var stream = typeof(TariffCsv).Assembly.GetManifestResourceStream("RealEstateCrm.Telephony.CallCenter.default-tariff.csv")
            ?? throw new InvalidOperationException("the default tariff is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader, "default-tariff.csv");
    }

    public static Tariff Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static Tariff Parse(TextReader reader, string source)
    {
        var errors = new List<string>();
        var rates = new List<TariffRate>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (header is null || !header.SequenceEqual(Header))
            throw new InvalidDataException($"{source}: line 1: the header must be {string.Join(',', Header)}");
        var number = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length != Header.Length) { errors.Add($"line {number}: {cells.Length} columns, expected {Header.Length}"); continue; }
            var (prefix, name) = (cells[0], cells[1]);
            var ok = true;
            if (prefix.Length == 0 || !prefix.All(char.IsAsciiDigit)) Fail("prefix", $"\"{prefix}\" must be digits");
            else if (seen.TryGetValue(prefix, out var first)) Fail("prefix", $"{prefix} is already on line {first}");
            if (name.Length == 0) Fail("name", "is empty");
            if (!decimal.TryParse(cells[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) || rate < 0) Fail("rate_per_minute", $"\"{cells[2]}\" is not an amount of zero or more");
            if (!int.TryParse(cells[3], NumberStyles.None, CultureInfo.InvariantCulture, out var increment) || increment is < 1 or > 3600) Fail("increment_seconds", $"\"{cells[3]}\" is not a whole number of seconds from 1 to 3600");
            if (!ok) continue;
            seen[prefix] = number;
            rates.Add(new TariffRate(prefix, name, rate, increment));

            void Fail(string column, string message)
            {
                errors.Add($"line {number}, column {column}: {message}");
                ok = false;
            }
        }
        if (errors.Count > 0) throw new InvalidDataException($"{source}: {string.Join("; ", errors)}");
        return new Tariff(rates);
    }
}
