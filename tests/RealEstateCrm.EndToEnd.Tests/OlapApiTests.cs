using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Microsoft.Playwright;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Host.Cli;
using RealEstateCrm.Host.Web.Api;
using RealEstateCrm.Warehouse;
using Spectre.Console;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>/api/olap/query over the fixture's database loaded into the web's warehouse by the nightly ETL.</summary>
[Collection(WebCollection.Name)]
public sealed class OlapApiTests(WebServer server, Chromium chromium)
{
    private const string Query = "cube=calls&measures=calls,offered,answered,asa&by=date.month,direction&totals=rollup";

    [Fact]
    public async Task Json_result_equals_what_the_cli_prints_for_the_same_query()
    {
        await LoadWarehouseAsync();
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.analyst");

        var get = await page.APIRequest.GetAsync("/api/olap/query?" + Query);
        var post = await page.APIRequest.PostAsync("/api/olap/query", new APIRequestContextOptions
        {
            DataObject = new { cube = "calls", measures = "calls,offered,answered,asa", by = "date.month,direction", totals = "rollup" },
        });
        var cli = await CliJsonAsync("olap", "query", "--cube", "calls", "--measures", "calls,offered,answered,asa", "--by", "date.month,direction",
            "--rollup", "--format", "json", "--warehouse", server.WarehousePath);

        Assert.Equal(200, get.Status);
        Assert.Equal(200, post.Status);
        var rows = JsonNode.Parse(await get.TextAsync())!.AsArray();
        Assert.True(rows.Count > 1, "the tiny seed has calls in the warehouse");
        Assert.True(JsonNode.DeepEquals(cli, rows), $"API {rows.ToJsonString()}\nCLI {cli.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(cli, JsonNode.Parse(await post.TextAsync())));
    }

    [Fact]
    public async Task Arrow_stream_reads_back_to_the_json_rows()
    {
        await LoadWarehouseAsync();
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.analyst");

        var json = JsonNode.Parse(await (await page.APIRequest.GetAsync("/api/olap/query?" + Query)).TextAsync())!.AsArray();
        var arrow = await page.APIRequest.GetAsync("/api/olap/query?format=arrow&" + Query);

        Assert.Equal(200, arrow.Status);
        Assert.Equal(OlapApi.ArrowContentType, arrow.Headers["content-type"]);
        using var reader = new ArrowStreamReader(new MemoryStream(await arrow.BodyAsync()));
        var rows = new List<string>();
        while (await reader.ReadNextRecordBatchAsync(TestContext.Current.CancellationToken) is { } batch)
            using (batch)
                for (var i = 0; i < batch.Length; i++)
                    rows.Add(string.Join('|', reader.Schema.FieldsList.Select((f, c) => f.Name + "=" + ArrowText(batch.Column(c), i))));
        Assert.Equal(json.Select(row => string.Join('|', row!.AsObject().Select(p => p.Key + "=" + JsonText(p.Value)))), rows);
    }

    [Fact]
    public async Task Analyst_is_answered_agent_refused_and_anonymous_asked_to_sign_in()
    {
        var analyst = await chromium.SignInAsync(server.BaseAddress, "demo.analyst");
        var agent = await chromium.SignInAsync(server.BaseAddress, "demo.agent");
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };

        await LoadWarehouseAsync();
        Assert.Equal(200, (await analyst.APIRequest.GetAsync("/api/olap/query?" + Query)).Status);
        Assert.Equal(403, (await agent.APIRequest.GetAsync("/api/olap/query?" + Query)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/olap/query?" + Query, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Unknown_names_and_injection_attempts_are_refused_with_a_400_naming_them()
    {
        await LoadWarehouseAsync();
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.analyst");

        var unknownMeasure = await page.APIRequest.GetAsync("/api/olap/query?cube=calls&measures=profit");
        var injected = await page.APIRequest.GetAsync("/api/olap/query?cube=calls&measures=calls&by="
            + Uri.EscapeDataString("queue; DROP TABLE fact_call; --"));
        var injectedFilter = await page.APIRequest.GetAsync("/api/olap/query?cube=calls&measures=calls&filter="
            + Uri.EscapeDataString("queue = x' OR 1=1 --"));
        var stillThere = await page.APIRequest.GetAsync("/api/olap/query?cube=calls&measures=calls");

        Assert.Equal(400, unknownMeasure.Status);
        Assert.Contains("unknown measure 'profit'", await unknownMeasure.TextAsync());
        Assert.Equal(400, injected.Status);
        Assert.Contains("queue; DROP TABLE fact_call; --", JsonNode.Parse(await injected.TextAsync())!["error"]!.GetValue<string>());
        // A value is bound, never spliced into the SQL: it matches no queue, and the table is untouched.
        Assert.Equal(200, injectedFilter.Status);
        Assert.Equal(0L, JsonNode.Parse(await injectedFilter.TextAsync())!.AsArray()[0]!["calls"]!.GetValue<long>());
        Assert.True(JsonNode.Parse(await stillThere.TextAsync())!.AsArray()[0]!["calls"]!.GetValue<long>() > 0);
    }

    private async Task LoadWarehouseAsync()
    {
        if (File.Exists(server.WarehousePath)) return;
        await using var warehouse = await WarehouseDatabase.OpenAsync(server.WarehousePath, ct: TestContext.Current.CancellationToken);
        await new NightlyEtl(server.Database, warehouse, TimeProvider.System).RunAsync(full: true, ct: TestContext.Current.CancellationToken);
    }

    private async Task<JsonNode> CliJsonAsync(params string[] args)
    {
        var output = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        try
        {
            AnsiConsole.Profile.Width = 1000;
            Assert.Equal(0, await CrmCli.RunAsync([.. args, "--db", $"sqlite:{server.Database.Options.ConnectionString}"], TestContext.Current.CancellationToken));
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
        return JsonNode.Parse(output.ToString())!;
    }

    private static string ArrowText(IArrowArray column, int i) => column.IsNull(i) ? "" : column switch
    {
        StringArray s => s.GetString(i),
        Int32Array n => n.GetValue(i)!.Value.ToString(CultureInfo.InvariantCulture),
        Int64Array n => n.GetValue(i)!.Value.ToString(CultureInfo.InvariantCulture),
        DoubleArray d => d.GetValue(i)!.Value.ToString("R", CultureInfo.InvariantCulture),
        Decimal128Array d => ((double)d.GetValue(i)!.Value).ToString("R", CultureInfo.InvariantCulture),
        Date32Array d => d.GetDateOnly(i)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"Arrow type {column.Data.DataType.Name}"),
    };

    private static string JsonText(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonValue v => v.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
