using System.Net;
using System.Net.Sockets;
using System.Text;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Calls;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.Telephony.Tests.Sip;

public sealed class MutationTests
{
    private const int Messages = 10_000;

    [Fact]
    public async Task Ten_thousand_mutated_messages_are_answered_or_dropped_and_counted_and_a_normal_call_still_completes()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var agent = TestCalls.StartAgent();
        using var sender = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        sender.Client.ReceiveBufferSize = 4 * 1024 * 1024;
        var badRequestsSeen = 0;
        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var listener = Task.Run(async () =>
        {
            while (!stopListening.IsCancellationRequested)
            {
                var datagram = await sender.ReceiveAsync(stopListening.Token);
                if (Encoding.UTF8.GetString(datagram.Buffer).StartsWith("SIP/2.0 400 ", StringComparison.Ordinal)) Interlocked.Increment(ref badRequestsSeen);
            }
        }, cancel);
        // A mutation may leave a valid INVITE: such calls are refused, as a busy agent would.
        var refuser = Task.Run(async () =>
        {
            await foreach (var call in agent.IncomingCalls.ReadAllAsync(stopListening.Token)) await call.RejectAsync(486);
        }, cancel);

        var mutator = new SipMutator(seed: 4475);
        for (var sent = 0; sent < Messages;)
        {
            for (var i = 0; i < 50 && sent < Messages; i++, sent++) await sender.SendAsync(mutator.Next(), agent.UdpEndPoint, cancel);
            // Keep to the pace of the stack so no datagram is lost in the socket buffer: the sums must be exact.
            await WaitUntil(() => agent.Statistics.Received >= sent, $"the stack to receive {sent} datagrams ({agent.Statistics})");
        }
        await WaitUntil(() => Volatile.Read(ref badRequestsSeen) == agent.Statistics.BadRequests, $"every 400 to arrive (seen {badRequestsSeen}; {agent.Statistics})");
        await WaitUntil(() => agent.IncomingCalls.Count == 0, "the refuser to take every mutated call");
        await stopListening.CancelAsync();
        // The refuser must be gone before the normal call comes, or it would refuse that one too.
        await Task.WhenAll(listener, refuser).ContinueWith(_ => { }, TaskScheduler.Default);

        var stats = agent.Statistics;
        TestContext.Current.TestOutputHelper?.WriteLine(stats.ToString());
        Assert.Equal(Messages, stats.Received);
        Assert.Equal(stats.Received, stats.Accepted + stats.BadRequests + stats.Dropped + stats.KeepAlives);
        Assert.Equal(0, stats.InternalErrors);
        Assert.True(stats.BadRequests > 1000, stats.ToString());
        Assert.True(stats.Dropped > 1000, stats.ToString());
        Assert.True(stats.Accepted > 1000, stats.ToString());

        await using var sipp = Sipp.Start("uac_basic.xml", agent.UdpEndPoint, "-s", "8001");
        var normal = await agent.NextCallAsync(sipp);
        await normal.AnswerAsync(TestCalls.Sdp).Within();
        Assert.Equal(CallEndReason.RemoteHangup, (await normal.Ended.Within()).Reason);
        await sipp.AssertSucceedsAsync();
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("timed out waiting for " + what);
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
