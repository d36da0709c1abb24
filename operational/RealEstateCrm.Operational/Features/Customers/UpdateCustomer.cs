using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.Features.Customers;

/// <summary>Changes a customer's details. A merged duplicate is read-only: changes belong on the survivor.</summary>
[UseCase]
public sealed class UpdateCustomer(CrmDbContext db)
{
    public sealed record Request(Guid CustomerId, CustomerDetails Details);

    public async Task<Customer> Handle(Request request, CancellationToken ct = default)
    {
        var customer = await db.Customers.Include(c => c.Contacts).Include(c => c.Tags).SingleOrDefaultAsync(c => c.Id == request.CustomerId, ct)
                       ?? throw Lookups.NotFound<Customer>("customer", request.CustomerId);
        if (customer.MergedIntoId is { } survivor) throw new DomainException($"customer {customer.Code} was merged into {survivor}; change the survivor instead", "customer");
        await CustomerDetailsRules.ValidateAsync(db, request.Details, customer.Id, ct);
        await CustomerDetailsRules.ApplyAsync(db, customer, request.Details, DateTime.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        return customer;
    }
}
