using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Hubs;

/// <summary>The agent desktop's live channel (/hubs/agent): a signed-in agent joins the group of his own agent
/// number only, so a screen pop reaches the screen of the agent whose phone rings and no other.</summary>
[Authorize(Policy = Functions.Calls)]
public sealed class AgentHub(CrmDbContext db) : Hub
{
    public const string Path = "/hubs/agent", Ringing = "ringing";

    public static string Group(string agentNo) => "agent:" + agentNo;

    public override async Task OnConnectedAsync()
    {
        if (Guid.TryParse(Context.UserIdentifier, out var userId)
            && await db.Agents.Where(a => a.UserId == userId).Select(a => a.AgentNo).SingleOrDefaultAsync(Context.ConnectionAborted) is { } agentNo)
            await Groups.AddToGroupAsync(Context.ConnectionId, Group(agentNo), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}
