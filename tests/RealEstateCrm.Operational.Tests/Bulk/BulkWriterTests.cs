using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Data.Bulk;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Outbox;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Bulk;

public sealed class BulkWriterTests
{
    private static readonly DateTime At = new(2026, 3, 8, 9, 30, 15, 123, DateTimeKind.Utc);

    [Theory, ClassData(typeof(Providers))]
    public async Task Bulk_rows_read_back_through_EF_exactly_as_written(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var ct = TestContext.Current.CancellationToken;
        var customers = new[]
        {
            new Customer { Code = "C1", Name = "张伟", Gender = Gender.Male, BirthDate = new DateOnly(1985, 7, 1), IdNumber = "330106198507011234", Phone = "13800138000", IncomeBand = IncomeBand.UpperMiddle, FamilySize = 3, DoNotCall = true, CreatedAt = At, UpdatedAt = At },
            new Customer { Code = "C2", Name = "李娜", CreatedAt = At, UpdatedAt = At },
        };
        var campaign = new Campaign { Code = "M1", Name = "滨江花园暖场活动", Channel = Channel.Douyin, Cost = 123_456.78m, StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 2, 1), Status = CampaignStatus.Running };
        var truth = new TrueProbability { CustomerId = customers[0].Id, Outcome = "lead-conversion", Probability = 0.375, Happened = true };

        await using (var writer = await BulkWriter.OpenAsync(test.Database, ct))
        {
            await writer.WriteAsync(customers, ct);
            await writer.WriteAsync([campaign], ct);
            await writer.WriteAsync([truth], ct);
            await writer.CompleteAsync(ct);
        }

        await using var db = test.Context();
        var read = await db.Customers.OrderBy(c => c.Code).ToListAsync(ct);
        Assert.Equivalent(customers, read);
        Assert.Equal(customers[0].Id, (await db.Customers.SingleAsync(c => c.Id == customers[0].Id, ct)).Id);
        Assert.Equivalent(campaign, await db.Campaigns.SingleAsync(ct));
        var storedTruth = await db.TrueProbabilities.SingleAsync(ct);
        Assert.True(storedTruth.Id > 0);
        Assert.Equal((0.375, true), (storedTruth.Probability, storedTruth.Happened));
        var markers = await db.OutboxMessages.OrderBy(m => m.Sequence).ToListAsync(ct);
        Assert.Equal(["customer", "campaign"], markers.Select(m => m.EntityKey));
        Assert.All(markers, m => Assert.Equal(OutboxOperations.BulkLoad, m.Operation));
        Assert.Contains("\"rows\":2", markers[0].Payload);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_failing_batch_writes_nothing_of_that_batch(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var ct = TestContext.Current.CancellationToken;
        var first = new Customer { Code = "C1", Name = "王强", CreatedAt = At, UpdatedAt = At };
        var clash = new Customer { Code = "C1", Name = "王强", CreatedAt = At, UpdatedAt = At };
        await using (var writer = await BulkWriter.OpenAsync(test.Database, ct))
            await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteAsync([first, clash], ct));

        await using var db = test.Context();
        Assert.Equal(0, await db.Customers.CountAsync(ct));
        Assert.Equal(0, await db.OutboxMessages.CountAsync(ct));
    }
}
