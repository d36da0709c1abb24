using System.Net;
using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class RtpPortRangeTests
{
    [Fact]
    public async Task Sessions_take_even_rtp_ports_with_rtcp_above_from_the_range_until_it_is_exhausted()
    {
        // A fixed spot in the dynamic range, away from the ephemeral ports the OS hands out (32768-60999 on Linux).
        var first = 61000 + 10 * new Random(42).Next(0, 400);
        var range = new RtpPortRange(IPAddress.Loopback, first + 1, first + 5);
        using var clock = new MediaClock();
        await using var a = new RtpSession(clock, range);
        await using var b = new RtpSession(clock, range);

        Assert.Equal([first + 2, first + 4], new[] { a.LocalEndPoint.Port, b.LocalEndPoint.Port }.Order());
        Assert.Equal(a.LocalEndPoint.Port + 1, a.LocalRtcpEndPoint.Port);
        var error = Assert.Throws<InvalidOperationException>(() => new RtpSession(clock, range));
        Assert.Contains($"every RTP port pair in {first + 2}-{first + 5}", error.Message);
    }

    [Fact]
    public async Task A_freed_pair_is_handed_out_again()
    {
        var first = 61000 + 10 * new Random(7).Next(0, 400);
        var range = new RtpPortRange(IPAddress.Loopback, first, first + 1);
        using var clock = new MediaClock();
        var port = 0;
        await using (var a = new RtpSession(clock, range)) port = a.LocalEndPoint.Port;
        await using var b = new RtpSession(clock, range);
        Assert.Equal(port, b.LocalEndPoint.Port);
    }
}
