using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Host.Ml;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Ml.Training;
using RealEstateCrm.Testing;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>/Ml/Models: the champions the server holds loaded, with their metrics and the registry's versions.</summary>
[Collection(WebCollection.Name)]
public sealed class MlModelsTests(WebServer server, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_sees_a_model_promoted_by_another_process_loaded_in_the_server_with_its_metrics_and_versions()
    {
        var champions = server.App.Services.GetRequiredService<ChampionModels>();
        // Another process: its own registry on the server's folder, as crm ml train in a shell.
        var shell = new ModelRegistry(champions.Registry.Root);
        var trained = await TrainAsync();
        shell.Register("churn", trained);
        var champion = shell.Register("churn", trained).Model.Metadata;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (champions.Held.Single(h => h.Name == "churn").Version != champion.Version && DateTime.UtcNow < deadline) await Task.Delay(50, Ct);
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.analyst", culture: "zh-CN");

        await page.GotoAsync("/Ml/Models");

        Assert.Equal("模型", (await page.InnerTextAsync("h1")).Trim());
        var row = await page.InnerTextAsync("table.models tr[data-model='churn']");
        Assert.Contains($"v{champion.Version}", row);
        Assert.Contains(champion.Validation.Overall.Auc.ToString("0.000", CultureInfo.InvariantCulture), row);
        Assert.Contains(champion.Validation.Overall.PrAuc.ToString("0.000", CultureInfo.InvariantCulture), row);
        Assert.Contains("模型晋升", row);
        Assert.Contains("缺失：模型库中没有冠军模型", await page.InnerTextAsync("table.models tr[data-model='cross-sell-storage']"));
        var versions = await page.InnerTextAsync("[data-versions='churn']");
        Assert.Contains($"v{champion.Version - 1}", versions);
        Assert.Contains("冠军", await page.InnerTextAsync($"[data-versions='churn'] tr.champion"));
        Assert.Contains("/Ml/Models", await page.GetAttributeAsync("nav.menu a.current", "href"));
        await Chromium.ScreenshotAsync(page, "ml-models");
    }

    [Fact]
    public async Task A_promoted_version_that_fails_to_load_is_shown_failed_beside_the_champion_still_held()
    {
        var champions = server.App.Services.GetRequiredService<ChampionModels>();
        var shell = new ModelRegistry(champions.Registry.Root);
        var held = shell.Register("cross-sell-renovation", await TrainAsync()).Model.Metadata.Version;
        // The server must hold the good version before the broken one arrives; promoted at once, the watcher
        // may see only the broken one and have nothing to keep.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (champions.Held.Single(h => h.Name == "cross-sell-renovation").Version != held && DateTime.UtcNow < deadline) await Task.Delay(50, Ct);
        Assert.Equal(held, champions.Held.Single(h => h.Name == "cross-sell-renovation").Version);
        BrokenModelVersion.Promote(champions.Registry.Root, "cross-sell-renovation", held, held + 1);
        while (champions.Held.Single(h => h.Name == "cross-sell-renovation").LastReload is not { Succeeded: false } && DateTime.UtcNow < deadline) await Task.Delay(50, Ct);
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.admin");

        await page.GotoAsync("/Ml/Models");

        var row = await page.InnerTextAsync("table.models tr[data-model='cross-sell-renovation']");
        Assert.Contains($"v{held + 1} failed to load; v{held} is kept", row);
        Assert.Equal($"v{held}", (await page.InnerTextAsync("table.models tr[data-model='cross-sell-renovation'] td.champion")).Trim());
    }

    [Fact]
    public async Task A_sales_rep_is_refused_the_models_page()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.sales");

        var response = await page.GotoAsync("/Ml/Models");

        Assert.Equal(403, response!.Status);
    }

    /// <summary>A small classifier on 600 rows of hash(i) noise where x decides the label: the same model on every run.</summary>
    private static async Task<TrainingResult> TrainAsync()
    {
        await using var duck = new DuckDBConnection("Data Source=:memory:");
        await duck.OpenAsync(Ct);
        return await new TabularTrainer(duck).TrainAsync(
            "SELECT (hash(i) % 1000) / 10.0 AS x, (hash(i + 7) % 1000) / 10.0 AS y, (hash(i) % 1000) / 10.0 + (hash(i + 7) % 100) / 10.0 > 55 AS label FROM range(600) t(i)",
            new TabularTrainingOptions { Label = "label", Folds = 2 }, ct: Ct);
    }
}
