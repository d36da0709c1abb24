using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>A voicemail that is a complaint becomes a complaint work order in the category the listener
/// chose; the voicemail links to it and counts as heard. The caller is the customer, matched by phone if the
/// switch did not know them.</summary>
[UseCase]
public sealed class TurnVoicemailIntoWorkOrder(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid VoicemailId, Guid CategoryId, string Title, string? Description = null, Guid? UnitId = null);

    public async Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        var voicemail = await db.Voicemails.FindOrFail(request.VoicemailId, "voicemail", ct);
        if (voicemail.WorkOrderId is not null)
            throw new DomainException("this voicemail already has a work order", "voicemail");
        var customerId = voicemail.CustomerId ?? await CustomerByPhone.Match(db, ChinesePhone.Normalize(voicemail.Caller), ct)
            ?? throw new DomainException($"no single customer has phone {ChinesePhone.Mask(voicemail.Caller)}; record the customer first", "voicemail");

        var at = clock.GetUtcNow().UtcDateTime;
        var order = await new WorkOrderOpener(db).Open(
            new WorkOrderOpener.Draft(WorkOrderType.Complaint, customerId, request.CategoryId, request.Title, request.Description, UnitId: request.UnitId), at, ct, source: $"voicemail {voicemail.File}");
        voicemail.WorkOrderId = order.Id;
        voicemail.CustomerId = customerId;
        voicemail.Heard = true;
        await db.SaveChangesAsync(ct);
        return order;
    }
}
