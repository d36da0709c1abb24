using System.CommandLine;
using RealEstateCrm.Ml.Registry;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm ml models</c>: every version in the model registry, champions marked.</summary>
public static class MlModelsCommand
{
    public static Command Create()
    {
        var models = MlRun.ModelsOption();
        var command = new Command("models", "List the model registry: name, version, champion, trainer, holdout AUC, rows, trained at.") { models };
        command.SetAction(parse =>
        {
            var registry = new ModelRegistry(parse.GetValue(models)!);
            var all = registry.List();
            if (all.Count == 0)
            {
                AnsiConsole.MarkupLineInterpolated($"no models in {Path.GetFullPath(registry.Root)}; train one with crm ml train");
                return 0;
            }
            var table = new Table().AddColumns("name", "version", "champion", "trainer", "AUC", "rows", "trained at (UTC)", "validation");
            foreach (var m in all.Select(m => (m.IsChampion, m.Metadata)))
                table.AddRow(Markup.Escape(m.Metadata.Name), m.Metadata.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), m.IsChampion ? "*" : "",
                    m.Metadata.Trainer.ToString(), m.Metadata.Validation.HoldoutAuc.ToString("0.0000"), m.Metadata.Rows.ToString("N0"),
                    m.Metadata.TrainedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(m.Metadata.Validation.Split));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
