using System.Net;

namespace RealEstateCrm.Telephony.Tests.Sip.Peers;

/// <summary>Kamailio on an ephemeral UDP port of 127.0.0.1 as a stateful proxy and registrar, from a minimal
/// configuration written into a temporary folder: REGISTER is saved in memory, a new INVITE is record-routed and
/// relayed to the registered contact (or, when started with a next hop, to that address with its Request-URI kept),
/// in-dialog requests follow their Route.</summary>
internal sealed class Kamailio : IAsyncDisposable
{
    private readonly PeerProcess _process;

    private Kamailio(PeerProcess process, int port)
    {
        _process = process;
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    public IPEndPoint EndPoint { get; }

    public string Output => _process.Output;

    /// <summary>Starts the proxy; <paramref name="nextHop"/>, when given, takes every new request instead of the
    /// location lookup (a switch behind the proxy answering its own numbers).</summary>
    public static Kamailio Start(IPEndPoint? nextHop = null)
    {
        var program = ExternalTool.Require("kamailio");
        var folder = PeerProcess.NewFolder("kamailio-");
        var port = FreePort.Next();
        var config = Path.Combine(folder, "kamailio.cfg");
        File.WriteAllText(config, Configuration(port, nextHop));
        var process = PeerProcess.Start(program,
            ["-f", config, "-DD", "-E", "-m", "64", "-M", "8", "-Y", folder, "-P", Path.Combine(folder, "kamailio.pid"), "-w", folder],
            folder);
        return new Kamailio(process, port);
    }

    private static string Configuration(int port, IPEndPoint? nextHop) => $$"""
        #!KAMAILIO
        debug=1
        log_stderror=yes
        children=2
        auto_aliases=no
        listen=udp:127.0.0.1:{{port}}
        alias="127.0.0.1:{{port}}"
        loadmodule "tm.so"
        loadmodule "sl.so"
        loadmodule "rr.so"
        loadmodule "pv.so"
        loadmodule "maxfwd.so"
        loadmodule "usrloc.so"
        loadmodule "registrar.so"
        loadmodule "siputils.so"
        loadmodule "textops.so"
        modparam("usrloc", "db_mode", 0)

        request_route {
            if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
            if (has_totag()) {
                if (loose_route()) { t_relay(); exit; }
                if (is_method("ACK") && t_check_trans()) { t_relay(); }
                exit;
            }
            if (is_method("CANCEL")) { if (t_check_trans()) { t_relay(); } exit; }
            if (is_method("REGISTER")) { save("location"); exit; }
            if (is_method("INVITE")) { record_route(); }
            {{(nextHop is null
                ? """if (!lookup("location")) { sl_send_reply("404", "Not Found"); exit; }"""
                : $"""$du = "sip:{nextHop}";""")}}
            t_relay();
        }
        """;

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
