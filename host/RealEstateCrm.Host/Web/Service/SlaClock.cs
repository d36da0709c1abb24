using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>A work order's SLA as the board shows it: time left or overdue, amber once the escalation fraction of the
/// window has passed (when EscalateOverdueWorkOrders raises it to level 1), red past due. The page renders the text at
/// <see cref="Now"/>; wwwroot/js/service-sla.js keeps it counting with the same rules and words.</summary>
public sealed record SlaClock(DateTime Now, DateTime OpenedAt, DateTime DueAt, bool IsOpen, bool? MetSla, double WarnFraction)
{
    public DateTime WarnAt => DueAt - (DueAt - OpenedAt) * (1 - WarnFraction);

    /// <summary>The badge class: bad (overdue or resolved late), warn (near due), good (resolved in time) or none.</summary>
    public string State => IsOpen
        ? Now >= DueAt ? "bad" : Now >= WarnAt ? "warn" : ""
        : MetSla == false ? "bad" : "good";

    public string Text(Text text) => IsOpen
        ? Now >= DueAt ? text["Overdue by {0}", Duration(text, Now - DueAt)] : text["{0} left", Duration(text, DueAt - Now)]
        : MetSla == false ? text["Resolved late"] : text["Met SLA"];

    /// <summary>Two units at most, as the script writes it: "2 d 3 h", "3 h 12 m", "45 m 10 s".</summary>
    public static string Duration(Text text, TimeSpan span) =>
        span.TotalDays >= 1 ? text["{0} d {1} h", (int)span.TotalDays, span.Hours]
        : span.TotalHours >= 1 ? text["{0} h {1} m", span.Hours, span.Minutes]
        : text["{0} m {1} s", span.Minutes, span.Seconds];

    /// <summary>The SLA badge; an open order's carries its due and warn times for service-sla.js to count down. Written
    /// here rather than as a partial view: the board renders one per row, and a partial each cost its view look-up and
    /// view context, 5 % of what the web allocated under load.</summary>
    public IHtmlContent Badge(Text text)
    {
        var label = CrmWebApp.PageEncoder.Encode(Text(text));
        if (!IsOpen) return new HtmlString($"<span class=\"sla badge {State}\">{label}</span>");
        var due = Iso(DueAt);
        return new HtmlString($"<time class=\"sla badge {State}\" datetime=\"{due}\" data-due=\"{due}\" data-warn=\"{Iso(WarnAt)}\">{label}</time>");
    }

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture);

    /// <summary>The business parameter the escalation job uses (0.8 by default), so amber here means "about to escalate".</summary>
    public static async Task<double> WarnFractionAsync(CrmDbContext db, CancellationToken ct)
    {
        var value = await db.BusinessParameters.Where(p => p.Key == BusinessParameterKeys.EscalateAfterSlaFraction).Select(p => p.Value).SingleOrDefaultAsync(ct);
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is > 0 and < 1 ? fraction : 0.8;
    }

    public static SlaClock Of(WorkOrder order, DateTime now, double warnFraction) =>
        Of(order.Status, order.OpenedAt, order.DueAt, order.ResolvedAt, now, warnFraction);

    /// <summary>The clock from the four columns it needs, for a list that reads those instead of whole orders.</summary>
    public static SlaClock Of(WorkOrderStatus status, DateTime openedAt, DateTime dueAt, DateTime? resolvedAt, DateTime now, double warnFraction) =>
        new(now, openedAt, dueAt, WorkOrder.IsOpenStatus(status), WorkOrder.MetSla(resolvedAt, dueAt), warnFraction);
}
