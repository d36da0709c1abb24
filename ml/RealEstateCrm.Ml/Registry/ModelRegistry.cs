using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.ML;
using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Ml.Registry;

/// <summary>Versioned models on disk: <c>ROOT/NAME/VERSION/</c> holds <c>model.zip</c> (ML.NET) and <c>metadata.json</c>;
/// <c>ROOT/NAME/champion.json</c> names the champion version. A version folder is written aside and renamed into place,
/// so a reader never sees half a model.</summary>
public sealed partial class ModelRegistry(string root = ModelRegistry.DefaultRoot, TimeProvider? clock = null) : IChampionSource
{
    public const string DefaultRoot = "data/models";
    private const string ModelFile = "model.zip";
    private const string MetadataFile = "metadata.json";
    private const string ChampionFile = "champion.json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    // The champion version last announced per name, so a promotion seen both in-process and by the watcher is told once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> announced = new(StringComparer.Ordinal);

    public string Root { get; } = root;

    /// <summary>Raised after a version became champion, so the host reloads it.</summary>
    public event EventHandler<ModelReloadEventArgs>? Reload;

    /// <summary>Stores <paramref name="trained"/> as the next version of <paramref name="name"/> and promotes it to champion
    /// if its holdout AUC is not worse than the champion's by more than <paramref name="promotionMargin"/> (the first
    /// version always is). Raises <see cref="Reload"/> on promotion.</summary>
    public PromotionDecision Register(string name, TrainingResult trained, double promotionMargin = 0.01)
    {
        CheckName(name);
        if (promotionMargin < 0) throw new MlInputException("margin", $"the promotion margin must not be negative (got {promotionMargin})");
        var folder = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        var incoming = Directory.CreateDirectory(Path.Combine(folder, $".incoming-{Guid.NewGuid():N}")).FullName;
        try
        {
            var ml = new MLContext(0);
            using (var stream = File.Create(Path.Combine(incoming, ModelFile)))
                ml.Model.Save(trained.Model.Transformer, FeatureRows.Schema(ml, trained.Model.Schema.Slots), stream);
            var version = Versions(folder).DefaultIfEmpty(0).Max() + 1;
            while (true)
            {
                var metadata = new ModelMetadata(name, version, trained.Model.Trainer, clock.GetUtcNow(), trained.Model.Label, trained.Model.Schema,
                    trained.Validation, trained.Rows, trained.DataFingerprint, trained.Sql);
                File.WriteAllText(Path.Combine(incoming, MetadataFile), JsonSerializer.Serialize(metadata, Json));
                try
                {
                    Directory.Move(incoming, Path.Combine(folder, Invariant(version)));
                    return Promote(name, metadata, promotionMargin);
                }
                catch (IOException) when (Directory.Exists(Path.Combine(folder, Invariant(version))))
                {
                    version++; // another process registered this version first
                }
            }
        }
        finally
        {
            if (Directory.Exists(incoming)) Directory.Delete(incoming, recursive: true);
        }
    }

