using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RealEstateCrm.Telephony.Sip.Transport;

/// <summary>SIP over TCP: accepts connections, frames each by Content-Length, and sends on the connection that
/// already joins us to the peer (opening one when there is none), so responses go back the way requests came.</summary>
internal sealed class TcpSipTransport : ISipTransport
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<IPEndPoint, Connection> _connections = new();
    private readonly Action<byte[], SipPeer> _received;
    private readonly Action _unframeable;
    private readonly Task _acceptLoop;

    public TcpSipTransport(IPEndPoint bind, Action<byte[], SipPeer> received, Action unframeable)
    {
        _received = received;
        _unframeable = unframeable;
        _listener = new TcpListener(bind);
        _listener.Start();
        LocalEndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _acceptLoop = Task.Run(AcceptLoop);
    }

    public SipTransportKind Kind => SipTransportKind.Tcp;
    public IPEndPoint LocalEndPoint { get; }

    public void Send(byte[] data, IPEndPoint remote)
    {
        Connection? connection = null;
        try
        {
            connection = _connections.GetOrAdd(remote, Connect);
            connection.Write(data);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            // The broken connection is forgotten, and only that one: a new one to the same peer may have taken its place.
            // The transaction's timeout reports the failure.
            if (connection is not null && _connections.TryRemove(KeyValuePair.Create(remote, connection))) connection.Dispose();
        }
    }

    private Connection Connect(IPEndPoint remote)
    {
        var client = new TcpClient(remote.AddressFamily) { NoDelay = true };
        client.Connect(remote);
        var connection = new Connection(client);
        Start(connection, remote);
        return connection;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            client.NoDelay = true;
            var remote = (IPEndPoint)client.Client.RemoteEndPoint!;
            var connection = new Connection(client);
            // Known before its first message is read: the answer to that message (a 100 Trying at once) must find it,
            // or the send would dial the peer's ephemeral port, fail, and lose the answer.
            _connections[remote] = connection;
            Start(connection, remote);
        }
    }

    private void Start(Connection connection, IPEndPoint remote) =>
        connection.ReadLoop = Task.Run(() => ReadLoop(connection, remote));

    private async Task ReadLoop(Connection connection, IPEndPoint remote)
    {
        var framer = new SipStreamFramer();
        var buffer = new byte[16384];
        var peer = new SipPeer(SipTransportKind.Tcp, remote);
        try
        {
            var stream = connection.Client.GetStream();
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0) break;
                framer.Append(buffer.AsSpan(0, read));
                while (framer.Next() is { } message) _received(message, peer);
            }
        }
        catch (SipParseException)
        {
            _unframeable();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        if (_connections.TryGetValue(remote, out var current) && current == connection) _connections.TryRemove(remote, out _);
        connection.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        foreach (var connection in _connections.Values) connection.Dispose();
        await Task.WhenAll(_connections.Values.Select(c => c.ReadLoop ?? Task.CompletedTask));
        _stop.Dispose();
    }

    private sealed class Connection(TcpClient client) : IDisposable
    {
        private readonly Lock _write = new();
        public TcpClient Client { get; } = client;
        public Task? ReadLoop { get; set; }

        public void Write(byte[] data)
        {
            lock (_write) Client.GetStream().Write(data);
        }

        public void Dispose() => Client.Dispose();
    }
}
