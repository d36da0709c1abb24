using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Telephony;

/// <summary>Sticky routing across restarts: the agent of this number's last answered inbound call, from the call records.</summary>
public sealed class OperationalLastAgent(CrmDatabase database) : ILastAgentLookup
{
    public async Task<string?> LastAgentAsync(string callerNumber, DateTimeOffset since, CancellationToken ct = default)
    {
        var caller = ChinesePhone.Normalize(callerNumber) ?? callerNumber.Trim();
        var from = since.UtcDateTime;
        await using var db = database.CreateContext("telephony");
        return await db.CallRecords
            .Where(r => r.Caller == caller && r.Direction == CallDirection.Inbound && r.Outcome == CallOutcome.Answered && r.AgentId != null && r.AnsweredAt >= from)
            .OrderByDescending(r => r.AnsweredAt)
            .Join(db.Agents, r => r.AgentId, a => a.Id, (r, a) => a.AgentNo)
            .FirstOrDefaultAsync(ct);
    }
}
