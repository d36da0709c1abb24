using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Import;
using RealEstateCrm.Testing;
using static RealEstateCrm.Operational.Tests.Import.ImportTestData;

namespace RealEstateCrm.Operational.Tests.Import;

public sealed class ImportLeadsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task Leads_are_matched_by_lead_number_and_point_at_customer_and_project_by_code(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = test.Context())
        {
            await AddProject(db);
            await new ImportCustomers(db).Handle(Csv("code,name,phone", "C001,张伟,13800138000"), Ct);
        }
        var first = Csv(
            "线索编号,客户编号,项目编号,渠道,预算,意向居室,创建时间",
            "L-2026-0001,C001,HZ01,WeChat,5000000,3,2026-03-01 09:30:00",
            "L-2026-0002,C001,HZ01,walk_in,,,2026-03-01 15:00:00");
        await using (var db = test.Context()) Assert.Equal(new ImportResult(2, 0), await new ImportLeads(db).Handle(first, Ct));
        var second = Csv("lead_no,customer_code,project_code,channel,status,lost_reason", "L-2026-0002,C001,HZ01,WalkIn,Lost,PriceTooHigh");
        await using (var db = test.Context()) Assert.Equal(new ImportResult(0, 1), await new ImportLeads(db).Handle(second, Ct));

        await using var read = test.Context();
        var customer = await read.Customers.SingleAsync(Ct);
        var leads = await read.Leads.OrderBy(l => l.LeadNo).ToListAsync(Ct);
        Assert.All(leads, l => Assert.Equal(customer.Id, l.CustomerId));
        Assert.Equal((Channel.WeChat, 5_000_000m, 3, new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc)), (leads[0].Channel, leads[0].Budget!.Value, leads[0].WantedBedrooms!.Value, leads[0].CreatedAt));
        Assert.Equal((LeadStatus.Lost, LostReason.PriceTooHigh), (leads[1].Status, leads[1].LostReason!.Value));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_lead_for_an_unknown_customer_or_project_is_reported_by_line(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        await AddProject(db);

        var error = await Assert.ThrowsAsync<ValidationException>(() => new ImportLeads(db).Handle(Csv("lead_no,customer_code,project_code,channel", "L1,C404,HZ02,Phone"), Ct));

        Assert.Equal(["line 2, column customer_code: no customer with code \"C404\"", "line 2, column project_code: no project with code \"HZ02\""],
            error.Errors.Select(e => $"{e.Field}: {e.Message}"));
    }
}
