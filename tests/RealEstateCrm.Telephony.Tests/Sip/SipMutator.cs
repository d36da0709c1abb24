using System.Text;

namespace RealEstateCrm.Telephony.Tests.Sip;

/// <summary>Deterministic malformed and mutated SIP datagrams from a fixed seed: valid templates with bytes
/// flipped, lines cut, dropped, doubled or swapped, values replaced by junk, lying Content-Length, broken start
/// lines and line ends, and plain noise.</summary>
internal sealed class SipMutator(int seed)
{
    private readonly Random _random = new(seed);
    private int _serial;

    public byte[] Next()
    {
        var text = Template(++_serial);
        var mutations = 1 + _random.Next(2);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < mutations; i++) bytes = Mutate(bytes);
        return bytes;
    }

    private string Template(int serial)
    {
        var common = $"Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bKmut{serial}\r\nFrom: \"Mutant {serial}\" <sip:m{serial}@127.0.0.1>;tag=f{serial}\r\n";
        return _random.Next(6) switch
        {
            0 => $"INVITE sip:8001@127.0.0.1 SIP/2.0\r\n{common}To: <sip:8001@127.0.0.1>\r\nCall-ID: mut-{serial}\r\nCSeq: 1 INVITE\r\nContact: <sip:m@127.0.0.1:5099>\r\nMax-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: 49\r\n\r\nv=0\r\no=m 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 0\r\n",
            1 => $"REGISTER sip:127.0.0.1 SIP/2.0\r\n{common}To: <sip:m{serial}@127.0.0.1>\r\nCall-ID: mut-{serial}\r\nCSeq: 1 REGISTER\r\nContact: <sip:m@127.0.0.1:5099>;expires=60\r\nContent-Length: 0\r\n\r\n",
            2 => $"OPTIONS sip:8001@127.0.0.1 SIP/2.0\r\n{common}To: <sip:8001@127.0.0.1>\r\nCall-ID: mut-{serial}\r\nCSeq: 7 OPTIONS\r\nAccept: application/sdp\r\nContent-Length: 0\r\n\r\n",
            3 => $"BYE sip:8001@127.0.0.1 SIP/2.0\r\n{common}To: <sip:8001@127.0.0.1>;tag=t{serial}\r\nCall-ID: mut-{serial}\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n",
            4 => $"SIP/2.0 200 OK\r\n{common}To: <sip:8001@127.0.0.1>;tag=t{serial}\r\nCall-ID: mut-{serial}\r\nCSeq: 1 INVITE\r\nContact: <sip:8001@127.0.0.1>\r\nContent-Length: 0\r\n\r\n",
            _ => $"ACK sip:8001@127.0.0.1 SIP/2.0\r\n{common}To: <sip:8001@127.0.0.1>;tag=t{serial}\r\nCall-ID: mut-{serial}\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n",
        };
    }

    private byte[] Mutate(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split("\r\n").ToList();
        switch (_random.Next(14))
        {
            case 0:
                var flipped = (byte[])bytes.Clone();
                for (var i = _random.Next(1, 9); i > 0 && flipped.Length > 0; i--) flipped[_random.Next(flipped.Length)] = (byte)_random.Next(256);
                return flipped;
            case 1:
                return bytes[..(bytes.Length == 0 ? 0 : _random.Next(bytes.Length))];
            case 2:
                if (lines.Count > 1) lines.RemoveAt(_random.Next(1, lines.Count));
                break;
            case 3:
                if (lines.Count > 1) lines.Insert(_random.Next(1, lines.Count), lines[_random.Next(1, lines.Count)]);
                break;
            case 4:
                var index = _random.Next(lines.Count);
                var colon = lines[index].IndexOf(':');
                lines[index] = (colon > 0 ? lines[index][..(colon + 1)] + " " : "") + Junk(_random.Next(1, 60));
                break;
            case 5:
                var length = _random.Next(4) switch { 0 => "-1", 1 => "abc", 2 => _random.Next(100, 100_000).ToString(), _ => "" };
                lines = lines.Select(l => l.StartsWith("Content-Length", StringComparison.Ordinal) ? "Content-Length: " + length : l).ToList();
                break;
            case 6:
                var noise = Encoding.Latin1.GetBytes(Junk(_random.Next(1, 30)));
                var at = _random.Next(bytes.Length + 1);
                return [.. bytes[..at], .. noise, .. bytes[at..]];
            case 7:
                if (lines.Count > 2)
                {
                    int a = _random.Next(lines.Count), b = _random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                }
                break;
            case 8:
                var random = new byte[_random.Next(1, 1500)];
                _random.NextBytes(random);
                return random;
            case 9:
                return Encoding.UTF8.GetBytes(string.Join(_random.Next(2) == 0 ? "\n" : "\r", lines));
            case 10:
                lines[0] = _random.Next(4) switch
                {
                    0 => lines[0].ToLowerInvariant(),
                    1 => lines[0].Replace("SIP/2.0", "SIP/3.0"),
                    2 => lines[0].Replace(" ", "  "),
                    _ => lines[0].Replace("sip:", "sip:" + Junk(3) + " "),
                };
                break;
            case 11:
                var header = _random.Next(1, Math.Max(2, lines.Count));
                if (header < lines.Count && lines[header].Length > 2) lines[header] = lines[header].Insert(_random.Next(1, 3), " ");
                break;
            case 12:
                lines = lines.Select(l => l.StartsWith("From", StringComparison.Ordinal) ? l.Replace("\"Mutant", "\"Mutant <") .Replace("\" <", " <") : l).ToList();
                break;
            default:
                var target = _random.Next(1, Math.Max(2, lines.Count));
                if (target < lines.Count) lines[target] += new string('x', _random.Next(1000, 4000));
                break;
        }
        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
    }

    private string Junk(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)_random.Next(1, 256);
        return new string(chars);
    }
}
