using System.Net;
using System.Security.Cryptography;

namespace RealEstateCrm.Telephony.Media;

/// <summary>The RFC 3264 offer/answer model for one audio stream of G.711 plus RFC 4733 events.</summary>
public static class OfferAnswer
{
    public const int DefaultTelephoneEventPayloadType = 101;
    private const string TelephoneEvent = "telephone-event";

    /// <summary>An offer for an outgoing leg: our codecs in order of preference, telephone-event, ptime 20.
    /// A hold re-offer is the same with <see cref="MediaDirection.SendOnly"/> (or inactive) and a higher version.</summary>
    public static SessionDescription CreateOffer(IPEndPoint local, IReadOnlyList<AudioCodec>? codecs = null,
        MediaDirection direction = MediaDirection.SendRecv, ulong? sessionId = null, ulong version = 1)
    {
        codecs ??= AudioCodec.All;
        var formats = codecs.Select(c => c.StaticPayloadType.ToString()).Append(DefaultTelephoneEventPayloadType.ToString()).ToList();
        var attributes = codecs.Select(c => new SdpAttribute("rtpmap", $"{c.StaticPayloadType} {c.Name}/{AudioCodec.ClockRate}")).ToList();
        attributes.AddRange(TelephoneEventAttributes(DefaultTelephoneEventPayloadType));
        attributes.Add(new SdpAttribute("ptime", "20"));
        attributes.Add(new SdpAttribute(direction.ToAttribute()));
        return Description(local, sessionId, version, new SdpMedia { Media = "audio", Port = local.Port, Protocol = "RTP/AVP", Formats = formats, Attributes = attributes });
    }

    /// <summary>Answers an offer: the first audio stream over RTP/AVP with a codec we speak is accepted, with the
    /// offer's first such codec (the offerer's preference) and its telephone-event; every other stream is refused
    /// with port 0 as RFC 3264 §6 requires. Our direction mirrors the offer's (sendonly → recvonly: the peer holds
    /// us), narrowed by <paramref name="localDirection"/> when we hold. Throws <see cref="SdpNegotiationException"/>
    /// when no stream is acceptable.</summary>
    public static (SessionDescription Answer, NegotiatedMedia Media) Answer(SessionDescription offer, IPEndPoint local,
        IReadOnlyList<AudioCodec>? supported = null, MediaDirection localDirection = MediaDirection.SendRecv, ulong? sessionId = null)
    {
        supported ??= AudioCodec.All;
        NegotiatedMedia? accepted = null;
        var answerSections = new List<SdpMedia>();
        foreach (var offered in offer.Media)
        {
            if (accepted is null && IsAudioRtp(offered) && ChooseCodec(offered, supported) is { } choice)
            {
                var telephoneEvent = FindTelephoneEvent(offered);
                var offeredDirection = EffectiveDirection(offer, offered);
                var direction = Narrow(offeredDirection.Reverse(), localDirection);
                accepted = new NegotiatedMedia(choice.Codec, choice.PayloadType, telephoneEvent, RemoteOf(offer, offered), direction);
                answerSections.Add(AnswerSection(offered, local.Port, choice, telephoneEvent, direction));
            }
            else
                answerSections.Add(new SdpMedia { Media = offered.Media, Port = 0, Protocol = offered.Protocol, Formats = [.. offered.Formats] });
        }
        if (accepted is null)
        {
            var offeredCodecs = offer.Media.SelectMany(m => m.Formats.Select(f => int.TryParse(f, out var pt) && m.RtpMap(pt) is { } map ? $"{f} ({map.Encoding})" : f));
            throw new SdpNegotiationException(
                $"SDP offer: no audio stream with a codec we speak; offered {string.Join(", ", offeredCodecs)}; supported {string.Join(", ", supported)}");
        }
        var answer = Description(local, sessionId, 1, null);
        answer.Media.AddRange(answerSections);
        return (answer, accepted);
    }

    /// <summary>The offerer's side: what the peer's answer to our offer agreed.</summary>
    public static NegotiatedMedia ReadAnswer(SessionDescription answer)
    {
        var media = answer.Media.FirstOrDefault(m => IsAudioRtp(m) && m.Port != 0)
            ?? throw new SdpNegotiationException("SDP answer: the audio stream was refused (port 0) or is missing");
        var choice = ChooseCodec(media, AudioCodec.All)
            ?? throw new SdpNegotiationException($"SDP answer: none of the formats {string.Join(' ', media.Formats)} is PCMU or PCMA");
        var direction = EffectiveDirection(answer, media).Reverse();
        return new NegotiatedMedia(choice.Codec, choice.PayloadType, FindTelephoneEvent(media), RemoteOf(answer, media), direction);
    }

