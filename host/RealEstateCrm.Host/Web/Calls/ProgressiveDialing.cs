using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>Paces the progressive runs (自动外呼) of the database on this process's switch, once a second and at once when
/// an agent becomes idle (<see cref="CallDistributor.StateChanges"/>) or gives a disposition he owed: for each running
/// <see cref="DialerRun"/>, oldest first, one call per idle logged-in agent with the run's skill who is on no dialer call
/// and owes no disposition, so there are never more calls than idle agents. Each round's calls are written down
/// (<see cref="RecordDialerCalls"/>) before any phone rings, and each call's outcome on the wire when it ends; the CDR and
/// the entry's disposition are written by the dialer as for preview calls (an answered one when the agent gives it, on
/// the agent desktop, where each call pops with its customer: <see cref="DialerPops"/>).
/// A run whose list has nothing left to dial (every entry dialled, do-not-call, without a number or held by an earlier
/// call) completes by itself (<see cref="CompleteDialerRun"/>). At start, the calls a stopped server left without an
/// outcome are marked interrupted and never dialled again by a run; running runs carry on from the database.</summary>
public sealed class ProgressiveDialing(DialerDesks desks, DialerPops pops, CrmDatabase database, TimeProvider clock, ILogger<ProgressiveDialing> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // A round runs at each tick, and at once when an agent may take a call: he became idle (login, unpause, end of wrap-up),
    // a call of his ended unanswered, or he gave the disposition he owed. Wake-ups while a round runs fold into one more.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (desks.CallCenter is not { } center) return; // a web host without a switch dials nothing
        await using (var db = database.CreateContext("telephony"))
        {
            var interrupted = await new InterruptDialerCalls(db, clock).Handle(stopping);
            if (interrupted > 0) log.LogWarning("{Count} dialer calls were cut off when the server last stopped; their entries are left for a person to call", interrupted);
        }
        await using var timer = clock.CreateTimer(_ => Wake(), null, Interval, Interval);
        var watching = WakeWhenIdleAsync(center.Distributor, Wake, stopping);
        desks.DispositionGiven += Wake;
        try
        {
            while (true)
            {
                try
                {
                    await PaceAsync(center, stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A database hiccup must not end dialling for good: the next round tries again, and nothing was placed
                    // without being written down first.
                    log.LogError(e, "progressive dialling round failed");
                }
                await _wake.Reader.ReadAsync(stopping);
            }
        }
        finally
        {
            desks.DispositionGiven -= Wake;
            await watching;
        }
    }

    private static async Task WakeWhenIdleAsync(CallDistributor acd, Action wake, CancellationToken stopping)
    {
        try
        {
            await foreach (var change in acd.StateChanges.ReadAllAsync(stopping))
                if (change.To == AgentState.Idle) wake();
        }
        catch (OperationCanceledException) { }
    }

    private async Task PaceAsync(CallCenterSwitch center, CancellationToken ct)
    {
        List<DialerRun> running;
        await using (var db = database.CreateContext("telephony"))
            running = await db.DialerRuns.AsNoTracking().Where(r => r.StoppedAt == null).ToListAsync(ct);
        foreach (var (_, desk) in await desks.SyncRunsAsync(running, ct)) _ = RecordOutcomesAsync(desk, ct);
        if (!center.DialsOut) return;
        foreach (var (run, desk) in await desks.RunsAsync(ct))
        {
            if (desk.Dialer.Remaining == 0)
            {
                await CompleteAsync(run, ct);
                continue;
            }
            var taken = await desks.AgentsOnCallsAsync(ct);
            var idle = center.Distributor.IdleAgents(run.Skill).Where(a => !taken.Contains(a)).ToList();
            if (idle.Count == 0) continue;
            var placed = await desk.PaceAsync(idle, (requests, token) => NoteDownAsync(run.Id, requests, token), ct);
            await pops.PlacedAsync(run.CallListId, placed, ct);
        }
    }

    /// <summary>The run's list has nothing left to dial: the run ends by itself (the next round closes its desk), audited as
    /// the server's; a supervisor who stopped it meanwhile has the last word.</summary>
    private async Task CompleteAsync(DialerRun run, CancellationToken ct)
    {
        await using var db = database.CreateContext("telephony");
        try
        {
            await new CompleteDialerRun(db, clock).Handle(new CompleteDialerRun.Request(run.Id), ct);
            log.LogInformation("progressive run {RunId} completed: its call list has nothing left to dial", run.Id);
        }
        catch (Operational.Domain.Common.DomainException) { }
    }

    private async Task NoteDownAsync(Guid runId, IReadOnlyList<DialRequest> requests, CancellationToken ct)
    {
        await using var db = database.CreateContext("telephony");
        await new RecordDialerCalls(db).Handle(new RecordDialerCalls.Request(runId,
            [.. requests.Select(r => new RecordDialerCalls.Call(r.Target.EntryId, r.CallId, r.AgentNo, r.At.UtcDateTime))]), ct);
    }

    private async Task RecordOutcomesAsync(DialerDesk desk, CancellationToken stopping)
    {
        try
        {
            await foreach (var (request, outcome) in desk.Ended.ReadAllAsync(stopping))
            {
                try
                {
                    // The dialer has let go of the call (the seat went idle before it did): the agent's next call can go now.
                    if (outcome.Result != DialResult.Answered) Wake();
                    await using var db = database.CreateContext("telephony");
                    await new RecordDialerCallOutcome(db).Handle(new RecordDialerCallOutcome.Request(request.CallId,
                        Enum.Parse<DialerCallOutcome>(outcome.Result.ToString()), outcome.EndedAt.UtcDateTime), CancellationToken.None);
                }
                catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException or Operational.Domain.Common.DomainException)
                {
                    // Left without an outcome, the call counts as interrupted at the next start: its entry is not redialled.
                    log.LogError(e, "the outcome of dialer call {CallId} could not be written", request.CallId);
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
