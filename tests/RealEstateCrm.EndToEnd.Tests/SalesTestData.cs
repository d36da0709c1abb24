using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Sales;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>What the sales browser tests need from the shared seeded database: a user and his data scope, and rows of
/// their own (customers with unique phones, leads) made through the use cases, so tests never depend on one another.</summary>
internal static class SalesTestData
{
    public sealed record Rep(Guid Id, DataScope Scope, Guid ProjectId);

    private static int _phones;

    /// <summary>A seeded user and the first project (by code) of his scope.</summary>
    public static async Task<Rep> UserAsync(WebServer server, string userName)
    {
        await using var db = server.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var scope = await new GetDataScope(db).Handle(new GetDataScope.Request(user.Id));
        var project = await db.Projects.Where(p => scope.SeesAll || scope.ProjectIds.Contains(p.Id)).OrderBy(p => p.Code).Select(p => p.Id).FirstAsync();
        return new Rep(user.Id, scope, project);
    }

    /// <summary>A mobile number no seeded customer has: the seed's middle four digits run from 1000, never 0000.</summary>
    public static string NewPhone() => $"1990000{Interlocked.Increment(ref _phones):0000}";

    public static async Task<Customer> CustomerAsync(WebServer server, Guid projectId, string name, string? phone = null, string? city = null, string? idNumber = null)
    {
        await using var db = server.Database.CreateContext("test");
        return await new CreateCustomer(db).Handle(new CreateCustomer.Request(new CustomerDetails
        {
            Name = name, Phone = phone ?? NewPhone(), City = city, IdNumber = idNumber, HomeProjectId = projectId,
        }));
    }

    public static async Task<Lead> LeadAsync(WebServer server, Guid customerId, Guid projectId, Guid repId, decimal? budget = null, int? bedrooms = null)
    {
        await using var db = server.Database.CreateContext("test");
        return (await new CreateLead(db).Handle(new CreateLead.Request(customerId, projectId, Channel.WeChat, RepUserId: repId, Budget: budget, WantedBedrooms: bedrooms))).Lead;
    }

    /// <summary>An available unit of the project, from the building with the most of them (the chart test reads the first).</summary>
    public static async Task<Unit> AvailableUnitAsync(WebServer server, Guid projectId)
    {
        await using var db = server.Database.CreateContext();
        return await db.Units.AsNoTracking().Where(u => u.ProjectId == projectId && u.Status == UnitStatus.Available)
            .OrderByDescending(u => u.Floor).ThenBy(u => u.StackNo).FirstAsync();
    }

    /// <summary>Submits a form by <paramref name="click"/> and waits for the page that answers: a refused form is
    /// re-rendered at the same address with 400, an accepted one redirects. Playwright marks this wait obsolete in
    /// favour of WaitForURL, which cannot tell that re-rendered page from the one before it.</summary>
    public static async Task<IResponse?> SubmitAsync(this IPage page, Func<Task> click)
    {
#pragma warning disable CS0612
        return await page.RunAndWaitForNavigationAsync(click);
#pragma warning restore CS0612
    }
}
