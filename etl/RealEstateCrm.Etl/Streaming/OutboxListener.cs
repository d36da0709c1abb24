using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using RealEstateCrm.Operational.Outbox;

namespace RealEstateCrm.Etl.Streaming;

/// <summary>LISTENs on <see cref="OutboxNotifications.Channel"/> (PostgreSQL) and turns notifications into wake-ups
/// for the tailer's idle wait. If the connection drops it reconnects; the tailer keeps polling meanwhile.</summary>
internal sealed class OutboxListener(string connectionString, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    // One pending wake-up is enough: the tailer reads everything after the watermark when it wakes.
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private Task _listening = Task.CompletedTask;

    public ChannelReader<bool> WakeUps => _wakeUps.Reader;

    /// <summary>Returns once LISTEN is in place (or the first attempt failed), so no commit after it goes unheard.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var first = await ConnectAsync(ct);
        _listening = Task.Run(() => ListenAsync(first, _stop.Token), CancellationToken.None);
    }

    private async Task<NpgsqlConnection?> ConnectAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            connection.Notification += (_, _) => _wakeUps.Writer.TryWrite(true);
            await using var listen = new NpgsqlCommand($"LISTEN {OutboxNotifications.Channel}", connection);
            await listen.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            logger.LogWarning(e, "outbox LISTEN failed; polling until it reconnects");
            await connection.DisposeAsync();
            return null;
        }
    }

    private async Task ListenAsync(NpgsqlConnection? connection, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (connection is null)
                {
                    await Task.Delay(ReconnectDelay, ct);
                    connection = await ConnectAsync(ct);
                    // Commits while we were deaf sent notifications nobody heard.
                    if (connection is not null) _wakeUps.Writer.TryWrite(true);
                    continue;
                }
                try
                {
                    await connection.WaitAsync(ct);
                }
                catch (Exception e) when (e is NpgsqlException or IOException)
                {
                    logger.LogWarning(e, "outbox LISTEN connection lost; reconnecting");
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _listening;
        _stop.Dispose();
    }
}
