using System.Globalization;
using System.Text.Json.Nodes;

namespace RealEstateCrm.Testing;

/// <summary>For the tests of hosts that hold champions loaded: what a model copy cut short leaves in a registry folder.</summary>
public static class BrokenModelVersion
{
    /// <summary>Makes version <paramref name="version"/> of <paramref name="name"/> from <paramref name="from"/>'s metadata and a
    /// model.zip that is not one, and moves the champion pointer to it (written aside and renamed, as the registry does).</summary>
    public static void Promote(string root, string name, int from, int version)
    {
        var folder = Path.Combine(root, name);
        var staging = Directory.CreateDirectory(Path.Combine(folder, ".staging")).FullName;
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, from.ToString(CultureInfo.InvariantCulture), "metadata.json")))!;
        metadata["version"] = version;
        File.WriteAllText(Path.Combine(staging, "metadata.json"), metadata.ToJsonString());
        File.WriteAllText(Path.Combine(staging, "model.zip"), "not a zip");
        Directory.Move(staging, Path.Combine(folder, version.ToString(CultureInfo.InvariantCulture)));
        var pointer = Path.Combine(folder, "champion.json");
        File.WriteAllText(pointer + ".tmp", $$"""{"version": {{version}}, "promotedAt": "2026-12-02T00:00:00+00:00"}""");
        File.Move(pointer + ".tmp", pointer, overwrite: true);
    }
}
