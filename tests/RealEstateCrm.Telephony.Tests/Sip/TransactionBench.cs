using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Transactions;
using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Tests.Sip;

/// <summary>A transaction's surroundings on a fake clock: what it sends is recorded with the time it was sent.</summary>
internal sealed class TransactionBench
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    public List<(TimeSpan At, SipMessage Message)> Sent { get; } = [];
    public SipStatistics Statistics { get; } = new();
    public bool Ended { get; private set; }
    private readonly DateTimeOffset _start;

    public TransactionBench() => _start = Time.GetUtcNow();

    public SipTransactionContext Context => new(SipTimerSettings.Default, Time, (m, _) => Sent.Add((Time.GetUtcNow() - _start, m)), Statistics, _ => Ended = true);

    public static SipPeer Udp => new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5070));
    public static SipPeer Tcp => new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 5070));

    public IEnumerable<double> SecondsWhen(Func<SipMessage, bool> which) => Sent.Where(s => which(s.Message)).Select(s => s.At.TotalSeconds);

    public void Run(TimeSpan span)
    {
        // Step in 100 ms so each timer fires at its own time rather than all at the end.
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += TimeSpan.FromMilliseconds(100))
            Time.Advance(TimeSpan.FromMilliseconds(100));
    }

    public static SipRequest Request(string method) => (SipRequest)SipParser.Parse(Encoding.UTF8.GetBytes(
        $"{method} sip:agent@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKtimer\r\n" +
        $"From: <sip:caller@127.0.0.1>;tag=c\r\nTo: <sip:agent@127.0.0.1>\r\nCall-ID: timers\r\nCSeq: 1 {method}\r\nContent-Length: 0\r\n\r\n")).Message!;

    public static SipResponse Response(SipRequest request, int status) => request.CreateResponse(status, toTag: "callee");
}
