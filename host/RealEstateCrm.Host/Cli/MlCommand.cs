using System.CommandLine;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm ml ...</c>: train from SQL, mine association rules, list the model registry.</summary>
public static class MlCommand
{
    public static Command Create() => new("ml", "Machine learning over the warehouse or any DuckDB query.")
    {
        MlTrainCommand.Create(),
        MlRulesCommand.Create(),
        MlModelsCommand.Create(),
    };
}
