using System.Diagnostics;
using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class MediaClockTests
{
    [Fact]
    public async Task Tick_numbers_keep_to_real_time_without_drift()
    {
        using var clock = new MediaClock();
        var elapsed = Stopwatch.StartNew();
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        var tick = clock.Tick;
        var byWallClock = (long)(elapsed.Elapsed / MediaClock.FrameDuration);

        // A sleep-per-tick loop would fall behind by its oversleep every tick (tens of ticks over 1.5 s); ours is
        // behind by at most its worst lateness, however loaded the machine.
        var allowedBehind = (long)(clock.MaxLateness / MediaClock.FrameDuration) + 2;
        Assert.InRange(tick, byWallClock - allowedBehind, byWallClock + 1);
    }

    [Fact]
    public async Task A_throwing_handler_is_counted_and_the_others_keep_ticking()
    {
        using var clock = new MediaClock();
        var ticks = 0;
        using var faulty = clock.Subscribe(_ => throw new InvalidOperationException("faulty"));
        using var counting = clock.Subscribe(_ => Interlocked.Increment(ref ticks));

        await Eventually.True(() => Volatile.Read(ref ticks) >= 5);
        Assert.True(clock.HandlerFailures >= 5);
        Assert.Equal("faulty", clock.LastFailure?.Message);
    }

    [Fact]
    public async Task A_disposed_subscription_is_called_no_more()
    {
        using var clock = new MediaClock();
        var ticks = 0;
        var subscription = clock.Subscribe(_ => Interlocked.Increment(ref ticks));
        await Eventually.True(() => Volatile.Read(ref ticks) >= 2);
        subscription.Dispose();
        var after = Volatile.Read(ref ticks);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.InRange(Volatile.Read(ref ticks), after, after + 1); // one tick may have been running
    }
}
