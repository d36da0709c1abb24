using System.Globalization;
using System.Net;

namespace RealEstateCrm.Bench;

/// <summary>Kamailio as a transaction-stateful proxy (tm) relaying every request to one UAS on 127.0.0.1, from a
/// configuration written into a temporary folder; 512 MB of shared memory, as it needs under load.</summary>
internal sealed class KamailioRelay : IDisposable
{
    private readonly BenchProcess _process;
    private readonly string _folder;

    private KamailioRelay(BenchProcess process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    public IPEndPoint EndPoint { get; }

    public static KamailioRelay Start(int uasPort)
    {
        var folder = Directory.CreateTempSubdirectory("kamailio-bench-").FullName;
        var port = SipBenchmark.FreeUdpPort();
        var config = Path.Combine(folder, "kamailio.cfg");
        File.WriteAllText(config, $$"""
            #!KAMAILIO
            debug=0
            log_stderror=yes
            children=2
            auto_aliases=no
            listen=udp:127.0.0.1:{{port}}
            loadmodule "tm.so"
            loadmodule "sl.so"
            loadmodule "pv.so"
            loadmodule "maxfwd.so"
            loadmodule "siputils.so"
            loadmodule "textops.so"

            request_route {
                if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
                if (is_method("CANCEL")) { if (t_check_trans()) { t_relay(); } exit; }
                $du = "sip:127.0.0.1:{{uasPort}}";
                if (!t_relay()) { sl_reply_error(); }
            }
            """);
        var process = BenchProcess.Start("kamailio",
            ["-f", config, "-DD", "-E", "-m", "512", "-M", "16", "-Y", folder, "-P", Path.Combine(folder, "kamailio.pid"), "-w", folder]);
        // Kamailio forks its workers before it reads the socket; give it that moment before the load starts.
        Thread.Sleep(TimeSpan.FromSeconds(2));
        return new KamailioRelay(process, folder, port);
    }

    public void Dispose()
    {
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
