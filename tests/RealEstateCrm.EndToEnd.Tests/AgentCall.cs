using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Telephony.Sip.Registrar;
using RealEstateCrm.Telephony.Tests;
using RealEstateCrm.Telephony.Tests.B2bua;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>A real call to the fixture's call center: an agent's phone (sipp that rings, answers and talks until the
/// switch hangs up) registered with its SIP password, and a sipp caller dialling the IVR number, pressing 0 for an
/// agent and hanging up after <c>talk</c>.</summary>
internal sealed partial class AgentCall : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-agent-call-").FullName;
    private readonly List<Sipp> _peers = [];
    private WebServer _server = null!;
    private string _callerNumber = "";

    /// <summary>The default menu takes keys once its welcome (5.8 s) and recording notice (6.4 s) have played, and
    /// queues the caller after its "transferring" prompt (5.1 s).</summary>
    private const int MenuStartsAfter = 13_000, QueuedAfterKey = 5_500;

    public Sipp Phone { get; private set; } = null!;
    public Sipp? Caller { get; private set; }

    /// <param name="calls">How many calls the phone answers before sipp ends.</param>
    public static async Task<AgentCall> RegisterPhoneAsync(WebServer server, string extension, int calls = 1)
    {
        if (Environment.UserName != "root") ExternalTool.Missing("root (sipp plays the DTMF captures only as root)");
        var call = new AgentCall();
        call.Phone = Sipp.Start(Scenario("agent_answer.xml"), remote: null, "-m", calls.ToString());
        call._peers.Add(call.Phone);
        await RegisterAsync(server.SipEndPoint, extension, new AgentSipPassword(server.Telephony.SipSecret).For(extension), call.Phone.Port);
        return call;
    }

    /// <summary>Registers the sipp phone's address as <paramref name="extension"/>. Done here, not by sipp: the switch
    /// challenges with SHA-256 first (RFC 8760) and sipp answers only MD5, so the product's own digest client answers.</summary>
    private static async Task RegisterAsync(IPEndPoint registrar, string extension, string password, int contactPort)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)udp.Client.LocalEndPoint!;
        var callId = Guid.NewGuid().ToString("N");
        var uri = $"sip:{registrar}";
        string Register(int sequence, string? authorization) =>
            $"REGISTER {uri} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
            $"From: <sip:{extension}@{registrar}>;tag={callId[..8]}\r\nTo: <sip:{extension}@{registrar}>\r\nCall-ID: {callId}\r\n" +
            $"CSeq: {sequence} REGISTER\r\nContact: <sip:{extension}@127.0.0.1:{contactPort}>\r\n" +
            (authorization is null ? "" : $"Authorization: {authorization}\r\n") +
            "Expires: 3600\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

        var challenge = await ExchangeAsync(udp, registrar, Register(1, null));
        Assert.StartsWith("SIP/2.0 401", challenge);
        var offered = challenge.Split("\r\n").First(l => l.StartsWith("WWW-Authenticate:", StringComparison.OrdinalIgnoreCase))["WWW-Authenticate:".Length..].Trim();
        var authorization = DigestClient.Authorize(DigestHeader.Parse(offered, "WWW-Authenticate"), "REGISTER", uri, extension, password);
        Assert.NotNull(authorization);
        var answer = await ExchangeAsync(udp, registrar, Register(2, authorization));
        Assert.StartsWith("SIP/2.0 200", answer);
    }

    private static async Task<string> ExchangeAsync(UdpClient udp, IPEndPoint registrar, string request)
    {
        var bytes = Encoding.UTF8.GetBytes(request);
        // UDP: resend like a SIP client would if the answer does not come.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await udp.SendAsync(bytes, registrar, TestContext.Current.CancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                return Encoding.UTF8.GetString((await udp.ReceiveAsync(wait.Token)).Buffer);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested) { }
        }
        throw new TimeoutException($"no answer from the registrar at {registrar}");
    }

    /// <summary>Dials the first IVR number from <paramref name="callerNumber"/>, presses 0 (an agent) once the menu plays,
    /// stays on the line <paramref name="talk"/> after being queued, hangs up.</summary>
    public void Dial(WebServer server, string callerNumber, TimeSpan talk)
    {
        (_server, _callerNumber) = (server, callerNumber);
        var scenario = new CallerScenario().Pause(MenuStartsAfter).Digit('0').Pause(QueuedAfterKey + (int)talk.TotalMilliseconds).Write(_folder, callerHangsUp: true);
        Caller = Sipp.Start(scenario, server.SipEndPoint, "-s", callerNumber, "-key", "callee", server.Telephony.IvrNumbers.First());
        _peers.Add(Caller);
    }

    /// <summary>Waits for the pop to show on the agent's page (the IVR's welcome takes a while); fails with what
    /// the phone and the caller saw.</summary>
    public async Task WaitForPopAsync(IPage page, string selector)
    {
        try
        {
            await page.WaitForSelectorAsync(selector, new() { Timeout = MenuStartsAfter + QueuedAfterKey + 10_000 });
        }
        catch (TimeoutException)
        {
            await using var db = _server.Database.CreateContext();
            var records = await db.CallRecords.Where(r => r.Caller == _callerNumber)
                .Select(r => $"{r.CallId} {r.Outcome} ivr={r.IvrPath} queue={r.Queue} agent={r.AgentId}").ToListAsync(TestContext.Current.CancellationToken);
            Assert.Fail($"no pop ({selector}) on the agent's page; call records: {string.Join("; ", records)}\n--- phone\n{Phone.Describe()}\n--- caller\n{Caller?.Describe()}");
        }
    }

    /// <summary>When the agent's phone received the switch's INVITE (its ring), from sipp's message trace.</summary>
    public DateTimeOffset PhoneRangAt()
    {
        var match = ReceivedInvite().Match(Phone.MessageLog);
        Assert.True(match.Success, "the agent's phone received no INVITE\n" + Phone.Describe());
        return new DateTimeOffset(DateTime.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers) await peer.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", name);

    [GeneratedRegex(@"-+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+)\r?\nUDP message received[^\n]*\n\s*INVITE ")]
    private static partial Regex ReceivedInvite();
}
