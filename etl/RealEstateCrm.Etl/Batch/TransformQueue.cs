using System.Text.RegularExpressions;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Batch;

/// <summary>A run's transformation statements, each run as soon as every source table it reads (an <c>ods_&lt;table&gt;</c>,
/// the rows read by id in <c>extracted_&lt;table&gt;</c>, or the <c>changed</c> ids of a table) is extracted, so the dimensions
/// and facts of the tables read first are built while the rest is still being read. A statement goes ahead of an earlier
/// one still waiting for its tables only when neither writes a table the other names: such statements commute, so each
/// statement still sees what every earlier one it could depend on wrote, as in a run that extracts everything first. In
/// strict order, a fact of the leads waited for the call records behind a dimension of the calls, and DuckDB sat idle.</summary>
internal sealed partial class TransformQueue(WarehouseDatabase warehouse, IEnumerable<string> statements, IEnumerable<string> toExtract)
{
    private readonly List<Statement> _pending = statements.Select(Statement.Of).ToList();
    private readonly HashSet<string> _unextracted = new(toExtract, StringComparer.Ordinal);

    /// <summary><paramref name="table"/> is extracted: runs the statements now ready.</summary>
    public async Task ExtractedAsync(string table, CancellationToken ct)
    {
        _unextracted.Remove(table);
        while (NextReady() is { } next)
        {
            await warehouse.ExecuteAsync(_pending[next].Sql, ct);
            _pending.RemoveAt(next);
        }
    }

    /// <summary>Everything is extracted: runs the statements left, in order.</summary>
    public async Task RunRestAsync(CancellationToken ct)
    {
        _unextracted.Clear();
        foreach (var statement in _pending) await warehouse.ExecuteAsync(statement.Sql, ct);
        _pending.Clear();
    }

    /// <summary>The first waiting statement whose tables are extracted and that commutes with every statement before it.</summary>
    private int? NextReady()
    {
        for (var i = 0; i < _pending.Count; i++)
            if (!_pending[i].Sources.Any(_unextracted.Contains) && !_pending.Take(i).Any(earlier => earlier.ConflictsWith(_pending[i]))) return i;
        return null;
    }

    /// <summary>A statement, the source tables it waits for, the names it mentions (every word: a table it reads is among
    /// them) and the tables it writes. One whose writes are not recognised writes "everything": nothing passes it.</summary>
    private sealed record Statement(string Sql, string[] Sources, HashSet<string> Names, HashSet<string>? Writes)
    {
        public static Statement Of(string sql)
        {
            var writes = Written().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return new(sql, SourceNames().Matches(sql).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray(),
                Word().Matches(sql).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase), writes.Count > 0 ? writes : null);
        }

        public bool ConflictsWith(Statement later) =>
            Writes is null || later.Writes is null || Writes.Overlaps(later.Names) || later.Writes.Overlaps(Names);
    }

    [GeneratedRegex(@"\b(?:ods|extracted)_(\w+)|table_name = '(\w+)'")]
    private static partial Regex SourceNames();

    [GeneratedRegex(@"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|(?:CREATE|DROP|ALTER)(?:\s+OR\s+REPLACE)?(?:\s+TEMP|\s+TEMPORARY)?\s+TABLE(?:\s+IF(?:\s+NOT)?\s+EXISTS)?)\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Written();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
