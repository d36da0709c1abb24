using System.Diagnostics;

namespace RealEstateCrm.Telephony.Media;

/// <summary>The 20 ms heartbeat all sending follows: one thread for every session, ticking at absolute
/// deadlines (start + n × 20 ms on the monotonic clock), so lateness in one tick never accumulates into drift.
/// If the thread falls a little behind, the missed ticks run at once; after a longer stall (more than
/// <see cref="MaxCatchUpTicks"/>) it jumps to the present instead, since a burst of stale audio would only overflow
/// the peers' buffers. Tick numbers always match real time, which keeps RTP timestamps true. Handlers run on the
/// clock thread and must be quick; one that throws is counted and skipped, never allowed to stop the others.</summary>
public sealed class MediaClock : IDisposable
{
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);
    public const int SamplesPerFrame = 160;

    /// <summary>At most this many late ticks (200 ms) are run back to back after a stall; the rest are skipped.</summary>
    public const int MaxCatchUpTicks = 10;

    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Action<long>[] _handlers = [];
    private long _tick;
    private long _failures;
    private long _maxLatenessTicks;
    private long _skipped;

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

    /// <summary>The latest any tick has run after its due time: how much this machine let the clock down.</summary>
    public TimeSpan MaxLateness => TimeSpan.FromTicks(Interlocked.Read(ref _maxLatenessTicks));

    /// <summary>Ticks skipped after stalls longer than <see cref="MaxCatchUpTicks"/>.</summary>
    public long SkippedTicks => Interlocked.Read(ref _skipped);

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
            if (-wait.Ticks > _maxLatenessTicks) Interlocked.Exchange(ref _maxLatenessTicks, -wait.Ticks);
            var due = (Stopwatch.GetTimestamp() - start) / period;
            if (due - next > MaxCatchUpTicks)
            {
                Interlocked.Add(ref _skipped, due - next);
                next = due;
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
