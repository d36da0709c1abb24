namespace RealEstateCrm.Etl.Batch;

/// <summary>What the data-quality checks after an incremental run look at, instead of the whole warehouse: the fact rows
/// the run wrote, the fact rows holding a key of a dimension member it rewrote (a member deleted in the run takes its key
/// away from facts it did not touch), and, for duplicate natural keys, the members it rewrote. Nothing else can have
/// changed since the last run's checks. The conditions name the run's temp tables, so they hold on the run's connection
/// until the next run.</summary>
internal sealed class DataQualityScope
{
    private readonly Dictionary<string, string> _factRows;
    private readonly Dictionary<string, (string IdColumn, string Ids, string? KeysBefore)> _dimensions;

    private DataQualityScope(IEnumerable<(string Fact, string Rows)> facts, IEnumerable<(string Dimension, string IdColumn, string Ids, string? KeysBefore)> dimensions)
    {
        _factRows = facts.ToDictionary(f => f.Fact, f => f.Rows, StringComparer.Ordinal);
        _dimensions = dimensions.ToDictionary(d => d.Dimension, d => (d.IdColumn, d.Ids, d.KeysBefore), StringComparer.Ordinal);
    }

    /// <summary>The scope of an incremental run that extracted the <paramref name="touched"/> source tables and, with
    /// <paramref name="snapshots"/>, rewrote the run date's snapshots.</summary>
    public static DataQualityScope Incremental(IReadOnlySet<string> touched, bool snapshots) =>
        new(Facts.Rewritten(touched, snapshots), Dimensions.Rewritten(touched));

    /// <summary>The condition selecting the rows of <paramref name="fact"/> (aliased <c>f</c>) to check for an orphan
    /// <paramref name="column"/> into <paramref name="dimension"/>; null when the run can have orphaned none.</summary>
    public string? OrphanCandidates(string fact, string column, string dimension)
    {
        var candidates = new List<string>();
        if (_factRows.TryGetValue(fact, out var rows)) candidates.Add(rows);
        if (_dimensions.TryGetValue(dimension, out var d) && d.KeysBefore is not null) candidates.Add($"f.{column} IN ({d.KeysBefore})");
        return candidates.Count == 0 ? null : string.Join(" OR ", candidates);
    }

    /// <summary>The condition selecting the rows of <paramref name="dimension"/> to check for a duplicate
    /// <paramref name="naturalKey"/> (every row sharing that key with a member the run rewrote); null when it rewrote none.</summary>
    public string? DuplicateCandidates(string dimension, string naturalKey)
    {
        if (!_dimensions.TryGetValue(dimension, out var d)) return null;
        var members = $"{d.IdColumn} IN ({d.Ids})";
        // Keyed by the members' own ids, the rows sharing a key with them are the rows with those ids: no lookup of the keys.
        return naturalKey == d.IdColumn ? members : $"{naturalKey} IN (SELECT {naturalKey} FROM {dimension} WHERE {members})";
    }
}
