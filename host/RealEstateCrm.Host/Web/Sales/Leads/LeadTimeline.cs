using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Host.Web.Sales.Leads;

/// <summary>Everything that happened on a lead, oldest first: its creation, first contact, visits, the reservation,
/// contract and payments it led to, the customer's calls, call-list dispositions and campaign touches.</summary>
public static class LeadTimeline
{
    public enum EventKind { Created, FirstContact, Visit, Reservation, Contract, Payment, Call, CallList, Campaign, Closed }

    public sealed record Event(DateTime At, EventKind Kind, string Text, string? Link = null);

    public static async Task<List<Event>> LoadAsync(CrmDbContext db, Lead lead, Text text, CancellationToken ct)
    {
        var events = new List<Event>();
        var campaign = lead.CampaignId is { } campaignId ? await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Name).FirstOrDefaultAsync(ct) : null;
        events.Add(new(lead.CreatedAt, EventKind.Created, text["Lead from {0}", text.Of(lead.Channel)] + (campaign is null ? "" : $" · {campaign}")));
        if (lead.FirstContactAt is { } first) events.Add(new(first, EventKind.FirstContact, text["First contact"]));

        foreach (var v in await db.Visits.AsNoTracking().Where(v => v.LeadId == lead.Id).ToListAsync(ct))
            events.Add(new(v.VisitedAt, EventKind.Visit, text["Visit, party of {0}", v.Party] + (v.Notes is null ? "" : $": {v.Notes}")));

        var reservations = await (from r in db.Reservations.AsNoTracking()
                                  where r.LeadId == lead.Id
                                  join u in db.Units on r.UnitId equals u.Id
                                  select new { r, u.RoomNo }).ToListAsync(ct);
        foreach (var x in reservations)
            events.Add(new(x.r.ReservedAt, EventKind.Reservation, text["Reserved unit {0} at ¥{1:#,0.00}, deposit ¥{2:#,0.00} ({3})", x.RoomNo, x.r.AgreedPrice, x.r.Deposit, text.Of(x.r.Status)], $"/Sales/Reservations/{x.r.Id}"));

        var reservationIds = reservations.Select(x => x.r.Id).ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.ReservationId != null && reservationIds.Contains(c.ReservationId.Value)).ToListAsync(ct);
        foreach (var c in contracts)
            events.Add(new(c.SignedAt, EventKind.Contract, text["Contract {0} signed at ¥{1:#,0.00} ({2})", c.ContractNo, c.FinalPrice, text.Of(c.PaymentMethod)], $"/Sales/Contracts/{c.Id}"));
        var contractIds = contracts.Select(c => c.Id).ToList();
        foreach (var p in await db.Payments.AsNoTracking().Where(p => contractIds.Contains(p.ContractId)).ToListAsync(ct))
            events.Add(new(p.PaidAt, EventKind.Payment, text["Payment of ¥{0:#,0.00} ({1})", p.Amount, text.Of(p.Channel)], $"/Sales/Contracts/{p.ContractId}"));

        foreach (var call in await db.CallRecords.AsNoTracking().Where(c => c.CustomerId == lead.CustomerId && c.ParentId == null).ToListAsync(ct))
            events.Add(new(call.StartedAt, EventKind.Call, text["{0} call, {1}, {2} s talk", text.Of(call.Direction), text.Of(call.Outcome), call.TalkSeconds]));

        foreach (var e in await db.CallListEntries.AsNoTracking().Where(e => e.LeadId == lead.Id && e.DispositionAt != null).ToListAsync(ct))
            events.Add(new(e.DispositionAt!.Value, EventKind.CallList, text["Call list: {0}", text.Of(e.Disposition)] + (e.Notes is null ? "" : $" · {e.Notes}")));

        var touches = await (from m in db.CampaignMembers.AsNoTracking()
                             where m.CustomerId == lead.CustomerId
                             join c in db.Campaigns on m.CampaignId equals c.Id
                             select new { m.AddedAt, m.RespondedAt, c.Name }).ToListAsync(ct);
        foreach (var t in touches)
        {
            events.Add(new(t.AddedAt, EventKind.Campaign, text["Targeted by campaign {0}", t.Name]));
            if (t.RespondedAt is { } responded) events.Add(new(responded, EventKind.Campaign, text["Responded to campaign {0}", t.Name]));
        }

        if (lead.ClosedAt is { } closed)
            events.Add(new(closed, EventKind.Closed, lead.Status == LeadStatus.Lost && lead.LostReason is { } reason
                ? text["Lost: {0}", text.Of(reason)] : text["Closed as {0}", text.Of(lead.Status)]));
        return events.OrderBy(e => e.At).ThenBy(e => e.Kind).ToList();
    }
}
