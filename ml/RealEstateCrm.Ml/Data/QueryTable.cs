using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;

namespace RealEstateCrm.Ml.Data;

/// <summary>A DuckDB query result read whole into memory, column by column, with a fingerprint of its contents
/// (SHA-256 over column names, types and every value in result order) so a model records what it was trained on.</summary>
public sealed class QueryTable
{
    private readonly Dictionary<string, QueryColumn> byName;

    private QueryTable(IReadOnlyList<QueryColumn> columns, int rows, string fingerprint)
    {
        Columns = columns;
        Rows = rows;
        Fingerprint = fingerprint;
        byName = columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<QueryColumn> Columns { get; }
    public int Rows { get; }
    /// <summary>Hex SHA-256 of the result (names, types, values).</summary>
    public string Fingerprint { get; }

    /// <summary>The column by name (case-insensitive, as DuckDB resolves names), or an error naming
    /// <paramref name="field"/>, the column and the columns the result has.</summary>
    public QueryColumn Column(string name, string field) =>
        Find(name) ?? throw new MlInputException(field, $"no column '{name}' in the query result; its columns: {string.Join(", ", Columns.Select(c => c.Name))}");

    public QueryColumn? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>Runs <paramref name="sql"/> and reads every row. A query DuckDB refuses (syntax, missing file or table)
    /// is an <see cref="MlInputException"/> for field <c>sql</c> carrying DuckDB's message.</summary>
    public static async Task<QueryTable> ReadAsync(DuckDBConnection connection, string sql, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(sql)) throw new MlInputException("sql", "the query is empty");
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadAsync(reader, ct);
        }
        catch (DuckDBException e)
        {
            throw new MlInputException("sql", $"DuckDB: {e.Message}", e);
        }
    }

    private static async Task<QueryTable> ReadAsync(DbDataReader reader, CancellationToken ct)
    {
        var count = reader.FieldCount;
        var names = new string[count];
        var types = new string[count];
        var kinds = new ColumnKind[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = reader.GetName(i);
            types[i] = reader.GetDataTypeName(i).ToUpperInvariant();
            kinds[i] = KindOf(reader.GetFieldType(i));
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < count; i++) hash.AppendData(Encoding.UTF8.GetBytes($"{names[i]}\u001f{types[i]}\u001e"));

        var numbers = Enumerable.Range(0, count).Select(i => kinds[i] is ColumnKind.Text or ColumnKind.Other ? null : new List<double>()).ToArray();
        var texts = Enumerable.Range(0, count).Select(i => kinds[i] is ColumnKind.Text or ColumnKind.Other ? new List<string?>() : null).ToArray();
        // Categorical text repeats: one string per distinct value instead of one per row (a 10M-row result would otherwise
        // hold 10M copies of each city). Columns with very many values (ids, free text) stop pooling.
        var pools = Enumerable.Range(0, count).Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToArray();
        var rows = 0;
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < count; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                if (texts[i] is { } text)
                {
                    var s = value is null ? null : Pooled(pools[i], Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    text.Add(s);
                    hash.AppendData(Encoding.UTF8.GetBytes(s is null ? "\0\u001f" : s + "\u001f"));
                }
                else
                {
                    var number = value is null ? double.NaN : ToNumber(value);
                    numbers[i]!.Add(number);
                    hash.AppendData(Encoding.UTF8.GetBytes(number.ToString("R", CultureInfo.InvariantCulture) + "\u001f"));
                }
            }
            rows++;
        }
        var columns = Enumerable.Range(0, count)
            .Select(i => new QueryColumn(names[i], types[i], kinds[i], numbers[i]?.ToArray(), texts[i]?.ToArray()))
            .ToList();
        return new QueryTable(columns, rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Pooled(Dictionary<string, string> pool, string value)
    {
        if (pool.TryGetValue(value, out var pooled)) return pooled;
        if (pool.Count < 100_000) pool[value] = value;
        return value;
    }

    private static ColumnKind KindOf(Type type)
    {
        if (type == typeof(bool)) return ColumnKind.Boolean;
        if (type == typeof(string)) return ColumnKind.Text;
        if (type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(TimeSpan))
            return ColumnKind.Time;
        if (type.IsPrimitive || type == typeof(decimal) || type == typeof(BigInteger) || type == typeof(Half)) return ColumnKind.Numeric;
        return ColumnKind.Other;
    }

    private static double ToNumber(object value) => value switch
    {
        bool b => b ? 1 : 0,
        BigInteger big => (double)big,
        DateTime t => t.Ticks,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue).Ticks,
        DateTimeOffset o => o.UtcTicks,
        TimeOnly t => t.Ticks,
        TimeSpan s => s.Ticks,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
