using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Customers;

namespace RealEstateCrm.Operational.Features.Handover;

/// <summary>Records that an owner has left the developer's property service (业主退出物业服务: the owners' committee or
/// the owner chose another property manager). The relationship is lost: the churn label counts it beside a cancelled
/// reservation or contract. Stored as the customer tag <see cref="Tag"/>, whose time-ordered key is the time he left, as
/// add-on purchases are; the owner telling service so, with his reason, is a reception record (接待记录) of the same
/// transaction, dated when it was recorded. Only an owner (a unit handed over to him) receives the property service, once.</summary>
[UseCase]
public sealed class LeavePropertyService(CrmDbContext db, TimeProvider clock)
{
    public const string Tag = "property-service:left";

    /// <param name="LeftAt">When the service ended, in UTC: the start of the business day he left on (the caller knows
    /// the business's time zone); not in the future, nor before the day his unit was handed over.</param>
    /// <param name="Reason">Why he left, in his or the committee's words.</param>
    /// <param name="Channel">How he told service.</param>
    public sealed record Request(Guid CustomerId, DateTime LeftAt, string Reason, ReceptionChannel Channel, Guid? RecordedByUserId = null);

    /// <summary>When the owner left: the time in the tag's version-7 key (its first 48 bits, Unix milliseconds).</summary>
    public static DateTime LeftAt(CustomerTag tag) => LeftAt(tag.Id);

    /// <summary>When the owner left, from the tag's id alone (a page that reads only the id).</summary>
    public static DateTime LeftAt(Guid tagId) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(tagId.ToString("N")[..12], 16)).UtcDateTime;

    public async Task<CustomerTag> Handle(Request request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        new Validator()
            .Require(request.LeftAt <= now, "date", "cannot be in the future")
            .NotBlank(request.Reason, "reason", 2000)
            .Require(Enum.IsDefined(request.Channel), "channel", "must be Phone, Web, WalkIn or WeChat")
            .Require(await db.Users.ExistsOrAbsent(request.RecordedByUserId, ct), "recorded-by", Lookups.NotFoundMessage<User>(request.RecordedByUserId))
            .ThrowIfInvalid();

        var customer = await LiveCustomer.RequireAsync(db, request.CustomerId, ct);
        var handedOver = db.Contracts.Where(c => c.CustomerId == customer.Id && c.Status == ContractStatus.HandedOver);
        if (!await handedOver.AnyAsync(ct))
            throw new DomainException($"customer {customer.Code} has no unit handed over, so receives no property service to leave", "customer");
        if (await db.CustomerTags.AnyAsync(t => t.CustomerId == customer.Id && t.Tag == Tag, ct))
            throw new DomainException($"customer {customer.Code} has already left the property service", "customer");
        // A handover recorded through an inspection batch has its time; the day he left must not end before it.
        var firstHandover = await db.InspectionUnits.Where(i => i.HandedOverAt != null && handedOver.Any(c => c.UnitId == i.UnitId))
            .MinAsync(i => i.HandedOverAt, ct);
        if (firstHandover is { } keysGiven && request.LeftAt.AddDays(1) <= keysGiven)
            throw new DomainException("cannot be before the owner's unit was handed over", "date");

        var tag = new CustomerTag { Id = Guid.CreateVersion7(new DateTimeOffset(DateTime.SpecifyKind(request.LeftAt, DateTimeKind.Utc))), CustomerId = customer.Id, Tag = Tag };
        db.CustomerTags.Add(tag);
        db.ReceptionRecords.Add(new ReceptionRecord
        {
            Channel = request.Channel,
            Summary = request.Reason.Trim(),
            CustomerId = customer.Id,
            ReceivedByUserId = request.RecordedByUserId,
            ReceivedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return tag;
    }
}
