using System.Diagnostics;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Etl.WriteBack;
using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Ml.Training;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Bench;

/// <summary>The <c>ml</c> suite: a copy of the seeded database at a scale (default medium; <see cref="SeededDatabaseCache"/>)
/// loaded by the ETL, then each product model trained (its monthly snapshots, forward split, no k-fold) and timed, and
/// scored as of the data's end (rows/s; below the large scale, the open leads' rate extrapolated to it), the lead score trained with each trainer side by side (time and
/// forward AUC), and the day's lists written back.</summary>
internal static class MlBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scale = SeedScale.Parse(args.FirstOrDefault() ?? "medium");
        var folder = Directory.CreateTempSubdirectory("crm-bench-ml-").FullName;
        Console.WriteLine($"ml benchmark: scale {scale.Name}, seed 42, SQLite; {Environment.ProcessorCount} cores, {SeedBenchmark.LoadAverage()}");
        var operationalPath = await SeededDatabaseCache.CopyAsync(scale);
        try
        {
            var operational = new CrmDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={operationalPath}"));
            await operational.MigrateAsync();
            await using var warehouse = await WarehouseDatabase.OpenAsync(Path.Combine(folder, "warehouse.duckdb"));
            var clock = Stopwatch.StartNew();
            await new NightlyEtl(operational, warehouse, TimeProvider.System).RunAsync(full: true);
            Console.WriteLine($"ETL {clock.Elapsed.TotalSeconds:0.0} s; {SeedBenchmark.LoadAverage()}");

            var registry = new ModelRegistry(Path.Combine(folder, "models"));
            await FeatureViews.InstallAsync(warehouse);
            var dataEnd = await DataEnd.OfAsync(warehouse);
            var trainer = new ProductTrainer(warehouse, registry);
            var scorer = new ProductScorer(warehouse, registry, TimeProvider.System);
            // Each model is scored right after its training, so a long run at the large scale reports every model's
            // figures as it goes rather than only after all seven have trained.
            foreach (var model in ProductModels.All)
            {
                clock.Restart();
                var trained = await trainer.TrainAsync(model, dataEnd, new ProductTrainingOptions { Folds = 0 });
                Console.WriteLine($"train {model.Name,-28} {model.Trainer,-18} {clock.Elapsed.TotalSeconds,7:0.0} s  {trained.Result.Rows,9:N0} rows  forward AUC {trained.Result.Validation.HoldoutAuc:0.000}");
                clock.Restart();
                var scores = (await scorer.ScoreAsync(model, dataEnd)).Scores;
                var rate = scores.Count / clock.Elapsed.TotalSeconds;
                Console.WriteLine($"score {model.Name,-28} {clock.Elapsed.TotalSeconds,7:0.00} s  {scores.Count,9:N0} rows  {rate,9:N0} rows/s (features, model, reasons, write)");
                if (model == ProductModels.LeadScore && scale != SeedScale.Large) await ExtrapolateToLargeAsync(warehouse, scale, scores.Count, rate);
            }
            await CompareTrainersAsync(warehouse, Path.Combine(folder, "compare"), dataEnd);
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
            SeededDatabaseCache.Delete(operationalPath);
            Directory.Delete(folder, recursive: true);
        }
    }

    // Open leads grow with the leads generated (customers × leads per customer); the rate measured here is assumed to hold,
    // which the feature view (one DuckDB query) and the model pass (per row) make plausible but do not prove.
    private static async Task ExtrapolateToLargeAsync(WarehouseDatabase warehouse, SeedScale scale, int openLeads, double rowsPerSecond)
    {
        await using var command = warehouse.Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM ods_lead";
        var leads = Convert.ToDouble(await command.ExecuteScalarAsync());
        var largeLeads = SeedScale.Large.Customers * SeedScale.Large.LeadsPerCustomer;
        var largeOpen = openLeads / leads * largeLeads;
        Console.WriteLine($"  open leads {openLeads:N0} of {leads:N0} leads at {scale.Name}; the large scale's ≈{largeLeads:N0} leads give ≈{largeOpen:N0} open, " +
                          $"≈{largeOpen / rowsPerSecond:0} s at this rate (target < 60 s)");
    }

    // Each trainer in its own registry, so the comparison never changes the champion that scored above.
    private static async Task CompareTrainersAsync(WarehouseDatabase warehouse, string folder, DateOnly dataEnd)
    {
        var trainer = new ProductTrainer(warehouse, new ModelRegistry(folder));
        foreach (var kind in Enum.GetValues<TrainerKind>())
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var trained = await trainer.TrainAsync(ProductModels.LeadScore with { Name = $"lead-score-{kind}".ToLowerInvariant() }, dataEnd, new ProductTrainingOptions { Folds = 0, Trainer = kind });
            process.Refresh();
            Console.WriteLine($"lead score with {kind,-18} {clock.Elapsed.TotalSeconds,7:0.0} s [{(process.TotalProcessorTime - cpu).TotalSeconds,6:0.0} s CPU]  {trained.Result.Rows,9:N0} rows  forward AUC {trained.Result.Validation.HoldoutAuc:0.000}");
        }
    }
}
