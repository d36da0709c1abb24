using System.Runtime.InteropServices;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Runs work that is needed only later on a thread of its own at a lower CPU priority (nice 10 on Linux, below
/// normal on Windows), so it takes the cores the run's own threads leave idle instead of sharing them: the operational
/// counts are read only by the checks after the commit, and beside an incremental run's reader and DuckDB they made three
/// busy threads on two cores. Waiting on the disk is not slowed: the priority is the CPU's only.</summary>
internal static partial class BackgroundThread
{
    /// <summary>The nice value the work runs at on Linux (0 is normal, 19 the lowest).</summary>
    public const int Nice = 10;

    public static Task<T> Start<T>(Func<Task<T>> work, CancellationToken ct = default)
    {
        if (ct.IsCancellationRequested) return Task.FromCanceled<T>(ct);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            LowerPriority();
            try
            {
                // SQLite's calls complete at once, so the work runs here; a provider that awaits continues on the pool
                // at normal priority while this thread waits.
                done.SetResult(work().GetAwaiter().GetResult());
            }
            catch (OperationCanceledException e) when (e.CancellationToken == ct)
            {
                done.SetCanceled(ct);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Name = "etl background" };
        thread.Start();
        return done.Task;
    }

    // A thread's own nice value: Linux keeps one per thread (setpriority with the thread id), and raising it needs no rights.
    private static void LowerPriority()
    {
        if (OperatingSystem.IsLinux()) _ = SetPriority(ProcessWhich, GetThreadId(), Nice);
        else if (OperatingSystem.IsWindows()) Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
    }

    private const int ProcessWhich = 0; // PRIO_PROCESS: with a thread id, that thread alone

    [LibraryImport("libc.so.6", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc.so.6", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
