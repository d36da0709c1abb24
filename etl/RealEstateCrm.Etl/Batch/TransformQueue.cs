using System.Text.RegularExpressions;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Batch;

/// <summary>A run's transformation statements, in their order, each run as soon as every source table it reads (an
/// <c>ods_&lt;table&gt;</c>, the rows read by id in <c>extracted_&lt;table&gt;</c>, or the <c>changed</c> ids of a table) is extracted, so the dimensions and facts of the tables
/// read first are built while the rest is still being read. The order never changes: each statement sees what the ones
/// before it wrote, as in a run that extracts everything first.</summary>
internal sealed partial class TransformQueue(WarehouseDatabase warehouse, IEnumerable<string> statements, IEnumerable<string> toExtract)
{
    private readonly Queue<(string Sql, string[] Sources)> _pending =
        new(statements.Select(sql => (sql, SourceNames().Matches(sql).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray())));
    private readonly HashSet<string> _unextracted = new(toExtract, StringComparer.Ordinal);

    /// <summary><paramref name="table"/> is extracted: runs the statements now ready, in order.</summary>
    public async Task ExtractedAsync(string table, CancellationToken ct)
    {
        _unextracted.Remove(table);
        while (_pending.TryPeek(out var next) && !next.Sources.Any(_unextracted.Contains))
        {
            await warehouse.ExecuteAsync(next.Sql, ct);
            _pending.Dequeue();
        }
    }

    /// <summary>Everything is extracted: runs the statements left.</summary>
    public async Task RunRestAsync(CancellationToken ct)
    {
        _unextracted.Clear();
        while (_pending.TryDequeue(out var next)) await warehouse.ExecuteAsync(next.Sql, ct);
    }

    [GeneratedRegex(@"\b(?:ods|extracted)_(\w+)|table_name = '(\w+)'")]
    private static partial Regex SourceNames();
}
