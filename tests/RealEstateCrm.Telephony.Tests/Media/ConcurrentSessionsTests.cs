using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class ConcurrentSessionsTests : MediaTest
{
    [Fact]
    public async Task A_hundred_concurrent_calls_lose_less_than_one_percent_of_their_packets()
    {
        var calls = Enumerable.Range(0, 100).Select(i => Bed.Call(i % 2 == 0 ? [AudioCodec.Pcmu] : [AudioCodec.Pcma])).ToList();
        var tone = MediaTestBed.Tone(440, TimeSpan.FromSeconds(2));

        await Task.WhenAll(calls.SelectMany(c => new[]
        {
            Bed.Player.PlayAsync(c.Offerer, tone, bargeIn: false, cancellationToken: Ct),
            Bed.Player.PlayAsync(c.Answerer, tone, bargeIn: false, cancellationToken: Ct),
        }));
        var sessions = calls.SelectMany(c => new[] { c.Offerer, c.Answerer }).ToList();
        var sent = sessions.Sum(s => s.PacketsSent);
        await Eventually.True(() => sessions.Sum(s => s.ReceiveStatistics.Received) >= sent * 0.99);

        Assert.Equal(200 * 100, sent);
        var received = sessions.Sum(s => s.ReceiveStatistics.Received);
        Assert.True(received >= sent * 0.99, $"received {received} of {sent} packets");
        Assert.Equal(0, Bed.Clock.HandlerFailures);
    }
}
