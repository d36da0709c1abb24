using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Workbench;

/// <summary>One kind of card on the workbench: what waits for the user in one queue (calls to make, orders near their
/// SLA, approvals). <see cref="Function"/> is what a user needs to see it whatever his role's layout says.</summary>
/// <param name="Code">stored in the per-role layout (business parameter workbench.cards.&lt;role&gt;)</param>
/// <param name="Title">English; the view translates it</param>
/// <param name="Link">the page that works the whole queue, or null when no page lists it</param>
public sealed record WorkbenchCard(string Code, string Title, string Function, string? Link, Func<WorkbenchQuery, Task<WorkbenchCardContent>> LoadAsync);

/// <summary>What a card loads with: the database, the user (his id, scope and masking), his language and the business
/// clock ("now" in UTC for the database, "today" and the times shown in the business's zone).</summary>
public sealed record WorkbenchQuery(CrmDbContext Db, SignedInUser Me, DataScope Scope, Text T, BusinessTime Time, CancellationToken Ct)
{
    public DateTime Now { get; } = Time.UtcNow;

    /// <summary>Rows shown on a card; the count says how many there are in all.</summary>
    public const int Rows = 5;

    /// <summary>How many of <paramref name="all"/> there are, <paramref name="read"/> being how many rows the card read of it
    /// (at most <see cref="Rows"/>): fewer than that is all of them, so only a full card asks the database to count.</summary>
    public async Task<int> CountAsync<T>(IQueryable<T> all, int read) => read < Rows ? read : await all.CountAsync(Ct);
}

public sealed record WorkbenchCardContent(int Count, IReadOnlyList<WorkbenchRow> Rows);

/// <param name="Badge">a short figure (a score, hours left); <paramref name="Tone"/> is its badge class: bad, warn, good or empty</param>
public sealed record WorkbenchRow(string Label, string? Detail, string? Href, string? Badge = null, string Tone = "");
