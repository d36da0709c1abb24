using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class SalesReservationTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task A_unit_is_reserved_then_contracted_with_its_payment_plan_and_the_chart_shows_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var rep = await SalesTestData.UserAsync(server, "demo.sales");
        var customer = await SalesTestData.CustomerAsync(server, rep.ProjectId, "上官婉儿");
        var unit = await SalesTestData.AvailableUnitAsync(server, rep.ProjectId);

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.sales");
        await page.GotoAsync($"/Sales/Units/{unit.Id}");
        await page.FillAsync("#customer", customer.Phone!);
        await page.FillAsync("#deposit", "0");
        var refused = await page.SubmitAsync(() => page.ClickAsync("#reserve button[type=submit]"));
        Assert.Equal(400, refused!.Status);
        Assert.Equal("must be positive", (await page.InnerTextAsync("[data-for=deposit]")).Trim());
        Assert.Equal(UnitStatus.Available, await StatusAsync(unit.Id));

        await page.FillAsync("#deposit", "50000");
        await page.SubmitAsync(() => page.ClickAsync("#reserve button[type=submit]"));
        Assert.Contains("/Sales/Reservations/", page.Url);
        Assert.Equal(UnitStatus.Reserved, await StatusAsync(unit.Id));

        await page.SelectOptionAsync("#payment-method", "Mortgage");
        await page.FillAsync("#down-payment-percent", "20");
        refused = await page.SubmitAsync(() => page.ClickAsync("#sign button[type=submit]"));
        Assert.Equal(400, refused!.Status);
        Assert.Contains("at least 30%", await page.InnerTextAsync("[data-for=down-payment-percent]"));
        Assert.Equal(UnitStatus.Reserved, await StatusAsync(unit.Id));

        await page.FillAsync("#down-payment-percent", "40");
        await page.SubmitAsync(() => page.ClickAsync("#sign button[type=submit]"));
        Assert.Contains("/Sales/Contracts/", page.Url);
        Contract contract;
        await using (var db = server.Database.CreateContext())
            contract = await db.Contracts.AsNoTracking().Include(c => c.Schedule).SingleAsync(c => c.UnitId == unit.Id && c.CustomerId == customer.Id, ct);
        Assert.Equal(UnitStatus.Contracted, await StatusAsync(unit.Id));
        Assert.Equal(2, await page.Locator("#schedule tbody tr").CountAsync());

        // The down payment less the deposit already credited: the form offers exactly what is still due.
        var down = contract.Schedule.Single(i => i.Kind == PaymentKind.DownPayment);
        var row = page.Locator("#schedule tr[data-seq='1']");
        Assert.Equal((down.Amount - 50_000m).ToString("0.00"), await row.Locator("input[name=amount]").InputValueAsync());
        await row.Locator("input[name=amount]").FillAsync((down.Amount).ToString("0.00"));
        refused = await page.SubmitAsync(() => row.Locator("button[type=submit]").ClickAsync());
        Assert.Equal(400, refused!.Status);
        Assert.Contains("exceeds", await page.InnerTextAsync("#schedule tr[data-seq='1'] [data-for=amount]"));

        await page.Locator("#schedule tr[data-seq='1'] input[name=receipt-no]").FillAsync("SJ-0001");
        await page.Locator("#schedule tr[data-seq='1'] input[name=amount]").FillAsync((down.Amount - 50_000m).ToString("0.00"));
        await page.SubmitAsync(() => page.Locator("#schedule tr[data-seq='1'] button[type=submit]").ClickAsync());
        Assert.Contains("Settled", await page.InnerTextAsync("#schedule tr[data-seq='1']"));
        Assert.Contains("SJ-0001", await page.InnerTextAsync("#payments"));

        await page.GotoAsync($"/Sales/Chart?project={unit.ProjectId}&building={unit.BuildingId}");
        Assert.Contains("st-contracted", (await page.GetAttributeAsync($"a.unit[data-unit='{unit.Id}']", "class"))!.Split(' '));
    }

    [Fact]
    public async Task A_Chinese_user_sees_the_use_cases_refusals_in_Chinese_at_the_fields_they_name()
    {
        var rep = await SalesTestData.UserAsync(server, "demo.sales");
        var customer = await SalesTestData.CustomerAsync(server, rep.ProjectId, "司马相如");
        var unit = await SalesTestData.AvailableUnitAsync(server, rep.ProjectId);

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.sales", "zh-CN");
        await page.GotoAsync($"/Sales/Units/{unit.Id}");
        await page.FillAsync("#customer", customer.Phone!);
        await page.FillAsync("#deposit", "0");
        var refused = await page.SubmitAsync(() => page.ClickAsync("#reserve button[type=submit]"));
        Assert.Equal(400, refused!.Status);
        Assert.Equal("必须为正数", (await page.InnerTextAsync("[data-for=deposit]")).Trim());

        // A business rule's refusal (DomainException) as well as a validation's.
        await page.FillAsync("#deposit", "999999999");
        refused = await page.SubmitAsync(() => page.ClickAsync("#reserve button[type=submit]"));
        Assert.Equal(400, refused!.Status);
        Assert.Equal("定金不能超过成交价", (await page.InnerTextAsync("[data-for=deposit]")).Trim());
        Assert.Equal(UnitStatus.Available, await StatusAsync(unit.Id));
        await Chromium.ScreenshotAsync(page, "sales-reservation-refused-zh");
    }

    private async Task<UnitStatus> StatusAsync(Guid unitId)
    {
        await using var db = server.Database.CreateContext();
        return await db.Units.Where(u => u.Id == unitId).Select(u => u.Status).SingleAsync(TestContext.Current.CancellationToken);
    }
}
