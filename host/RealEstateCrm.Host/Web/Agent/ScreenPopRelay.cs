using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RealEstateCrm.Host.Hubs;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Agent;

/// <summary>The one reader of the switch's screen pops: each ring is kept in <see cref="RingingCalls"/> and pushed at once
/// to the ringing agent's desktop through <see cref="AgentHub"/>. Does nothing when this process runs no switch.</summary>
public sealed class ScreenPopRelay(IServiceProvider services, RingingCalls ringing, IHubContext<AgentHub> hub, ILogger<ScreenPopRelay> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<CallCenterSwitch>() is not { } callCenter) return;
        try
        {
            await foreach (var ring in callCenter.ScreenPops.ReadAllAsync(stoppingToken))
                await PushAsync(hub, ringing.Add(ring), log, stoppingToken);
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Tells the agent's desktop to show the pop's panel. No number in the push: the panel the page then fetches
    /// shows it as this user may see it.</summary>
    public static async Task PushAsync(IHubContext<AgentHub> hub, RingingCalls.Pop pop, ILogger log, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Group(AgentHub.Group(pop.AgentNo)).SendAsync(AgentHub.Ringing, new { pop.CallId, pop.Queue, pop.At }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One desktop's broken connection must not stop the pops of the others.
            log.LogWarning(e, "screen pop of call {CallId} to agent {AgentNo} not delivered", pop.CallId, pop.AgentNo);
        }
    }
}
