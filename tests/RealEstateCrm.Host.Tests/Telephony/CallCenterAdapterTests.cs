using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Testing;
using CallDisposition = RealEstateCrm.Telephony.CallCenter.CallDisposition;

namespace RealEstateCrm.Host.Tests.Telephony;

/// <summary>The call center's ports wired to the operational DB, on SQLite and PostgreSQL: what the ACD, IVR and dialer
/// produce lands in the call records, voicemails, work orders and call lists through the use cases.</summary>
public sealed class CallCenterAdapterTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 12, 1, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CallDistributor Distributor(TestDatabase test, FakeTimeProvider clock) => new(
        [new AcdQueueSettings("service", "service", RoutingStrategy.LeastRecent) { WrapUp = TimeSpan.Zero }],
        new CallDistributorPorts(new OperationalCallerLookup(test.Database), new ChurnCareAtRiskCallers(test.Database, clock),
            new OperationalLastAgent(test.Database), new OperationalCdrSink(test.Database)),
        clock);

    private static AgentProfile Profile(Agent agent) => new(agent.AgentNo, agent.AgentNo, agent.Extension, new Dictionary<string, int> { ["service"] = 3 });

    [Theory, ClassData(typeof(Providers))]
    public async Task A_queued_call_answered_by_an_agent_is_stored_as_two_linked_call_records_with_outbox_rows(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var agent = await CallCenterData.Agent(test, "A001", "8001", "王芳");
        var customer = await CallCenterData.Customer(test, "张伟", "13800138000");
        var clock = new FakeTimeProvider(Start);
        using var acd = Distributor(test, clock);
        acd.Login(Profile(agent), "S01");

        await acd.EnqueueAsync(new InboundCall("sip-1", "+86 138-0013-8000", "4008001234", "service", Start.AddSeconds(-20), "4>0"), Ct);
        var pop = CallCenterData.Rung(acd).Single();
        clock.Advance(TimeSpan.FromSeconds(4));
        acd.Answer("A001", "sip-1");
        acd.AttachRecording("sip-1", "rec/sip-1.wav");
        clock.Advance(TimeSpan.FromSeconds(95));
        await acd.AgentHungUpAsync("sip-1", Ct);

        Assert.Equal((customer.Id, "张伟"), (pop.ScreenPop!.CustomerId, pop.ScreenPop.Name));
        await using var db = test.Context();
        var records = await db.CallRecords.OrderBy(r => r.CallId).ToListAsync(Ct);
        Assert.Equal(2, records.Count);
        var (caller, leg) = (records[0], records[1]);
        Assert.Equal((CallDirection.Inbound, CallOutcome.Answered, agent.Id, customer.Id, "13800138000", "4>0", "rec/sip-1.wav", 4, 95),
            (caller.Direction, caller.Outcome, caller.AgentId, caller.CustomerId, caller.Caller, caller.IvrPath, caller.RecordingFile, caller.WaitSeconds, caller.TalkSeconds));
        Assert.Equal(Start.AddSeconds(-20).UtcDateTime, caller.StartedAt);
        Assert.Equal((caller.Id, CallDirection.Internal, "8001", agent.Id), (leg.ParentId, leg.Direction, leg.Callee, leg.AgentId));
        Assert.Equal(2, await db.OutboxMessages.CountAsync(o => o.Entity == nameof(CallRecord), Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_second_call_from_the_same_number_is_sticky_to_the_stored_last_agent(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var a1 = await CallCenterData.Agent(test, "A001", "8001", "王芳");
        var a2 = await CallCenterData.Agent(test, "A002", "8002", "李娜");
        var clock = new FakeTimeProvider(Start);
        using (var first = Distributor(test, clock))
        {
            first.Login(Profile(a2), "S02");
            await first.EnqueueAsync(new InboundCall("sip-1", "13800138000", "400", "service", Start), Ct);
            first.Answer("A002", "sip-1");
            clock.Advance(TimeSpan.FromSeconds(30));
            await first.CallerHungUpAsync("sip-1", Ct);
        }

        // A restarted distributor knows the caller only from the call records.
        using var acd = Distributor(test, clock);
        acd.Login(Profile(a1), "S01");
        clock.Advance(TimeSpan.FromSeconds(5));
        acd.Login(Profile(a2), "S02");
        var queued = await acd.EnqueueAsync(new InboundCall("sip-2", "13800138000", "400", "service", clock.GetUtcNow()), Ct);

        Assert.Equal("A002", queued.StickyAgentNo);
        Assert.Equal(["A002"], CallCenterData.Rung(acd).Select(r => r.AgentNo));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_caller_on_a_churn_care_list_is_at_risk_and_an_unknown_caller_is_not(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var customer = await CallCenterData.Customer(test, "张伟", "13800138000");
        var clock = new FakeTimeProvider(Start);
        await using (var db = test.Context())
            await new CreateCallList(db, clock).Handle(new CreateCallList.Request("流失关怀", CallListKind.ChurnCare, new DateOnly(2026, 10, 1), [new(customer.Id, 0.9)]), Ct);
        var risk = new ChurnCareAtRiskCallers(test.Database, clock);

        Assert.True(await risk.IsAtRiskAsync("13800138000", Ct));
        Assert.False(await risk.IsAtRiskAsync("13900139000", Ct));
        clock.Advance(TimeSpan.FromDays(45));
        Assert.False(await risk.IsAtRiskAsync("13800138000", Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_complaint_voicemail_from_a_known_caller_becomes_a_complaint_work_order(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var customer = await CallCenterData.Customer(test, "张伟", "13800138000");
        Guid categoryId;
        await using (var db = test.Context())
            categoryId = (await new CreateComplaintCategory(db).Handle(new CreateComplaintCategory.Request("TS-01", "电话投诉", 48), Ct)).Id;
        var clock = new FakeTimeProvider(Start);
        var sink = new OperationalVoicemailSink(test.Database, categoryId, clock);

        await sink.SaveAsync(new VoicemailMessage("sip-9", "13800138000", Start, "vm/sip-9.wav", TimeSpan.FromSeconds(41), IsComplaint: true), Ct);
        await sink.SaveAsync(new VoicemailMessage("sip-10", "13700000000", Start, "vm/sip-10.wav", TimeSpan.FromSeconds(12), IsComplaint: true), Ct);

        await using var check = test.Context();
        var voicemails = await check.Voicemails.OrderByDescending(v => v.DurationSeconds).ToListAsync(Ct);
        var order = await check.WorkOrders.SingleAsync(Ct);
        Assert.Equal((WorkOrderType.Complaint, customer.Id, categoryId), (order.Type, order.CustomerId, order.CategoryId));
        Assert.Equal((order.Id, true, 41), (voicemails[0].WorkOrderId, voicemails[0].Heard, voicemails[0].DurationSeconds));
        Assert.Equal(((Guid?)null, false), (voicemails[1].WorkOrderId, voicemails[1].Heard));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_ivr_reads_the_callers_open_work_orders_from_the_ledger(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var customer = await CallCenterData.Customer(test, "张伟", "13800138000");
        var clock = new FakeTimeProvider(Start);
        await using (var db = test.Context())
        {
            var category = await new CreateComplaintCategory(db).Handle(new CreateComplaintCategory.Request("WX-01", "漏水", 24), Ct);
            await new OpenWorkOrder(db, clock).Handle(new OpenWorkOrder.Request(WorkOrderType.Repair, customer.Id, category.Id, "卫生间漏水"), Ct);
        }

        var orders = await new OperationalWorkOrderStatus(test.Database).OpenOrdersAsync("13800138000", Ct);

        var line = Assert.Single(orders);
        Assert.Equal(("卫生间漏水", "Open", Start.AddHours(24)), (line.Title, line.Status, line.DueAt));
        Assert.Empty(await new OperationalWorkOrderStatus(test.Database).OpenOrdersAsync("13900139000", Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_dialer_skips_do_not_call_and_writes_dispositions_and_cdrs_back(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await CallCenterData.Agent(test, "A001", "8001", "王芳");
        var keen = await CallCenterData.Customer(test, "张伟", "13800138000");
        var away = await CallCenterData.Customer(test, "王芳", "13900139000");
        var clock = new FakeTimeProvider(Start);
        Guid listId;
        await using (var db = test.Context())
            listId = (await new CreateCallList(db, clock).Handle(new CreateCallList.Request("回访", CallListKind.SalesLeads, new DateOnly(2026, 10, 12), [new(keen.Id, 0.9), new(away.Id, 0.5)]), Ct)).List.Id;
        await using (var db = test.Context())
        {
            // Flagged after the list was made: the dialer must still not ring them.
            (await db.Customers.SingleAsync(c => c.Id == away.Id, Ct)).DoNotCall = true;
            await db.SaveChangesAsync(Ct);
        }
        var dialer = new OutboundDialer(listId, DialerMode.Progressive, "4008001234", new OperationalCallList(test.Database, clock), new OperationalCdrSink(test.Database), clock);
        await dialer.LoadAsync(Ct);

        var call = Assert.Single(dialer.Pace(["A001", "A002"]));
        clock.Advance(TimeSpan.FromSeconds(6));
        var answered = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(120));
        await dialer.CompleteAsync(call.CallId, DialResult.Answered, answered, DialDisposition.Interested, "想看三居", ct: Ct);

        Assert.Equal(keen.Id, call.Target.CustomerId);
        Assert.Equal([away.Id], dialer.Skipped.Select(t => t.CustomerId));
        await using var check = test.Context();
        var entry = await check.CallListEntries.SingleAsync(e => e.CustomerId == keen.Id, Ct);
        Assert.Equal((Operational.Domain.Marketing.CallDisposition.Interested, "想看三居"), (entry.Disposition, entry.Notes));
        var record = await check.CallRecords.SingleAsync(Ct);
        Assert.Equal((CallDirection.Outbound, entry.Id, keen.Id, 120), (record.Direction, record.CallListEntryId, record.CustomerId, record.TalkSeconds));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Recordings_are_found_by_customer_agent_and_time(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await CallCenterData.Agent(test, "A001", "8001", "王芳");
        await CallCenterData.Agent(test, "A002", "8002", "李娜");
        var zhang = await CallCenterData.Customer(test, "张伟", "13800138000");
        await CallCenterData.Customer(test, "刘洋", "13700137000");
        var sink = new OperationalCdrSink(test.Database);
        async Task Answered(string id, string caller, string agentNo, double hours, string? recording) =>
            await sink.WriteAsync(new CallDetail(id, null, CallLegDirection.Inbound, caller, "400", CallDisposition.Answered, Start.AddHours(hours),
                Start.AddHours(hours).AddSeconds(70), Start.AddHours(hours), Start.AddHours(hours).AddSeconds(10), "service", agentNo, RecordingFile: recording), Ct);
        await Answered("c1", "13800138000", "A001", 0, "rec/c1.wav");
        await Answered("c2", "13800138000", "A002", 2, "rec/c2.wav");
        await Answered("c3", "13700137000", "A001", 3, "rec/c3.wav");
        await Answered("c4", "13800138000", "A001", 4, null);
        var search = new SearchRecordings(test.Database);

        var byCustomer = await search.Handle(new SearchRecordings.Request(CustomerId: zhang.Id), Ct);
        var byAgent = await search.Handle(new SearchRecordings.Request(AgentNo: "A001"), Ct);
        var byTime = await search.Handle(new SearchRecordings.Request(From: Start.AddHours(1), To: Start.AddHours(3)), Ct);

        Assert.Equal(["c2", "c1"], byCustomer.Select(h => h.CallId));
        Assert.Equal(["c3", "c1"], byAgent.Select(h => h.CallId));
        Assert.Equal([("c2", "张伟", "A002", "rec/c2.wav")], byTime.Select(h => (h.CallId, h.CustomerName!, h.AgentNo!, h.RecordingFile)));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_cdr_naming_an_unknown_agent_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var sink = new OperationalCdrSink(test.Database);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => sink.WriteAsync(new CallDetail("c1", null, CallLegDirection.Inbound, "13800138000", "400",
            CallDisposition.Answered, Start, Start.AddSeconds(60), Start, Start.AddSeconds(5), "service", "A404"), Ct));

        Assert.StartsWith("agent: no agent numbered A404", e.Message);
        await using var db = test.Context();
        Assert.Equal(0, await db.CallRecords.CountAsync(Ct));
    }
}
