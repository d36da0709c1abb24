using System.Net;

namespace RealEstateCrm.Telephony.Tests.Sip.Peers;

/// <summary>Runs one of our scenarios (Sip/Scenarios/*.xml) with sipp on 127.0.0.1, keeping its message and
/// error logs in a temporary folder for the failure message.</summary>
internal sealed class Sipp : IAsyncDisposable
{
    private readonly PeerProcess _process;
    private readonly int? _port;

    private Sipp(PeerProcess process, int? port)
    {
        _process = process;
        _port = port;
    }

    /// <summary>sipp's own port, for a UAS scenario we call; a calling sipp takes any free port.</summary>
    public int Port => _port ?? throw new InvalidOperationException("a calling sipp has no fixed port");

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public Task ExitedAsync() => _process.ExitedAsync();

    /// <summary>Starts <paramref name="scenario"/>; <paramref name="remote"/> is the address it calls (UAC
    /// scenarios), null for a UAS scenario that waits.</summary>
    public static Sipp Start(string scenario, IPEndPoint? remote, params string[] extra) =>
        // A UAS scenario needs a port we know; a UAC one lets the kernel choose, so no other test can take it first.
        Start(scenario, remote, remote is null ? FreePort.Next() : null, extra);

    /// <summary>Starts the UAS <paramref name="scenario"/> on <paramref name="port"/>, an address that was given out
    /// before sipp ran (the outbound trunk a switch was started with).</summary>
    public static Sipp StartOn(int port, string scenario, params string[] extra) => Start(scenario, null, port, extra);

    private static Sipp Start(string scenario, IPEndPoint? remote, int? port, string[] extra)
    {
        var program = ExternalTool.Require("sipp");
        var folder = PeerProcess.NewFolder("sipp-");
        var arguments = new List<string>
        {
            "-sf", Path.Combine(AppContext.BaseDirectory, "Sip", "Scenarios", scenario),
            "-i", "127.0.0.1", "-p", (port ?? 0).ToString(), "-mp", FreePort.UdpRun(4).ToString(),
            "-nostdin", "-timeout", "30s", "-timeout_error",
            "-trace_err", "-error_file", Path.Combine(folder, "errors.log"),
            "-trace_msg", "-message_file", Path.Combine(folder, "messages.log"),
        };
        if (!extra.Contains("-m")) arguments.AddRange(["-m", "1"]);
        arguments.AddRange(extra);
        if (remote is not null) arguments.Add(remote.ToString());
        return new Sipp(PeerProcess.Start(program, arguments, folder), port);
    }

    /// <summary>Waits for sipp to finish and asserts that every call of the scenario succeeded (exit code 0).</summary>
    public async Task AssertSucceedsAsync(TimeSpan? timeout = null)
    {
        var code = await _process.WaitAsync(timeout ?? TimeSpan.FromSeconds(40));
        Assert.True(code == 0, $"sipp exit code {code?.ToString() ?? "none (killed after the timeout)"}\n{Describe()}");
    }

    /// <summary>Awaits <paramref name="step"/> (10 s at most); a failure or timeout carries sipp's logs, which say what
    /// sipp saw of the call.</summary>
    public async Task WithLogAsync(Task step)
    {
        try { await step.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Assert.Fail($"{e.GetType().Name}: {e.Message}\n{Describe()}");
        }
    }

    /// <summary>sipp's message trace: each message with the wall-clock time it was sent or received.</summary>
    public string MessageLog => File.ReadAllText(Path.Combine(_process.Folder, "messages.log"));

    public string Describe()
    {
        string Tail(string file)
        {
            var path = Path.Combine(_process.Folder, file);
            if (!File.Exists(path)) return "";
            var text = File.ReadAllText(path);
            return $"--- {file}\n{(text.Length <= 8000 ? text : text[^8000..])}\n";
        }
        return Tail("errors.log") + Tail("messages.log") + "--- output\n" + _process.Output;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
