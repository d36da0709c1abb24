using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Sales;

/// <summary>Records that a rep reached a new lead for the first time (首次联系); speed to first contact is what
/// the lead-scoring model learns from, so it is recorded once and never moved.</summary>
[UseCase]
public sealed class RecordFirstContact(CrmDbContext db)
{
    public sealed record Request(Guid LeadId, DateTime? At = null);

    public async Task<Lead> Handle(Request request, CancellationToken ct = default)
    {
        var lead = await db.Leads.FindOrFail(request.LeadId, "lead", ct);
        if (lead.FirstContactAt is not null) throw new DomainException($"the first contact was already recorded at {lead.FirstContactAt:u}", "lead");
        var at = request.At ?? DateTime.UtcNow;
        if (at < lead.CreatedAt) throw new DomainException("the first contact cannot be before the lead was created", "at");
        lead.AdvanceTo(LeadStatus.Contacted, at);
        await db.SaveChangesAsync(ct);
        return lead;
    }
}
