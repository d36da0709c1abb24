using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace RealEstateCrm.Telephony.Media;

/// <summary>One RTP/RTCP session over UDP: a port pair, our outgoing stream (SSRC, sequence, timestamps that
/// follow the <see cref="MediaClock"/>) and what we receive (decoded frames, RFC 4733 digits, RFC 3550
/// statistics, the peer's RTCP reports). RTP is symmetric: it sends to where the peer's packets come from, so it
/// works behind Kamailio, NAT and with sipp whatever the SDP said.
/// Sending is meant for the clock thread (one frame per tick, from a <see cref="PromptPlayer"/> or
/// <see cref="MediaBridge"/>); receiving runs on its own loop.</summary>
public sealed class RtpSession : IAsyncDisposable
{
    private readonly MediaClock _clock;
    private readonly RtpSessionOptions _options;
    private readonly Socket _rtp, _rtcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _rtpLoop, _rtcpLoop;
    private readonly IDisposable _tick;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly long _rtcpEveryTicks;
    private readonly string _canonicalName;

    private readonly object _receiveGate = new();
    private readonly ReceiveStatistics _statistics = new();
    private readonly DtmfReceiver _dtmf = new();
    private readonly Queue<AudioFrame> _frames = new();
    private readonly Channel<char> _digits = Channel.CreateUnbounded<char>();

