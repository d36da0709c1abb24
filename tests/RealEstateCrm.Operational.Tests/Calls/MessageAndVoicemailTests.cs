using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Operational.Tests.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Calls;

public sealed class MessageAndVoicemailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Voicemail> Voicemail(CrmDbContext db, string caller)
    {
        var voicemail = new Voicemail { Caller = caller, RecordedAt = Given.Monday, File = "vm/2026/03/02/0001.wav", DurationSeconds = 42 };
        db.Voicemails.Add(voicemail);
        await db.SaveChangesAsync(Ct);
        return voicemail;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_complaint_voicemail_becomes_a_work_order_for_the_caller_and_links_to_it(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var voicemail = await Voicemail(db, "13800138000");
        var clock = new FixedClock(Given.Monday.AddHours(2));

        var order = await new TurnVoicemailIntoWorkOrder(db, clock).Handle(new TurnVoicemailIntoWorkOrder.Request(voicemail.Id, desk.BathroomLeak.Id, "留言投诉卫生间渗水"), Ct);
        var twice = await Assert.ThrowsAsync<DomainException>(() =>
            new TurnVoicemailIntoWorkOrder(db, clock).Handle(new TurnVoicemailIntoWorkOrder.Request(voicemail.Id, desk.BathroomLeak.Id, "重复"), Ct));

        Assert.Equal("voicemail", twice.Field);
        await using var check = test.Context();
        var stored = await check.Voicemails.SingleAsync(Ct);
        Assert.Equal((order.Id, desk.Customer.Id, true), (stored.WorkOrderId, stored.CustomerId, stored.Heard));
        var workOrder = await check.WorkOrders.SingleAsync(Ct);
        Assert.Equal((WorkOrderType.Complaint, desk.Customer.Id, clock.UtcNow.AddHours(24)), (workOrder.Type, workOrder.CustomerId, workOrder.DueAt));
        Assert.Contains("vm/2026/03/02/0001.wav", (await check.WorkOrderEvents.SingleAsync(Ct)).Note);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_voicemail_from_an_unknown_number_is_refused_and_stays_unheard(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var voicemail = await Voicemail(db, "13111112222");
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<DomainException>(() => new TurnVoicemailIntoWorkOrder(db, new FixedClock(Given.Monday))
            .Handle(new TurnVoicemailIntoWorkOrder.Request(voicemail.Id, desk.BathroomLeak.Id, "留言投诉"), Ct));

        Assert.Contains("131****2222", error.Message);
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Messages_are_queued_to_valid_addresses_only(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var queue = new QueueMessage(db, new FixedClock(Given.Monday));

        var sms = await queue.Handle(new QueueMessage.Request(MessageChannel.Sms, "+86 139 1234 5678", "您的工单已受理"), Ct);
        var mail = await queue.Handle(new QueueMessage.Request(MessageChannel.Email, "zhang.wei@example.cn", "交付通知", "交付通知书"), Ct);
        var landline = await Assert.ThrowsAsync<ValidationException>(() => queue.Handle(new QueueMessage.Request(MessageChannel.Sms, "0571-88886666", "您好"), Ct));
        var badMail = await Assert.ThrowsAsync<ValidationException>(() => queue.Handle(new QueueMessage.Request(MessageChannel.Email, "zhang.wei@", ""), Ct));

        Assert.Equal(("13912345678", "zhang.wei@example.cn"), (sms.To, mail.To));
        Assert.Equal("to", landline.Errors.Single().Field);
        Assert.Equal(["to", "body"], badMail.Errors.Select(e => e.Field));
        await using var check = test.Context();
        Assert.Equal(2, await check.OutgoingMessages.CountAsync(m => m.Status == MessageStatus.Pending, Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_gateway_marks_a_pending_message_sent_or_failed_once(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context("sms-gateway");
        var clock = new FixedClock(Given.Monday);
        var queue = new QueueMessage(db, clock);
        var first = await queue.Handle(new QueueMessage.Request(MessageChannel.Sms, "13800138000", "您的工单已受理"), Ct);
        var second = await queue.Handle(new QueueMessage.Request(MessageChannel.Sms, "13912345678", "您的工单已受理"), Ct);
        var deliver = new RecordMessageDelivery(db, clock);

        clock.Advance(TimeSpan.FromSeconds(5));
        await deliver.Handle(new RecordMessageDelivery.Request(first.Id, Sent: true), Ct);
        await deliver.Handle(new RecordMessageDelivery.Request(second.Id, Sent: false, "空号"), Ct);
        var again = await Assert.ThrowsAsync<DomainException>(() => deliver.Handle(new RecordMessageDelivery.Request(first.Id, Sent: false, "超时"), Ct));
        var noReason = await Assert.ThrowsAsync<ValidationException>(() => deliver.Handle(new RecordMessageDelivery.Request(second.Id, Sent: false), Ct));

        Assert.Equal(("message", "error"), (again.Field, noReason.Errors.Single().Field));
        await using var check = test.Context();
        var stored = await check.OutgoingMessages.ToDictionaryAsync(m => m.Id, Ct);
        Assert.Equal((MessageStatus.Sent, clock.UtcNow, (string?)null), (stored[first.Id].Status, stored[first.Id].SentAt, stored[first.Id].Error));
        Assert.Equal((MessageStatus.Failed, (DateTime?)null, "空号"), (stored[second.Id].Status, stored[second.Id].SentAt, stored[second.Id].Error));
    }
}
