using System.CommandLine;
using RealEstateCrm.Warehouse.Olap;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm olap query</c> and <c>crm olap cubes</c>: the OLAP layer over the warehouse file.</summary>
public static class OlapCommand
{
    public static Command Create()
    {
        var cube = new Option<string>("--cube") { Description = "The cube (crm olap cubes lists them)", Required = true };
        var measures = new Option<string>("--measures") { Description = "Comma-separated measures, e.g. service_level,asa,abandon_rate", Required = true };
        var by = new Option<string?>("--by") { Description = "Comma-separated dimension.level to group by, e.g. date.month,queue" };
        var filters = new Option<string[]>("--filter") { Description = "ATTRIBUTE OP VALUE with OP one of =, in, between, >=, <= (repeatable), e.g. \"date.year=2026\", \"queue in 售前,售后\"" };
        var drill = new Option<string?>("--drill") { Description = "A hierarchy level: group by every level down to it, e.g. geography.project" };
        var rollup = new Option<bool>("--rollup") { Description = "Add subtotal rows along the grouping order and a grand total" };
        var cubeTotals = new Option<bool>("--cube-totals") { Description = "Add subtotal rows for every combination of the groupings" };
        var top = new Option<int?>("--top") { Description = "Keep the N detail rows with the highest --top-by measure" };
        var topBy = new Option<string?>("--top-by") { Description = "The measure for --top (default: the first measure)" };
        var compare = new Option<OlapComparison>("--compare") { Description = "PreviousPeriod or PreviousYear (needs a date.day between filter)" };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var warehouse = WarehouseLoad.PathOption();
        var query = new Command("query", "Run one OLAP query on the warehouse and print the rows (grouping_id > 0 marks subtotal rows).")
        {
            cube, measures, by, filters, drill, rollup, cubeTotals, top, topBy, compare, format, warehouse,
        };
        query.SetAction(parse => CliRunner.Run(async () =>
        {
            if (parse.GetValue(rollup) && parse.GetValue(cubeTotals)) throw new ArgumentException("--rollup and --cube-totals: choose one");
            var request = new OlapQuery(parse.GetValue(cube)!, Split(parse.GetValue(measures)), Split(parse.GetValue(by)),
                (parse.GetValue(filters) ?? []).Select(OlapFilter.Parse).ToList(), parse.GetValue(drill),
                parse.GetValue(rollup) ? OlapTotals.Rollup : parse.GetValue(cubeTotals) ? OlapTotals.Cube : OlapTotals.None,
                parse.GetValue(top), parse.GetValue(topBy), parse.GetValue(compare));
            // Checked before the file is opened, so a typo does not wait for (or create) a warehouse.
            OlapSqlBuilder.Build(request);
            var path = parse.GetValue(warehouse)!;
            if (!File.Exists(path)) throw new FileNotFoundException($"--warehouse: {path} does not exist; load it with crm etl run");
            await using var database = await WarehouseLoad.OpenAsync(path);
            var result = await new OlapEngine(database.Connection).QueryAsync(request);
            OlapOutput.Write(result, parse.GetValue(format)!);
            return 0;
        }));

        var cubes = new Command("cubes", "List the cubes with their measures and dimensions (levels in hierarchy order).");
        cubes.SetAction(_ =>
        {
            foreach (var c in OlapCatalog.Cubes)
            {
                AnsiConsole.MarkupLineInterpolated($"[bold]{c.Name}[/]: {c.Description}");
                foreach (var m in c.Measures) AnsiConsole.MarkupLineInterpolated($"  measure   {m.Name,-28} {m.Description}");
                foreach (var d in c.Dimensions)
                    AnsiConsole.MarkupLineInterpolated($"  dimension {d.Name,-28} {string.Join(" › ", d.Hierarchy)}{(d.Attributes.Count > d.Hierarchy.Count ? "; also " + string.Join(", ", d.Attributes.Select(a => a.Name).Except(d.Hierarchy)) : "")}: {d.Description}");
            }
            return 0;
        });
        return new Command("olap", "OLAP queries over the warehouse.") { query, cubes };
    }

    internal static List<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