    private static bool IsAudioRtp(SdpMedia media) =>
        media.Media == "audio" && media.Port != 0 && media.Protocol.Equals("RTP/AVP", StringComparison.OrdinalIgnoreCase);

    private static (AudioCodec Codec, int PayloadType)? ChooseCodec(SdpMedia media, IReadOnlyList<AudioCodec> supported)
    {
        foreach (var format in media.Formats)
        {
            if (!int.TryParse(format, out var pt) || media.RtpMap(pt) is not { } map || map.ClockRate != AudioCodec.ClockRate) continue;
            if (AudioCodec.FromName(map.Encoding) is { } codec && supported.Contains(codec)) return (codec, pt);
        }
        return null;
    }

    private static int? FindTelephoneEvent(SdpMedia media)
    {
        foreach (var format in media.Formats)
            if (int.TryParse(format, out var pt) && media.RtpMap(pt) is { } map && map.Encoding.Equals(TelephoneEvent, StringComparison.OrdinalIgnoreCase) && map.ClockRate == AudioCodec.ClockRate)
                return pt;
        return null;
    }

    /// <summary>The writer's direction; a connection address of 0.0.0.0 is the RFC 2543 hold (do not send to me).</summary>
    private static MediaDirection EffectiveDirection(SessionDescription sdp, SdpMedia media)
    {
        var direction = media.Direction ?? sdp.Direction ?? MediaDirection.SendRecv;
        if ((media.ConnectionAddress ?? sdp.ConnectionAddress) == "0.0.0.0")
            direction = direction.Sends() ? MediaDirection.SendOnly : MediaDirection.Inactive;
        return direction;
    }

    private static MediaDirection Narrow(MediaDirection a, MediaDirection b)
    {
        var sends = a.Sends() && b.Sends();
        var receives = a.Receives() && b.Receives();
        return (sends, receives) switch
        {
            (true, true) => MediaDirection.SendRecv,
            (true, false) => MediaDirection.SendOnly,
            (false, true) => MediaDirection.RecvOnly,
            _ => MediaDirection.Inactive,
        };
    }

    private static IPEndPoint? RemoteOf(SessionDescription sdp, SdpMedia media)
    {
        var address = media.ConnectionAddress ?? sdp.ConnectionAddress
            ?? throw new SdpFormatException("SDP: no c= line at session level nor in the audio section");
        if (!IPAddress.TryParse(address, out var ip))
            throw new SdpFormatException($"SDP: c= address \"{address}\" is not an IP address");
        return ip.Equals(IPAddress.Any) || media.Port == 0 ? null : new IPEndPoint(ip, media.Port);
    }

    private static SdpMedia AnswerSection(SdpMedia offered, int port, (AudioCodec Codec, int PayloadType) choice, int? telephoneEvent, MediaDirection direction)
    {
        var formats = new List<string> { choice.PayloadType.ToString() };
        var attributes = new List<SdpAttribute> { new("rtpmap", $"{choice.PayloadType} {choice.Codec.Name}/{AudioCodec.ClockRate}") };
        if (telephoneEvent is { } te)
        {
            formats.Add(te.ToString());
            attributes.AddRange(TelephoneEventAttributes(te));
        }
        attributes.Add(new SdpAttribute("ptime", "20"));
        attributes.Add(new SdpAttribute(direction.ToAttribute()));
        return new SdpMedia { Media = offered.Media, Port = port, Protocol = offered.Protocol, Formats = formats, Attributes = attributes };
    }

    private static IEnumerable<SdpAttribute> TelephoneEventAttributes(int payloadType) =>
        [new("rtpmap", $"{payloadType} {TelephoneEvent}/{AudioCodec.ClockRate}"), new("fmtp", $"{payloadType} 0-16")];

    private static SessionDescription Description(IPEndPoint local, ulong? sessionId, ulong version, SdpMedia? media)
    {
        var sdp = new SessionDescription
        {
            OriginUser = "crm",
            SessionId = sessionId ?? (ulong)RandomNumberGenerator.GetInt32(int.MaxValue),
            SessionVersion = version,
            OriginAddress = local.Address.ToString(),
            ConnectionAddress = local.Address.ToString(),
        };
        if (media is not null) sdp.Media.Add(media);
        return sdp;
    }
}
