using RealEstateCrm.Host.Cli;
using RealEstateCrm.Testing;
using Spectre.Console;

namespace RealEstateCrm.Host.Tests;

/// <summary>Runs the <c>crm</c> command tree in-process against a test database and captures what it prints.</summary>
internal static class CliRun
{
    public static Task<(int ExitCode, string Output)> Crm(TestDatabase database, params string[] args) =>
        CrmUntil(database, TestContext.Current.CancellationToken, args);

    /// <summary>Runs a command that serves until <paramref name="stop"/> is cancelled, as Ctrl+C would.</summary>
    public static async Task<(int ExitCode, string Output)> CrmUntil(TestDatabase database, CancellationToken stop, params string[] args)
    {
        var output = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        try
        {
            // Wide enough that Spectre does not wrap long messages in the middle of what a test looks for.
            AnsiConsole.Profile.Width = 1000;
            var exitCode = await CrmCli.RunAsync([.. args, "--db", DbOption(database)], stop);
            return (exitCode, output.ToString());
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }

    public static string DbOption(TestDatabase database) =>
        $"{database.Provider.ToString().ToLowerInvariant()}:{database.Database.Options.ConnectionString}";
}
