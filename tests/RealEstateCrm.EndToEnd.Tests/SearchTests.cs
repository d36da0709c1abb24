using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class SearchTests(WebServer server, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unit_conditions_combine_like_the_same_query_on_the_database()
    {
        await using var db = server.Database.CreateContext();
        var units = await db.Units.AsNoTracking().ToListAsync(Ct);
        var project = units.GroupBy(u => u.ProjectId).OrderByDescending(g => g.Count()).First().Key;
        var prices = units.Where(u => u.ProjectId == project).Select(u => u.ListPrice).Order().ToList();
        var (minPrice, maxPrice) = (prices[prices.Count / 4], prices[prices.Count * 3 / 4]);
        var expected = units.Where(u => u.ProjectId == project && u.Status == UnitStatus.Available && u.ListPrice >= minPrice && u.ListPrice <= maxPrice && u.Area >= 60)
            .OrderByDescending(u => u.ListPrice).ToList();
        Assert.NotEmpty(expected);

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.manager");
        await page.GotoAsync("/Search?Kind=Units");
        await page.SelectOptionAsync("select[name=ProjectId]", project.ToString());
        await page.SelectOptionAsync("select[name=UnitStatus]", nameof(UnitStatus.Available));
        await page.FillAsync("input[name=MinPrice]", minPrice.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("input[name=MaxPrice]", maxPrice.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("input[name=MinArea]", "60");
        await page.ClickAsync("form.search-form button[type=submit]");
        await page.ClickAsync("th a:text('List price')");
        await page.ClickAsync("th a:text('List price')");

        Assert.Equal(expected.Count, await TotalAsync(page));
        var shownPrices = (await page.Locator("table.search-results tbody tr td:nth-child(6)").AllInnerTextsAsync())
            .Select(p => decimal.Parse(p, NumberStyles.Number, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected.Take(shownPrices.Count).Select(u => Math.Round(u.ListPrice, MidpointRounding.AwayFromZero)), shownPrices);
        Assert.Contains("Descending=true", page.Url);
        await Chromium.ScreenshotAsync(page, "search");
    }

    [Fact]
    public async Task Customer_conditions_combine_like_the_same_query_on_the_database()
    {
        await using var db = server.Database.CreateContext();
        var customers = await db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null).ToListAsync(Ct);
        var city = customers.Where(c => c.City != null).GroupBy(c => c.City!).OrderByDescending(g => g.Count()).First().Key;
        var segment = customers.Where(c => c.City == city).GroupBy(c => c.Segment).OrderByDescending(g => g.Count()).First().Key;
        var expected = customers.Count(c => c.City == city && c.Segment == segment);

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.manager");
        await page.GotoAsync($"/Search?Kind=Customers&City={Uri.EscapeDataString(city)}&Segment={segment}");
        Assert.Equal(expected, await TotalAsync(page));
        Assert.True(expected < customers.Count, "the conditions narrow the result");
        var cities = await page.Locator("table.search-results tbody tr td:nth-child(4)").AllInnerTextsAsync();
        Assert.All(cities, c => Assert.Equal(city, c.Trim()));
    }

    [Fact]
    public async Task Work_order_conditions_combine_and_the_csv_holds_every_match()
    {
        await using var db = server.Database.CreateContext();
        var now = DateTime.UtcNow;
        var orders = await db.WorkOrders.AsNoTracking().ToListAsync(Ct);
        var type = orders.GroupBy(w => w.Type).OrderByDescending(g => g.Count()).First().Key;
        var overdue = orders.Where(w => w.Type == type && w.IsOpen && w.DueAt < now).ToList();
        var from = DateOnly.FromDateTime(orders.Min(w => w.OpenedAt)).AddDays(1);
        var expected = overdue.Count(w => w.OpenedAt >= from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        var page = await chromium.SignInAsync(server.BaseAddress, "demo.manager");
        var search = $"/Search?Kind=WorkOrders&Type={type}&Overdue=true&OpenedFrom={from:yyyy-MM-dd}";
        await page.GotoAsync(search);
        Assert.Equal(expected, await TotalAsync(page));

        var csv = await (await page.Context.APIRequest.GetAsync(search + "&handler=Csv")).TextAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Number,Title,Customer,Type,Status,Opened,Due", lines[0]);
        Assert.Equal(expected, lines.Length - 1);
    }

    [Fact]
    public async Task A_kind_the_role_may_not_use_is_refused()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.analyst");
        var response = await page.GotoAsync("/Search?Kind=Customers");
        Assert.Equal(403, response!.Status);
        await page.GotoAsync("/Search");
        Assert.Equal(["Units"], await page.Locator("nav.tabs a").AllInnerTextsAsync());
    }

    private static async Task<int> TotalAsync(IPage page) =>
        int.Parse((await page.InnerTextAsync("#search-total")).Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
