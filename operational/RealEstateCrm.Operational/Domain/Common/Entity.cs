namespace RealEstateCrm.Operational.Domain.Common;

/// <summary>Base of every stored entity. Keys are time-ordered GUIDs made in the process, so a
/// change knows its key before it is saved (the outbox row and audit entry are written in the same
/// SaveChanges) and bulk loads need no round trip for identity values.</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
}
