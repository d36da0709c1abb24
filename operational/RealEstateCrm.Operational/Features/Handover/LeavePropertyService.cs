using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Handover;

/// <summary>Records that an owner has left the developer's property service (业主退出物业服务: the owners' committee or
/// the owner chose another property manager). The relationship is lost: the churn label counts it beside a cancelled
/// reservation or contract. Stored as the customer tag <see cref="Tag"/>, whose time-ordered key is the time it was
/// recorded, as add-on purchases are. Only an owner (a unit handed over to him) receives the property service, once.</summary>
[UseCase]
public sealed class LeavePropertyService(CrmDbContext db, TimeProvider clock)
{
    public const string Tag = "property-service:left";

    public sealed record Request(Guid CustomerId);

    public async Task<CustomerTag> Handle(Request request, CancellationToken ct = default)
    {
        var customer = await db.Customers.FindOrFail(request.CustomerId, "customer", ct);
        if (!await db.Contracts.AnyAsync(c => c.CustomerId == customer.Id && c.Status == ContractStatus.HandedOver, ct))
            throw new DomainException($"customer {customer.Code} has no unit handed over, so receives no property service to leave", "customer");
        if (await db.CustomerTags.AnyAsync(t => t.CustomerId == customer.Id && t.Tag == Tag, ct))
            throw new DomainException($"customer {customer.Code} has already left the property service", "customer");

        var tag = new CustomerTag { Id = Guid.CreateVersion7(clock.GetUtcNow()), CustomerId = customer.Id, Tag = Tag };
        db.CustomerTags.Add(tag);
        await db.SaveChangesAsync(ct);
        return tag;
    }
}
