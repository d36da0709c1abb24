namespace RealEstateCrm.Warehouse.Export;

/// <summary>One table as written: <paramref name="Path"/> is relative to the export directory (a folder of
/// <c>year=YYYY/month=MM/*.parquet</c> partitions for a fact, else one <c>.parquet</c> file).
/// <paramref name="PartitionedBy"/> is the date-key column the partitions derive from, null when unpartitioned.</summary>
public sealed record ExportedTable(string Name, string Path, long Rows, string? PartitionedBy, IReadOnlyList<string> PartitionColumns);

/// <summary>The <c>_manifest.json</c> written beside the tables, so a reader knows what it got without listing files.</summary>
public sealed record ExportManifest(string Format, int SchemaVersion, DateTimeOffset ExportedAt, IReadOnlyList<ExportedTable> Tables)
{
    public const string FileName = "_manifest.json";
}
