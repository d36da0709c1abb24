using System.CommandLine;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Ml.Registry;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm ml score [--date D] [--retrain]</c>: scores every product model into the warehouse's ml_* tables.</summary>
public static class MlScoreCommand
{
    public static Command Create()
    {
        var date = MlRun.DateOption("The scoring date (yyyy-MM-dd); default the last day the warehouse has data for");
        var retrain = new Option<bool>("--retrain") { Description = "Train every product model first (new versions become champion unless they validate worse)" };
        var warehouse = WarehouseLoad.PathOption();
        var models = MlRun.ModelsOption();
        var command = new Command("score", "Score leads (lead-score), buyers (churn, cross-sell per add-on) and next best offers as of a date into ml_score, ml_next_best_offer and ml_association_rule.")
        {
            date, retrain, warehouse, models,
        };
        command.SetAction(parse => CliRunner.Run(async () =>
        {
            var day = MlRun.ParseDate(parse.GetValue(date));
            await using var opened = await WarehouseLoad.OpenAsync(parse.GetValue(warehouse)!);
            var registry = new ModelRegistry(parse.GetValue(models)!);
            if (parse.GetValue(retrain)) await MlRun.RetrainAsync(opened, registry, new ProductTrainingOptions());
            await MlRun.ScoreAsync(opened, registry, day);
            return 0;
        }));
        return command;
    }
}
