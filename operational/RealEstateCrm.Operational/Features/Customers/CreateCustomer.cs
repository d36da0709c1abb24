using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.Features.Customers;

/// <summary>Adds a customer to the ledger (客户台帐). Duplicates are not refused here (two people can share a
/// phone); <see cref="FindDuplicates"/> shows the likely ones and <see cref="MergeCustomers"/> folds them.</summary>
[UseCase]
public sealed class CreateCustomer(CrmDbContext db)
{
    /// <param name="HomeProjectRequired">a customer taken from a call must name the project he asks about: without a home
    /// project he falls into no data scope, and only users with data.all would see him</param>
    public sealed record Request(CustomerDetails Details, bool HomeProjectRequired = false);

    public async Task<Customer> Handle(Request request, CancellationToken ct = default)
    {
        await CustomerDetailsRules.ValidateAsync(db, request.Details, null, ct, request.HomeProjectRequired);
        var now = DateTime.UtcNow;
        var customer = new Customer { Code = "", Name = request.Details.Name, CreatedAt = now };
        // Time-ordered id: its random tail makes a code no other process will also pick, with no counter to lock.
        customer.Code = "KH" + customer.Id.ToString("N")[^10..].ToUpperInvariant();
        await CustomerDetailsRules.ApplyAsync(db, customer, request.Details, now, ct);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        return customer;
    }
}
