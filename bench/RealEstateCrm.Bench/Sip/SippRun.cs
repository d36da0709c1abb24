using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RealEstateCrm.Bench.Sip;

/// <summary>One sipp process of the SIP benchmark, in its own temporary folder: its final statistics (successful and
/// failed calls, retransmissions) and, for a caller, every INVITE→180 time it measured (rtd "ring").</summary>
internal sealed class SippRun : IAsyncDisposable
{
    private readonly Process _process;

    private SippRun(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }
    public int Port { get; }

    public static SippRun Start(string folder, IEnumerable<string> arguments)
    {
        var port = SippRunPorts.Free();
        var info = new ProcessStartInfo("sipp") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments.Concat(["-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-nostdin",
                     "-trace_stat", "-stf", "stats.csv", "-fd", "1", "-trace_err", "-error_file", "errors.log"]))
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SippRun(process, folder, port);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>The end of sipp's error log, for a failure message.</summary>
    public string Errors()
    {
        var path = Path.Combine(Folder, "errors.log");
        var text = File.Exists(path) ? File.ReadAllText(path) : "(no error log)";
        return text.Length <= 3000 ? text : text[^3000..];
    }

    /// <summary>The last row of sipp's statistics file, by column name.</summary>
    public IReadOnlyDictionary<string, string> FinalStatistics()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "stats.csv")).Where(l => l.Length > 0).ToList();
        var names = lines[0].Split(';');
        var values = lines[^1].Split(';');
        return names.Zip(values).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.First().Second);
    }

    /// <summary>Every response time (ms) sipp traced with -trace_rtt.</summary>
    public IReadOnlyList<double> ResponseTimes() =>
        [.. Directory.GetFiles(Folder, "*_rtt.csv").SelectMany(File.ReadAllLines).Skip(1)
            .Select(l => l.Split(';')).Where(f => f.Length >= 2 && double.TryParse(f[1], CultureInfo.InvariantCulture, out _))
            .Select(f => double.Parse(f[1], CultureInfo.InvariantCulture))];


    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

/// <summary>A UDP port free on 127.0.0.1 right now, for a peer's command line.</summary>
internal static class SippRunPorts
{
    public static int Free()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
