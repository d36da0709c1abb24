using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.DemoData;

namespace RealEstateCrm.Operational.Outbox;

/// <summary>Writes an outbox row and an audit entry for every inserted, updated or deleted entity, in
/// the same transaction as the change. If SaveChanges runs outside a transaction it opens one, so the
/// sequence reservation, the rows and the change commit or roll back together. The audit rows go with EF's own
/// writes; the outbox rows and their sequences are drawn last (<see cref="OutboxSequenceDraw"/>), right before the
/// commit, because the counter's row lock is what concurrent writers queue on.</summary>
internal sealed class OutboxAndAuditInterceptor : SaveChangesInterceptor
{
    public static readonly OutboxAndAuditInterceptor Instance = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>A change as it was before the save, so a save whose sequence draw fails can be put back and retried.</summary>
    private sealed record Change(EntityEntry Entry, EntityState State, PropertyValues? Original, string[] Modified);

    // Per-context bookkeeping: the transaction we opened (if any) and the SQLite writer turn it holds, the audit rows we
    // added (a failed save detaches them, so a retry does not write them twice), the outbox rows still to write, and the changes.
    private sealed record Pending(IDbContextTransaction? OwnedTransaction, IDisposable? WriterTurn, List<AuditEntry> Audit, List<OutboxMessage> Outbox, List<Change> Changes);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, Pending> State = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CrmDbContext db) Prepare(db, sync: true).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CrmDbContext db) await Prepare(db, sync: false, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await Saved(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    // EF calls these also when SavedChanges threw; Saved has cleaned up by then and they find nothing pending.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        Failed(eventData.Context, sync: true).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Failed(eventData.Context, sync: false);

    private static async Task Prepare(CrmDbContext db, bool sync, CancellationToken ct = default)
    {
        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsTracked(e.Entity))
            .ToList();
        if (changes.Count == 0) return;

        IDisposable? turn = null;
        IDbContextTransaction? owned = null;
        try
        {
            if (db.Database.CurrentTransaction is null)
            {
                if (db.Database.IsSqlite()) turn = await SqliteWriterQueue.WaitAsync(db.Database.GetConnectionString(), sync, ct);
                owned = sync ? db.Database.BeginTransaction() : await db.Database.BeginTransactionAsync(ct);
            }
            State.AddOrUpdate(db, Rows(db, changes, owned, turn));
        }
        catch
        {
            // EF reports no failure for an exception thrown here: nothing else would end the transaction or release the turn.
            await EndAsync(new Pending(owned, turn, [], [], []), rollback: true, sync);
            throw;
        }
    }

    /// <summary>The audit rows (added to the context, so EF writes them with the change) and the outbox rows (written
    /// by <see cref="Saved"/>) for <paramref name="changes"/>, and each change's state before the save.</summary>
    private static Pending Rows(CrmDbContext db, List<EntityEntry> changes, IDbContextTransaction? owned, IDisposable? turn)
    {
        var now = DateTime.UtcNow;
        var audit = new List<AuditEntry>(changes.Count);
        var outbox = new List<OutboxMessage>(changes.Count);
        var before = new List<Change>(changes.Count);
        foreach (var entry in changes)
        {
            var operation = entry.State switch
            {
                EntityState.Added => OutboxOperations.Insert,
                EntityState.Deleted => OutboxOperations.Delete,
                _ => OutboxOperations.Update,
            };
            var entityName = entry.Metadata.ClrType.Name;
            var key = KeyOf(entry);
            var after = entry.State == EntityState.Deleted ? null : Serialize(entry, p => p.CurrentValue, _ => true);
            var previous = entry.State switch
            {
                EntityState.Deleted => Serialize(entry, p => p.OriginalValue, _ => true),
                EntityState.Modified => Serialize(entry, p => p.OriginalValue, p => p.IsModified),
                _ => null,
            };

            outbox.Add(new OutboxMessage { Entity = entityName, EntityKey = key, Operation = operation, Payload = after ?? previous!, OccurredAt = now });
            audit.Add(new AuditEntry
            {
                At = now,
                UserName = db.Actor,
                Entity = entityName,
                EntityKey = key,
                Operation = operation,
                Before = previous,
                After = entry.State == EntityState.Modified ? Serialize(entry, p => p.CurrentValue, p => p.IsModified) : after,
            });
            before.Add(entry.State == EntityState.Modified
                ? new Change(entry, entry.State, entry.OriginalValues.Clone(), entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToArray())
                : new Change(entry, entry.State, null, []));
        }
        db.AddRange(audit);
        return new Pending(owned, turn, audit, outbox, before);
    }

    /// <summary>EF has written the changes and the audit rows and accepted them: draw the sequences, write the outbox rows
    /// and commit (if the transaction is ours). If that fails, the transaction rolls back and the changes are put back as
    /// they were before the save, so the caller sees the exception and a retry writes everything again.</summary>
    private static async Task Saved(DbContext? context, bool sync, CancellationToken ct)
    {
        if (context is not CrmDbContext db || !State.TryGetValue(db, out var pending)) return;
        State.Remove(db);
        try
        {
            await OutboxSequenceDraw.AppendAsync(db, pending.Outbox, sync, ct);
            if (pending.OwnedTransaction is { } tx)
            {
                if (sync) tx.Commit();
                else await tx.CommitAsync(ct);
            }
        }
        catch
        {
            await EndAsync(pending, rollback: true, sync);
            foreach (var row in pending.Audit) db.Entry(row).State = EntityState.Detached;
            Restore(pending.Changes);
            throw;
        }
        await EndAsync(pending, rollback: false, sync);
        // Tracked as saved, as the rows EF wrote itself are, so the caller can read its change's sequence.
        foreach (var row in pending.Outbox) db.Entry(row).State = EntityState.Unchanged;
    }

    private static async Task Failed(DbContext? context, bool sync)
    {
        if (context is null || !State.TryGetValue(context, out var pending)) return;
        State.Remove(context);
        foreach (var row in pending.Audit) context.Entry(row).State = EntityState.Detached;
        await EndAsync(pending, rollback: true, sync);
    }

    /// <summary>Ends our transaction (rolled back if <paramref name="rollback"/>, else already committed) and gives up the
    /// SQLite writer turn.</summary>
    private static async Task EndAsync(Pending pending, bool rollback, bool sync)
    {
        try
        {
            if (pending.OwnedTransaction is { } tx)
            {
                // Rollback may itself fail on a broken connection: the save's own exception is the one to report, and
                // disposing still ends the transaction.
                if (rollback)
                {
                    try { if (sync) tx.Rollback(); else await tx.RollbackAsync(CancellationToken.None); }
                    catch (Exception e) when (e is DbException or InvalidOperationException) { }
                }
                if (sync) tx.Dispose();
                else await tx.DisposeAsync();
            }
        }
        finally
        {
            pending.WriterTurn?.Dispose();
        }
    }

    private static void Restore(List<Change> changes)
    {
        foreach (var change in changes)
        {
            change.Entry.State = change.State;
            if (change.Original is null) continue;
            change.Entry.OriginalValues.SetValues(change.Original);
            foreach (var property in change.Entry.Properties)
            {
                var modified = change.Modified.Contains(property.Metadata.Name);
                if (property.IsModified != modified) property.IsModified = modified;
            }
        }
    }

    private static bool IsTracked(object entity) => IsTracked(entity.GetType());

    /// <summary>Whether changes to this type go to the outbox: the outbox, the audit log and the
    /// generator's ground truth do not.</summary>
    internal static bool IsTracked(Type type) =>
        type != typeof(OutboxMessage) && type != typeof(AuditEntry) && type != typeof(OutboxCounter) && type != typeof(TrueProbability);

    private static string KeyOf(EntityEntry entry) =>
        string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static string Serialize(EntityEntry entry, Func<PropertyEntry, object?> value, Func<PropertyEntry, bool> include)
    {
        var map = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
            if (include(property) && property.Metadata.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), false) != true) map[property.Metadata.Name] = value(property);
        return JsonSerializer.Serialize(map, Json);
    }
}
