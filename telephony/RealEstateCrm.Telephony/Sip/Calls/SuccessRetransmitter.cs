using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Sip.Calls;

/// <summary>The UAS core's duty of RFC 3261 §13.3.1.4: a 2xx to an INVITE is sent again after T1, 2·T1, … (capped
/// at T2) until its ACK stops it; after 64·T1 without one, <c>giveUp</c> runs. On TCP nothing is resent, but the
/// give-up still applies.</summary>
internal sealed class SuccessRetransmitter(ISipCallHost host, SipResponse response, SipPeer peer, Func<Task> giveUp)
{
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _stopped;

    public void Start()
    {
        lock (_gate)
        {
            if (peer.IsReliable) _timer = host.Time.CreateTimer(_ => Fire(null, TimeSpan.Zero), null, host.Timers.TransactionTimeout, Timeout.InfiniteTimeSpan);
            else Schedule(host.Timers.T1, host.Timers.T1);
        }
    }

    /// <summary>The ACK came (or the call ended): no more retransmissions.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Schedule(TimeSpan interval, TimeSpan elapsed)
    {
        _timer?.Dispose();
        _timer = host.Time.CreateTimer(_ => Fire(interval, elapsed), null, interval, Timeout.InfiniteTimeSpan);
    }

    private void Fire(TimeSpan? interval, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (_stopped) return;
            if (interval is null || elapsed >= host.Timers.TransactionTimeout)
            {
                _stopped = true;
                host.Statistics.CountTransactionTimeout();
                Task.Run(giveUp);
                return;
            }
            host.Statistics.CountRetransmissionSent();
            host.SendDirect(response, peer);
            var next = host.Timers.Backoff(interval.Value);
            Schedule(next, elapsed + next);
        }
    }
}
