using System.Diagnostics;
using Bogus;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Data.Bulk;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>Where a seed run is, for progress bars: an area, how far along, out of how much.</summary>
public interface ISeedProgress
{
    void Report(string area, long done, long total);
}

/// <summary>What a seed wrote, how long it took, and how much of that was the bulk writer's own time.</summary>
public sealed record SeedSummary(TimeSpan Elapsed, TimeSpan WriteTime, IReadOnlyList<(string Table, long Rows)> Tables)
{
    public long TotalRows => Tables.Sum(t => t.Rows);
    public double BulkRowsPerSecond => TotalRows / Math.Max(0.001, WriteTime.TotalSeconds);
}

/// <summary>Fills an empty operational database with the seeded, causal demo data set (see
/// DemoData/README.md) through the <see cref="BulkWriter"/>. Reference data first, then customers in
/// chunks, each chunk's whole story generated, written and dropped, so memory does not grow with scale.</summary>
public sealed class DemoSeeder(CrmDatabase database)
{
    /// <summary>The password of every demo account (<see cref="DemoAccounts"/>); nobody else can sign in.</summary>
    public const string DemoPassword = OrganisationGenerator.DemoPassword;
    public static IReadOnlyList<(string UserName, string Role)> DemoAccounts => OrganisationGenerator.DemoAccounts;

    public const string Organisation = "organisation", Inventory = "inventory (房源)", Market = "competitors & campaigns", Library = "service library",
        Customers = "customers, sales, service, calls", Finish = "unit status & outbox";

    public async Task<SeedSummary> SeedAsync(SeedOptions options, ISeedProgress? progress = null, CancellationToken ct = default)
    {
        await EnsureEmptyAsync(ct);
        var clock = Stopwatch.StartNew();
        var scale = options.Scale;
        void Report(string area, long done, long total) => progress?.Report(area, done, total);

        await using var writer = await BulkWriter.OpenAsync(database, ct);
        var world = new DemoWorld { Options = options };
        var faker = new Faker("zh_CN") { Random = new Randomizer(options.Seed) };
        var rows = new RowBuffer();
        Task Flush() => rows.FlushAsync(writer, ct);

        var org = OrganisationGenerator.Generate(world, rows, new DemoRandom(options.Seed, 1), faker);
        await Flush();
        Report(Organisation, 1, 1);

        var inventoryRandom = new DemoRandom(options.Seed, 2);
        for (var i = 0; i < scale.Projects; i++)
        {
            world.Projects.Add(InventoryGenerator.Generate(world, rows, inventoryRandom, faker, org, i));
            await Flush();
            Report(Inventory, i + 1, scale.Projects);
        }

        var marketRandom = new DemoRandom(options.Seed, 3);
        MarketGenerator.Competitors(world, rows, marketRandom);
        MarketGenerator.Campaigns(world, rows, marketRandom);
        await Flush();
        Report(Market, 1, 1);
        ServiceLibraryGenerator.Generate(world, rows, new DemoRandom(options.Seed, 4), org);
        await Flush();
        Report(Library, 1, 1);

        var customerRandom = new DemoRandom(options.Seed, 5);
        var salesRandom = new DemoRandom(options.Seed, 6);
        var serviceRandom = new DemoRandom(options.Seed, 7);
        var callRandom = new DemoRandom(options.Seed, 8);
        var exitRandom = new DemoRandom(options.Seed, 9);
        var chunkNo = 0;
        for (var done = 0; done < scale.Customers; done += scale.ChunkSize)
        {
            var count = Math.Min(scale.ChunkSize, scale.Customers - done);
            var (customers, duplicates) = CustomerGenerator.Generate(world, rows, customerRandom, faker, count);
            var journey = new SalesJourney(world, rows, salesRandom);
            var calls = new CallCenter(world, rows, callRandom);
            var afterSales = new AfterSales(world, rows, serviceRandom, exitRandom, new ServiceDesk(world, rows, serviceRandom, calls));
            foreach (var customer in customers)
            {
                foreach (var sale in journey.Run(customer, duplicates.Contains(customer.Id)))
                {
                    calls.Message(customer, sale.Contract.SignedAt.AddDays(5), $"【钱塘置业】尊敬的{customer.Name}，您购买的{sale.Project.Project.Name}房屋首期款即将到期，请按时缴纳。");
                    afterSales.Run(sale);
                }
                calls.Activity(customer);
            }
            var byId = customers.ToDictionary(c => c.Id);
            foreach (var lead in journey.Leads.Where(l => journey.VisitsByLead[l.Id] > 0 && callRandom.Chance(0.3)))
            {
                var customer = byId[lead.CustomerId];
                calls.Message(customer, lead.CreatedAt.AddHours(1), $"【钱塘置业】{customer.Name}您好，欢迎莅临{world.Projects.First(p => p.Project.Id == lead.ProjectId).Project.Name}营销中心，您的置业顾问将竭诚为您服务。");
            }
            calls.CallLists(journey.Leads, journey.VisitsByLead, byId, ++chunkNo);
            await Flush();
            Report(Customers, done + count, scale.Customers);
        }

        foreach (var statement in UnitStatusStatements) await writer.ExecuteAsync(statement, ct);
        var tables = writer.RowsWritten;
        await writer.CompleteAsync(ct);
        Report(Finish, 1, 1);
        return new SeedSummary(clock.Elapsed, writer.WriteTime, tables);
    }

