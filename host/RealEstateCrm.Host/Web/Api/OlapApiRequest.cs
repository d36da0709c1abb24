using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RealEstateCrm.Host.Cli;
using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Host.Web.Api;

/// <summary>An OLAP query as a client sends it: the options of <c>crm olap query</c> under the same names (lists comma-separated,
/// <c>filter</c> repeatable), from the query string of a GET or the JSON body of a POST.</summary>
public sealed record OlapApiRequest(string? Cube, string? Measures, string? By = null, string[]? Filter = null, string? Drill = null,
    string? Totals = null, int? Top = null, string? TopBy = null, string? Compare = null)
{
    public static OlapApiRequest FromQueryString(IQueryCollection query) => new(
        query["cube"], query["measures"], query["by"], query["filter"].Where(f => f is not null).ToArray()!, query["drill"], query["totals"],
        query["top"] is { Count: > 0 } top ? int.TryParse(top, out var n) ? n : throw new OlapModelException($"top: '{top}' is not a whole number") : null,
        query["topBy"], query["compare"]);

    public static async Task<OlapApiRequest> FromJsonAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFromJsonAsync<OlapApiRequest>(ct) ?? throw new OlapModelException("the body is empty; send the query as JSON");
        }
        catch (JsonException e)
        {
            throw new OlapModelException($"the body is not a query: {e.Message}");
        }
    }

    /// <summary>The query for the OLAP layer; the layer itself checks every name against the model when it builds the SQL.</summary>
    public OlapQuery ToQuery()
    {
        if (string.IsNullOrWhiteSpace(Cube)) throw new OlapModelException($"cube: give one of {string.Join(", ", OlapCatalog.Cubes.Select(c => c.Name))}");
        if (string.IsNullOrWhiteSpace(Measures)) throw new OlapModelException("measures: give at least one measure");
        var totals = Totals?.ToLowerInvariant() switch
        {
            null or "" or "none" => OlapTotals.None,
            "rollup" => OlapTotals.Rollup,
            "cube" => OlapTotals.Cube,
            _ => throw new OlapModelException($"totals: '{Totals}' is not one of none, rollup, cube"),
        };
        var compare = string.IsNullOrWhiteSpace(Compare) ? OlapComparison.None
            : Enum.TryParse<OlapComparison>(Compare, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c
            : throw new OlapModelException($"compare: '{Compare}' is not one of {string.Join(", ", Enum.GetNames<OlapComparison>())}");
        return new OlapQuery(Cube, OlapCommand.Split(Measures), OlapCommand.Split(By), (Filter ?? []).Select(OlapFilter.Parse).ToList(),
            string.IsNullOrWhiteSpace(Drill) ? null : Drill, totals, Top, string.IsNullOrWhiteSpace(TopBy) ? null : TopBy, compare);
    }
}
