namespace RealEstateCrm.Operational.Features.Import;

/// <summary>Which file column holds which field. Headers match the snake_case field name or one of its
/// aliases, ignoring case, spaces and dashes. Other columns of the entity's table (an export's <c>id</c>,
/// <c>created_at</c>) are ignored so an exported file imports back; anything else is an error.</summary>
public sealed class ImportHeader
{
    private readonly Dictionary<string, (int Index, string Header)> _columns;

    private ImportHeader(Dictionary<string, (int, string)> columns) => _columns = columns;

    public bool Has(string field) => _columns.ContainsKey(field);

    public string? Cell(TabularRow row, string field) =>
        _columns.TryGetValue(field, out var column) && column.Index < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[column.Index])
            ? row.Cells[column.Index]!.Trim()
            : null;

    /// <summary>The header as the file spells it, for messages (the user searches their sheet for it).</summary>
    public string Display(string field) => _columns.TryGetValue(field, out var column) ? column.Header : field;

    public static ImportHeader Map<TEntity>(IReadOnlyList<string> headers, IReadOnlyList<ImportField<TEntity>> fields, IEnumerable<string> ignored)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        foreach (var name in field.Aliases.Prepend(field.Name))
            byName[Normalize(name)] = field.Name;
        var ignore = ignored.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var errors = new ImportErrors();
        var columns = new Dictionary<string, (int, string)>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (byName.TryGetValue(Normalize(header), out var field))
            {
                if (!columns.TryAdd(field, (i, header))) errors.Add("header", $"\"{header}\" and \"{columns[field].Item2}\" are both {field}");
            }
            else if (!ignore.Contains(Normalize(header)))
                errors.Add("header", $"unknown column \"{header}\" (column {i + 1}); known columns: {string.Join(", ", fields.Select(f => f.Name))}");
        }
        foreach (var field in fields.Where(f => f.IsRequired && !columns.ContainsKey(f.Name)))
            errors.Add("header", $"missing required column {field.Name}{(field.Aliases.Count > 0 ? $" (or {string.Join(", ", field.Aliases)})" : "")}");
        errors.ThrowIfAny();
        return new ImportHeader(columns);
    }

    private static string Normalize(string header) => header.Trim().Replace(' ', '_').Replace('-', '_').ToLowerInvariant();
}
