namespace RealEstateCrm.Telephony.Sip.Transactions;

/// <summary>One restartable one-shot timer on a <see cref="TimeProvider"/>, so tests can drive transactions on a
/// fake clock.</summary>
internal sealed class SipTimer(TimeProvider time, Action fired) : IDisposable
{
    private ITimer? _timer;

    public void Start(TimeSpan due)
    {
        _timer?.Dispose();
        _timer = time.CreateTimer(_ => fired(), null, due, Timeout.InfiniteTimeSpan);
    }

    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }

    public void Dispose() => Stop();
}
