using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Handover;
using RealEstateCrm.Testing;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests;

/// <summary><c>crm customers leave</c> as the service back office runs it: the owner named by code or mobile number,
/// the day read in the business's time zone (Asia/Shanghai), and every bad input refused with exit 2, nothing written.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CustomersLeaveCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>张伟 owns a handed-over unit; 王芳's is paid but not yet handed over.</summary>
    private static async Task<(Customer Owner, Customer Buyer)> OwnerAndBuyer(CrmDbContext db)
    {
        var company = new Company { Code = "HX", Name = "华兴地产" };
        var office = new OrgUnit { CompanyId = company.Id, Code = "KF", Name = "客服中心", Kind = OrgUnitKind.Service };
        var project = new Project { Code = "BJHY", Name = "滨江花园", City = "杭州", District = "滨江区", CompanyId = company.Id, OrgUnitId = office.Id, BasePricePerSqm = 32000m };
        var building = new Building { ProjectId = project.Id, Name = "1号楼", Floors = 18 };
        db.AddRange(company, office, project, building);
        var owner = Sale(db, project, building, "1201", "C00001", "张伟", "13800138000", ContractStatus.HandedOver);
        var buyer = Sale(db, project, building, "1202", "C00002", "王芳", "13900139000", ContractStatus.Paid);
        await db.SaveChangesAsync(Ct);
        return (owner, buyer);
    }

    private static Customer Sale(CrmDbContext db, Project project, Building building, string roomNo, string code, string name, string phone, ContractStatus status)
    {
        var signed = new DateTime(2025, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var unit = new Unit
        {
            ProjectId = project.Id, BuildingId = building.Id, RoomNo = roomNo, Floor = 12, StackNo = int.Parse(roomNo[^2..]), Layout = "三室两厅",
            Bedrooms = 3, Area = 120m, ListPrice = 3_840_000m, Status = status == ContractStatus.HandedOver ? UnitStatus.HandedOver : UnitStatus.Paid,
        };
        var customer = new Customer { Code = code, Name = name, Phone = phone, City = "杭州", CreatedAt = signed, UpdatedAt = signed };
        db.AddRange(unit, customer, new Contract
        {
            ContractNo = $"HT-{roomNo}", UnitId = unit.Id, CustomerId = customer.Id, SignedAt = signed,
            ListPrice = unit.ListPrice, FinalPrice = unit.ListPrice, Area = unit.Area, Status = status,
        });
        return customer;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_owner_named_by_his_mobile_number_leaves_on_the_given_day_with_his_reason(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = test.Context()) await OwnerAndBuyer(db);

        var (exitCode, output) = await Crm(test, "customers", "leave", "--customer", "138 0013 8000", "--date", "2026-11-30",
            "--reason", "业委会改聘其他物业公司", "--channel", "WalkIn");

        Assert.Equal(0, exitCode);
        Assert.Contains("recorded C00001 张伟 left the property service on 2026-11-30", output);
        await using var check = test.Context();
        var tag = await check.CustomerTags.SingleAsync(t => t.Tag == LeavePropertyService.Tag, Ct);
        Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(LeavePropertyService.LeftAt(tag), Shanghai)));
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTimeFromUtc(LeavePropertyService.LeftAt(tag), Shanghai).TimeOfDay);
        var told = await check.ReceptionRecords.SingleAsync(Ct);
        Assert.Equal(("业委会改聘其他物业公司", ReceptionChannel.WalkIn, tag.CustomerId), (told.Summary, told.Channel, told.CustomerId!.Value));
        Assert.Equal("cli:" + Environment.UserName, (await check.AuditEntries.SingleAsync(a => a.Entity == nameof(CustomerTag), Ct)).UserName);
    }

    [Theory]
    [InlineData("C09999", "2026-11-30", "x", "error: --customer: no customer with the id, code or mobile number \"C09999\"")]
    [InlineData("C00002", "2026-11-30", "x", "error: customer C00002 has no unit handed over, so receives no property service to leave")]
    [InlineData("C00001", "2026-11-31", "x", "error: --date: \"2026-11-31\" is not a date as YYYY-MM-DD")]
    [InlineData("C00001", "30/11/2026", "x", "error: --date: \"30/11/2026\" is not a date as YYYY-MM-DD")]
    [InlineData("C00001", "2999-01-01", "x", "error: date: cannot be in the future")]
    [InlineData("C00001", "2026-11-30", " ", "error: reason: is required")]
    public async Task Bad_input_exits_with_2_naming_what_is_wrong_and_records_nothing(string customer, string date, string reason, string expected)
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using (var db = test.Context()) await OwnerAndBuyer(db);

        var (exitCode, output) = await Crm(test, "customers", "leave", "--customer", customer, "--date", date, "--reason", reason);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output);
        await using var check = test.Context();
        Assert.False(await check.CustomerTags.AnyAsync(Ct));
        Assert.False(await check.ReceptionRecords.AnyAsync(Ct));
    }

    [Fact]
    public async Task A_second_leaving_of_the_same_owner_is_refused()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using (var db = test.Context()) await OwnerAndBuyer(db);

        var (first, _) = await Crm(test, "customers", "leave", "--customer", "C00001", "--date", "2026-11-01", "--reason", "自行管理");
        var (second, output) = await Crm(test, "customers", "leave", "--customer", "C00001", "--date", "2026-11-02", "--reason", "自行管理");

        Assert.Equal((0, 2), (first, second));
        Assert.Contains("error: customer C00001 has already left the property service", output);
    }
}
