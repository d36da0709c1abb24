using System.Net;
using System.Net.Sockets;

namespace RealEstateCrm.Telephony.Sip.Transport;

/// <summary>SIP over UDP: one socket, one receive thread handing each datagram to the stack.</summary>
internal sealed class UdpSipTransport : ISipTransport
{
    private readonly Socket _socket;
    private volatile bool _stopping;
    private readonly Thread _loop;
    private readonly Action<byte[], SipPeer> _received;

    public UdpSipTransport(IPEndPoint bind, Action<byte[], SipPeer> received)
    {
        _received = received;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        // Bursts (load tests, a flood of junk) must queue in the kernel rather than be lost.
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        // A thread of its own, at the media clock's priority, rather than the thread pool: on a busy switch the pool queue
        // holds every call's RTP work, and an INVITE waiting behind it is a late 100/180 and a retransmitted INVITE.
        _loop = new Thread(ReceiveLoop) { IsBackground = true, Name = "sip-udp", Priority = ThreadPriority.AboveNormal };
        _loop.Start();
    }

    public SipTransportKind Kind => SipTransportKind.Udp;
    public IPEndPoint LocalEndPoint { get; }

    public void Send(byte[] data, IPEndPoint remote)
    {
        try
        {
            _socket.SendTo(data, SocketFlags.None, remote);
        }
        catch (SocketException)
        {
            // UDP gives no delivery promise; the transaction's retransmission and timeout handle a lost send.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void ReceiveLoop()
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stopping)
        {
            int received;
            var remote = any;
            try
            {
                received = _socket.ReceiveFrom(buffer, SocketFlags.None, ref remote);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // Closing the socket ends a blocked receive this way; otherwise an ICMP port-unreachable from an earlier
                // send surfaces here on some platforms: keep listening.
                continue;
            }
            _received(buffer.AsSpan(0, received).ToArray(), new SipPeer(SipTransportKind.Udp, (IPEndPoint)remote));
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        _socket.Dispose();
        // The stack's own receive callback may dispose the transport (a handler stopping the agent): no self-join then.
        if (Thread.CurrentThread != _loop) _loop.Join();
        return ValueTask.CompletedTask;
    }
}
