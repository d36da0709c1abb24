using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Host.Hubs;

namespace RealEstateCrm.Host.Web.Agent;

/// <summary>What the agent desktop needs besides its pages: the seats, the recent pops, the relay from the switch's
/// screen pops to the agents' browsers, the desk's side of dialled calls, and the hub they listen on.</summary>
public static class AgentDeskSetup
{
    public static IServiceCollection AddAgentDesk(this IServiceCollection services)
    {
        services.AddSingleton<AgentSeats>();
        services.AddSingleton<RingingCalls>();
        services.AddScoped<DialledCalls>();
        services.AddHostedService<ScreenPopRelay>();
        return services;
    }

    public static WebApplication MapAgentDesk(this WebApplication app)
    {
        app.MapHub<AgentHub>(AgentHub.Path);
        return app;
    }
}
