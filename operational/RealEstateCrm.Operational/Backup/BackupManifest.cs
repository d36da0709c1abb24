using System.Text.Json;

namespace RealEstateCrm.Operational.Backup;

/// <summary>The table of contents of a backup file (<c>manifest.json</c>): what wrote it, from which schema
/// and provider, and per table the row count, the SHA-256 of its data file and its columns, so a restore
/// can refuse a damaged or foreign file before it touches the database.</summary>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    string Provider,
    string? Migration,
    DateTime CreatedAt,
    IReadOnlyList<BackupTable> Tables)
{
    public const string FormatName = "realestatecrm-backup";
    public const int CurrentVersion = 1;
    public const string EntryName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static string DataEntry(string table) => $"tables/{table}.jsonl";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest FromJson(Stream json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            if (manifest is { Format: FormatName, Tables: not null }) return manifest;
        }
        catch (JsonException)
        {
            // Reported below: to the user a malformed manifest and a foreign one are the same problem.
        }
        throw new InvalidDataException($"not a RealEstateCrm backup: {EntryName} is missing its \"{FormatName}\" format mark or is not valid JSON");
    }
}

/// <summary>One table in a backup: its rows are in <see cref="BackupManifest.DataEntry"/>, one JSON object per line.</summary>
public sealed record BackupTable(string Name, long Rows, string Sha256, IReadOnlyList<string> Columns);
