using System.Diagnostics;
using DuckDB.NET.Data;
using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Rules;
using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Bench;

/// <summary>The <c>ml-reference</c> suite: the ML core on the public reference data (<c>../shared/data/</c>, or the folder
/// given): Bank Marketing without <c>duration</c>, 5-fold, per trainer (time, AUC), scoring rows/s with and without
/// the top-3 reasons, and apriori on Groceries.</summary>
internal static class MlReferenceBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = args.FirstOrDefault() ?? Path.Combine("..", "shared", "data");
        var bank = Path.Combine(folder, "bank-additional-full.csv");
        var groceries = Path.Combine(folder, "groceries.csv");
        if (!File.Exists(bank) || !File.Exists(groceries))
        {
            Console.Error.WriteLine($"reference data not found in {Path.GetFullPath(folder)}: give the folder holding bank-additional-full.csv and groceries.csv");
            return 2;
        }
        Console.WriteLine($"ml-reference benchmark: {Environment.ProcessorCount} cores, {SeedBenchmark.LoadAverage()}");
        await using var duck = new DuckDBConnection("Data Source=:memory:");
        await duck.OpenAsync();

        var clock = Stopwatch.StartNew();
        var table = await QueryTable.ReadAsync(duck, $"SELECT * FROM read_csv_auto('{bank.Replace("'", "''")}', delim = ';')");
        Console.WriteLine($"bank marketing: read {table.Rows:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s; 5-fold stratified (seed 42) without duration, then the final model on all rows");
        Console.WriteLine("  (wall-clock; in brackets the process's CPU time, which other work on a shared machine disturbs less)");
        foreach (var trainer in Enum.GetValues<TrainerKind>())
        {
            TrainingResult? result = null;
            var training = Timed(() => result = TabularTrainer.Train(table, new TabularTrainingOptions { Label = "y", Exclude = ["duration"], Trainer = trainer }));
            var plain = Timed(() => result!.Model.Score(table, reasons: 0));
            var explained = Timed(() => result!.Model.Score(table, reasons: 3));
            Console.WriteLine($"  {trainer,-18} 5 folds + final {training.Wall.TotalSeconds,6:0.0} s [{training.Cpu.TotalSeconds,5:0.0} s]   pooled AUC {result!.Validation.HoldoutAuc:0.0000}   " +
                              $"mean fold AUC {result.Validation.MeanFoldAuc:0.0000}   PR-AUC {result.Validation.Overall.PrAuc:0.0000}   " +
                              $"scoring {table.Rows / plain.Wall.TotalSeconds,9:N0} rows/s [{table.Rows / plain.Cpu.TotalSeconds,9:N0}], " +
                              $"with 3 reasons {table.Rows / explained.Wall.TotalSeconds,9:N0} rows/s [{table.Rows / explained.Cpu.TotalSeconds,9:N0}]");
        }

        clock.Restart();
        var rules = await AprioriMiner.MineAsync(duck, $"""
            SELECT basket, unnest(string_split(line, ',')) AS item
            FROM (SELECT row_number() OVER () AS basket, line
                  FROM read_csv('{groceries.Replace("'", "''")}', columns = {"{'line': 'VARCHAR'}"}, header = false, delim = '|', quote = '', escape = ''))
            """, "basket", "item", 0.006, 0.25);
        Console.WriteLine($"groceries: {rules.Baskets:N0} baskets, {rules.Rules.Count} rules (support ≥ 0.006, confidence ≥ 0.25) in {clock.Elapsed.TotalSeconds:0.00} s including the query; top {rules.Rules[0]} lift {rules.Rules[0].Lift:0.000}");
        Console.WriteLine($"done; {SeedBenchmark.LoadAverage()}");
        return 0;
    }

    private static (TimeSpan Wall, TimeSpan Cpu) Timed(Action action)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        process.Refresh();
        return (clock.Elapsed, process.TotalProcessorTime - cpu);
    }
}
