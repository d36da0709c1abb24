using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class ServiceContractorTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task Contractor_scorecards_equal_figures_computed_by_hand_from_the_same_orders()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.manager");
        await page.GotoAsync("/Service/Contractors");
        await Chromium.ScreenshotAsync(page, "service-contractors");

        await using var db = server.Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        var orders = await db.WorkOrders.AsNoTracking().Where(w => w.ContractorId != null).ToListAsync(ct);
        var chargeBacks = await db.ContractorChargeBacks.AsNoTracking().ToListAsync(ct);
        var contractors = await db.Contractors.AsNoTracking().ToListAsync(ct);
        Assert.True(orders.Count > 0, "the tiny seed dispatches orders to contractors");
        var en = CultureInfo.GetCultureInfo("en");
        foreach (var contractor in contractors)
        {
            var mine = orders.Where(w => w.ContractorId == contractor.Id).ToList();
            var hours = mine.Where(w => w.ResolvedAt != null).Select(w => (w.ResolvedAt!.Value - w.OpenedAt).TotalHours).Order().ToList();
            double? median = hours.Count == 0 ? null : hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[hours.Count / 2 - 1] + hours[hours.Count / 2]) / 2;
            var row = page.Locator($"tr[data-contractor='{contractor.Id}']");
            async Task<string> Figure(string name) => (await row.Locator($"[data-figure={name}]").InnerTextAsync()).Trim();

            Assert.Equal(mine.Count.ToString(en), await Figure("issues"));
            Assert.Equal(mine.Count(w => w.IsOpen).ToString(en), await Figure("open"));
            Assert.Equal(hours.Count.ToString(en), await Figure("fixed"));
            Assert.Equal(hours.Count == 0 ? "—" : hours.Average().ToString("N1", en), await Figure("average-hours"));
            Assert.Equal(median is { } m ? m.ToString("N1", en) : "—", await Figure("median-hours"));
            Assert.Equal(mine.Count == 0 ? "—" : ((double)mine.Count(w => w.ReopenCount > 0) / mine.Count).ToString("P1", en), await Figure("reopen-rate"));
            Assert.Equal(mine.Sum(w => w.RepairCost).ToString("N2", en), await Figure("repair-cost"));
            Assert.Equal(chargeBacks.Where(c => c.ContractorId == contractor.Id).Sum(c => c.Amount).ToString("N2", en), await Figure("charged-back"));
        }
    }
}
