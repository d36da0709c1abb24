using System.Net;
using System.Net.Sockets;

namespace RealEstateCrm.Telephony.Sip.Transport;

/// <summary>SIP over UDP: one socket, one receive loop handing each datagram to the stack.</summary>
internal sealed class UdpSipTransport : ISipTransport
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Action<byte[], SipPeer> _received;

    public UdpSipTransport(IPEndPoint bind, Action<byte[], SipPeer> received)
    {
        _received = received;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        // Bursts (load tests, a flood of junk) must queue in the kernel rather than be lost.
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(ReceiveLoop);
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

    private async Task ReceiveLoop()
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP port-unreachable from an earlier send surfaces here on some platforms: keep listening.
                continue;
            }
            _received(buffer.AsSpan(0, result.ReceivedBytes).ToArray(), new SipPeer(SipTransportKind.Udp, (IPEndPoint)result.RemoteEndPoint));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
