using DuckDB.NET.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RealEstateCrm.Host.Cli;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Warehouse;
using RealEstateCrm.Warehouse.Export;
using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Host.Web.Api;

/// <summary><c>GET|POST /api/olap/query</c>: the OLAP layer for API clients and the web's dashboards. JSON by default (the
/// rows <c>crm olap query --format json</c> prints); <c>?format=arrow</c> streams an Arrow IPC stream instead. Only names
/// from the model are accepted and values are bound, so anything else is a 400 naming what was wrong.</summary>
public static class OlapApi
{
    public const string ArrowContentType = "application/vnd.apache.arrow.stream";

    public static void MapOlapApi(this WebApplication app, string warehousePath)
    {
        var group = app.MapGroup("/api/olap").RequireAuthorization(Functions.Olap);
        group.MapGet("/query", (HttpContext http, CancellationToken ct) => Answer(http, warehousePath, () => Task.FromResult(OlapApiRequest.FromQueryString(http.Request.Query)), ct));
        group.MapPost("/query", (HttpContext http, CancellationToken ct) => Answer(http, warehousePath, () => OlapApiRequest.FromJsonAsync(http.Request, ct), ct))
            // A JSON body cannot come from a cross-site form, and API clients hold no anti-forgery token.
            .DisableAntiforgery();
    }

    private static async Task<IResult> Answer(HttpContext http, string warehousePath, Func<Task<OlapApiRequest>> read, CancellationToken ct)
    {
        var format = http.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "json";
        OlapQuery query;
        OlapStatement statement;
        try
        {
            if (format is not ("json" or "arrow")) throw new OlapModelException($"format: '{format}' is not one of json, arrow");
            query = (await read()).ToQuery();
            // Checked before the warehouse is opened: a typo costs nothing. The Arrow stream is the statement's own result,
            // so it selects grouping_id as the JSON rows carry it.
            statement = OlapSqlBuilder.Build(query, selectGroupingId: format == "arrow");
        }
        catch (OlapModelException e)
        {
            return Results.BadRequest(new { error = e.Message });
        }
        // Opened per request like the CLI and the nightly job do: DuckDB.NET shares one database instance per file in
        // this process, so a query reads the last committed load and never holds the file between requests.
        if (!File.Exists(warehousePath))
            return Results.Problem($"the warehouse {warehousePath} is not loaded yet (crm etl run, or wait for the nightly job)", statusCode: StatusCodes.Status503ServiceUnavailable);
        await using var warehouse = await WarehouseDatabase.OpenAsync(warehousePath, ct: ct);
        if (format == "json")
            return Results.Json(OlapOutput.JsonRows(await new OlapEngine(warehouse.Connection).QueryAsync(query, ct)).ToList());

        http.Response.ContentType = ArrowContentType;
        // Batch by batch as DuckDB produces them: a large result never sits in memory whole.
        await ArrowStreamExport.WriteAsync(warehouse, statement.Sql, statement.Parameters.Select(p => new DuckDBParameter(p.Key, p.Value)), http.Response.Body, ct);
        return Results.Empty;
    }
}