    private PromotionDecision Promote(string name, ModelMetadata challenger, double margin)
    {
        var champion = Champion(name);
        string reason;
        var auc = challenger.Validation.HoldoutAuc;
        if (champion is null) reason = "first version";
        else if (double.IsNaN(auc) || auc < champion.Metadata.Validation.HoldoutAuc - margin)
            return new PromotionDecision(Describe(name, challenger.Version, false), false,
                $"holdout AUC {auc:0.0000} is worse than champion v{champion.Metadata.Version}'s {champion.Metadata.Validation.HoldoutAuc:0.0000} by more than {margin}");
        else reason = $"holdout AUC {auc:0.0000} against champion v{champion.Metadata.Version}'s {champion.Metadata.Validation.HoldoutAuc:0.0000} (margin {margin})";

        var pointer = Path.Combine(Root, name, ChampionFile);
        var temporary = pointer + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new ChampionPointer(challenger.Version, clock.GetUtcNow()), Json));
        File.Move(temporary, pointer, overwrite: true);
        Announce(name, challenger.Version);
        return new PromotionDecision(Describe(name, challenger.Version, true), true, reason);
    }

    /// <summary>Watches the registry folder for promotions by any process (a <c>crm ml train</c> in a shell, a job on
    /// another worker) and raises <see cref="Reload"/> for each, until disposed. Promotions through this instance are
    /// announced once, not again by the watcher.</summary>
    public IDisposable WatchChampions()
    {
        Directory.CreateDirectory(Root);
        foreach (var name in List().Where(m => m.IsChampion)) announced[name.Metadata.Name] = name.Metadata.Version;
        // No name filter: a model's folder created (or moved in) after the watch began must be seen itself. On Linux the
        // watch on a new folder is added only when its creation is reported, so a champion pointer written into it first
        // raises no event of its own (dotnet/runtime#116351); the folder's event then reads the pointer.
        var watcher = new FileSystemWatcher(Root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite };
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root));
        void Changed(string path)
        {
            string name;
            if (string.Equals(Path.GetFileName(path), ChampionFile, StringComparison.Ordinal)) name = Path.GetFileName(Path.GetDirectoryName(path))!;
            else if (string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), root, StringComparison.Ordinal)
                     && Directory.Exists(path) && !Path.GetFileName(path).StartsWith('.')) name = Path.GetFileName(path);
            else return;
            try
            {
                if (ChampionVersion(name) is { } version) Announce(name, version);
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // Caught mid-replace; the rename that completes it raises another event.
            }
        }
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) => Changed(e.FullPath);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Announce(string name, int version)
    {
        var previous = -1;
        announced.AddOrUpdate(name, version, (_, old) => { previous = old; return version; });
        if (previous != version) Reload?.Invoke(this, new ModelReloadEventArgs(name, version));
    }

    /// <summary>Every stored version (of <paramref name="name"/>, or of all names), by name then version.</summary>
    public IReadOnlyList<RegisteredModel> List(string? name = null)
    {
        if (!Directory.Exists(Root)) return [];
        IEnumerable<string> names = name is null ? Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal) : [name];
        return names.SelectMany(n => Versions(Path.Combine(Root, n)).Order().Select(v => Describe(n, v, ChampionVersion(n) == v))).ToList();
    }

    /// <summary>The champion of <paramref name="name"/>, or null if it has none.</summary>
    public RegisteredModel? Champion(string name) =>
        ChampionVersion(name) is { } version ? Describe(name, version, true) : null;

    /// <summary>Loads a version (by default the champion) ready to score; scoring checks the data against its feature schema.</summary>
    public TabularModel Load(string name, int? version = null)
    {
        CheckName(name);
        var versions = Versions(Path.Combine(Root, name)).Order().ToList();
        if (versions.Count == 0)
            throw new MlInputException("name", $"no model named '{name}' in {Root}; models: {Names()}");
        var chosen = version ?? ChampionVersion(name) ?? throw new MlInputException("name", $"model '{name}' has no champion");
        if (!versions.Contains(chosen)) throw new MlInputException("version", $"model '{name}' has no version {chosen}; versions: {string.Join(", ", versions)}");
        var metadata = ReadMetadata(name, chosen);
        var ml = new MLContext(0);
        using var stream = File.OpenRead(Path.Combine(Root, name, Invariant(chosen), ModelFile));
        return new TabularModel(ml, ml.Model.Load(stream, out _), metadata.Features, metadata.Label, metadata.Trainer, metadata);
    }

    /// <summary>Loads the champion from disk on every call; null when <paramref name="name"/> has none.</summary>
    public TabularModel? ChampionModel(string name) => CurrentChampionVersion(name) is { } version ? Load(name, version) : null;

    private string Names()
    {
        var names = List().Select(m => m.Metadata.Name).Distinct().ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private RegisteredModel Describe(string name, int version, bool champion) =>
        new(ReadMetadata(name, version), champion, Path.Combine(Root, name, Invariant(version)));

    private ModelMetadata ReadMetadata(string name, int version)
    {
        var path = Path.Combine(Root, name, Invariant(version), MetadataFile);
        return JsonSerializer.Deserialize<ModelMetadata>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty");
    }

    /// <summary>The champion's version number from <c>champion.json</c> alone (a few bytes), or null if the name has none:
    /// a holder of loaded champions checks with it that they are still current.</summary>
    public int? CurrentChampionVersion(string name)
    {
        CheckName(name);
        return ChampionVersion(name);
    }

    private int? ChampionVersion(string name)
    {
        var path = Path.Combine(Root, name, ChampionFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<ChampionPointer>(File.ReadAllText(path), Json)?.Version : null;
    }

    private static IEnumerable<int> Versions(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Select(Path.GetFileName).Select(n => int.TryParse(n, out var v) ? v : 0).Where(v => v > 0)
            : [];

    private static string Invariant(int version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || !NamePattern().IsMatch(name))
            throw new MlInputException("name", $"model name '{name}' must be letters, digits, '-', '_' or '.' and not start with '.'");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9_.-]*$")]
    private static partial Regex NamePattern();

    private sealed record ChampionPointer(int Version, DateTimeOffset PromotedAt);
}
