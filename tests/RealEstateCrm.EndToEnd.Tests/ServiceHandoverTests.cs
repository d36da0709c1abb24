using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class ServiceHandoverTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task A_unit_is_refused_handover_until_its_critical_issue_is_repaired_then_handed_over()
    {
        var ct = TestContext.Current.CancellationToken;
        Unit unit;
        string building;
        await using (var db = server.Database.CreateContext())
        {
            // A paid unit with a live contract and no critical defect left open from an earlier batch.
            unit = await db.Units.AsNoTracking()
                .Where(u => u.Status == UnitStatus.Paid
                            && db.Contracts.Any(c => c.UnitId == u.Id && c.Status != ContractStatus.Cancelled)
                            && !db.InspectionIssues.Any(i => i.Severity == Severity.Critical && i.FixedAt == null
                                                             && db.InspectionUnits.Any(iu => iu.Id == i.InspectionUnitId && iu.UnitId == u.Id)))
                .OrderBy(u => u.RoomNo).FirstAsync(ct);
            building = unit.BuildingId.ToString();
        }
        var batchName = $"正式交付 test {Guid.NewGuid():N}"[..24];
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service");

        await page.GotoAsync("/Service/Handover");
        await page.SelectOptionAsync("#create-batch select[name=building]", building);
        await page.SelectOptionAsync("#create-batch select[name=kind]", "FormalHandover");
        await page.FillAsync("#create-batch input[name=name]", batchName);
        await page.FillAsync("#create-batch textarea[name=rooms]", $"{unit.RoomNo} 9999");
        await page.ClickAsync("#create-batch button[type=submit]");
        Assert.Equal("no room 9999 in this building", await page.InnerTextAsync("#create-batch [data-field=units]"));
        await page.FillAsync("#create-batch textarea[name=rooms]", unit.RoomNo);
        await page.ClickAsync("#create-batch button[type=submit]");
        await page.ArriveAtAsync("/Service/Handover/[0-9a-f-]{36}$");
        Assert.Equal("1", await page.InnerTextAsync("[data-figure=planned] b"));

        await page.ClickAsync($"tr[data-room='{unit.RoomNo}'] a");
        await page.SelectOptionAsync("#inspect select[name=result]", "AcceptedWithIssues");
        await page.FillAsync("#inspect input[name=location]", "主卫");
        await page.FillAsync("#inspect input[name=description]", "地漏堵塞，排水缓慢");
        await page.SelectOptionAsync("#inspect select[name=category]", new Microsoft.Playwright.SelectOptionValue { Label = "Q01-04 水电 Plumbing and wiring" });
        await page.SelectOptionAsync("#inspect select[name=severity]", "Critical");
        await page.ClickAsync("#inspect button[type=submit]");
        Assert.Equal("Accepted With Issues", await page.InnerTextAsync($"tr[data-room='{unit.RoomNo}'] .result"));

        await page.ClickAsync("#hand-over button[type=submit]");
        Assert.Contains("has unfixed critical issues: 主卫", await page.InnerTextAsync("#hand-over [data-field=hand-over]"));

        await page.ClickAsync("#repair-orders button[type=submit]");
        var orderLink = page.Locator($"tr[data-room='{unit.RoomNo}'] .issue a");
        Assert.StartsWith("WO", await orderLink.InnerTextAsync());
        var unitPage = page.Url;
        await orderLink.ClickAsync();
        await page.FillAsync("#resolve textarea[name=resolution]", "疏通地漏并更换存水弯");
        await page.ClickAsync("#resolve button[type=submit]");
        Assert.Equal("Resolved", await page.InnerTextAsync("#status"));

        await page.GotoAsync(unitPage);
        await page.ClickAsync("#hand-over button[type=submit]");
        Assert.Equal("1", await page.InnerTextAsync("[data-figure=handed-over] b"));
        Assert.NotEqual("", (await page.InnerTextAsync($"tr[data-room='{unit.RoomNo}'] .handed-over")).Trim());
        await Chromium.ScreenshotAsync(page, "service-handover");

        await using var check = server.Database.CreateContext();
        Assert.Equal(UnitStatus.HandedOver, (await check.Units.SingleAsync(u => u.Id == unit.Id, ct)).Status);
        Assert.Equal(ContractStatus.HandedOver, (await check.Contracts.SingleAsync(c => c.UnitId == unit.Id && c.Status != ContractStatus.Cancelled, ct)).Status);
    }
}