    // Units were written as available before anyone bought them; their final status follows from the
    // reservations, contracts and handovers loaded since (portable SQL: SQLite and PostgreSQL alike).
    private static readonly string[] UnitStatusStatements =
    [
        "UPDATE unit SET status = 'Reserved', status_changed_at = (SELECT max(r.reserved_at) FROM reservation r WHERE r.unit_id = unit.id AND r.status = 'Active') WHERE id IN (SELECT unit_id FROM reservation WHERE status = 'Active')",
        "UPDATE unit SET status = 'Contracted', status_changed_at = (SELECT max(c.signed_at) FROM contract c WHERE c.unit_id = unit.id AND c.status = 'Active') WHERE id IN (SELECT unit_id FROM contract WHERE status = 'Active')",
        "UPDATE unit SET status = 'Paid', status_changed_at = (SELECT max(c.signed_at) FROM contract c WHERE c.unit_id = unit.id AND c.status = 'Paid') WHERE id IN (SELECT unit_id FROM contract WHERE status = 'Paid')",
        "UPDATE unit SET status = 'HandedOver', status_changed_at = (SELECT max(i.handed_over_at) FROM inspection_unit i WHERE i.unit_id = unit.id) WHERE id IN (SELECT unit_id FROM contract WHERE status = 'HandedOver')",
    ];

    /// <summary>What the database already holds (companies, users, ...); empty means it may be seeded.</summary>
    public async Task<IReadOnlyList<string>> ExistingDataAsync(CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var checks = new (string What, bool Any)[]
        {
            ("companies", await db.Companies.AnyAsync(ct)), ("users", await db.Users.AnyAsync(ct)), ("roles", await db.Roles.AnyAsync(ct)),
            ("projects", await db.Projects.AnyAsync(ct)), ("customers", await db.Customers.AnyAsync(ct)),
        };
        return checks.Where(c => c.Any).Select(c => c.What).ToList();
    }

    /// <summary>Seeding writes fixed codes and user names; on a database in use it would collide or mix
    /// demo rows into real ones, so it is refused before anything is written.</summary>
    private async Task EnsureEmptyAsync(CancellationToken ct)
    {
        var present = await ExistingDataAsync(ct);
        if (present.Count > 0)
            throw new DomainException($"the database already holds data ({string.Join(", ", present)}); seed only an empty database, e.g. a new --db file", "db");
    }
}
