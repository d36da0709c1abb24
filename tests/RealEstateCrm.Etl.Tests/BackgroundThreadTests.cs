using RealEstateCrm.Etl.Batch;

namespace RealEstateCrm.Etl.Tests;

/// <summary>Work started on a background thread gives its result or its exception, runs at the lower priority on its
/// own thread only, and does not start under a cancelled token.</summary>
public sealed class BackgroundThreadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Gives_the_result_computed_at_the_lower_priority_on_a_thread_of_its_own()
    {
        var caller = Environment.CurrentManagedThreadId;
        var (thread, nice) = await BackgroundThread.Start(() => Task.FromResult((Environment.CurrentManagedThreadId, ThreadNice())), Ct);
        Assert.NotEqual(caller, thread);
        if (!OperatingSystem.IsLinux()) return;
        Assert.Equal(BackgroundThread.Nice, nice);
        Assert.Equal(0, ThreadNice());
    }

    [Fact]
    public async Task A_failure_reaches_the_caller_as_it_was_thrown()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BackgroundThread.Start<int>(() => throw new InvalidOperationException("count failed"), Ct));
        Assert.Equal("count failed", failure.Message);
    }

    [Fact]
    public async Task Does_not_start_under_a_cancelled_token()
    {
        var started = false;
        var task = BackgroundThread.Start(() => Task.FromResult(started = true), new CancellationToken(canceled: true));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.False(started);
    }

    // The calling thread's nice value: field 19 of /proc/thread-self/stat, counted after the command name's closing bracket
    // (the name may hold spaces).
    private static int ThreadNice()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
