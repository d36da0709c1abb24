using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>The dialers of this process. Preview: one per call list, started the first time an agent works the list; each
/// agent sees their own next customer, and an entry shown to one agent is not shown to another. Progressive: one per
/// running <see cref="DialerRun"/>, opened and closed by <see cref="ProgressiveDialing"/>. A list that a run dials is not
/// previewed meanwhile (both would call the same customers). A desk closed while an answered call still waits for
/// its disposition is kept until the agent gives it.</summary>
public sealed class DialerDesks(CrmDatabase database, TimeProvider clock, CallCenterSwitch? callCenter = null)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, DialerDesk> _previews = [];
    private readonly Dictionary<Guid, (DialerRun Run, DialerDesk Desk)> _runs = [];
    private readonly List<DialerDesk> _closed = [];

    public CallCenterSwitch? CallCenter => callCenter;

    /// <exception cref="DomainException">No call center runs here, or a progressive run dials the list.</exception>
    public async Task<DialerDesk> PreviewAsync(Guid listId, CancellationToken ct)
    {
        var center = callCenter ?? throw new DomainException("this server runs no call center");
        await _gate.WaitAsync(ct);
        try
        {
            if (_runs.Values.Any(r => r.Run.CallListId == listId)) throw new DomainException("a progressive run is dialling this list");
            if (_previews.TryGetValue(listId, out var desk)) return desk;
            var dialer = new OutboundDialer(listId, DialerMode.Preview, CallerNumber(center), new OperationalCallList(database, clock), new OperationalCdrSink(database), clock);
            await dialer.LoadAsync(ct);
            return _previews[listId] = new DialerDesk(center, dialer);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The runs being dialled, oldest first.</summary>
    public async Task<IReadOnlyList<(DialerRun Run, DialerDesk Desk)>> RunsAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return [.. _runs.Values.OrderBy(r => r.Run.StartedAt)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes the progressive desks those of <paramref name="running"/>: opens a desk for a run new here (its list
    /// loaded through <see cref="ProgressiveCallList"/>, the list's preview desk closed) and closes those of stopped runs.
    /// Returns the desks opened.</summary>
    public async Task<IReadOnlyList<(DialerRun Run, DialerDesk Desk)>> SyncRunsAsync(IReadOnlyList<DialerRun> running, CancellationToken ct)
    {
        var center = callCenter ?? throw new InvalidOperationException("this server runs no call center");
        await _gate.WaitAsync(ct);
        try
        {
            foreach (var stopped in _runs.Keys.Where(id => running.All(r => r.Id != id)).ToList())
            {
                _closed.Add(_runs[stopped].Desk);
                _runs.Remove(stopped);
            }
            _closed.RemoveAll(d => d.Dialer.AgentsOnCalls.Count == 0);
            var opened = new List<(DialerRun, DialerDesk)>();
            foreach (var run in running.Where(r => !_runs.ContainsKey(r.Id)))
            {
                var dialer = new OutboundDialer(run.CallListId, DialerMode.Progressive, CallerNumber(center), new ProgressiveCallList(database, clock),
                    new OperationalCdrSink(database), clock);
                await dialer.LoadAsync(ct);
                if (_previews.Remove(run.CallListId, out var preview)) _closed.Add(preview);
                var desk = new DialerDesk(center, dialer, run.Skill);
                _runs[run.Id] = (run, desk);
                opened.Add((run, desk));
            }
            return opened;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Agents on a call of any desk here, or owing the disposition of one: none of them gets another call.</summary>
    public async Task<IReadOnlySet<string>> AgentsOnCallsAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return AllDesks().SelectMany(d => d.Dialer.AgentsOnCalls).ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The desk that placed this call, if it waits for its disposition.</summary>
    public async Task<DialerDesk?> OfCallAsync(string callId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return AllDesks().FirstOrDefault(d => d.AwaitsDisposition(callId));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Raised once an agent has given a disposition: he may take his next call now, without waiting for pacing's tick.</summary>
    public event Action? DispositionGiven;

    /// <summary>Gives the disposition of an answered call to the desk that placed it (the CDR and the entry's outcome are
    /// written then).</summary>
    /// <returns>False when no desk here waits for this call's disposition: still on, given already, or unknown.</returns>
    public async Task<bool> GiveDispositionAsync(string callId, DialDisposition disposition, string? notes, DateTimeOffset? callBackAt, CancellationToken ct)
    {
        if (await OfCallAsync(callId, ct) is not { } desk) return false;
        try
        {
            await desk.DispositionAsync(callId, disposition, notes, callBackAt, ct);
        }
        catch (ArgumentException) when (!desk.AwaitsDisposition(callId))
        {
            return false; // given meanwhile (a second click, or the API)
        }
        DispositionGiven?.Invoke();
        return true;
    }

    /// <summary>The answered calls whose disposition the agent still owes, on any desk.</summary>
    public async Task<IReadOnlyList<DialRequest>> AwaitingDispositionAsync(string agentNo, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return [.. AllDesks().SelectMany(d => d.AwaitingDisposition(agentNo)).OrderBy(r => r.At)];
        }
        finally
        {
            _gate.Release();
        }
    }

    private IEnumerable<DialerDesk> AllDesks() => _previews.Values.Concat(_runs.Values.Select(r => r.Desk)).Concat(_closed);

    // Customers see the hotline calling, the number they know.
    private static string CallerNumber(CallCenterSwitch center) => center.IvrNumbers.Order(StringComparer.Ordinal).First();
}
