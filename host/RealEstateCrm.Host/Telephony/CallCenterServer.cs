using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Telephony;

/// <summary>Wires the call center's ports to the operational DB and starts the switch.</summary>
public static class CallCenterServer
{
    public static async Task<CallCenterSwitch> StartAsync(CrmDatabase database, TelephonySettings settings, CancellationToken ct = default)
    {
        var clock = TimeProvider.System;
        var category = await ComplaintCategoryAsync(database, settings.ComplaintCategory, ct);
        var ports = new CallCenterPorts(
            new OperationalAgentDirectory(database, new AgentSipPassword(settings.SipSecret)), new OperationalCallerLookup(database),
            new ChurnCareAtRiskCallers(database, clock), new OperationalLastAgent(database), new OperationalCdrSink(database),
            new OperationalWorkOrderStatus(database), new OperationalVoicemailSink(database, category, clock), new OperationalSupervisorDirectory(database));
        return await CallCenterSwitch.StartAsync(settings.ToOptions(), ports, clock, ct);
    }

    /// <summary>The category complaint voicemails are filed under; created (48 h SLA) the first time, so a fresh
    /// database serves calls at once.</summary>
    private static async Task<Guid> ComplaintCategoryAsync(CrmDatabase database, string code, CancellationToken ct)
    {
        await using var db = database.CreateContext("telephony");
        var existing = await db.ComplaintCategories.Where(c => c.Code == code).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        return existing ?? (await new CreateComplaintCategory(db).Handle(new CreateComplaintCategory.Request(code, "电话留言投诉", 48), ct)).Id;
    }
}
