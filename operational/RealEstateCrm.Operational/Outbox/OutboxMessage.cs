namespace RealEstateCrm.Operational.Outbox;

/// <summary>One committed change, for the streaming ETL. <see cref="Sequence"/> is gap-free and in commit
/// order: it is drawn from <see cref="OutboxCounter"/>, whose row lock is held until the transaction ends.</summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public required string Operation { get; set; }
    public required string Payload { get; set; }
    public DateTime OccurredAt { get; set; }
}

/// <summary>The single row holding the last outbox sequence handed out.</summary>
public sealed class OutboxCounter
{
    public int Id { get; set; } = 1;
    public long LastSequence { get; set; }
}

/// <summary>On PostgreSQL every transaction that writes outbox rows sends a NOTIFY on this channel; PostgreSQL
/// delivers it at commit (and drops it on rollback), so a LISTENing reader wakes exactly when there is news.</summary>
public static class OutboxNotifications
{
    public const string Channel = "crm_outbox";
}

public static class OutboxOperations
{
    public const string Insert = "insert", Update = "update", Delete = "delete";
    /// <summary>A bulk load wrote a whole table without per-row events: readers must extract that table in full.</summary>
    public const string BulkLoad = "bulk-load";
}
