using System.Net;
using System.Net.Sockets;

namespace RealEstateCrm.Telephony.Tests.Sip.Peers;

/// <summary>A port free on 127.0.0.1 for UDP and TCP at the moment of asking, for peers that need a port number
/// on their command line.</summary>
internal static class FreePort
{
    /// <summary>The first of <paramref name="count"/> consecutive UDP ports free on 127.0.0.1 at the moment of asking:
    /// sipp binds four media ports from its <c>-mp</c> up (audio and video, RTP and RTCP), and a port above the one checked
    /// being taken made it exit before its first message.</summary>
    public static int UdpRun(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var sockets = new List<Socket>();
            try
            {
                var first = Bind(0, sockets);
                for (var port = first + 1; port < first + count; port++) Bind(port, sockets);
                return first;
            }
            catch (SocketException) { }
            finally { sockets.ForEach(s => s.Dispose()); }
        }
        throw new InvalidOperationException($"no {count} consecutive free UDP ports on 127.0.0.1");
    }

    private static int Bind(int port, List<Socket> sockets)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sockets.Add(socket);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public static int Next()
    {
        while (true)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            try
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
