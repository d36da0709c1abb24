using RealEstateCrm.Etl.Streaming;
using RealEstateCrm.Operational.Data;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm etl stream</c>: runs the <see cref="OutboxTailer"/> in the foreground until Ctrl+C, printing its lag
/// once a second.</summary>
public static class EtlStream
{
    public static async Task RunAsync(CrmDatabase database, string warehousePath)
    {
        if (string.IsNullOrWhiteSpace(warehousePath)) throw new ArgumentException("--warehouse: give a file path");
        await using var warehouse = await WarehouseLoad.OpenAsync(warehousePath);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var tailer = new OutboxTailer(database, warehouse, TimeProvider.System);
        await tailer.StartAsync(stop.Token);
        AnsiConsole.MarkupLineInterpolated($"[green]streaming[/] the outbox into {warehouse.Path} (Ctrl+C to stop)");
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                var lag = await tailer.LagAsync(stop.Token);
                var error = tailer.LastError is { } e ? $" [red]last error: {Markup.Escape(e.Message)}[/]" : "";
                AnsiConsole.MarkupLine($"{lag.MeasuredAt:HH:mm:ss} watermark {lag.Watermark:N0}, {lag.EventsBehind:N0} events and {lag.SecondsBehind:F1} s behind, {tailer.MicroBatches:N0} micro-batches{error}");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        await tailer.StopAsync(CancellationToken.None);
        AnsiConsole.MarkupLine("[green]stopped[/]");
    }
}
