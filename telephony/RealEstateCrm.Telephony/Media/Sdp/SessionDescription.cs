using System.Text;

namespace RealEstateCrm.Telephony.Media;

/// <summary>An SDP session description (RFC 4566): parsed leniently where peers differ (LF or CRLF, unknown
/// lines kept), strictly where meaning depends on it (v=, o=, c=, m= fields), serialised in the RFC's order.</summary>
public sealed class SessionDescription
{
    public int Version { get; set; }
    public string OriginUser { get; set; } = "-";
    public ulong SessionId { get; set; }
    public ulong SessionVersion { get; set; }
    public string OriginAddress { get; set; } = "127.0.0.1";
    public string SessionName { get; set; } = "-";
    public string? ConnectionAddress { get; set; }
    public string Timing { get; set; } = "0 0";
    public List<SdpAttribute> Attributes { get; init; } = [];
    public List<SdpMedia> Media { get; init; } = [];

    /// <summary>Session lines we carry but do not interpret (i=, u=, e=, p=, b=, r=, z=, k=), in order.</summary>
    public List<(char Type, string Value)> OtherLines { get; init; } = [];

    /// <summary>The session-level direction attribute, the default for media sections without one.</summary>
    public MediaDirection? Direction => Attributes.Select(a => MediaDirectionExtensions.FromAttribute(a.Name)).FirstOrDefault(d => d is not null);

    public static SessionDescription Parse(string text)
    {
        var sdp = new SessionDescription();
        SdpMedia? media = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var number = 0;
        var sawVersion = false;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
                throw new SdpFormatException($"SDP line {number}: \"{Shorten(line)}\" is not type=value");
            var type = line[0];
            var value = line[2..];
            if (!sawVersion && type != 'v') throw new SdpFormatException($"SDP line {number}: the first line must be v=, found {type}=");
            switch (type)
            {
                case 'v':
                    if (value != "0") throw new SdpFormatException($"SDP line {number}: v={value}, only version 0 exists");
                    sawVersion = true;
                    break;
                case 'o':
                    ParseOrigin(sdp, value, number);
                    break;
                case 's' when media is null:
                    sdp.SessionName = value;
                    break;
                case 'c':
                    var address = ParseConnection(value, number);
                    if (media is null) sdp.ConnectionAddress = address;
                    else media.ConnectionAddress = address;
                    break;
                case 't' when media is null:
                    sdp.Timing = value;
                    break;
                case 'm':
                    media = ParseMedia(value, number);
                    sdp.Media.Add(media);
                    break;
                case 'a':
                    (media?.Attributes ?? sdp.Attributes).Add(SdpAttribute.Parse(value));
                    break;
                default:
                    (media?.OtherLines ?? sdp.OtherLines).Add((type, value));
                    break;
            }
        }
        if (!sawVersion) throw new SdpFormatException("SDP: empty body, v= expected");
        return sdp;
    }

    private static void ParseOrigin(SessionDescription sdp, string value, int number)
    {
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
            throw new SdpFormatException($"SDP line {number}: o= has {fields.Length} fields, 6 expected (username sess-id sess-version nettype addrtype address)");
        if (!ulong.TryParse(fields[1], out var id)) throw new SdpFormatException($"SDP line {number}: o= sess-id \"{fields[1]}\" is not a number");
        if (!ulong.TryParse(fields[2], out var version)) throw new SdpFormatException($"SDP line {number}: o= sess-version \"{fields[2]}\" is not a number");
        sdp.OriginUser = fields[0];
        sdp.SessionId = id;
        sdp.SessionVersion = version;
        sdp.OriginAddress = fields[5];
    }

    private static string ParseConnection(string value, int number)
    {
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3 || fields[0] != "IN")
            throw new SdpFormatException($"SDP line {number}: c= must be \"IN IP4|IP6 address\", found \"{Shorten(value)}\"");
        if (fields[1] is not ("IP4" or "IP6")) throw new SdpFormatException($"SDP line {number}: c= address type {fields[1]}, IP4 or IP6 expected");
        // A multicast TTL suffix (addr/ttl) does not concern unicast telephony; keep the address.
        return fields[2].Split('/')[0];
    }

    private static SdpMedia ParseMedia(string value, int number)
    {
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3) throw new SdpFormatException($"SDP line {number}: m= needs media, port and protocol, found \"{Shorten(value)}\"");
        var port = fields[1].Split('/');
        if (!int.TryParse(port[0], out var portNumber) || portNumber is < 0 or > 65535)
            throw new SdpFormatException($"SDP line {number}: m= port \"{fields[1]}\" is not 0-65535");
        int? count = null;
        if (port.Length > 1)
            count = int.TryParse(port[1], out var c) && c > 0 ? c : throw new SdpFormatException($"SDP line {number}: m= port count \"{port[1]}\" is not a positive number");
        return new SdpMedia { Media = fields[0], Port = portNumber, PortCount = count, Protocol = fields[2], Formats = [.. fields[3..]] };
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>The description with CRLF line ends, in RFC 4566 order.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        void Line(char type, string value) => text.Append(type).Append('=').Append(value).Append("\r\n");
        void Others(List<(char Type, string Value)> lines, string types)
        {
            foreach (var (type, value) in lines.Where(l => types.Contains(l.Type))) Line(type, value);
        }

        Line('v', Version.ToString());
        Line('o', $"{OriginUser} {SessionId} {SessionVersion} IN {AddressType(OriginAddress)} {OriginAddress}");
        Line('s', SessionName);
        Others(OtherLines, "iuep");
        if (ConnectionAddress is not null) Line('c', $"IN {AddressType(ConnectionAddress)} {ConnectionAddress}");
        Others(OtherLines, "b");
        Line('t', Timing);
        Others(OtherLines, "rzk");
        foreach (var (type, value) in OtherLines.Where(l => !"iuepbrzk".Contains(l.Type))) Line(type, value);
        foreach (var attribute in Attributes) Line('a', attribute.ToString());
        foreach (var media in Media)
        {
            var port = media.PortCount is { } count ? $"{media.Port}/{count}" : media.Port.ToString();
            Line('m', string.Join(' ', [media.Media, port, media.Protocol, .. media.Formats]));
            Others(media.OtherLines, "i");
            if (media.ConnectionAddress is not null) Line('c', $"IN {AddressType(media.ConnectionAddress)} {media.ConnectionAddress}");
            Others(media.OtherLines, "bk");
            foreach (var attribute in media.Attributes) Line('a', attribute.ToString());
        }
        return text.ToString();
    }

    private static string AddressType(string address) => address.Contains(':') ? "IP6" : "IP4";
}
