using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Calls;
using RealEstateCrm.Telephony.Sip.Registrar;
using RealEstateCrm.Telephony.Sip.Transactions;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.Telephony.Tests.Sip;

/// <summary>What the user-agent tests share: an agent on an ephemeral port, an SDP body, bounded waits.</summary>
internal static class TestCalls
{
    public const string Sdp = "v=0\r\no=crm 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 8 0\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n";

    public static SipUserAgent StartAgent(ISipCredentials? credentials = null, SipRegistrarOptions? registrar = null, bool tcp = false, string user = "crm", SipTimerSettings? timers = null) =>
        SipUserAgent.Start(new SipUserAgentOptions
        {
            UdpPort = 0, TcpPort = tcp ? 0 : null, Registrar = registrar ?? new SipRegistrarOptions(), ContactUser = user, Timers = timers ?? SipTimerSettings.Default,
        }, credentials);

    public static async Task<IncomingCall> NextCallAsync(this SipUserAgent agent, int seconds = 20) =>
        await agent.IncomingCalls.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken);

    /// <summary>The next call, placed by <paramref name="sipp"/>; if sipp ends or stalls first, the test fails
    /// with sipp's logs.</summary>
    public static async Task<IncomingCall> NextCallAsync(this SipUserAgent agent, Sipp sipp, int seconds = 20)
    {
        var next = agent.IncomingCalls.ReadAsync(TestContext.Current.CancellationToken).AsTask();
        var first = await Task.WhenAny(next, sipp.ExitedAsync(), Task.Delay(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken));
        if (first != next) Assert.Fail($"no call from sipp within {seconds} s ({(sipp.ExitedAsync().IsCompleted ? "sipp exited" : "sipp still running")}; {agent.Statistics})\n{sipp.Describe()}");
        return await next;
    }

    public static Task<T> Within<T>(this Task<T> task, int seconds = 10) => task.WaitAsync(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken);

    public static Task Within(this Task task, int seconds = 10) => task.WaitAsync(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken);
}
