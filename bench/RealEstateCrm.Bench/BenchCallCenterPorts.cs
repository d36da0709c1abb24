using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Bench;

/// <summary>The call center's ports for the load run: many agents with one password, no customers, CDRs counted in
/// memory, so the figures are the switch's own and not the database's.</summary>
internal sealed class BenchCallCenterPorts(int agents) : IAgentDirectory, ICallerLookup, IAtRiskCallers, ILastAgentLookup, ICdrSink, IWorkOrderStatusLookup, IVoicemailSink
{
    public const string Password = "bench";
    private long _cdrs;

    public IReadOnlyList<string> Extensions { get; } = [.. Enumerable.Range(0, agents).Select(i => (10000 + i).ToString())];
    public long CdrsWritten => Interlocked.Read(ref _cdrs);
    public CallCenterPorts Ports => new(this, this, this, this, this, this, this);

    public Task<IReadOnlyList<AgentProfile>> AgentsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<AgentProfile>>(
        [.. Extensions.Select(e => new AgentProfile("B" + e, "bench " + e, e, new Dictionary<string, int> { ["bench"] = 1 }))]);

    public ValueTask<string?> FindPasswordAsync(string user, string realm, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Extensions.Contains(user) ? Password : null);

    public Task<CallerRecord?> FindAsync(string callerNumber, CancellationToken ct = default) => Task.FromResult<CallerRecord?>(null);
    public Task<bool> IsAtRiskAsync(string callerNumber, CancellationToken ct = default) => Task.FromResult(false);
    public Task<string?> LastAgentAsync(string callerNumber, DateTimeOffset since, CancellationToken ct = default) => Task.FromResult<string?>(null);
    public Task<IReadOnlyList<WorkOrderStatusLine>> OpenOrdersAsync(string callerNumber, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<WorkOrderStatusLine>>([]);
    public Task SaveAsync(VoicemailMessage message, CancellationToken ct = default) => Task.CompletedTask;

    public Task WriteAsync(CallDetail detail, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _cdrs);
        return Task.CompletedTask;
    }
}
