using System.CommandLine;
using System.Globalization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm seed</c>: fills an empty database with the deterministic, causal demo data set.</summary>
public static class SeedCommand
{
    public static Command Create(GlobalOptions options)
    {
        var scale = new Option<string>("--scale") { Description = "tiny | small (≈3,000 customers) | medium (100k) | large (1M customers, 10M calls)", DefaultValueFactory = _ => "small" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives identical data", DefaultValueFactory = _ => 42 };
        var asOf = new Option<string?>("--as-of") { Description = "The date the three years of history end on (yyyy-MM-dd), default 2026-06-30" };
        var command = new Command("seed", "Migrate, then load demo data into an empty database (refused if it holds data).") { scale, seed, asOf };
        command.SetAction(parse => CliRunner.Run(async () =>
        {
            var seedOptions = new SeedOptions(SeedScale.Parse(parse.GetValue(scale)!), parse.GetValue(seed), ParseAsOf(parse.GetValue(asOf)));
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync();
            await SeedProgressBars.RunAsync(new DemoSeeder(database), seedOptions);
            return 0;
        }));
        return command;
    }

    private static DateOnly? ParseAsOf(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new ArgumentException($"--as-of: \"{value}\" is not a date like 2026-06-30");
}
