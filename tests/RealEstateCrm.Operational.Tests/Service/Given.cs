using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Service;

/// <summary>The rows the service, handover, marketing and call tests stand on, written straight through the
/// context: those use cases belong to other areas and are tested there.</summary>
public static class Given
{
    public static readonly DateTime Monday = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<OrgUnit> Department(CrmDbContext db, string code = "KF", string name = "客服中心")
    {
        var company = await db.Companies.FirstOrDefaultAsync(Ct) ?? new Company { Code = "HX", Name = "华兴地产" };
        var unit = new OrgUnit { CompanyId = company.Id, Code = code, Name = name, Kind = OrgUnitKind.Service };
        if (db.Entry(company).State == EntityState.Detached) db.Companies.Add(company);
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(Ct);
        return unit;
    }

    public static async Task<Project> Project(CrmDbContext db, string code = "BJHY", string name = "滨江花园")
    {
        var department = await db.OrgUnits.FirstOrDefaultAsync(Ct) ?? await Department(db);
        var project = new Project { Code = code, Name = name, City = "杭州", District = "滨江区", CompanyId = department.CompanyId, OrgUnitId = department.Id, BasePricePerSqm = 32000m };
        db.Projects.Add(project);
        db.Buildings.Add(new Building { ProjectId = project.Id, Name = "1号楼", Floors = 18 });
        await db.SaveChangesAsync(Ct);
        return project;
    }

    public static async Task<Unit> Unit(CrmDbContext db, Project project, string roomNo, UnitStatus status = UnitStatus.Available)
    {
        var building = await db.Buildings.FirstAsync(b => b.ProjectId == project.Id, Ct);
        var unit = new Unit
        {
            ProjectId = project.Id, BuildingId = building.Id, RoomNo = roomNo, Floor = int.Parse(roomNo[..^2]), StackNo = int.Parse(roomNo[^2..]),
            Layout = "三室两厅", Bedrooms = 3, Area = 120m, ListPrice = 3_840_000m, Status = status,
        };
        db.Units.Add(unit);
        await db.SaveChangesAsync(Ct);
        return unit;
    }

    public static async Task<Customer> Customer(CrmDbContext db, string name = "张伟", string? phone = "13800138000", bool consent = true)
    {
        var customer = new Customer
        {
            Code = $"C{await db.Customers.CountAsync(Ct) + 1:00000}", Name = name, Phone = phone, MarketingConsent = consent,
            City = "杭州", Address = "滨江区江南大道1号", CreatedAt = Monday, UpdatedAt = Monday,
        };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return customer;
    }

    /// <summary>A unit sold to a customer and paid for in full: ready for a formal handover.</summary>
    public static async Task<(Unit Unit, Customer Buyer, Contract Contract)> PaidUnit(CrmDbContext db, Project project, string roomNo, string buyerName, string phone)
    {
        var unit = await Unit(db, project, roomNo, UnitStatus.Paid);
        var buyer = await Customer(db, buyerName, phone);
        var contract = new Contract
        {
            ContractNo = $"HT-{roomNo}", UnitId = unit.Id, CustomerId = buyer.Id, SignedAt = Monday.AddMonths(-6),
            ListPrice = unit.ListPrice, FinalPrice = unit.ListPrice, Area = unit.Area, Status = ContractStatus.Paid,
        };
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(Ct);
        return (unit, buyer, contract);
    }

    public static async Task<ComplaintCategory> Category(CrmDbContext db, string code, string name, int slaHours = 48,
        Severity severity = Severity.Normal, ComplaintCategory? parent = null, OrgUnit? department = null)
    {
        var category = new ComplaintCategory
        {
            Code = code, Name = name, SlaHours = slaHours, Severity = severity, ParentId = parent?.Id, DefaultDepartmentId = department?.Id,
        };
        db.ComplaintCategories.Add(category);
        await db.SaveChangesAsync(Ct);
        return category;
    }

    public static async Task<Contractor> Contractor(CrmDbContext db, string name, Project project, params ComplaintCategory[] scope)
    {
        var contractor = new Contractor { Name = name, ContactPerson = "王建国", Phone = "13900139000" };
        contractor.Scopes.AddRange(scope.Select(c => new ContractorScope { ContractorId = contractor.Id, ProjectId = project.Id, ComplaintCategoryId = c.Id }));
        db.Contractors.Add(contractor);
        await db.SaveChangesAsync(Ct);
        return contractor;
    }

    public static async Task<User> User(CrmDbContext db, string userName = "liqiang", string displayName = "李强")
    {
        var user = new User { UserName = userName, DisplayName = displayName, PasswordHash = "not-a-real-hash", CreatedAt = Monday };
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return user;
    }

    /// <summary>A service desk: the customer-service department, a project, a buyer with a mobile, and the
    /// library branch 渗漏 (leaks) with its leaf 卫生间渗水 (bathroom leak, 24 h, high).</summary>
    public static async Task<Desk> ServiceDesk(CrmDbContext db)
    {
        var department = await Department(db);
        var project = await Project(db);
        var customer = await Customer(db);
        var leaks = await Category(db, "SL", "渗漏", department: department);
        var bathroomLeak = await Category(db, "SL-01", "卫生间渗水", 24, Severity.High, leaks, department);
        return new Desk(department, project, customer, leaks, bathroomLeak);
    }

    public sealed record Desk(OrgUnit Department, Project Project, Customer Customer, ComplaintCategory Leaks, ComplaintCategory BathroomLeak);
}
