using System.Net;
using System.Net.Sockets;

namespace RealEstateCrm.Telephony.Media;

/// <summary>Where RTP/RTCP port pairs come from: an even RTP port and the odd one above it for RTCP
/// (RFC 3550 §11), bound on one address. <see cref="Ephemeral"/> lets the OS choose, for tests.</summary>
public sealed class RtpPortRange
{
    private readonly object _gate = new();
    private int _cursor;

    /// <param name="first">Lowest RTP port (made even).</param>
    /// <param name="last">Highest RTCP port.</param>
    public RtpPortRange(IPAddress address, int first, int last)
    {
        if (first is < 1024 or > 65534) throw new ArgumentOutOfRangeException(nameof(first), first, "RTP ports from 1024 to 65534");
        if (last <= first || last > 65535) throw new ArgumentOutOfRangeException(nameof(last), last, "last must be above first and at most 65535");
        Address = address;
        First = first + (first & 1);
        Last = last;
        _cursor = First;
    }

    private RtpPortRange(IPAddress address)
    {
        Address = address;
    }

    /// <summary>Any free pair the OS hands out on the address.</summary>
    public static RtpPortRange Ephemeral(IPAddress address) => new(address);

    public IPAddress Address { get; }
    public int First { get; }
    public int Last { get; }
    public bool IsEphemeral => First == 0;

    /// <summary>Binds a free pair; throws when every pair in the range is taken.</summary>
    public (Socket Rtp, Socket Rtcp) BindPair()
    {
        if (IsEphemeral)
        {
            for (var attempt = 0; attempt < 64; attempt++)
            {
                var rtp = Bind(0);
                var port = ((IPEndPoint)rtp.LocalEndPoint!).Port;
                if (port % 2 == 0 && port < 65535 && TryBind(port + 1) is { } rtcp) return (rtp, rtcp);
                rtp.Dispose();
            }
            throw new InvalidOperationException($"no free even/odd UDP port pair on {Address} after 64 attempts");
        }
        var pairs = (Last - First + 1) / 2;
        for (var i = 0; i < pairs; i++)
        {
            int port;
            lock (_gate)
            {
                port = _cursor;
                _cursor = _cursor + 2 > Last - 1 ? First : _cursor + 2;
            }
            if (TryBind(port) is not { } rtp) continue;
            if (TryBind(port + 1) is { } rtcp) return (rtp, rtcp);
            rtp.Dispose();
        }
        throw new InvalidOperationException($"every RTP port pair in {First}-{Last} on {Address} is in use");
    }

    private Socket? TryBind(int port)
    {
        try { return Bind(port); }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse) { return null; }
    }

    private Socket Bind(int port)
    {
        var socket = new Socket(Address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ReceiveBufferSize = 256 * 1024;
            socket.Bind(new IPEndPoint(Address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
