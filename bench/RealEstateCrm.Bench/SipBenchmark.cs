using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Calls;

namespace RealEstateCrm.Bench;

/// <summary>The <c>sip</c> suite: sipp places calls at a fixed rate (default 200/s for 60 s; each call rings,
/// is answered 100 ms later, talks 1 s and hangs up) against (1) our user agent answering every call, (2) Kamailio as a
/// stateful proxy in front of a sipp UAS, the reference, (3) Kamailio in front of our user agent, and (4) the call
/// center switch (B2BUA): queue, agent leg to a registered sipp phone, bridge and recording.
/// Targets for ours: 0 failed calls, 0 INVITE retransmissions, p99 INVITE→180 ≤ 20 ms.</summary>
internal static class SipBenchmark
{
    private const string AnswerSdp = "v=0\r\no=crm 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        Console.WriteLine($"sip benchmark: {rate} calls/s for {seconds} s per target, 1 s talk; {Environment.ProcessorCount} cores, {SeedBenchmark.LoadAverage()}");

        await using (var ours = StartAnsweringAgent())
        {
            // Kamailio is native code; ours is JIT-compiled, so a few seconds of calls go first, unmeasured.
            await SippLoad.RunAsync(ours.UdpEndPoint, rate, 3);
            Print("our UAS", await SippLoad.RunAsync(ours.UdpEndPoint, rate, seconds), ours.Statistics);
        }

        var uasPort = FreeUdpPort();
        using (BenchProcess.Start("sipp", ["-sf", Path.Combine(AppContext.BaseDirectory, "Sip", "uas_answer.xml"), "-i", "127.0.0.1", "-p", uasPort.ToString(CultureInfo.InvariantCulture), "-mp", "0", "-nostdin"]))
        using (var kamailio = KamailioRelay.Start(uasPort))
        {
            Print("Kamailio (stateful) → sipp UAS, reference", await SippLoad.RunAsync(kamailio.EndPoint, rate, seconds), null);
        }

        await using (var ours = StartAnsweringAgent())
        using (var kamailio = KamailioRelay.Start(ours.UdpEndPoint.Port))
        {
            Print("Kamailio (stateful) → our UAS", await SippLoad.RunAsync(kamailio.EndPoint, rate, seconds), ours.Statistics);
        }

        await using (var center = await CallCenterSwitchTarget.StartAsync(rate))
        {
            await SippLoad.RunAsync(center.EndPoint, rate, 3);
            Print("call center switch → queue → sipp agent", await SippLoad.RunAsync(center.EndPoint, rate, seconds), center.Statistics);
            Console.WriteLine($"{"",-42} switch: {center.Ports.CdrsWritten:N0} CDRs written");
        }
        Console.WriteLine($"done; {SeedBenchmark.LoadAverage()}");
        return 0;
    }

    /// <summary>An agent that rings and answers every call; its loop ends when the agent is disposed.</summary>
    private static SipUserAgent StartAnsweringAgent()
    {
        var agent = SipUserAgent.Start(new SipUserAgentOptions { UdpPort = 0 });
        _ = Task.Run(async () =>
        {
            await foreach (var call in agent.IncomingCalls.ReadAllAsync())
            {
                await call.SendProvisionalAsync(180);
                _ = AnswerLaterAsync(call);
            }
        });
        return agent;
    }

    private static async Task AnswerLaterAsync(IncomingCall call)
    {
        await Task.Delay(100);
        try
        {
            await call.AnswerAsync(AnswerSdp);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            // Counted by sipp as a failed call; the stack's counters show the timeout.
        }
    }

    private static void Print(string target, SippLoadResult result, SipStatistics? statistics)
    {
        Console.WriteLine($"{target,-42} {result.CallsPerSecond,7:0.0} calls/s  {result.Successful,6:N0} ok  {result.Failed,4:N0} failed  " +
                          $"{result.InviteRetransmissions,4:N0} INVITE retransmissions  INVITE→180 p50 {result.P50Ms:0} ms p99 {result.P99Ms:0} ms ({result.Samples:N0} samples)");
        if (statistics is not null) Console.WriteLine($"{"",-42} stack: {statistics}");
        if (result.Failed > 0 && result.FirstError is not null) Console.WriteLine($"{"",-42} first sipp error: {result.FirstError}");
    }

    internal static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
