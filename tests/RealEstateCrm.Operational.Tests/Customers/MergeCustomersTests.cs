using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Features.Inventory;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Customers;

public sealed class MergeCustomersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Pair(World World, Customer Survivor, Customer Duplicate, Customer Referred, Customer MergedEarlier);

    /// <summary>张伟 twice: the duplicate has leads on both projects, a visit, a reservation, calls, a voicemail,
    /// work orders, a reception record, a discount request, campaign memberships (one shared with the survivor),
    /// tags (one shared), a contact, family links (one to the survivor), a customer he referred and one merged into him.</summary>
    private static async Task<Pair> CreatePair(TestDatabase test)
    {
        var world = await World.Create(test);
        await using var db = test.Context();
        var survivor = await World.AddCustomerAsync(db, World.Person("张伟", "13800138000", world.ProjectAId) with { Tags = ["学区"] });
        var duplicate = await World.AddCustomerAsync(db, World.Person("张伟", "13900139000") with
        {
            IdNumber = "11010519491231002X",
            Email = "zw@example.cn",
            Address = "天河区体育西路 1 号",
            Tags = ["学区", "投资"],
            Contacts = [new(ContactKind.WeChat, "zw_gz")],
            Family = [new(survivor.Id, FamilyRelation.Other)],
        });
        var wife = await World.AddCustomerAsync(db, World.Person("林芳", "13700137000"));
        await new UpdateCustomer(db).Handle(new(duplicate.Id, World.Person("张伟", "13900139000") with
        {
            IdNumber = "11010519491231002X", Email = "zw@example.cn", Address = "天河区体育西路 1 号", Tags = ["学区", "投资"],
            Contacts = [new(ContactKind.WeChat, "zw_gz")], Family = [new(survivor.Id, FamilyRelation.Other), new(wife.Id, FamilyRelation.Spouse)],
            DoNotCall = true,
        }), Ct);
        var referred = await World.AddCustomerAsync(db, World.Person("王磊", "13600136000") with { ReferredByCustomerId = duplicate.Id });
        var mergedEarlier = await World.AddCustomerAsync(db, World.Person("张 伟", "13500135000"));
        await new MergeCustomers(db).Handle(new(duplicate.Id, mergedEarlier.Id, "旧档案 old record"), Ct);

        var leadA = (await new CreateLead(db).Handle(new(duplicate.Id, world.ProjectAId, Channel.Phone), Ct)).Lead;
        await new CreateLead(db).Handle(new(duplicate.Id, world.ProjectBId, Channel.Douyin), Ct);
        await new RecordVisit(db).Handle(new(leadA.Id, 2), Ct);
        await new ReserveUnit(db).Handle(new(world.Unit("202").Id, duplicate.Id, 20_000m), Ct);
        await new RequestDiscount(db).Handle(new(world.Unit("301").Id, world.RepAId, 5m, "团购 group purchase", duplicate.Id), Ct);
        var campaign = new Campaign { Code = "HD-01", Name = "五一看房团", Channel = Channel.Event, StartDate = new DateOnly(2026, 5, 1), EndDate = new DateOnly(2026, 5, 5) };
        var other = new Campaign { Code = "HD-02", Name = "抖音直播", Channel = Channel.Douyin, StartDate = new DateOnly(2026, 6, 1), EndDate = new DateOnly(2026, 6, 5) };
        db.Campaigns.AddRange(campaign, other);
        db.CampaignMembers.AddRange(
            new CampaignMember { CampaignId = campaign.Id, CustomerId = survivor.Id, AddedAt = DateTime.UtcNow },
            new CampaignMember { CampaignId = campaign.Id, CustomerId = duplicate.Id, AddedAt = DateTime.UtcNow },
            new CampaignMember { CampaignId = other.Id, CustomerId = duplicate.Id, AddedAt = DateTime.UtcNow });
        var call = new CallRecord
        {
            CallId = "c-1", Direction = CallDirection.Inbound, Caller = "13900139000", Callee = "4008001234", CustomerId = duplicate.Id,
            StartedAt = DateTime.UtcNow, EndedAt = DateTime.UtcNow.AddMinutes(3), Outcome = CallOutcome.Answered,
        };
        db.CallRecords.AddRange(call, new CallRecord
        {
            CallId = "c-2", Direction = CallDirection.Outbound, Caller = "4008001234", Callee = "13900139000", CustomerId = duplicate.Id,
            StartedAt = DateTime.UtcNow, EndedAt = DateTime.UtcNow, Outcome = CallOutcome.NoAnswer,
        });
        db.Voicemails.Add(new Voicemail { CustomerId = duplicate.Id, Caller = "13900139000", File = "vm/1.wav", RecordedAt = DateTime.UtcNow });
        db.WorkOrders.AddRange(
            new WorkOrder { Number = "GD-1", CustomerId = duplicate.Id, Title = "咨询交房时间", OpenedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow },
            new WorkOrder { Number = "GD-2", CustomerId = duplicate.Id, Title = "投诉噪音", OpenedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow });
        db.ReceptionRecords.Add(new ReceptionRecord { CustomerId = duplicate.Id, CallRecordId = call.Id, Summary = "来电咨询", ReceivedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(Ct);
        return new Pair(world, survivor, duplicate, referred, mergedEarlier);
    }

    /// <summary>Rows pointing at a customer through each foreign key of the model, by "table.column".</summary>
    private static async Task<Dictionary<string, int>> PointingAt(CrmDbContext db, Guid customerId)
    {
        var counts = new Dictionary<string, int>();
        foreach (var fk in db.Model.FindEntityType(typeof(Customer))!.GetReferencingForeignKeys())
        {
            var table = fk.DeclaringEntityType.GetTableName();
            var column = fk.Properties.Single().GetColumnName();
            // SQLite stores a Guid as upper-case text; PostgreSQL as uuid.
            object id = db.Provider == DatabaseProvider.Sqlite ? customerId.ToString().ToUpperInvariant() : customerId;
            var sql = "SELECT COUNT(*) AS \"Value\" FROM " + table + " WHERE " + column + " = {0}";
            var count = await db.Database.SqlQueryRaw<int>(sql, id).SingleAsync(Ct);
            if (count > 0) counts[$"{table}.{column}"] = count;
        }
        return counts;
    }

    private static async Task<Dictionary<string, int>> TableSizes(CrmDbContext db)
    {
        var sizes = new Dictionary<string, int>();
        foreach (var table in db.Model.FindEntityType(typeof(Customer))!.GetReferencingForeignKeys().Select(fk => fk.DeclaringEntityType.GetTableName()!).Distinct())
        {
            var sql = "SELECT COUNT(*) AS \"Value\" FROM " + table;
            sizes[table] = await db.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct);
        }
        return sizes;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Merging_moves_all_history_of_the_duplicate_to_the_survivor_and_loses_none(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var pair = await CreatePair(test);
        Dictionary<string, int> sizesBefore, survivorBefore, duplicateBefore;
        await using (var db = test.Context())
        {
            sizesBefore = await TableSizes(db);
            survivorBefore = await PointingAt(db, pair.Survivor.Id);
            duplicateBefore = await PointingAt(db, pair.Duplicate.Id);
        }
        Assert.True(duplicateBefore.Count >= 14, $"the fixture should exercise many tables, got {string.Join(", ", duplicateBefore.Keys)}");

        MergeCustomers.Result result;
        await using (var db = test.Context("li.manager"))
            result = await new MergeCustomers(db).Handle(new(pair.Survivor.Id, pair.Duplicate.Id, "同一身份证 same person"), Ct);

        await using var read = test.Context();
        var duplicateAfter = await PointingAt(read, pair.Duplicate.Id);
        // Only the merge log still names the duplicate: this merge, and the earlier one into him.
        Assert.Equal(new Dictionary<string, int> { ["customer_merge.merged_id"] = 1, ["customer_merge.survivor_id"] = 1 }, duplicateAfter);
        var survivorAfter = await PointingAt(read, pair.Survivor.Id);
        // Dropped: the shared tag 学区, the shared campaign membership, the family link between the two.
        Assert.Equal(3, result.RowsDropped);
        var sizesAfter = await TableSizes(read);
        foreach (var (table, size) in sizesBefore)
        {
            var dropped = table is "customer_tag" or "campaign_member" or "family_link" ? 1 : 0;
            var added = table == "customer_merge" ? 1 : table == "customer_contact" ? 1 : 0;
            Assert.True(size - dropped + added == sizesAfter[table], $"{table}: {size} before, {sizesAfter[table]} after");
        }
        foreach (var (key, count) in duplicateBefore.Where(k => !k.Key.StartsWith("customer_merge")))
        {
            var dropped = key is "customer_tag.customer_id" or "campaign_member.customer_id" or "family_link.customer_id" ? 1 : 0;
            var added = key is "customer_contact.customer_id" ? 1 : key is "customer.merged_into_id" ? 1 : 0;
            Assert.True(survivorBefore.GetValueOrDefault(key) + count - dropped + added == survivorAfter.GetValueOrDefault(key),
                $"{key}: survivor {survivorBefore.GetValueOrDefault(key)} + duplicate {count} → {survivorAfter.GetValueOrDefault(key)}");
        }
        Assert.Equal(result.Merge.RowsMoved, duplicateBefore.Where(k => !k.Key.StartsWith("customer_merge")).Sum(k => k.Value) - 3);

        var survivor = await read.Customers.Include(c => c.Contacts).Include(c => c.Tags).SingleAsync(c => c.Id == pair.Survivor.Id, Ct);
        var duplicate = await read.Customers.SingleAsync(c => c.Id == pair.Duplicate.Id, Ct);
        Assert.Equal(pair.Survivor.Id, duplicate.MergedIntoId);
        Assert.Equal("11010519491231002X", survivor.IdNumber);
        Assert.Equal("zw@example.cn", survivor.Email);
        Assert.Equal("13800138000", survivor.Phone);
        // The duplicate asked not to be called: the person did, so the survivor must not be called either.
        Assert.True(survivor.DoNotCall);
        Assert.Contains(survivor.Contacts, c => c is { Kind: ContactKind.Phone, Value: "13900139000" });
        Assert.Equal(["学区", "投资"], survivor.Tags.Select(t => t.Tag).Order());
        Assert.Equal(pair.Survivor.Id, (await read.Customers.SingleAsync(c => c.Id == pair.Referred.Id, Ct)).ReferredByCustomerId);
        Assert.Equal(pair.Survivor.Id, (await read.Customers.SingleAsync(c => c.Id == pair.MergedEarlier.Id, Ct)).MergedIntoId);
        var log = await read.CustomerMerges.SingleAsync(m => m.MergedId == pair.Duplicate.Id, Ct);
        Assert.Equal("li.manager", log.MergedBy);
        Assert.Equal(result.Merge.RowsMoved, log.RowsMoved);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Merging_into_itself_or_with_an_already_merged_customer_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var pair = await CreatePair(test);

        var self = await test.AssertRefused<ValidationException>(db => new MergeCustomers(db).Handle(new(pair.Survivor.Id, pair.Survivor.Id, "同一人"), Ct));
        Assert.Equal("duplicate", Assert.Single(self.Errors).Field);
        var intoMerged = await test.AssertRefused<DomainException>(db => new MergeCustomers(db).Handle(new(pair.MergedEarlier.Id, pair.Survivor.Id, "同一人"), Ct));
        Assert.Equal("survivor", intoMerged.Field);
        var mergedAgain = await test.AssertRefused<DomainException>(db => new MergeCustomers(db).Handle(new(pair.Survivor.Id, pair.MergedEarlier.Id, "同一人"), Ct));
        Assert.Equal("duplicate", mergedAgain.Field);
        var noReason = await test.AssertRefused<ValidationException>(db => new MergeCustomers(db).Handle(new(pair.Survivor.Id, pair.Duplicate.Id, " "), Ct));
        Assert.Equal("reason", Assert.Single(noReason.Errors).Field);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task New_history_cannot_be_attached_to_a_merged_duplicate(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var pair = await CreatePair(test);

        var error = await test.AssertRefused<DomainException>(db => new CreateLead(db).Handle(new(pair.MergedEarlier.Id, pair.World.ProjectAId, Channel.Phone), Ct));
        Assert.Equal("customer", error.Field);
    }
}
