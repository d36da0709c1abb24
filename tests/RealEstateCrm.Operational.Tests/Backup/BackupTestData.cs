using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Tests.Import;

namespace RealEstateCrm.Operational.Tests.Backup;

/// <summary>A small database touching many tables, with the awkward shapes a restore must handle: rows that
/// point at rows of the same table (a referral ring, a team under a department), composite keys, identity
/// keys (audit entries), seeded rows, and outbox rows from inserts and updates.</summary>
internal static class BackupTestData
{
    public static async Task Seed(CrmDbContext db, int customers = 20)
    {
        var ct = TestContext.Current.CancellationToken;
        var building = await ImportTestData.AddProject(db);
        var department = await db.OrgUnits.SingleAsync(ct);
        var team = new OrgUnit { CompanyId = department.CompanyId, ParentId = department.Id, Code = "OU-HZ01-A", Name = "销售一组", Path = $"/{department.Id}/" };
        var roleIds = await EnsureRoles.Handle(db, ["sales"], ct);
        var rep = new User { UserName = "wangfang", DisplayName = "王芳", OrgUnitId = team.Id, Phone = "13700137000", CreatedAt = DateTime.UtcNow };
        rep.Roles.Add(new UserRole { UserId = rep.Id, RoleId = roleIds[0] });
        var stack = new BuildingStack { BuildingId = building.Id, StackNo = 1, Layout = "三室两厅", Bedrooms = 3, Area = 118.5m, Orientation = Orientation.South, BasePricePerSqm = 45000m };
        db.AddRange(team, rep, stack);
        var units = Enumerable.Range(1, 5).Select(floor => new Unit
        {
            ProjectId = building.ProjectId, BuildingId = building.Id, Floor = floor, StackNo = 1, RoomNo = $"{floor}01",
            Layout = "三室两厅", Bedrooms = 3, Area = 118.5m, Orientation = Orientation.South, ListPrice = 5_332_500m + floor * 20_000m,
        }).ToList();
        db.AddRange(units);

        var people = Enumerable.Range(1, customers).Select(i => new Customer
        {
            Code = $"C{i:000}", Name = $"客户{i}号", Gender = i % 2 == 0 ? Gender.Female : Gender.Male, Phone = $"138{i:00000000}",
            City = "杭州", Address = $"西湖区文三路{i}号, \"东\"幢", BirthDate = new DateOnly(1980, 1, 1).AddDays(i * 97),
            Segment = CustomerSegment.Upgrader, AssignedRepUserId = rep.Id, HomeProjectId = building.ProjectId,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        }).ToList();
        foreach (var person in people)
        {
            person.Contacts.Add(new CustomerContact { CustomerId = person.Id, Kind = ContactKind.WeChat, Value = $"wx_{person.Code}" });
            person.Tags.Add(new CustomerTag { CustomerId = person.Id, Tag = "改善型" });
        }
        db.AddRange(people);
        db.AddRange(people.Select((p, i) => new Lead
        {
            LeadNo = $"L{i:0000}", CustomerId = p.Id, ProjectId = building.ProjectId, Channel = Channel.WeChat, AssignedRepUserId = rep.Id,
            Budget = 5_000_000m + i, WantedBedrooms = 3, CreatedAt = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync(ct);

        units[0].MoveTo(UnitStatus.Reserved, DateTime.UtcNow);
        people[0].City = "宁波";
        // A referral ring: every customer was referred by the next one, so no row order satisfies the key alone.
        for (var i = 0; i < people.Count; i++) people[i].ReferredByCustomerId = people[(i + 1) % people.Count].Id;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Rows per table, for comparing two databases.</summary>
    public static async Task<Dictionary<string, int>> RowCounts(CrmDbContext db)
    {
        var counts = new Dictionary<string, int>();
        foreach (var table in StoredTable.All(db))
        {
            // Table names come from the model, not from input.
            var sql = $"SELECT COUNT(*) AS \"Value\" FROM {table.Name}";
            counts[table.Name] = (await db.Database.SqlQueryRaw<int>(sql).ToListAsync(TestContext.Current.CancellationToken))[0];
        }
        return counts;
    }
}
