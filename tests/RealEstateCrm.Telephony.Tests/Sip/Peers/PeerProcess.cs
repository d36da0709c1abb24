using System.Diagnostics;
using System.Text;

namespace RealEstateCrm.Telephony.Tests.Sip.Peers;

/// <summary>A child process (sipp, kamailio) run in its own temporary folder, whose output is kept for failure
/// messages; disposing kills it with its children, whatever happened in the test, and deletes the folder.</summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PeerProcess(Process process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    /// <summary>The temporary working folder, for configuration and log files.</summary>
    public string Folder { get; }

    /// <summary>A new temporary folder for a process about to start; <see cref="Start"/> takes ownership.</summary>
    public static string NewFolder(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    public static PeerProcess Start(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info };
        var peer = new PeerProcess(process, workingDirectory);
        process.OutputDataReceived += (_, e) => peer.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => peer.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    public bool HasExited => _process.HasExited;

    public Task ExitedAsync() => _process.WaitForExitAsync();

    /// <summary>The exit code, or null if it did not exit within <paramref name="timeout"/> (it is then killed).</summary>
    public async Task<int?> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return null;
        }
    }

    /// <summary>The last lines the process printed, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length <= 6000 ? text : text[^6000..];
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            // sipp redraws its screen many times; only the tail is ever shown.
            if (_output.Length > 200_000) _output.Remove(0, 100_000);
            _output.AppendLine(line);
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
