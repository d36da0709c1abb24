using System.CommandLine;
using RealEstateCrm.Ml.Rules;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm ml rules --sql ... --basket COL --item COL</c>: association rules (apriori) over baskets from any query.</summary>
public static class MlRulesCommand
{
    public static Command Create()
    {
        var sql = MlQuerySource.SqlOption();
        var basket = new Option<string>("--basket") { Description = "The column identifying a basket (an order, a customer)", Required = true };
        var item = new Option<string>("--item") { Description = "The column naming an item in the basket", Required = true };
        var minSupport = new Option<double>("--min-support") { Description = "Least share of baskets holding all of a rule's items", Required = true };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Least share of baskets with the antecedent that also hold the consequent", Required = true };
        var top = new Option<int>("--top") { Description = "Print the N rules with the highest lift", DefaultValueFactory = _ => 20 };
        var warehouse = MlQuerySource.WarehouseOption();
        var command = new Command("rules", "Mine association rules {A} => {b} (one-item consequents) with support, confidence and lift.")
        {
            sql, basket, item, minSupport, minConfidence, top, warehouse,
        };
        command.SetAction(parse => CliRunner.Run(async () =>
        {
            if (parse.GetValue(top) < 1) throw new ArgumentException($"--top: must be at least 1 (got {parse.GetValue(top)})");
            var result = await MlQuerySource.NamingOption(async () =>
            {
                await using var source = await MlQuerySource.OpenAsync(parse.GetValue(warehouse));
                return await AnsiConsole.Status().StartAsync("mining frequent itemsets", async _ =>
                    await AprioriMiner.MineAsync(source.Connection, parse.GetValue(sql)!, parse.GetValue(basket)!, parse.GetValue(item)!,
                        parse.GetValue(minSupport), parse.GetValue(minConfidence)));
            });
            AnsiConsole.MarkupLineInterpolated(
                $"{result.Baskets:N0} baskets, {result.Items:N0} items, {result.FrequentItemsets:N0} frequent itemsets: [bold]{result.Rules.Count:N0} rules[/]");
            var table = new Table().AddColumns("rule", "support", "confidence", "lift", "baskets");
            foreach (var rule in result.Rules.Take(parse.GetValue(top)))
                table.AddRow(Markup.Escape(rule.ToString()), rule.Support.ToString("0.00000"), rule.Confidence.ToString("0.000"), rule.Lift.ToString("0.000"), rule.Baskets.ToString("N0"));
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }
}
