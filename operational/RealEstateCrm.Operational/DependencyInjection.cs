using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Operational;

public static class DependencyInjection
{
    /// <summary>Registers the operational database and every use-case handler of this project.</summary>
    public static IServiceCollection AddOperational(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddSingleton<CrmDatabase>();
        services.AddScoped<ICurrentActor, SystemActor>();
        // Use cases read the time from here so SLA and escalation tests can fix it.
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<CrmDatabase>().CreateContext();
            var actor = sp.GetRequiredService<ICurrentActor>();
            db.ActorFrom(() => actor.Name);
            return db;
        });

        // Handlers are plain classes, one per use case (Features/<Area>/<UseCase>.cs).
        foreach (var handler in typeof(DependencyInjection).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith("RealEstateCrm.Operational.Features") == true
                                 && t.GetCustomAttributes(typeof(UseCaseAttribute), false).Length > 0))
            services.AddScoped(handler);
        return services;
    }
}

/// <summary>Marks a use-case handler so <see cref="DependencyInjection.AddOperational"/> registers it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UseCaseAttribute : Attribute;

/// <summary>Who is acting, for the audit log. The web host replaces it with the signed-in user.</summary>
public interface ICurrentActor
{
    string Name { get; }
}

internal sealed class SystemActor : ICurrentActor
{
    public string Name { get; } = $"cli:{Environment.UserName}";
}
