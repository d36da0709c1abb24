using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RealEstateCrm.Host.Hubs;
using RealEstateCrm.Host.Web.Agent;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>The screen pop of the dialer's calls: the moment a call is placed for an agent (his phone rings first), his
/// desktop shows the customer called, as it does an inbound caller, with the disposition form of the list entry.</summary>
public sealed class DialerPops(RingingCalls ringing, IHubContext<AgentHub> hub, CrmDatabase database, ILogger<DialerPops> log)
{
    public async Task PlacedAsync(Guid listId, IReadOnlyList<DialRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0) return;
        string list;
        await using (var db = database.CreateContext("telephony"))
            list = await db.CallLists.Where(l => l.Id == listId).Select(l => l.Name).SingleAsync(ct);
        foreach (var request in requests) await ScreenPopRelay.PushAsync(hub, ringing.AddDialled(request, list), log, ct);
    }
}
