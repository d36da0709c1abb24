using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>Work orders as service runs them: reception (often a phone call), dispatch, escalation past
/// the SLA, resolution, reply, close, the odd reopen; compensation for slow complaints, charge-backs to
/// the responsible contractor, and a return visit with the NPS questionnaire.</summary>
internal sealed class ServiceDesk(DemoWorld world, RowBuffer rows, DemoRandom random, CallCenter calls)
{
    private static readonly string[] DefectDescriptions = ["墙面渗水 damp wall", "窗框密封不严 window seal gap", "地砖空鼓 hollow tiles", "插座无电 dead socket", "下水不畅 slow drain", "墙面裂缝 wall crack"];

    /// <summary>A defect found at mock inspection; about half are serious enough to become a work order.</summary>
    public WorkOrder? Defect(Customer customer, ProjectState project, UnitSlot unit, InspectionUnit inspection, DateTime foundAt)
    {
        var categoryId = random.Pick(project.ContractorByCategory.Keys.ToList());
        var category = world.LeafCategories.First(c => c.Id == categoryId);
        var issue = new InspectionIssue
        {
            Id = random.Id(foundAt), InspectionUnitId = inspection.Id, CategoryId = categoryId, Location = random.Pick(ChineseVocabulary.IssueLocations),
            Description = random.Pick(DefectDescriptions), Severity = random.Pick([Severity.Low, Severity.Normal, Severity.Normal, Severity.High]), FoundAt = foundAt,
        };
        if (issue.Severity != Severity.Low && random.Chance(0.6))
        {
            var order = Open(customer, project, unit.Id, category, foundAt.AddHours(2), null, issue.Id);
            issue.WorkOrderId = order.Id;
            issue.FixedAt = order.ResolvedAt;
            rows.Add(issue);
            return order;
        }
        var fixedAt = foundAt.AddDays(random.Next(3, 20));
        issue.FixedAt = fixedAt <= world.AsOf ? fixedAt : null;
        rows.Add(issue);
        return null;
    }

    public WorkOrder Open(Customer customer, ProjectState project, Guid? unitId, ComplaintCategory category, DateTime opened, Guid? topicId, Guid? inspectionIssueId)
    {
        var contractor = project.ContractorByCategory.TryGetValue(category.Id, out var c) ? c : (Guid?)null;
        var order = new WorkOrder
        {
            Id = random.Id(opened), Number = $"WO{opened:yyyy}{world.NextWorkOrderNo++:0000000}",
            Type = contractor is not null ? WorkOrderType.Repair : random.Chance(0.1) ? WorkOrderType.Inquiry : WorkOrderType.Complaint,
            CustomerId = customer.Id, ProjectId = project.Project.Id, UnitId = unitId, CategoryId = category.Id, Title = category.Name.Split(' ')[0],
            Description = $"业主反映{category.Name.Split(' ')[0]}问题 owner reports: {category.Name}", Priority = category.Severity, OpenedAt = opened,
            DueAt = opened.AddHours(category.SlaHours), DepartmentId = category.DefaultDepartmentId, ContractorId = contractor,
            ComplaintTopicId = topicId, InspectionIssueId = inspectionIssueId,
            RepairCost = contractor is null ? 0 : random.Next(2, 50) * 100m,
        };
        var staff = world.Staff("service");
        string By() => random.Pick(staff).UserName;
        void Event(DateTime at, Domain.Service.WorkOrderEventKind kind, string? note = null)
        {
            if (at <= world.AsOf) rows.Add(new WorkOrderEvent { Id = random.Id(at), WorkOrderId = order.Id, At = at, Kind = kind, ByUser = By(), Note = note });
        }

        Event(opened, WorkOrderEventKind.Opened);
        var dispatched = opened.AddHours(0.5 + random.NextDouble() * 4);
        var hours = category.SlaHours * project.RepairSlowness * Math.Exp(0.5 * random.Normal());
        var resolved = opened.AddHours(hours);
        if (dispatched <= world.AsOf)
        {
            order.FirstResponseAt = dispatched;
            order.Status = WorkOrderStatus.Dispatched;
            Event(dispatched, WorkOrderEventKind.Dispatched, contractor is null ? "派单至责任部门 sent to the department" : "派单至承建商 sent to the contractor");
            Event(dispatched.AddHours(1), WorkOrderEventKind.Started);
            if (dispatched.AddHours(1) <= world.AsOf) order.Status = WorkOrderStatus.InProgress;
        }
        if (resolved > order.DueAt && order.DueAt <= world.AsOf)
        {
            order.EscalationLevel = resolved > order.DueAt.AddHours(category.SlaHours) ? 2 : 1;
            Event(order.DueAt, WorkOrderEventKind.Escalated, "超过时限升级 past its SLA");
        }
        if (resolved <= world.AsOf)
        {
            order.Status = WorkOrderStatus.Resolved;
            order.ResolvedAt = resolved;
            order.Resolution = contractor is null ? "已协调处理 handled" : "承建商已维修 repaired by the contractor";
            order.ReplyToCustomer = "您好，您反映的问题已处理完毕，感谢您的耐心。";
            order.RepliedAt = resolved.AddHours(2);
            Event(resolved, WorkOrderEventKind.Resolved);
            Event(resolved.AddHours(2), WorkOrderEventKind.Replied);
            if (random.Chance(0.08) && resolved.AddDays(3) <= world.AsOf)
            {
                order.ReopenCount = 1;
                Event(resolved.AddDays(2), WorkOrderEventKind.Reopened, "业主反馈问题复发 the problem came back");
                resolved = resolved.AddDays(3);
                order.ResolvedAt = resolved;
                Event(resolved, WorkOrderEventKind.Resolved);
            }
            if (resolved.AddDays(1) <= world.AsOf)
            {
                order.Status = WorkOrderStatus.Closed;
                order.ClosedAt = resolved.AddDays(1);
                Event(resolved.AddDays(1), WorkOrderEventKind.Closed);
            }
        }
        rows.Add(order);
        var slow = resolved > order.DueAt;
        if (inspectionIssueId is null) Reception(customer, order);
        if (slow && order.Type == WorkOrderType.Complaint && order.ResolvedAt is { } at && random.Chance(0.3))
        {
            rows.Add(new Compensation { Id = random.Id(at), WorkOrderId = order.Id, CustomerId = customer.Id, Kind = random.Pick([CompensationKind.PropertyFeeWaiver, CompensationKind.Gift, CompensationKind.Cash]), Amount = random.Next(2, 30) * 100m, ApprovedBy = world.Staff("manager")[0].UserName, GrantedAt = at.AddDays(1) < world.AsOf ? at.AddDays(1) : at });
            Event(at, WorkOrderEventKind.Compensated);
        }
        if (contractor is not null && order.ResolvedAt is { } repairedAt && random.Chance(0.4))
        {
            rows.Add(new ContractorChargeBack { Id = random.Id(repairedAt), WorkOrderId = order.Id, ContractorId = contractor.Value, Amount = order.RepairCost, ChargedAt = repairedAt, Note = "保修期内维修费用由承建商承担 warranty repair charged back" });
            Event(repairedAt, WorkOrderEventKind.ChargedBack);
        }
        if (order.ClosedAt is { } closedAt && closedAt.AddDays(3) <= world.AsOf && random.Chance(0.6)) ReturnVisit(customer, order, closedAt.AddDays(3), slow);
        return order;
    }

