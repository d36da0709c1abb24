namespace RealEstateCrm.Operational.Domain.Organisation;

/// <summary>One audited change: who, when, which entity, and its values before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public required string Operation { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
