using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>Preview dialling (预览外呼) for the signed-in user's agent seat, as the agent desktop and the dialer API do it:
/// the next customer of a call list with the entry's score and reason, then Dial or Skip. Entries whose customer is
/// outside the user's data scope are passed over, never shown nor dialled. A dialled call pops on the desktop
/// (<see cref="DialerPops"/>). What the agent can put right (another entry shown meanwhile, a call still on, a list a
/// progressive run dials) is refused as a <see cref="DomainException"/>, shown at the desk in the agent's language.</summary>
public sealed class PreviewDialling(CrmDbContext db, SignedInUser me, DialerDesks desks, DialerPops pops)
{
    /// <param name="Phone">As the user may see it (masked without customers.see-phone).</param>
    public sealed record Shown(Guid EntryId, Guid ListId, string Customer, string Phone, int Rank, double Score, string? Reason, int? BestHour,
        string? LeadProject, LeadStatus? LeadStatus);

    /// <summary>The customer shown to this agent on the list (the same one until dialled or skipped); null when nobody is left.</summary>
    /// <exception cref="DomainException">No call center runs here, or a progressive run dials the list.</exception>
    public async Task<Shown?> NextAsync(Guid listId, string agentNo, CancellationToken ct)
    {
        var desk = await desks.PreviewAsync(listId, ct);
        var scope = await me.ScopeAsync(ct);
        while (desk.Dialer.Preview(agentNo) is { } target)
        {
            if (await db.VisibleCustomers(scope).AnyAsync(c => c.Id == target.CustomerId, ct))
                return await (from e in db.CallListEntries.AsNoTracking()
                              where e.Id == target.EntryId
                              join l in db.Leads.AsNoTracking() on e.LeadId equals l.Id into leads
                              from l in leads.DefaultIfEmpty()
                              select new Shown(e.Id, listId, target.CustomerName, me.Phone(target.Phone), target.Rank, e.Score, e.Reason, e.BestHour,
                                  l == null ? null : db.Projects.Where(p => p.Id == l.ProjectId).Select(p => p.Name).FirstOrDefault(),
                                  l == null ? null : l.Status))
                    .SingleAsync(ct);
            desk.Dialer.Skip(agentNo);
        }
        return null;
    }

    /// <summary>Dials the entry shown to the agent: his phone rings first, and the call pops on his desktop.</summary>
    /// <returns>Null when no entry of that id is in the user's scope.</returns>
    /// <exception cref="DomainException">No call center or no trunk, a progressive run dials the list, the entry is not the
    /// one shown, or the agent is still on a dialled call.</exception>
    public async Task<DialRequest?> DialAsync(Guid entryId, string agentNo, CancellationToken ct)
    {
        if (await VisibleListOfAsync(entryId, ct) is not { } listId) return null;
        if (desks.CallCenter is { DialsOut: false }) throw new DomainException("no outbound trunk is set up (Telephony:OutboundTrunk)");
        var desk = await desks.PreviewAsync(listId, ct);
        RequireShown(desk.Dialer, agentNo, entryId);
        if (desk.Dialer.AgentsOnCalls.Contains(agentNo)) throw new DomainException("you are still on a dialled call: end it before dialling the next");
        var request = desk.Dial(agentNo, entryId);
        await pops.PlacedAsync(listId, [request], ct);
        return request;
    }

    /// <summary>Passes over the entry shown to the agent: not dialled by this list's preview until the server restarts.</summary>
    /// <returns>False when no entry of that id is in the user's scope.</returns>
    /// <exception cref="DomainException">The entry is not the one shown to the agent.</exception>
    public async Task<bool> SkipAsync(Guid entryId, string agentNo, CancellationToken ct)
    {
        if (await VisibleListOfAsync(entryId, ct) is not { } listId) return false;
        var dialer = (await desks.PreviewAsync(listId, ct)).Dialer;
        RequireShown(dialer, agentNo, entryId);
        dialer.Skip(agentNo);
        return true;
    }

    // The card the agent clicked can be stale: another tab dialled or skipped it, or the server restarted.
    private static void RequireShown(OutboundDialer dialer, string agentNo, Guid entryId)
    {
        var shown = dialer.Preview(agentNo);
        if (shown is null) throw new DomainException("nobody is left to call on this list");
        if (shown.EntryId != entryId) throw new DomainException("this customer is no longer the one shown to you: show the next customer");
    }

    private async Task<Guid?> VisibleListOfAsync(Guid entryId, CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        return await db.CallListEntries.Where(e => e.Id == entryId && db.VisibleCustomers(scope).Any(c => c.Id == e.CustomerId))
            .Select(e => (Guid?)e.CallListId).SingleOrDefaultAsync(ct);
    }
}
