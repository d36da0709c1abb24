using System.Net;

namespace RealEstateCrm.Telephony.Media;

/// <summary>What offer/answer agreed for the audio stream, ready for <see cref="RtpSession.Apply"/>.</summary>
/// <param name="Codec">PCMU or PCMA.</param>
/// <param name="PayloadType">The payload type the codec goes under (the offer's number for it).</param>
/// <param name="TelephoneEventPayloadType">RFC 4733 events' payload type, or null when the peer offered none.</param>
/// <param name="Remote">Where to send RTP; null while the peer asked for none (port 0, or a 0.0.0.0 hold).</param>
/// <param name="Direction">Our direction: whether we send and whether we expect to receive.</param>
public sealed record NegotiatedMedia(AudioCodec Codec, int PayloadType, int? TelephoneEventPayloadType, IPEndPoint? Remote, MediaDirection Direction);