    private void Reception(Customer customer, WorkOrder order)
    {
        var channel = random.Pick([(ReceptionChannel.Phone, 0.6), (ReceptionChannel.WeChat, 0.2), (ReceptionChannel.WalkIn, 0.1), (ReceptionChannel.Web, 0.1)]);
        var call = channel == ReceptionChannel.Phone && customer.Phone is not null ? calls.Inbound(customer, order.OpenedAt.AddMinutes(-5), "service", answered: true) : null;
        var record = rows.Add(new ReceptionRecord
        {
            Id = random.Id(order.OpenedAt), Channel = channel, CustomerId = customer.Id, CallRecordId = call?.Id,
            ReceivedByUserId = random.Pick(world.Staff(channel == ReceptionChannel.Phone ? "agent" : "service")).Id, ReceivedAt = order.OpenedAt,
            Summary = order.Description!, WorkOrderId = order.Id,
        });
        order.ReceptionRecordId = record.Id;
    }

    private void ReturnVisit(Customer customer, WorkOrder order, DateTime at, bool slow)
    {
        var nps = slow ? random.Next(2, 8) : random.Next(6, 11);
        var visit = rows.Add(new ReturnVisit { Id = random.Id(at), CustomerId = customer.Id, WorkOrderId = order.Id, QuestionnaireId = world.ReturnVisitQuestionnaire.Id, VisitedAt = at, ByUser = random.Pick(world.Staff("service")).UserName, Satisfied = nps >= 7 });
        foreach (var question in world.ReturnVisitQuestionnaire.Questions)
        {
            var (score, text) = question.Kind switch
            {
                QuestionKind.Nps => (nps, (string?)null),
                QuestionKind.Rating => (slow ? random.Next(1, 4) : random.Next(3, 6), null),
                QuestionKind.YesNo => (order.ReopenCount == 0 ? 1 : 0, null),
                _ => ((int?)null, slow ? "希望处理速度更快 faster please" : "满意 satisfied"),
            };
            rows.Add(new Answer { Id = random.Id(at), ReturnVisitId = visit.Id, QuestionId = question.Id, Score = score, Text = text });
        }
    }
}
