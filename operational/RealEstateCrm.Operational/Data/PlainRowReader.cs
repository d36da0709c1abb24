using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RealEstateCrm.Operational.Data;

/// <summary>Reads a table's rows with a plain data reader on the context's connection and transaction: no entities,
/// no change tracker, no per-column getter. Each column is read as the provider type EF maps it to and passed through
/// the same value converter EF uses, so the values are the ones <see cref="StoredTable.ReadRows(CrmDbContext, CancellationToken)"/>
/// gives (enums from their names, GUIDs from SQLite's text), at a fraction of the cost. A reader that wants some columns
/// otherwise (the ETL reads text-stored columns as the stored strings) passes its own column readers.</summary>
public sealed class PlainRowReader
{
    // Keeps each IN list well inside every provider's parameter limit (SQLite's is the lowest).
    private const int IdsPerQuery = 500;

    private static readonly MethodInfo ColumnReaderMethod = typeof(PlainRowReader).GetMethod(nameof(ColumnReader), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly string _select;
    private readonly string _idColumn;
    private readonly RelationalTypeMapping? _idMapping;
    private readonly Func<DbDataReader, int, object?>[] _columns;

    /// <param name="columns">How to read each of <paramref name="table"/>'s columns, in its column order; by default as EF does
    /// (<see cref="ReaderFor"/>).</param>
    public PlainRowReader(StoredTable table, ISqlGenerationHelper sql, IReadOnlyList<Func<DbDataReader, int, object?>>? columns = null)
    {
        var entityType = table.EntityType;
        _select = $"SELECT {string.Join(", ", table.ColumnNames.Select(c => sql.DelimitIdentifier(c)))} " +
                  $"FROM {sql.DelimitIdentifier(table.Name, entityType.GetSchema())}";
        var id = entityType.FindProperty("Id");
        _idColumn = id is null ? "" : sql.DelimitIdentifier(id.GetColumnName());
        _idMapping = id?.GetRelationalTypeMapping();
        _columns = columns?.ToArray() ?? table.Columns.Select(ReaderFor).ToArray();
        if (_columns.Length != table.Columns.Count) throw new ArgumentException($"{table.Name} has {table.Columns.Count} columns, not {_columns.Length}", nameof(columns));
    }

    /// <summary>The statement that reads every row, for a reader that steps through it on its own (the ETL's SQLite scan).</summary>
    public string SelectAll => _select;

    /// <summary>The rows, all of them or those with the given ids, in no particular order.</summary>
    public async IAsyncEnumerable<object?[]> ReadAsync(CrmDbContext db, IReadOnlyCollection<Guid>? ids, [EnumeratorCancellation] CancellationToken ct)
    {
        if (ids is not null && _idMapping is null) throw new InvalidOperationException($"{_select}: the table has no Id column to select rows by");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The ids in key order (a GUID's order is its text's, as SQLite and PostgreSQL order the key): the IN lists read one
            // after the other sweep the key index once instead of each jumping all over it.
            IEnumerable<Guid[]?> queries = ids is null ? new Guid[]?[] { null } : (IEnumerable<Guid[]?>)ids.Order().Chunk(IdsPerQuery);
            foreach (var chunk in queries)
            {
                await using var command = Command(db, chunk);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var row = new object?[_columns.Length];
                    for (var i = 0; i < row.Length; i++) row[i] = _columns[i](reader, i);
                    yield return row;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private DbCommand Command(CrmDbContext db, Guid[]? ids)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        // Inside a transaction the context opened (a backup's snapshot), the rows come from that transaction.
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
        if (ids is null)
        {
            command.CommandText = _select;
            return command;
        }
        var idMapping = _idMapping!;
        var names = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            names[i] = $"@id{i}";
            // The id mapping writes the parameter the way the column stores it (text on SQLite, uuid on PostgreSQL).
            command.Parameters.Add(idMapping.CreateParameter(command, names[i], ids[i], nullable: false));
        }
        command.CommandText = $"{_select} WHERE {_idColumn} IN ({string.Join(", ", names)})";
        return command;
    }

    /// <summary>Reads <paramref name="property"/>'s column as the provider type EF maps it to, through EF's value converter.</summary>
    public static Func<DbDataReader, int, object?> ReaderFor(IProperty property)
    {
        var mapping = property.GetRelationalTypeMapping();
        var converter = mapping.Converter;
        var providerType = converter?.ProviderClrType ?? mapping.ClrType;
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        return (Func<DbDataReader, int, object?>)ColumnReaderMethod.MakeGenericMethod(providerType).Invoke(null, [converter?.ConvertFromProvider])!;
    }

    private static Func<DbDataReader, int, object?> ColumnReader<TProvider>(Func<object?, object?>? fromProvider) =>
        fromProvider is null
            ? (reader, i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<TProvider>(i)
            : (reader, i) => reader.IsDBNull(i) ? null : fromProvider(reader.GetFieldValue<TProvider>(i));
}
