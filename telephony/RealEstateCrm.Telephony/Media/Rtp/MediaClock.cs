using System.Diagnostics;

namespace RealEstateCrm.Telephony.Media;

/// <summary>The 20 ms heartbeat all sending follows: one thread for every session, ticking at absolute
/// deadlines (start + n × 20 ms on the monotonic clock), so lateness in one tick never accumulates into drift.
/// If the thread falls behind, the missed ticks run at once and tick numbers stay exact, which keeps RTP
/// timestamps true to real time. Handlers run on the clock thread and must be quick; one that throws is
/// counted and skipped, never allowed to stop the others.</summary>
public sealed class MediaClock : IDisposable
{
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);
    public const int SamplesPerFrame = 160;

    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Action<long>[] _handlers = [];
    private long _tick;
    private long _failures;

    public MediaClock()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "media-clock", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Ticks elapsed since the clock started; tick n is due at start + n × 20 ms.</summary>
    public long Tick => Interlocked.Read(ref _tick);

    /// <summary>Handler exceptions swallowed so far (a faulty handler must not silence every call).</summary>
    public long HandlerFailures => Interlocked.Read(ref _failures);

    public Exception? LastFailure { get; private set; }

    /// <summary>Calls the handler on every tick, with the tick number, until the subscription is disposed.</summary>
    public IDisposable Subscribe(Action<long> onTick)
    {
        lock (_gate) _handlers = [.. _handlers, onTick];
        return new Subscription(this, onTick);
    }

    private void Unsubscribe(Action<long> onTick)
    {
        lock (_gate) _handlers = _handlers.Where(h => h != onTick).ToArray();
    }

    private void Run()
    {
        var start = Stopwatch.GetTimestamp();
        var period = Stopwatch.Frequency * FrameDuration.Ticks / TimeSpan.TicksPerSecond;
        long next = 1;
        while (!_stop.IsCancellationRequested)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), start + next * period);
            if (wait > TimeSpan.Zero)
            {
                _stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)));
                continue;
            }
            Interlocked.Exchange(ref _tick, next);
            foreach (var handler in Volatile.Read(ref _handlers))
            {
                try { handler(next); }
                catch (Exception e)
                {
                    LastFailure = e;
                    Interlocked.Increment(ref _failures);
                }
            }
            next++;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        if (Thread.CurrentThread != _thread) _thread.Join();
        _stop.Dispose();
    }

    private sealed class Subscription(MediaClock clock, Action<long> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) clock.Unsubscribe(handler);
        }
    }
}
