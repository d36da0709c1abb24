using System.Net;
using System.Net.Sockets;

namespace RealEstateCrm.Telephony.Tests.Sip.Peers;

/// <summary>A port free on 127.0.0.1 for UDP and TCP at the moment of asking, for peers that need a port number
/// on their command line.</summary>
internal static class FreePort
{
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
