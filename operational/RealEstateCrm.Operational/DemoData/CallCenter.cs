using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>Call detail records as the call center makes them: inbound calls through the IVR into a queue
/// (some abandoned, some leaving voicemail), the agent's bridged leg, recordings; outbound calls from the
/// reps' call lists; and the SMS the CRM sends (payment reminders, visit confirmations).</summary>
internal sealed class CallCenter(DemoWorld world, RowBuffer rows, DemoRandom random)
{
    private static readonly string[] IvrPaths = ["1", "1>1", "1>2", "2", "2>1", "2>3", "3>0"];
    private const string OutboundLine = "057188886666";

    /// <summary>An inbound call; returns the caller's leg (the agent's leg, if answered, points at it).</summary>
    public CallRecord Inbound(Customer customer, DateTime at, string queue, bool answered)
    {
        var ivrSeconds = random.Next(5, 40);
        var enqueued = at.AddSeconds(ivrSeconds);
        var wait = (int)random.Exponential(25);
        var abandoned = !answered && wait > random.Exponential(60);
        var talk = abandoned ? 0 : 20 + (int)random.Exponential(180);
        var agent = abandoned ? null : random.Pick(world.Agents);
        var callId = $"{random.Id(at):N}@crm";
        var caller = rows.Add(new CallRecord
        {
            Id = random.Id(at), CallId = callId, Direction = CallDirection.Inbound, Caller = customer.Phone!, Callee = ChineseVocabulary.Hotline,
            CustomerId = customer.Id, Queue = queue, AgentId = agent?.Id, StartedAt = at, EnqueuedAt = enqueued,
            AnsweredAt = abandoned ? null : enqueued.AddSeconds(wait), EndedAt = enqueued.AddSeconds(wait + talk), WaitSeconds = wait, TalkSeconds = talk,
            Outcome = abandoned ? CallOutcome.Abandoned : CallOutcome.Answered, IvrPath = random.Pick(IvrPaths),
            RecordingFile = abandoned ? null : $"recordings/{at:yyyy/MM/dd}/{callId}.wav",
        });
        if (agent is not null)
            rows.Add(new CallRecord
            {
                Id = random.Id(at), CallId = callId + "-b", ParentId = caller.Id, Direction = CallDirection.Inbound, Caller = ChineseVocabulary.Hotline,
                Callee = agent.Extension, CustomerId = customer.Id, Queue = queue, AgentId = agent.Id, StartedAt = caller.AnsweredAt!.Value,
                AnsweredAt = caller.AnsweredAt, EndedAt = caller.EndedAt, TalkSeconds = talk, Outcome = CallOutcome.Answered,
            });
        else if (random.Chance(0.25))
        {
            var duration = random.Next(8, 60);
            rows.Add(new Voicemail { Id = random.Id(at), CallRecordId = caller.Id, CustomerId = customer.Id, Caller = customer.Phone!, RecordedAt = caller.EndedAt, File = $"voicemail/{at:yyyy/MM/dd}/{callId}.wav", DurationSeconds = duration, Heard = caller.EndedAt < world.AsOf.AddDays(-2) });
        }
        return caller;
    }

    public CallRecord Outbound(Customer customer, DateTime at, Agent agent, CallOutcome outcome, Guid? callListEntryId)
    {
        var ring = random.Next(3, 30);
        var talk = outcome == CallOutcome.Answered ? 15 + (int)random.Exponential(150) : 0;
        var callId = $"{random.Id(at):N}@crm";
        return rows.Add(new CallRecord
        {
            Id = random.Id(at), CallId = callId, Direction = CallDirection.Outbound, Caller = OutboundLine, Callee = customer.Phone!, CustomerId = customer.Id,
            AgentId = agent.Id, StartedAt = at, AnsweredAt = outcome == CallOutcome.Answered ? at.AddSeconds(ring) : null, EndedAt = at.AddSeconds(ring + talk),
            TalkSeconds = talk, Outcome = outcome, CallListEntryId = callListEntryId,
            RecordingFile = outcome == CallOutcome.Answered ? $"recordings/{at:yyyy/MM/dd}/{callId}.wav" : null,
        });
    }

