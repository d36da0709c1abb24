using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Telephony.CallCenter;
using TelephonyDisposition = RealEstateCrm.Telephony.CallCenter.CallDisposition;

namespace RealEstateCrm.Host.Telephony;

/// <summary>Stores each CDR as an operational call record through the <see cref="RecordCallDetail"/> use case, so it is
/// validated, matched to its customer, and written with its outbox row and audit entry. Agent numbers and the parent
/// leg's call id are turned into the operational ids.</summary>
public sealed class OperationalCdrSink(CrmDatabase database) : ICdrSink
{
    public async Task WriteAsync(CallDetail d, CancellationToken ct = default)
    {
        await using var db = database.CreateContext("telephony");
        Guid? agentId = d.AgentNo is null ? null
            : await db.Agents.Where(a => a.AgentNo == d.AgentNo).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct)
              ?? throw new ArgumentException($"agent: no agent numbered {d.AgentNo}", nameof(d));
        Guid? parentId = d.ParentCallId is null ? null
            : await db.CallRecords.Where(r => r.CallId == d.ParentCallId).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct)
              ?? throw new ArgumentException($"parent: no call record {d.ParentCallId} (the caller's leg is written first)", nameof(d));
        await new RecordCallDetail(db).Handle(new RecordCallDetail.Request(
            d.CallId, Direction(d.Direction), d.Caller, d.Callee, Outcome(d.Disposition), d.StartedAt.UtcDateTime, d.EndedAt.UtcDateTime,
            d.EnqueuedAt?.UtcDateTime, d.AnsweredAt?.UtcDateTime, d.WaitSeconds, d.TalkSeconds, agentId, Queue: d.Queue, IvrPath: d.IvrPath,
            RecordingFile: d.RecordingFile, ParentId: parentId, CallListEntryId: d.CallListEntryId), ct);
    }

    private static CallDirection Direction(CallLegDirection direction) => direction switch
    {
        CallLegDirection.Inbound => CallDirection.Inbound,
        CallLegDirection.Outbound => CallDirection.Outbound,
        _ => CallDirection.Internal,
    };

    private static CallOutcome Outcome(TelephonyDisposition disposition) => disposition switch
    {
        TelephonyDisposition.Answered => CallOutcome.Answered,
        TelephonyDisposition.Abandoned => CallOutcome.Abandoned,
        TelephonyDisposition.Voicemail => CallOutcome.Voicemail,
        TelephonyDisposition.NoAnswer => CallOutcome.NoAnswer,
        TelephonyDisposition.Busy => CallOutcome.Busy,
        TelephonyDisposition.IvrOnly => CallOutcome.IvrOnly,
        _ => CallOutcome.Failed,
    };
}
