using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>The preview dialers of this process, one per call list, started the first time an agent works the list:
/// each agent sees their own next customer, and an entry shown to one agent is not shown to another.</summary>
public sealed class DialerDesks(CrmDatabase database, TimeProvider clock, CallCenterSwitch? callCenter = null)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, DialerDesk> _desks = [];

    public CallCenterSwitch? CallCenter => callCenter;

    public async Task<DialerDesk> PreviewAsync(Guid listId, CancellationToken ct)
    {
        var center = callCenter ?? throw new InvalidOperationException("this server runs no call center");
        await _gate.WaitAsync(ct);
        try
        {
            if (_desks.TryGetValue(listId, out var desk)) return desk;
            // Customers see the hotline calling, the number they know.
            var dialer = new OutboundDialer(listId, DialerMode.Preview, center.IvrNumbers.Order(StringComparer.Ordinal).First(), new OperationalCallList(database, clock),
                new OperationalCdrSink(database), clock);
            await dialer.LoadAsync(ct);
            return _desks[listId] = new DialerDesk(center, dialer);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The desk that placed this call, if any.</summary>
    public async Task<DialerDesk?> OfCallAsync(string callId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return _desks.Values.FirstOrDefault(d => d.AwaitsDisposition(callId));
        }
        finally
        {
            _gate.Release();
        }
    }
}
