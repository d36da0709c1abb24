using System.Net;
using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

/// <summary>A media clock and real UDP sessions on 127.0.0.1 (ephemeral ports), all closed at the end of the test.</summary>
public sealed class MediaTestBed : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<IDisposable> _subscriptions = [];

    public MediaClock Clock { get; } = new();
    public RtpPortRange Ports { get; } = RtpPortRange.Ephemeral(IPAddress.Loopback);
    public PromptPlayer Player => new(Clock);

    public RtpSession Session(RtpSessionOptions? options = null)
    {
        var session = new RtpSession(Clock, Ports, options);
        _owned.Add(session);
        return session;
    }

    /// <summary>Two sessions that agreed codecs through a real SDP offer and answer; the offerer speaks
    /// <paramref name="offered"/>, the answerer picks the first of them it supports from <paramref name="answererSupports"/>.</summary>
    public (RtpSession Offerer, RtpSession Answerer) Call(IReadOnlyList<AudioCodec>? offered = null, IReadOnlyList<AudioCodec>? answererSupports = null)
    {
        var offerer = Session();
        var answerer = Session();
        var offer = OfferAnswer.CreateOffer(offerer.LocalEndPoint, offered);
        var (answer, answererMedia) = OfferAnswer.Answer(SessionDescription.Parse(offer.ToString()), answerer.LocalEndPoint, answererSupports);
        answerer.Apply(answererMedia);
        offerer.Apply(OfferAnswer.ReadAnswer(SessionDescription.Parse(answer.ToString())));
        return (offerer, answerer);
    }

    /// <summary>Everything the session receives from now on, as one sample stream.</summary>
    public Received Collect(RtpSession session)
    {
        var received = new Received();
        _subscriptions.Add(Clock.Subscribe(_ =>
        {
            while (session.TryReadFrame(out var frame)) received.Add(frame.Samples);
        }));
        return received;
    }

    public static Prompt Tone(double hz, TimeSpan duration) => new($"tone-{hz}", AudioMath.Tone(hz, duration));

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        foreach (var owned in _owned) await owned.DisposeAsync();
        Clock.Dispose();
    }

    public sealed class Received
    {
        private readonly List<short> _samples = [];

        public void Add(short[] frame)
        {
            lock (_samples) _samples.AddRange(frame);
        }

        public short[] Samples
        {
            get { lock (_samples) return [.. _samples]; }
        }

        public double ToneLevel(double hz) => AudioMath.ToneLevel(Samples, hz);
    }
}
