using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Telephony;

/// <summary>Keeps a voicemail in the operational DB. A complaint from a caller the ledger knows becomes a complaint work
/// order at once (<see cref="TurnVoicemailIntoWorkOrder"/>, in <paramref name="complaintCategoryId"/>); one from an
/// unknown number waits, unheard, for staff to listen and file it.</summary>
public sealed class OperationalVoicemailSink(CrmDatabase database, Guid complaintCategoryId, TimeProvider clock) : IVoicemailSink
{
    public async Task SaveAsync(VoicemailMessage message, CancellationToken ct = default)
    {
        Guid voicemailId;
        bool known;
        await using (var db = database.CreateContext("telephony"))
        {
            var customerId = await CallerNumber.CustomerIdAsync(db, message.Caller, ct);
            var voicemail = new Voicemail
            {
                Caller = message.Caller, CustomerId = customerId, RecordedAt = message.RecordedAt.UtcDateTime, File = message.File,
                DurationSeconds = (int)Math.Round(message.Duration.TotalSeconds, MidpointRounding.AwayFromZero),
                CallRecordId = await db.CallRecords.Where(r => r.CallId == message.CallId).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct),
            };
            db.Voicemails.Add(voicemail);
            await db.SaveChangesAsync(ct);
            (voicemailId, known) = (voicemail.Id, customerId is not null);
        }
        if (!message.IsComplaint || !known) return;
        await using var work = database.CreateContext("telephony");
        await new TurnVoicemailIntoWorkOrder(work, clock).Handle(
            new TurnVoicemailIntoWorkOrder.Request(voicemailId, complaintCategoryId, $"电话投诉 Complaint by voicemail {message.RecordedAt:yyyy-MM-dd HH:mm}",
                $"Left by {message.Caller} on call {message.CallId}, {message.Duration.TotalSeconds:0} s: {message.File}"), ct);
    }
}
