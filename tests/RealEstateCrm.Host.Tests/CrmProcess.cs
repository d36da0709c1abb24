using System.Diagnostics;
using System.Threading.Channels;

namespace RealEstateCrm.Host.Tests;

/// <summary><c>crm</c> as a real child process (the build's own apphost next to the tests), its output read line by
/// line as it comes, so a test can act at a given point of a run, e.g. kill it.</summary>
internal sealed class CrmProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];
    private int _streamsOpen = 2;

    private CrmProcess(Process process) => _process = process;

    public static CrmProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "crm.exe" : "crm"), args)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        var process = new Process { StartInfo = start };
        var crm = new CrmProcess(process);
        process.OutputDataReceived += (_, e) => crm.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => crm.Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return crm;
    }

    // A null line is the end of a stream; the channel ends with the second one, so a reader sees every line first.
    private void Receive(string? line)
    {
        if (line is not null) _lines.Writer.TryWrite(line);
        else if (Interlocked.Decrement(ref _streamsOpen) == 0) _lines.Writer.TryComplete();
    }

    /// <summary>Runs to the end; the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan bound, params string[] args)
    {
        using var crm = Start(args);
        using var timeout = new CancellationTokenSource(bound);
        await foreach (var line in crm._lines.Reader.ReadAllAsync(timeout.Token)) crm._seen.Add(line);
        await crm._process.WaitForExitAsync(timeout.Token);
        return (crm._process.ExitCode, string.Join('\n', crm._seen));
    }

    /// <summary>Waits until the process prints a line matching <paramref name="match"/>; fails if it exits or the bound passes first.</summary>
    public async Task WaitForLineAsync(Func<string, bool> match, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(timeout.Token);
                _seen.Add(line);
                if (match(line)) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            Assert.Fail($"crm {(e is ChannelClosedException ? "ended" : $"ran {bound.TotalSeconds:0} s")} without printing the awaited line; it printed:\n{string.Join('\n', _seen)}");
        }
    }

    /// <summary>SIGKILL on Unix: no handler, finally block or flush runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
