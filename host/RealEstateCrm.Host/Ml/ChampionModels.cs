using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Host.Ml;

/// <summary>The product models' champions held loaded by a long-running process (<c>crm serve</c>, <c>crm worker</c>):
/// loaded at start (a model without a champion is recorded as absent), reloaded when the registry announces a promotion,
/// in this process through <see cref="ModelRegistry.Reload"/> and by any other process (<c>crm ml train</c> in a shell,
/// another worker) through <see cref="ModelRegistry.WatchChampions"/>. A reload swaps the held model in one reference
/// write, so a scoring run sees the old champion or the new, never half of one; a version that fails to load is logged
/// and the previous champion kept. Scoring asks <see cref="ChampionModel"/>, which loads nothing while the held one is current.</summary>
public sealed class ChampionModels(ModelRegistry registry, TimeProvider clock, ILogger<ChampionModels> logger) : IChampionSource, IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, HeldChampion> held = new(StringComparer.Ordinal);
    // One load at a time: two announcements of one promotion (or a scoring run and the watcher) then load it once, in order.
    private readonly Lock loading = new();
    private IDisposable? watch;

    public ModelRegistry Registry => registry;

    /// <summary>What this process holds for each product model, in <see cref="ProductModels.All"/> order.</summary>
    public IReadOnlyList<HeldChampion> Held =>
        ProductModels.All.Select(m => held.TryGetValue(m.Name, out var h) ? h : new HeldChampion(m.Name, null, null, null)).ToList();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Listening before loading: a promotion made while the champions load is then loaded or announced, never missed.
        registry.Reload += OnReload;
        try
        {
            watch = registry.WatchChampions();
        }
        catch (IOException e)
        {
            // Out of inotify watches, say: serving goes on, and scoring still checks the champion pointer before each run.
            logger.LogWarning(e, "Model registry {Registry} cannot be watched: promotions by other processes are loaded at the next scoring run", registry.Root);
        }
        foreach (var model in ProductModels.All) Refresh(model.Name, ReloadTrigger.Start);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        registry.Reload -= OnReload;
        Interlocked.Exchange(ref watch, null)?.Dispose();
    }

    /// <summary>The held champion of <paramref name="name"/>, after checking the registry's champion pointer (a few
    /// bytes): a promotion whose announcement has not arrived yet is loaded now rather than scored with the old model.</summary>
    public TabularModel? ChampionModel(string name)
    {
        Refresh(name, ReloadTrigger.Scoring);
        return held.TryGetValue(name, out var h) ? h.Model : null;
    }

    private void OnReload(object? sender, ModelReloadEventArgs e)
    {
        if (ProductModels.All.Any(m => m.Name == e.Name)) Refresh(e.Name, ReloadTrigger.Promotion);
    }

    private void Refresh(string name, ReloadTrigger trigger)
    {
        lock (loading)
        {
            var before = held.GetValueOrDefault(name) ?? new HeldChampion(name, null, null, null);
            int? wanted = null;
            try
            {
                wanted = registry.CurrentChampionVersion(name);
                if (wanted == before.Version && before.LastReload is not null) return;
                if (wanted is not { } version)
                {
                    held[name] = before with { Model = null, LoadedAt = null, LastReload = new ChampionReload(clock.GetUtcNow(), trigger, null, true, null) };
                    logger.LogInformation("Model {Model}: no champion in {Registry} ({Trigger})", name, registry.Root, trigger);
                    return;
                }
                var model = registry.Load(name, version);
                var now = clock.GetUtcNow();
                held[name] = new HeldChampion(name, model, now, new ChampionReload(now, trigger, version, true, null));
                logger.LogInformation("Model {Model}: champion v{Version} loaded ({Trigger}), was {Before}", name, version, trigger,
                    before.Version is { } old ? $"v{old}" : "none");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A broken or half-copied version must not take the working champion away.
                held[name] = before with { LastReload = new ChampionReload(clock.GetUtcNow(), trigger, wanted, false, e.Message) };
                logger.LogError(e, "Model {Model}: champion {Wanted} could not be loaded ({Trigger}); keeping {Kept}", name,
                    wanted is { } w ? $"v{w}" : "pointer", trigger, before.Version is { } old ? $"v{old}" : "none");
            }
        }
    }
}

/// <summary>A product model as this process holds it: the loaded champion (null: none loaded), when it was loaded, and
/// the outcome of the last attempt to bring it up to date.</summary>
public sealed record HeldChampion(string Name, TabularModel? Model, DateTimeOffset? LoadedAt, ChampionReload? LastReload)
{
    public ModelMetadata? Metadata => Model?.Registered;
    public int? Version => Metadata?.Version;
}

/// <summary>One attempt to load a champion: when, why, which version (null: the registry has no champion), and the error if it failed.</summary>
public sealed record ChampionReload(DateTimeOffset At, ReloadTrigger Trigger, int? Version, bool Succeeded, string? Error);

public enum ReloadTrigger
{
    /// <summary>The process started.</summary>
    Start,
    /// <summary>The registry announced a promotion.</summary>
    Promotion,
    /// <summary>A scoring run found the registry's champion newer than the one held.</summary>
    Scoring,
}
