using Microsoft.Extensions.Time.Testing;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.CallCenter;

/// <summary>The ports of the call center kept in memory, with what was written to them, on a fake clock that starts
/// at a fixed instant. The host's database-backed ports have their own tests in Host.Tests.</summary>
internal sealed class CallCenterWorld : ICallerLookup, IAtRiskCallers, ILastAgentLookup, ICdrSink, IWorkOrderStatusLookup, IVoicemailSink, IOutboundCallList
{
    public static readonly DateTimeOffset Start = new(2026, 10, 12, 1, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);
    public Dictionary<string, CallerRecord> Customers { get; } = [];
    public HashSet<string> AtRisk { get; } = [];
    public Dictionary<string, string> LastAgents { get; } = [];
    public List<CallDetail> Cdrs { get; } = [];
    public Dictionary<string, List<WorkOrderStatusLine>> Orders { get; } = [];
    public List<VoicemailMessage> Voicemails { get; } = [];
    public List<DialTarget> CallList { get; } = [];
    public List<(Guid EntryId, DialDisposition Disposition, string? Notes)> Dispositions { get; } = [];

    public CallDistributorPorts Ports => new(this, this, this, this);

    public CallDistributor Distributor(params AcdQueueSettings[] queues) => new(queues, Ports, Clock);

    public static AgentProfile Agent(string agentNo, params (string Skill, int Level)[] skills) =>
        new(agentNo, $"Agent {agentNo}", $"8{agentNo[^3..]}", skills.ToDictionary(s => s.Skill, s => s.Level), "CC1");

    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    public Task<CallerRecord?> FindAsync(string callerNumber, CancellationToken ct = default) => Task.FromResult(Customers.GetValueOrDefault(callerNumber));
    public Task<bool> IsAtRiskAsync(string callerNumber, CancellationToken ct = default) => Task.FromResult(AtRisk.Contains(callerNumber));
    public Task<string?> LastAgentAsync(string callerNumber, DateTimeOffset since, CancellationToken ct = default) => Task.FromResult(LastAgents.GetValueOrDefault(callerNumber));
    public Task WriteAsync(CallDetail detail, CancellationToken ct = default) { Cdrs.Add(detail); return Task.CompletedTask; }
    public Task<IReadOnlyList<WorkOrderStatusLine>> OpenOrdersAsync(string callerNumber, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<WorkOrderStatusLine>>(Orders.GetValueOrDefault(callerNumber) ?? []);
    public Task SaveAsync(VoicemailMessage message, CancellationToken ct = default) { Voicemails.Add(message); return Task.CompletedTask; }
    public Task<IReadOnlyList<DialTarget>> PendingAsync(Guid listId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<DialTarget>>(CallList);
    public Task RecordDispositionAsync(Guid entryId, DialDisposition disposition, string? notes = null, DateTimeOffset? callBackAt = null, CancellationToken ct = default)
    {
        Dispositions.Add((entryId, disposition, notes));
        return Task.CompletedTask;
    }
}

internal static class ChannelDrain
{
    /// <summary>Everything published so far, without waiting.</summary>
    public static List<T> Drain<T>(this System.Threading.Channels.ChannelReader<T> reader)
    {
        var items = new List<T>();
        while (reader.TryRead(out var item)) items.Add(item);
        return items;
    }
}