    private readonly object _sendGate = new();
    private readonly uint _timestampBase = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private readonly Queue<PendingDigit> _digitsToSend = new();
    private PendingDigit? _sendingDigit;
    private ushort _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue);
    private uint _lastTimestamp;
    private bool _sentAny;
    private long _packetsSent, _octetsSent;

    private volatile IPEndPoint? _remote;
    private volatile IPEndPoint? _remoteRtcp;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private ReceptionReport? _remoteReport;
    private long _malformed, _unknownPayload, _overflowed, _transcoded;
    private volatile bool _disposed;

    public RtpSession(MediaClock clock, RtpPortRange ports, RtpSessionOptions? options = null)
    {
        _clock = clock;
        _options = options ?? new RtpSessionOptions();
        (_rtp, _rtcp) = ports.BindPair();
        Ssrc = (uint)RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);
        _canonicalName = _options.CanonicalName ?? $"crm-{Ssrc:x8}@{ports.Address}";
        _rtcpEveryTicks = Math.Max(1, _options.RtcpInterval.Ticks / MediaClock.FrameDuration.Ticks);
        _rtpLoop = Task.Run(() => ReceiveAsync(_rtp, OnRtp));
        _rtcpLoop = Task.Run(() => ReceiveAsync(_rtcp, OnRtcp));
        _tick = clock.Subscribe(OnTick);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_rtp.LocalEndPoint!;
    public IPEndPoint LocalRtcpEndPoint => (IPEndPoint)_rtcp.LocalEndPoint!;

    /// <summary>Where RTP goes: from the SDP at first, then wherever the peer's packets come from.</summary>
    public IPEndPoint? RemoteEndPoint => _remote;

    public uint Ssrc { get; }
    public AudioCodec Codec { get; private set; } = AudioCodec.Pcmu;
    public int PayloadType { get; private set; } = AudioCodec.Pcmu.StaticPayloadType;
    public int? TelephoneEventPayloadType { get; private set; } = OfferAnswer.DefaultTelephoneEventPayloadType;
    public MediaDirection Direction { get; private set; } = MediaDirection.SendRecv;

    /// <summary>Digits received (RFC 4733), one per key press, in order, for whoever runs the call's current step.</summary>
    public ChannelReader<char> Digits => _digits.Reader;

    /// <summary>Raised on the receive loop for every digit as it arrives (observers; <see cref="Digits"/> still gets it).</summary>
    public event Action<char>? DigitReceived;

    public long PacketsSent => Interlocked.Read(ref _packetsSent);
    public long OctetsSent => Interlocked.Read(ref _octetsSent);

    /// <summary>Datagrams on the RTP or RTCP port that were neither: dropped and counted.</summary>
    public long MalformedPackets => Interlocked.Read(ref _malformed);

    /// <summary>RTP with a payload type we neither negotiated nor know (comfort noise, video): dropped.</summary>
    public long UnknownPayloadPackets => Interlocked.Read(ref _unknownPayload);

    /// <summary>Received frames dropped because nobody read them in time.</summary>
    public long OverflowedFrames => Interlocked.Read(ref _overflowed);

    /// <summary>Frames sent in our codec that arrived in the other one (PCMU↔PCMA).</summary>
    public long TranscodedFrames => Interlocked.Read(ref _transcoded);

    /// <summary>The last report block the peer's RTCP gave about our stream.</summary>
    public ReceptionReport? RemoteReport
    {
        get { lock (_receiveGate) return _remoteReport; }
    }

    public bool ByeReceived { get; private set; }

    public ReceiveSnapshot ReceiveStatistics
    {
        get { lock (_receiveGate) return _statistics.Snapshot(); }
    }

    /// <summary>Uses what offer/answer agreed: codec, payload types, the peer's address, direction (hold).</summary>
    public void Apply(NegotiatedMedia media)
    {
        lock (_sendGate)
        {
            Codec = media.Codec;
            PayloadType = media.PayloadType;
            TelephoneEventPayloadType = media.TelephoneEventPayloadType;
            Direction = media.Direction;
        }
        _remote = media.Remote;
        _remoteRtcp = null;
    }

    /// <summary>Sets the peer's RTP address (its RTCP is assumed one port above until its RTCP arrives).</summary>
    public void SetRemote(IPEndPoint remote)
    {
        _remote = remote;
        _remoteRtcp = null;
    }

    /// <summary>The oldest received frame not yet read.</summary>
    public bool TryReadFrame(out AudioFrame frame)
    {
        lock (_receiveGate) return _frames.TryDequeue(out frame!);
    }

    /// <summary>Received frames waiting to be read.</summary>
    public int QueuedFrames
    {
        get { lock (_receiveGate) return _frames.Count; }
    }

    /// <summary>Drops received audio not yet read (e.g. what the caller said over the prompt before a recording starts).</summary>
    public void DiscardReceivedAudio()
    {
        lock (_receiveGate) _frames.Clear();
    }

    /// <summary>Sends one frame of linear samples in our codec.</summary>
    public void Send(ReadOnlySpan<short> samples) => SendAudio(Codec.Encode(samples), samples.Length);

    /// <summary>Sends a received frame on: its payload as it is when the codecs match, transcoded when they differ.</summary>
    public void Send(AudioFrame frame)
    {
        if (frame.Codec == Codec)
        {
            SendAudio(frame.Payload, frame.Samples.Length);
            return;
        }
        Interlocked.Increment(ref _transcoded);
        SendAudio(Codec.Encode(frame.Samples), frame.Samples.Length);
    }

    /// <summary>Sends a digit as RFC 4733 events (one update per 20 ms, the end packet three times);
    /// audio sent meanwhile is held back. Completes when the end packets are out.</summary>
    public Task SendDigitAsync(char digit, TimeSpan? duration = null)
    {
        if (TelephoneEventPayloadType is null)
            throw new InvalidOperationException("the peer did not negotiate telephone-event: no RFC 4733 payload type to send digits with");
        var pending = new PendingDigit(DtmfEvent.EventFor(digit),
            (int)Math.Max(1, (duration ?? TimeSpan.FromMilliseconds(100)).Ticks / MediaClock.FrameDuration.Ticks));
        lock (_sendGate) _digitsToSend.Enqueue(pending);
        return pending.Sent.Task;
    }

    private void SendAudio(byte[] payload, int samples)
    {
        lock (_sendGate)
        {
            if (_sendingDigit is not null || !Direction.Sends()) return;
            var timestamp = NextTimestamp(samples);
            SendRtp(!_sentAny, PayloadType, timestamp, payload);
            _lastTimestamp = timestamp + (uint)samples - (uint)MediaClock.SamplesPerFrame;
        }
    }

    /// <summary>The timestamp of the sample now due by the clock, or just after the previous packet's samples if
    /// that is later (two frames within one tick): RTP time keeps real time across gaps with nothing sent.</summary>
    private uint NextTimestamp(int samples)
    {
        var due = _timestampBase + (uint)(_clock.Tick * MediaClock.SamplesPerFrame);
        if (!_sentAny) return due;
        var afterPrevious = _lastTimestamp + MediaClock.SamplesPerFrame;
        return (int)(due - afterPrevious) >= 0 ? due : afterPrevious;
    }

    private void SendRtp(bool marker, int payloadType, uint timestamp, byte[] payload)
    {
        if (_remote is not { } remote || _disposed) return;
        var packet = new RtpPacket(marker, payloadType, _sequence++, timestamp, Ssrc, payload);
        Span<byte> buffer = stackalloc byte[RtpPacket.HeaderSize + payload.Length];
        packet.WriteTo(buffer);
        try { _rtp.SendTo(buffer, SocketFlags.None, remote); }
        catch (SocketException) { return; } // the peer's port is gone (ICMP unreachable): media is best effort
        catch (ObjectDisposedException) { return; }
        _sentAny = true;
        _lastTimestamp = timestamp;
        Interlocked.Increment(ref _packetsSent);
        Interlocked.Add(ref _octetsSent, payload.Length);
    }

    private void OnTick(long tick)
    {
        lock (_sendGate) SendDigitStep();
        if (tick % _rtcpEveryTicks == 0) SendRtcp(bye: false);
    }

    private void SendDigitStep()
    {
        if (_sendingDigit is null)
        {
            if (!_digitsToSend.TryDequeue(out var next)) return;
            _sendingDigit = next;
            next.Timestamp = NextTimestamp(MediaClock.SamplesPerFrame);
        }
        var digit = _sendingDigit;
        digit.TicksSent++;
        var end = digit.TicksSent >= digit.Ticks;
        var dtmf = new DtmfEvent(digit.Event, end, 10, (ushort)Math.Min(ushort.MaxValue, digit.TicksSent * MediaClock.SamplesPerFrame));
        var payload = dtmf.ToArray();
        for (var copy = 0; copy < (end ? 3 : 1); copy++)
            SendRtp(digit.TicksSent == 1 && copy == 0, TelephoneEventPayloadType ?? OfferAnswer.DefaultTelephoneEventPayloadType, digit.Timestamp, payload);
        if (!end) return;
        // The next audio packet continues after the event's duration.
        _lastTimestamp = digit.Timestamp + (uint)((digit.TicksSent - 1) * MediaClock.SamplesPerFrame);
        _sendingDigit = null;
        digit.Sent.TrySetResult();
    }

    /// <summary>Hands every datagram on the socket to the handler until the session closes; a socket error on one
    /// datagram (an ICMP unreachable reported late) does not end the loop.</summary>
    private async Task ReceiveAsync(Socket socket, Action<ReadOnlyMemory<byte>, IPEndPoint> onDatagram)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try { received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) { continue; }
            onDatagram(buffer.AsMemory(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint);
        }
    }

    private void OnRtp(ReadOnlyMemory<byte> datagram, IPEndPoint source)
    {
        if (!RtpPacket.TryParse(datagram, out var packet))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }
        if (!source.Equals(_remote))
        {
            _remote = source;
            _remoteRtcp = null;
        }
        var isEvent = packet.PayloadType == TelephoneEventPayloadType;
        var arrival = (long)(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds * AudioCodec.ClockRate);
        char? digit;
        lock (_receiveGate)
        {
            _statistics.Record(packet.SequenceNumber, packet.Timestamp, packet.Ssrc, arrival, timedAudio: !isEvent);
            digit = isEvent ? _dtmf.Receive(packet) : null;
        }
        if (isEvent)
        {
            if (digit is { } d)
            {
                _digits.Writer.TryWrite(d);
                DigitReceived?.Invoke(d);
            }
            return;
        }
        var codec = packet.PayloadType == PayloadType ? Codec : AudioCodec.FromStaticPayloadType(packet.PayloadType);
        if (codec is null)
        {
            Interlocked.Increment(ref _unknownPayload);
            return;
        }
        var payload = packet.Payload.ToArray();
        var frame = new AudioFrame(codec.Decode(payload), codec, payload);
        lock (_receiveGate)
        {
            if (_frames.Count >= _options.ReceiveQueueFrames)
            {
                _frames.Dequeue();
                Interlocked.Increment(ref _overflowed);
            }
            _frames.Enqueue(frame);
        }
    }

    private void OnRtcp(ReadOnlyMemory<byte> datagram, IPEndPoint source)
    {
        if (!RtcpPacket.TryParse(datagram.Span, out var rtcp))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }
        _remoteRtcp = source;
        if (rtcp.Sender is { } sender)
        {
            Volatile.Write(ref _lastSenderReport, sender.Middle32);
            Interlocked.Exchange(ref _lastSenderReportArrival, Stopwatch.GetTimestamp());
        }
        if (rtcp.Reports.FirstOrDefault(r => r.Ssrc == Ssrc) is { Ssrc: not 0 } report)
            lock (_receiveGate) _remoteReport = report;
        if (rtcp.Bye) ByeReceived = true;
    }

    private void SendRtcp(bool bye)
    {
        var target = _remoteRtcp ?? (_remote is { } rtp ? new IPEndPoint(rtp.Address, rtp.Port + 1) : null);
        if (target is null) return;
        SenderInfo? sender;
        lock (_sendGate)
            sender = _sentAny
                ? new SenderInfo(SenderInfo.ToNtp(DateTime.UtcNow), _timestampBase + (uint)(_clock.Tick * MediaClock.SamplesPerFrame),
                    (uint)PacketsSent, (uint)OctetsSent)
                : null;
        List<ReceptionReport> reports = [];
        lock (_receiveGate)
        {
            if (_statistics.Ssrc is not null)
            {
                var lsr = Volatile.Read(ref _lastSenderReport);
                var since = lsr == 0 ? 0 : (uint)(Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastSenderReportArrival)).TotalSeconds * 65536);
                reports.Add(_statistics.NextReport(lsr, since));
            }
        }
        var packet = new RtcpPacket(Ssrc, sender, reports, _canonicalName, bye);
        try { _rtcp.SendTo(packet.ToArray(), SocketFlags.None, target); }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
    }

    /// <summary>Says BYE over RTCP, stops the loops and frees the ports.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _tick.Dispose();
        SendRtcp(bye: true);
        _disposed = true;
        _stop.Cancel();
        _rtp.Dispose();
        _rtcp.Dispose();
        await Task.WhenAll(_rtpLoop, _rtcpLoop).ConfigureAwait(false);
        _digits.Writer.TryComplete();
        lock (_sendGate)
        {
            foreach (var pending in _digitsToSend.Append(_sendingDigit).OfType<PendingDigit>())
                pending.Sent.TrySetCanceled();
        }
        _stop.Dispose();
    }

    private sealed class PendingDigit(int dtmfEvent, int ticks)
    {
        public int Event { get; } = dtmfEvent;
        public int Ticks { get; } = ticks;
        public int TicksSent { get; set; }
        public uint Timestamp { get; set; }
        public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
