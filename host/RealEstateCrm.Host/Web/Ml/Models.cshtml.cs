using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RealEstateCrm.Host.Jobs;
using RealEstateCrm.Host.Ml;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Ml;

/// <summary>The product models as this process scores with them: the champion it holds loaded (version, AUC and PR-AUC
/// on the holdout, trained at), when it was loaded and how the last reload went, and every version in the registry, so an
/// analyst sees whether a promotion made in a shell has reached the server.</summary>
[Authorize(Policy = Functions.Reports)]
public sealed class ModelsModel(ChampionModels champions) : PageModel
{
    public IReadOnlyList<HeldChampion> Held { get; private set; } = [];
    /// <summary>The registry's versions by model name, product models and others (<c>crm ml train</c>'s) alike.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RegisteredModel>> Versions { get; private set; } = new Dictionary<string, IReadOnlyList<RegisteredModel>>();
    public string? RegistryError { get; private set; }
    public string Root => champions.Registry.Root;

    public void OnGet()
    {
        Held = champions.Held;
        try
        {
            Versions = champions.Registry.List().GroupBy(m => m.Metadata.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<RegisteredModel>)g.OrderByDescending(m => m.Metadata.Version).ToList(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            // What the process holds is still worth showing when a version's metadata on disk is damaged.
            RegistryError = e.Message;
        }
    }

    public IReadOnlyList<RegisteredModel> VersionsOf(string name) => Versions.GetValueOrDefault(name) ?? [];

    public IEnumerable<string> OtherModels => Versions.Keys.Except(Held.Select(h => h.Name)).Order(StringComparer.Ordinal);

    public static string China(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, CrmJobs.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Metric(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
