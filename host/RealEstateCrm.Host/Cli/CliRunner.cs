using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Common;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary>Runs a command body and turns failures into a clear message and an exit code:
/// 2 for bad input (the user can fix it), 1 for anything else.</summary>
public static class CliRunner
{
    public static async Task<int> Run(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error.Field}: {error.Message}");
            return 2;
        }
        catch (Exception e) when (e is DomainException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }
        catch (DbUpdateException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] the database refused the change: {(e.InnerException ?? e).Message}");
            return 1;
        }
    }
}
