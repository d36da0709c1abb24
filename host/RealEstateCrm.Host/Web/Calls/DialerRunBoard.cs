using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>What the progressive dialling page shows, all from the database so it reads the same after a restart: the
/// call lists a user may run (every customer on them in his data scope), and the runs on them with their figures.</summary>
public sealed class DialerRunBoard(CrmDbContext db, TimeProvider clock)
{
    public sealed record ListChoice(Guid Id, string Name, DateOnly ForDate, CallListKind Kind);

    /// <summary>Remaining: entries a run would still dial (not do-not-call, with a number, not held by an earlier call).</summary>
    public sealed record Figures(int Remaining, int InProgress, int Answered, int NoAnswer, int Busy, int Failed, int Interrupted, int SkippedDoNotCall);

    /// <param name="StoppedBy">Who stopped it; null on a run that completed (nothing left to dial).</param>
    public sealed record RunView(Guid Id, Guid ListId, string ListName, string Skill, string StartedBy, DateTime StartedAt, string? StoppedBy, DateTime? StoppedAt, Figures Figures)
    {
        public bool Running => StoppedAt is null;
        public bool Completed => StoppedAt is not null && StoppedBy is null;
    }

    /// <summary>Lists with at least one entry and none outside the scope, newest first.</summary>
    public IQueryable<CallList> VisibleLists(DataScope scope)
    {
        var lists = db.CallLists.Where(l => db.CallListEntries.Any(e => e.CallListId == l.Id));
        if (scope.SeesAll) return lists;
        var customers = db.VisibleCustomers(scope).Select(c => c.Id);
        return lists.Where(l => !db.CallListEntries.Any(e => e.CallListId == l.Id && !customers.Contains(e.CustomerId)));
    }

    public async Task<IReadOnlyList<ListChoice>> ListsAsync(DataScope scope, CancellationToken ct) =>
        await VisibleLists(scope).OrderByDescending(l => l.ForDate).ThenBy(l => l.Name).Take(100)
            .Select(l => new ListChoice(l.Id, l.Name, l.ForDate, l.Kind)).ToListAsync(ct);

    /// <summary>The skills agents have: each names the team (queue) a run may dial for.</summary>
    public async Task<IReadOnlyList<string>> SkillsAsync(CancellationToken ct) =>
        await db.Set<AgentSkill>().Select(s => s.Skill).Distinct().OrderBy(s => s).ToListAsync(ct);

    /// <summary>The running runs on visible lists, then the latest stopped ones.</summary>
    public async Task<IReadOnlyList<RunView>> RunsAsync(DataScope scope, CancellationToken ct)
    {
        var lists = VisibleLists(scope).Select(l => l.Id);
        var runs = await db.DialerRuns.Where(r => lists.Contains(r.CallListId))
            .OrderBy(r => r.StoppedAt == null ? 0 : 1).ThenByDescending(r => r.StartedAt).Take(20)
            .Select(r => new
            {
                r.Id, r.CallListId, r.Skill, r.StartedAt, r.StoppedAt,
                ListName = db.CallLists.Where(l => l.Id == r.CallListId).Select(l => l.Name).First(),
                StartedBy = db.Users.Where(u => u.Id == r.StartedByUserId).Select(u => u.DisplayName).First(),
                StoppedBy = db.Users.Where(u => u.Id == r.StoppedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = runs.Select(r => r.Id).ToList();
        var outcomes = await db.DialerCalls.Where(c => ids.Contains(c.DialerRunId))
            .GroupBy(c => new { c.DialerRunId, c.Outcome }).Select(g => new { g.Key.DialerRunId, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        var views = new List<RunView>();
        foreach (var run in runs)
        {
            int Count(DialerCallOutcome? outcome) => outcomes.Where(o => o.DialerRunId == run.Id && o.Outcome == outcome).Sum(o => o.Count);
            var (remaining, doNotCall) = await ListFiguresAsync(run.CallListId, ct);
            views.Add(new RunView(run.Id, run.CallListId, run.ListName, run.Skill, run.StartedBy, run.StartedAt, run.StoppedBy, run.StoppedAt,
                new Figures(remaining, Count(null), Count(DialerCallOutcome.Answered), Count(DialerCallOutcome.NoAnswer), Count(DialerCallOutcome.Busy),
                    Count(DialerCallOutcome.Failed), Count(DialerCallOutcome.Interrupted), doNotCall)));
        }
        return views;
    }

    private async Task<(int Remaining, int SkippedDoNotCall)> ListFiguresAsync(Guid listId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.CallListEntries
            .Where(e => e.CallListId == listId && (e.Disposition == CallDisposition.NotCalled || (e.Disposition == CallDisposition.CallBack && e.NextActionAt <= now)))
            .Join(db.Customers, e => e.CustomerId, c => c.Id, (e, c) => new { e.Id, c.DoNotCall, c.Phone })
            .ToListAsync(ct);
        var held = (await ProgressiveCallList.HeldEntries(db, listId).ToListAsync(ct)).ToHashSet();
        return (pending.Count(p => !p.DoNotCall && !string.IsNullOrWhiteSpace(p.Phone) && !held.Contains(p.Id)), pending.Count(p => p.DoNotCall));
    }
}
