using System.Collections.Concurrent;
using System.Threading.Channels;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.B2bua;

/// <summary>The call center's ports held in memory, as the host holds them in the operational DB: what the switch
/// writes (CDRs, voicemails) can be awaited by the tests.</summary>
internal sealed class InProcessPorts : IAgentDirectory, ICallerLookup, IAtRiskCallers, ILastAgentLookup, ICdrSink, IWorkOrderStatusLookup, IVoicemailSink, ISupervisorDirectory
{
    private readonly Channel<CallDetail> _cdrs = Channel.CreateUnbounded<CallDetail>();
    private readonly Channel<VoicemailMessage> _voicemails = Channel.CreateUnbounded<VoicemailMessage>();

    public static readonly AgentProfile First = new("A1", "Li Na", "8001", new Dictionary<string, int> { ["service"] = 3 }, "CC1");
    public static readonly AgentProfile Second = new("A2", "Wang Wei", "8002", new Dictionary<string, int> { ["service"] = 3 });
    public const string Password = "agent-secret";
    /// <summary>A supervisor's phone in the first agent's department; it has no agent seat, so the ACD never rings it.</summary>
    public const string SupervisorPhone = "8009";
    public static readonly Supervisor CallSupervisor = new("zhao.min", ["agent"], IsSupervisor: true, "CC1");
    public const string KnownCaller = "13800138000";
    public static readonly CallerRecord KnownCustomer = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), "C0001", "张伟", "VIP", "滨江一号", 1);

    public ConcurrentQueue<CallDetail> Written { get; } = new();

    public CallCenterPorts Ports => new(this, this, this, this, this, this, this, this);

    /// <summary>The next CDR written, within the timeout.</summary>
    public async Task<CallDetail> NextCdrAsync(int seconds = 15) =>
        await _cdrs.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken);

    public async Task<VoicemailMessage> NextVoicemailAsync(int seconds = 15) =>
        await _voicemails.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken);

    public Task<IReadOnlyList<AgentProfile>> AgentsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<AgentProfile>>([First, Second]);

    public ValueTask<string?> FindPasswordAsync(string user, string realm, CancellationToken cancellationToken) =>
        ValueTask.FromResult(user is "8001" or "8002" or SupervisorPhone ? Password : null);

    /// <summary>The supervisor's phone, and the second agent's (who is no supervisor).</summary>
    public Task<Supervisor?> ByExtensionAsync(string extension, CancellationToken ct = default) => Task.FromResult(extension switch
    {
        SupervisorPhone => CallSupervisor,
        "8002" => new Supervisor("wang.wei", ["agent"], IsSupervisor: false, null),
        _ => (Supervisor?)null,
    });

    public Task<CallerRecord?> FindAsync(string callerNumber, CancellationToken ct = default) =>
        Task.FromResult(callerNumber == KnownCaller ? KnownCustomer : null);

    public Task<bool> IsAtRiskAsync(string callerNumber, CancellationToken ct = default) => Task.FromResult(false);

    public Task<string?> LastAgentAsync(string callerNumber, DateTimeOffset since, CancellationToken ct = default) => Task.FromResult<string?>(null);

    public Task WriteAsync(CallDetail detail, CancellationToken ct = default)
    {
        Written.Enqueue(detail);
        _cdrs.Writer.TryWrite(detail);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WorkOrderStatusLine>> OpenOrdersAsync(string callerNumber, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<WorkOrderStatusLine>>([]);

    public Task SaveAsync(VoicemailMessage message, CancellationToken ct = default)
    {
        _voicemails.Writer.TryWrite(message);
        return Task.CompletedTask;
    }
}
