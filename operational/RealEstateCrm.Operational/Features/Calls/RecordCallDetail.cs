using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>Stores a call detail record (话单) from the switch. The times must be in order and agree with the
/// wait and talk seconds, because the warehouse's service-level and handle-time figures are built on them.
/// Phone numbers are stored normalised (extensions as dialled) and the customer is found by phone if not given.</summary>
[UseCase]
public sealed class RecordCallDetail(CrmDbContext db)
{
    public sealed record Request(
        string CallId, CallDirection Direction, string Caller, string Callee, CallOutcome Outcome,
        DateTime StartedAt, DateTime EndedAt, DateTime? EnqueuedAt = null, DateTime? AnsweredAt = null,
        int WaitSeconds = 0, int TalkSeconds = 0, Guid? AgentId = null, Guid? CustomerId = null, string? Queue = null,
        string? IvrPath = null, string? RecordingFile = null, Guid? ParentId = null, Guid? CallListEntryId = null);

    /// <summary>Switches round to whole seconds; allow that much.</summary>
    private const int RoundingSeconds = 1;

    public async Task<CallRecord> Handle(Request r, CancellationToken ct = default)
    {
        var queuedFrom = r.EnqueuedAt ?? r.StartedAt;
        var expectedWait = ((r.AnsweredAt ?? r.EndedAt) - queuedFrom).TotalSeconds;
        var expectedTalk = r.AnsweredAt is { } answered ? (r.EndedAt - answered).TotalSeconds : 0;
        new Validator()
            .NotBlank(r.CallId, "call-id", 100)
            .NotBlank(r.Caller, "caller", 64)
            .NotBlank(r.Callee, "callee", 64)
            .Require(Enum.IsDefined(r.Direction), "direction", "must be Inbound, Outbound or Internal")
            .Require(Enum.IsDefined(r.Outcome), "outcome", $"must be one of {string.Join(", ", Enum.GetNames<CallOutcome>())}")
            .Require(r.EnqueuedAt is null || r.EnqueuedAt >= r.StartedAt, "enqueued-at", "is before the call started")
            .Require(r.AnsweredAt is null || r.AnsweredAt >= queuedFrom, "answered-at", "is before the call was queued")
            .Require(r.EndedAt >= (r.AnsweredAt ?? queuedFrom), "ended-at", "is before the call was answered or queued")
            .Require(r.WaitSeconds >= 0 && Math.Abs(r.WaitSeconds - expectedWait) <= RoundingSeconds, "wait-seconds", $"is {r.WaitSeconds} but the times give {expectedWait:0}")
            .Require(r.TalkSeconds >= 0 && Math.Abs(r.TalkSeconds - expectedTalk) <= RoundingSeconds, "talk-seconds", $"is {r.TalkSeconds} but the times give {expectedTalk:0}")
            .Require(r.Outcome != CallOutcome.Answered || r.AnsweredAt is not null, "answered-at", "an answered call needs its answer time")
            .Require(r.Outcome == CallOutcome.Answered || r.AnsweredAt is null, "outcome", "the call has an answer time but is not Answered")
            .Require(r.Outcome != CallOutcome.Answered || r.Direction == CallDirection.Internal || r.AgentId is not null, "agent", "an answered call needs the agent who took it")
            .Require(await db.Agents.ExistsOrAbsent(r.AgentId, ct), "agent", Lookups.NotFoundMessage<Agent>(r.AgentId))
            .Require(await db.Customers.ExistsOrAbsent(r.CustomerId, ct), "customer", Lookups.NotFoundMessage<Customer>(r.CustomerId))
            .Require(await db.CallRecords.ExistsOrAbsent(r.ParentId, ct), "parent", Lookups.NotFoundMessage<CallRecord>(r.ParentId))
            .Require(await db.CallListEntries.ExistsOrAbsent(r.CallListEntryId, ct), "call-list-entry", Lookups.NotFoundMessage<CallListEntry>(r.CallListEntryId))
            .Require(r.IvrPath is null || r.IvrPath.Length <= 500, "ivr-path", "is longer than 500 characters")
            .Require(r.RecordingFile is null || r.RecordingFile.Length <= 500, "recording-file", "is longer than 500 characters")
            .Require(r.Queue is null || r.Queue.Length <= 64, "queue", "is longer than 64 characters")
            .ThrowIfInvalid();

        var caller = ChinesePhone.Normalize(r.Caller) ?? r.Caller.Trim();
        var callee = ChinesePhone.Normalize(r.Callee) ?? r.Callee.Trim();
        var customerPhone = r.Direction switch
        {
            CallDirection.Inbound => ChinesePhone.Normalize(r.Caller),
            CallDirection.Outbound => ChinesePhone.Normalize(r.Callee),
            _ => null,
        };
        var record = new CallRecord
        {
            CallId = r.CallId.Trim(), ParentId = r.ParentId, Direction = r.Direction, Caller = caller, Callee = callee,
            CustomerId = r.CustomerId ?? await CustomerByPhone.Match(db, customerPhone, ct),
            Queue = r.Queue, AgentId = r.AgentId, StartedAt = r.StartedAt, EnqueuedAt = r.EnqueuedAt, AnsweredAt = r.AnsweredAt, EndedAt = r.EndedAt,
            WaitSeconds = r.WaitSeconds, TalkSeconds = r.TalkSeconds, Outcome = r.Outcome, IvrPath = r.IvrPath, RecordingFile = r.RecordingFile,
            CallListEntryId = r.CallListEntryId,
        };
        db.CallRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
