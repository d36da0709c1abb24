namespace RealEstateCrm.Telephony.Media;

/// <summary>One "m=" section with its own c=, b= and a= lines (RFC 4566 §5.14).</summary>
public sealed class SdpMedia
{
    public required string Media { get; set; }
    public required int Port { get; set; }
    public int? PortCount { get; set; }
    public required string Protocol { get; set; }
    public List<string> Formats { get; init; } = [];
    public string? ConnectionAddress { get; set; }
    public List<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>Lines we carry but do not interpret (i=, b=, k=), as type and value, in order.</summary>
    public List<(char Type, string Value)> OtherLines { get; init; } = [];

    /// <summary>The direction attribute, if the section has one.</summary>
    public MediaDirection? Direction => Attributes.Select(a => MediaDirectionExtensions.FromAttribute(a.Name)).FirstOrDefault(d => d is not null);

    /// <summary>Encoding name and clock rate for a payload type: from a=rtpmap, else the RFC 3551 static table.</summary>
    public (string Encoding, int ClockRate)? RtpMap(int payloadType)
    {
        foreach (var attribute in Attributes.Where(a => a.Name.Equals("rtpmap", StringComparison.OrdinalIgnoreCase) && a.Value is not null))
        {
            var parts = attribute.Value!.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !int.TryParse(parts[0], out var pt) || pt != payloadType) continue;
            var encoding = parts[1].Split('/');
            return (encoding[0], encoding.Length > 1 && int.TryParse(encoding[1], out var rate) ? rate : 0);
        }
        return AudioCodec.FromStaticPayloadType(payloadType) is { } codec && payloadType < 96 ? (codec.Name, AudioCodec.ClockRate) : null;
    }
}
