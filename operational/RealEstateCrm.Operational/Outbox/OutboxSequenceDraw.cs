using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Operational.Outbox;

/// <summary>Draws outbox sequences from the counter row and writes the outbox rows, in one command (one round trip) on the
/// context's open transaction. The counter's UPDATE takes its row lock, held until the transaction ends: that is what makes
/// sequences gap-free and in commit order, and also what makes concurrent writers queue. So the interceptor draws last,
/// after the change and the audit rows are written, and commits right after: the lock is held for this command and the
/// commit, not for the whole save.</summary>
internal static class OutboxSequenceDraw
{
    // Rows per INSERT: 4 parameters a row stays under SQL Server's 2,100 per command and SQLite's 500 compound SELECTs.
    private const int RowsPerStatement = 400;
    private const string Columns = "sequence, entity, entity_key, operation, payload, occurred_at";

    /// <summary>Reserves <paramref name="count"/> sequences and returns the first; the caller writes rows with them before it commits.</summary>
    public static Task<long> ReserveAsync(CrmDbContext db, int count, bool sync, CancellationToken ct) => DrawAsync(db, count, [], sync, ct);

    /// <summary>Gives <paramref name="rows"/> the next sequences, in order, and inserts them.</summary>
    public static async Task AppendAsync(CrmDbContext db, IReadOnlyList<OutboxMessage> rows, bool sync, CancellationToken ct)
    {
        var first = await DrawAsync(db, rows.Count, rows, sync, ct);
        for (var i = 0; i < rows.Count; i++) rows[i].Sequence = first + i;
    }

    private static async Task<long> DrawAsync(CrmDbContext db, int count, IReadOnlyList<OutboxMessage> rows, bool sync, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("outbox sequences are drawn inside the transaction that writes the change");
        var connection = db.Database.GetDbConnection();
        var mappings = new Mappings(db);
        long last = 0;
        for (var offset = 0; offset == 0 || offset < rows.Count; offset += RowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder();
            if (offset == 0)
            {
                // PostgreSQL delivers the NOTIFY at commit (never on rollback) to the streaming ETL; the others have none and their readers poll.
                if (db.Database.IsNpgsql()) sql.Append(CultureInfo.InvariantCulture, $"NOTIFY {OutboxNotifications.Channel};\n");
                sql.Append(CultureInfo.InvariantCulture, $"UPDATE outbox_counter SET last_sequence = last_sequence + {count} WHERE id = 1;\n");
            }
            var chunk = rows.Skip(offset).Take(RowsPerStatement).ToList();
            if (chunk.Count > 0) AppendInsert(sql, command, mappings, chunk, offset, count);
            if (offset == 0) sql.Append("SELECT last_sequence FROM outbox_counter WHERE id = 1");
            command.CommandText = sql.ToString();
            if (offset == 0)
            {
                var value = sync ? command.ExecuteScalar() : await command.ExecuteScalarAsync(ct);
                if (value is null or DBNull) throw new InvalidOperationException("outbox_counter has no row 1: the migration seeds it; no sequence can be drawn");
                last = Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
            else if (sync) command.ExecuteNonQuery();
            else await command.ExecuteNonQueryAsync(ct);
        }
        return last - count + 1;
    }

    /// <summary>INSERT ... SELECT from the counter row just bumped, so each row's sequence is computed in the database and
    /// the rows go in the same round trip as the bump.</summary>
    private static void AppendInsert(StringBuilder sql, DbCommand command, Mappings mappings, List<OutboxMessage> chunk, int offset, int count)
    {
        var at = "@t" + offset.ToString(CultureInfo.InvariantCulture);
        command.Parameters.Add(mappings.OccurredAt.CreateParameter(command, at, chunk[0].OccurredAt));
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO outbox_message ({Columns})\n");
        for (var i = 0; i < chunk.Count; i++)
        {
            var n = (offset + i).ToString(CultureInfo.InvariantCulture);
            var row = chunk[i];
            command.Parameters.Add(mappings.Entity.CreateParameter(command, "@e" + n, row.Entity));
            command.Parameters.Add(mappings.EntityKey.CreateParameter(command, "@k" + n, row.EntityKey));
            command.Parameters.Add(mappings.Operation.CreateParameter(command, "@o" + n, row.Operation));
            command.Parameters.Add(mappings.Payload.CreateParameter(command, "@p" + n, row.Payload));
            if (i > 0) sql.Append("UNION ALL ");
            sql.Append(CultureInfo.InvariantCulture, $"SELECT last_sequence - {count} + {offset + i + 1}, @e{n}, @k{n}, @o{n}, @p{n}, {at} FROM outbox_counter WHERE id = 1\n");
        }
        sql.Append(";\n");
    }

    /// <summary>EF's own type mappings for the columns, so parameters carry exactly what SaveChanges would write.</summary>
    private sealed class Mappings(DbContext db)
    {
        private readonly Microsoft.EntityFrameworkCore.Metadata.IEntityType _entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        public RelationalTypeMapping Entity => field ??= Of(nameof(OutboxMessage.Entity));
        public RelationalTypeMapping EntityKey => field ??= Of(nameof(OutboxMessage.EntityKey));
        public RelationalTypeMapping Operation => field ??= Of(nameof(OutboxMessage.Operation));
        public RelationalTypeMapping Payload => field ??= Of(nameof(OutboxMessage.Payload));
        public RelationalTypeMapping OccurredAt => field ??= Of(nameof(OutboxMessage.OccurredAt));
        private RelationalTypeMapping Of(string property) => _entity.FindProperty(property)!.GetRelationalTypeMapping();
    }
}
