using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.Features.Customers;

internal static class LiveCustomer
{
    /// <summary>The customer, refusing a merged duplicate: new history must go to the survivor, or the merge would have to be done again.</summary>
    public static async Task<Customer> RequireAsync(CrmDbContext db, Guid customerId, CancellationToken ct)
    {
        var customer = await db.Customers.FindOrFail(customerId, "customer", ct);
        return customer.MergedIntoId is { } survivor
            ? throw new DomainException($"customer {customer.Code} was merged into {survivor}; use the survivor", "customer")
            : customer;
    }
}