    /// <summary>The calls a customer makes and receives apart from work orders: sales enquiries and follow-ups.</summary>
    public void Activity(Customer customer)
    {
        if (customer.Phone is null) return;
        // Two legs per answered inbound call, so half as many calls as the scale's call records per customer.
        var calls = random.Poisson(world.Options.Scale.CallsPerCustomer / 2);
        for (var i = 0; i < calls; i++)
        {
            var at = random.Between(customer.CreatedAt, world.AsOf);
            if (customer.DoNotCall || random.Chance(0.6))
                Inbound(customer, at, customer.IncomeBand == IncomeBand.High ? "vip" : random.Pick(["sales", "service"]), answered: false);
            else
                Outbound(customer, at, random.Pick(world.Agents), random.Pick([(CallOutcome.Answered, 0.55), (CallOutcome.NoAnswer, 0.3), (CallOutcome.Busy, 0.1), (CallOutcome.Failed, 0.05)]), null);
        }
    }

    /// <summary>SMS the CRM sent: a reminder before each due payment and a confirmation for some visits.</summary>
    public void Message(Customer customer, DateTime at, string body)
    {
        if (customer.Phone is null || at > world.AsOf) return;
        var failed = random.Chance(0.03);
        rows.Add(new OutgoingMessage
        {
            Id = random.Id(at), Channel = MessageChannel.Sms, CustomerId = customer.Id, To = customer.Phone, Body = body, CreatedAt = at,
            Status = failed ? MessageStatus.Failed : MessageStatus.Sent, SentAt = failed ? null : at.AddSeconds(random.Next(1, 30)),
            Error = failed ? "号码不存在 number does not exist" : null,
        });
    }

    /// <summary>Each rep's follow-up list over the chunk's open leads, ranked by a simple heuristic (visits
    /// and recency, not the generator's truth), worked in the days before the as-of date.</summary>
    public void CallLists(IEnumerable<Lead> leads, IReadOnlyDictionary<Guid, int> visits, IReadOnlyDictionary<Guid, Customer> customers, int chunkNo)
    {
        var open = leads.Where(l => l.Status is LeadStatus.New or LeadStatus.Contacted or LeadStatus.Visited && l.AssignedRepUserId is not null)
            .GroupBy(l => l.AssignedRepUserId!.Value);
        foreach (var group in open)
        {
            var forDate = DateOnly.FromDateTime(world.AsOf).AddDays(-random.Next(0, 7));
            var createdAt = forDate.ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc);
            var list = rows.Add(new CallList { Id = random.Id(createdAt), Name = $"{forDate:yyyy-MM-dd} 跟进 follow-up #{chunkNo}", Kind = CallListKind.SalesLeads, ForDate = forDate, OwnerUserId = group.Key, CreatedAt = createdAt });
            var rank = 0;
            foreach (var lead in group.OrderByDescending(l => visits[l.Id] * 0.2 + (l.CreatedAt - world.Start).TotalDays / 3650).Take(30))
            {
                var customer = customers[lead.CustomerId];
                var called = !customer.DoNotCall && customer.Phone is not null && random.Chance(0.7);
                var disposition = called ? random.Pick([(CallDisposition.NoAnswer, 0.3), (CallDisposition.Interested, 0.2), (CallDisposition.NotInterested, 0.2), (CallDisposition.CallBack, 0.15), (CallDisposition.AppointmentMade, 0.1), (CallDisposition.WrongNumber, 0.05)]) : CallDisposition.NotCalled;
                var at = createdAt.AddHours(2 + random.NextDouble() * 9);
                var entry = rows.Add(new CallListEntry
                {
                    Id = random.Id(createdAt), CallListId = list.Id, Rank = ++rank, CustomerId = customer.Id, LeadId = lead.Id,
                    Score = Math.Round(Math.Min(0.95, 0.2 + visits[lead.Id] * 0.15), 2), Reason = visits[lead.Id] > 0 ? "已到访未认购 visited, not reserved" : "新线索待跟进 new lead",
                    BestHour = random.Next(10, 20), Disposition = disposition, DispositionAt = called ? at : null,
                    NextActionAt = disposition == CallDisposition.CallBack ? at.AddDays(2) : null,
                });
                if (called && at <= world.AsOf)
                    Outbound(customer, at, random.Pick(world.Agents), disposition == CallDisposition.NoAnswer ? CallOutcome.NoAnswer : CallOutcome.Answered, entry.Id);
            }
        }
    }
}
