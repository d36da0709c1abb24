using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.DemoData;

namespace RealEstateCrm.Operational.Outbox;

/// <summary>Writes an outbox row and an audit entry for every inserted, updated or deleted entity, in
/// the same transaction as the change. If SaveChanges runs outside a transaction it opens one, so the
/// sequence reservation, the rows and the change commit or roll back together.</summary>
internal sealed class OutboxAndAuditInterceptor : SaveChangesInterceptor
{
    public static readonly OutboxAndAuditInterceptor Instance = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    // Per-context bookkeeping: the transaction we opened (if any) and the rows we added, so a failed
    // save can roll back and detach them and a retry does not write them twice.
    private sealed record Pending(IDbContextTransaction? OwnedTransaction, List<object> Added);
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
        Finish(eventData.Context, commit: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await Finish(eventData.Context, commit: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        Finish(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Finish(eventData.Context, commit: false, cancellationToken);

    private static async Task Prepare(CrmDbContext db, bool sync, CancellationToken ct = default)
    {
        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsTracked(e.Entity))
            .ToList();
        if (changes.Count == 0) return;

        IDbContextTransaction? owned = null;
        if (db.Database.CurrentTransaction is null)
            owned = sync ? db.Database.BeginTransaction() : await db.Database.BeginTransactionAsync(ct);

        var first = await ReserveSequences(db, changes.Count, sync, ct);
        var now = DateTime.UtcNow;
        var added = new List<object>(changes.Count * 2);
        for (var i = 0; i < changes.Count; i++)
        {
            var entry = changes[i];
            var operation = entry.State switch
            {
                EntityState.Added => OutboxOperations.Insert,
                EntityState.Deleted => OutboxOperations.Delete,
                _ => OutboxOperations.Update,
            };
            var entityName = entry.Metadata.ClrType.Name;
            var key = KeyOf(entry);
            var after = entry.State == EntityState.Deleted ? null : Serialize(entry, p => p.CurrentValue, _ => true);
            var before = entry.State switch
            {
                EntityState.Deleted => Serialize(entry, p => p.OriginalValue, _ => true),
                EntityState.Modified => Serialize(entry, p => p.OriginalValue, p => p.IsModified),
                _ => null,
            };

            added.Add(new OutboxMessage
            {
                Sequence = first + i,
                Entity = entityName,
                EntityKey = key,
                Operation = operation,
                Payload = after ?? before!,
                OccurredAt = now,
            });
            added.Add(new AuditEntry
            {
                At = now,
                UserName = db.Actor,
                Entity = entityName,
                EntityKey = key,
                Operation = operation,
                Before = before,
                After = entry.State == EntityState.Modified ? Serialize(entry, p => p.CurrentValue, p => p.IsModified) : after,
            });
        }
        db.AddRange(added);
        State.AddOrUpdate(db, new Pending(owned, added));
    }

    internal static async Task<long> ReserveSequences(CrmDbContext db, int count, bool sync, CancellationToken ct)
    {
        // The UPDATE takes the counter row's write lock first, so concurrent writers queue here and
        // sequences are handed out in commit order with no gaps (a rollback returns them).
        const string bump = "UPDATE outbox_counter SET last_sequence = last_sequence + {0} WHERE id = 1";
        const string read = "SELECT last_sequence AS \"Value\" FROM outbox_counter WHERE id = 1";
        // The streaming ETL listens; the other providers have no NOTIFY and their readers poll.
        var notify = db.Database.IsNpgsql() ? $"NOTIFY {OutboxNotifications.Channel}" : null;
        long last;
        if (sync)
        {
            db.Database.ExecuteSqlRaw(bump, count);
            if (notify is not null) db.Database.ExecuteSqlRaw(notify);
            last = db.Database.SqlQueryRaw<long>(read).AsEnumerable().First();
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(bump, [count], ct);
            if (notify is not null) await db.Database.ExecuteSqlRawAsync(notify, ct);
            last = (await db.Database.SqlQueryRaw<long>(read).ToListAsync(ct))[0];
        }
        return last - count + 1;
    }

    private static async Task Finish(DbContext? context, bool commit, CancellationToken ct)
    {
        if (context is null || !State.TryGetValue(context, out var pending)) return;
        State.Remove(context);
        if (!commit)
        {
            foreach (var row in pending.Added) context.Entry(row).State = EntityState.Detached;
        }
        if (pending.OwnedTransaction is { } tx)
        {
            if (commit) await tx.CommitAsync(ct);
            else await tx.RollbackAsync(ct);
            await tx.DisposeAsync();
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
