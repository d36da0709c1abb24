namespace RealEstateCrm.Operational.DemoData;

/// <summary>How much demo data to make. Customers drive everything else: leads, calls and sales per
/// customer are averages, units per project set the inventory.</summary>
public sealed record SeedScale(
    string Name, int Customers, int Projects, int UnitsPerProject, double LeadsPerCustomer,
    double CallsPerCustomer, int RepsPerProject, int Agents, int ChunkSize)
{
    public static readonly SeedScale Tiny = new("tiny", 400, 3, 150, 1.8, 3, 2, 4, 400);
    public static readonly SeedScale Small = new("small", 3_000, 6, 400, 1.8, 4, 4, 10, 3_000);
    public static readonly SeedScale Medium = new("medium", 100_000, 20, 2_500, 2.5, 5, 8, 40, 10_000);
    // Duplicates get fewer leads and history stops at the as-of date, so the means are set a little above
    // the targets: 3M leads and 10M call records at large.
    public static readonly SeedScale Large = new("large", 1_000_000, 40, 12_500, 3.2, 12.8, 20, 200, 10_000);

    public static IReadOnlyList<SeedScale> All { get; } = [Tiny, Small, Medium, Large];

    public static SeedScale Parse(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"--scale: unknown scale \"{name}\"; one of: {string.Join(", ", All.Select(s => s.Name))}");
}

/// <summary>What to seed: the scale, the random seed (same seed, same data) and the "as-of" date the
/// three years of history end on, so a run does not depend on the clock.</summary>
public sealed record SeedOptions(SeedScale Scale, int Seed = 42, DateOnly? AsOf = null)
{
    public static readonly DateOnly DefaultAsOf = new(2026, 6, 30);
    public DateTime AsOfUtc => (AsOf ?? DefaultAsOf).ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
    public DateTime HistoryStartUtc => AsOfUtc.AddYears(-3);
}
