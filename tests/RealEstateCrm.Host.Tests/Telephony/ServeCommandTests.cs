using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Testing;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests.Telephony;

/// <summary><c>crm serve</c> as a user runs it: the whole host on SQLite, a sipp caller dialling the IVR.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ServeCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Crm_serve_opens_the_web_answers_a_sipp_call_in_the_IVR_stores_its_call_record_and_stops_on_ctrl_c()
    {
        var sipp = Sipp();
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        var warehouse = Path.Combine(Path.GetTempPath(), $"crm-serve-{Guid.NewGuid():N}.duckdb");
        var port = FreeUdpPort();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var serving = CrmUntil(test, stop.Token, "serve", "--sip-port", port.ToString(), "--web-port", "0", "--warehouse", warehouse);
        try
        {
            await ListeningAsync(port, serving);
            using var caller = Process.Start(new ProcessStartInfo(sipp,
                ["-sn", "uac", "-s", "4008", "-d", "1500", "-m", "1", "-i", "127.0.0.1", "-p", FreeUdpPort().ToString(), "-mp", "27600",
                 "-nostdin", "-timeout", "20s", "-timeout_error", $"127.0.0.1:{port}"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            try
            {
                caller.BeginOutputReadLine();
                caller.BeginErrorReadLine();
                await caller.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
                Assert.Equal(0, caller.ExitCode);
            }
            finally { if (!caller.HasExited) caller.Kill(entireProcessTree: true); }

            var record = await StoredCallAsync(test);
            Assert.Equal(CallOutcome.IvrOnly, record.Outcome);
            Assert.Equal(CallDirection.Inbound, record.Direction);
            Assert.InRange((record.EndedAt - record.StartedAt).TotalSeconds, 1.2, 5);
        }
        finally { await stop.CancelAsync(); }

        var (exit, output) = await serving;
        Assert.Equal(0, exit);
        Assert.Contains($"call center SIP on udp:127.0.0.1:{port}", output);
        Assert.Contains("web http://127.0.0.1:", output);
        Assert.Contains("stopped", output);
        File.Delete(warehouse);
    }

    private static async Task<CallRecord> StoredCallAsync(TestDatabase test)
    {
        for (var i = 0; i < 50; i++)
        {
            await using var db = test.Database.CreateContext("test");
            if (await db.CallRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Callee == "4008", Ct) is { } record) return record;
            await Task.Delay(100, Ct);
        }
        Assert.Fail("no call record for the call to 4008 within 5 s");
        return null!;
    }

    /// <summary>Waits until the server holds its SIP port (binding it ourselves fails then).</summary>
    private static async Task ListeningAsync(int port, Task<(int ExitCode, string Output)> serving)
    {
        for (var i = 0; i < 300 && !serving.IsCompleted; i++)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            }
            catch (SocketException)
            {
                return;
            }
            await Task.Delay(100, Ct);
        }
        var (_, output) = await serving.WaitAsync(TimeSpan.FromSeconds(1), Ct);
        Assert.Fail($"crm serve did not listen on {port}: {output}");
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static string Sipp()
    {
        if (File.Exists("/usr/bin/sipp")) return "/usr/bin/sipp";
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException("CI=true but sipp (Debian: sip-tester) is not installed");
        Assert.Skip("sipp is not installed (Debian: sip-tester)");
        return null!;
    }
}
