using System.CommandLine;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm ml ...</c>: train from SQL, mine association rules, list the model registry; score the product
/// models and write the day's call lists.</summary>
public static class MlCommand
{
    public static Command Create(GlobalOptions options) => new("ml", "Machine learning over the warehouse or any DuckDB query.")
    {
        MlTrainCommand.Create(),
        MlRulesCommand.Create(),
        MlModelsCommand.Create(),
        MlScoreCommand.Create(),
        MlCallListCommand.Create(options),
    };
}
