using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Operational.Features.Inventory;

/// <summary>Approves a draft price list: its prices become the list prices of the units still available,
/// and the project's previously approved list is superseded. Units already reserved or sold keep the price
/// they were sold at; a withheld unit keeps its old price until it is released and priced again.
/// Pricing is a manager's decision: the approver needs the approve-discount function.</summary>
[UseCase]
public sealed class ApprovePriceList(CrmDbContext db)
{
    public sealed record Request(Guid PriceListId, Guid ApproverUserId);

    public sealed record Result(PriceList PriceList, int UnitsRepriced);

    public async Task<Result> Handle(Request request, CancellationToken ct = default)
    {
        var list = await db.PriceLists.Include(l => l.Items).SingleOrDefaultAsync(l => l.Id == request.PriceListId, ct)
                   ?? throw Lookups.NotFound<PriceList>("price-list", request.PriceListId);
        if (list.Status != PriceListStatus.Draft) throw new DomainException($"price list \"{list.Name}\" is already {list.Status}", "price-list");
        await UserFunctions.RequireAsync(db, request.ApproverUserId, Functions.ApproveDiscount, "approver", ct);

        var previous = await db.PriceLists.Where(l => l.ProjectId == list.ProjectId && l.Status == PriceListStatus.Approved).ToListAsync(ct);
        foreach (var old in previous) old.Status = PriceListStatus.Superseded;
        list.Status = PriceListStatus.Approved;
        list.ApprovedByUserId = request.ApproverUserId;

        var prices = list.Items.ToDictionary(i => i.UnitId, i => i.Price);
        var unitIds = prices.Keys.ToList();
        var available = await db.Units.Where(u => unitIds.Contains(u.Id) && u.Status == UnitStatus.Available).ToListAsync(ct);
        foreach (var unit in available) unit.ListPrice = prices[unit.Id];
        // Statuses are concurrency tokens: a unit reserved while we approve keeps its reserved price, and of two
        // managers approving the same list at once only one does.
        await db.SaveRefusingConflictsAsync($"price list \"{list.Name}\" or one of its units", "price-list", ct);
        return new Result(list, available.Count);
    }
}
