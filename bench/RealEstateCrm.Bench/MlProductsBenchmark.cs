using System.Diagnostics;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Etl.WriteBack;
using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Bench;

/// <summary>The <c>ml-products</c> suite: the demo data at a scale (default medium) on SQLite, loaded by the ETL, then
/// each product model trained (24 monthly snapshots, forward split, no k-fold), scored as of the data's end (rows/s),
/// and the day's lists written back.</summary>
internal static class MlProductsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scale = SeedScale.Parse(args.FirstOrDefault() ?? "medium");
        var folder = Directory.CreateTempSubdirectory("crm-bench-ml-").FullName;
        try
        {
            await using var databases = await BenchDatabases.StartAsync();
            var operational = await databases.NewAsync(DatabaseProvider.Sqlite);
            Console.WriteLine($"ml-products benchmark: scale {scale.Name}, seed 42, SQLite; {Environment.ProcessorCount} cores, {SeedBenchmark.LoadAverage()}");
            var seeded = await new DemoSeeder(operational).SeedAsync(new SeedOptions(scale));
            Console.WriteLine($"seeded {seeded.TotalRows:N0} rows in {seeded.Elapsed.TotalSeconds:0.0} s");
            await using var warehouse = await WarehouseDatabase.OpenAsync(Path.Combine(folder, "warehouse.duckdb"));
            var clock = Stopwatch.StartNew();
            await new NightlyEtl(operational, warehouse, TimeProvider.System).RunAsync(full: true);
            Console.WriteLine($"ETL {clock.Elapsed.TotalSeconds:0.0} s");

            var registry = new ModelRegistry(Path.Combine(folder, "models"));
            await FeatureViews.InstallAsync(warehouse);
            var dataEnd = await DataEnd.OfAsync(warehouse);
            var trainer = new ProductTrainer(warehouse, registry);
            foreach (var model in ProductModels.All)
            {
                clock.Restart();
                var trained = await trainer.TrainAsync(model, dataEnd, new ProductTrainingOptions { Folds = 0 });
                Console.WriteLine($"train {model.Name,-28} {clock.Elapsed.TotalSeconds,7:0.0} s  {trained.Result.Rows,9:N0} rows  forward AUC {trained.Result.Validation.HoldoutAuc:0.000}");
            }
            var scorer = new ProductScorer(warehouse, registry, TimeProvider.System);
            foreach (var model in ProductModels.All)
            {
                clock.Restart();
                var scores = (await scorer.ScoreAsync(model, dataEnd)).Scores;
                Console.WriteLine($"score {model.Name,-28} {clock.Elapsed.TotalSeconds,7:0.00} s  {scores.Count,9:N0} rows  {scores.Count / clock.Elapsed.TotalSeconds,9:N0} rows/s (features, model, reasons, write)");
            }
            clock.Restart();
            var rules = await new RealEstateCrm.Ml.CrossSell.PurchaseRules(warehouse).WriteAsync(dataEnd);
            var offers = await new RealEstateCrm.Ml.CrossSell.NextBestOffers(warehouse).WriteAsync(dataEnd);
            Console.WriteLine($"rules and offers {clock.Elapsed.TotalSeconds:0.0} s: {rules} rules, {offers:N0} offers");
            clock.Restart();
            var lists = await new ScoredLists(operational, warehouse, TimeProvider.System).WriteAsync(dataEnd, new WriteBackOptions());
            Console.WriteLine($"write-back {clock.Elapsed.TotalSeconds:0.0} s: {lists.Lists} lists, {lists.Entries:N0} entries");
            Console.WriteLine($"done; {SeedBenchmark.LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
