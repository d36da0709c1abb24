using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RealEstateCrm.Host.Jobs;
using RealEstateCrm.Ml.Registry;

namespace RealEstateCrm.Host.Ml;

public static class ChampionModelsSetup
{
    /// <summary>One <see cref="ModelRegistry"/> per process on <see cref="MlSettings.ModelsPath"/> (so promotions by the
    /// jobs reach <see cref="ChampionModels"/> as events) and the held champions, loaded when the host starts.</summary>
    public static IServiceCollection AddChampionModels(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ModelRegistry(sp.GetRequiredService<MlSettings>().ModelsPath, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ChampionModels>();
        services.AddHostedService(sp => sp.GetRequiredService<ChampionModels>());
        return services;
    }
}
