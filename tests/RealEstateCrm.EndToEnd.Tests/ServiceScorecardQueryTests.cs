using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Service;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Testing;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>The scorecard query's provider-specific SQL (date arithmetic, money casts, the parameters of a data scope)
/// on each real provider, against the same figures computed in memory from the stored rows.</summary>
public sealed class ServiceScorecardQueryTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Scorecards_equal_the_figures_computed_from_the_rows_for_everything_and_for_one_project(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.Create(provider);
        await new DemoSeeder(database.Database).SeedAsync(new SeedOptions(SeedScale.Tiny), ct: ct);
        await using var db = database.Database.CreateContext();
        var orders = await db.WorkOrders.AsNoTracking().Where(w => w.ContractorId != null).ToListAsync(ct);
        var chargeBacks = await db.ContractorChargeBacks.AsNoTracking().ToListAsync(ct);
        var project = orders.GroupBy(w => w.ProjectId).OrderByDescending(g => g.Count()).First().Key!.Value;

        foreach (var scope in new[] { DataScope.Everything, new DataScope(false, [project]) })
        {
            var inScope = orders.Where(w => scope.SeesAll || scope.ProjectIds.Contains(w.ProjectId!.Value)).ToList();
            var cards = await ContractorScorecards.ForAsync(db, scope, ct);
            Assert.Equal(await db.Contractors.CountAsync(ct), cards.Count);
            foreach (var card in cards)
            {
                var mine = inScope.Where(w => w.ContractorId == card.Id).ToList();
                var hours = mine.Where(w => w.ResolvedAt != null).Select(w => (w.ResolvedAt!.Value - w.OpenedAt).TotalHours).Order().ToList();
                Assert.Equal(mine.Count, card.Issues);
                Assert.Equal(mine.Count(w => w.IsOpen), card.Open);
                Assert.Equal(hours.Count, card.Fixed);
                Assert.Equal(mine.Count(w => w.ReopenCount > 0), card.Reopened);
                Assert.Equal(hours.Count == 0 ? null : hours.Average(), card.AverageHours, Tolerance);
                Assert.Equal(hours.Count == 0 ? null : (hours[(hours.Count - 1) / 2] + hours[hours.Count / 2]) / 2, card.MedianHours, Tolerance);
                Assert.Equal((double)mine.Sum(w => w.RepairCost), card.RepairCost, 2);
                var mineCharged = chargeBacks.Where(c => c.ContractorId == card.Id && inScope.Any(w => w.Id == c.WorkOrderId)).Sum(c => c.Amount);
                Assert.Equal((double)mineCharged, card.ChargedBack, 2);
            }
        }
    }

    private static readonly IEqualityComparer<double?> Tolerance = EqualityComparer<double?>.Create(
        (a, b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-3, v => 0);
}
