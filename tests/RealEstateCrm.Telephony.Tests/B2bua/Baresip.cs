using System.Net;
using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.Telephony.Tests.B2bua;

/// <summary>baresip as an agent's phone: a configuration written to a temporary folder registers it with the switch
/// (MD5 digest) and answers every call at once, sending a tone from a file and playing what it hears into a file.</summary>
internal sealed class Baresip : IAsyncDisposable
{
    private readonly PeerProcess _process;
    private readonly string _folder;

    private Baresip(PeerProcess process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public static Baresip Start(IPEndPoint registrar, string extension, string password)
    {
        var program = ExternalTool.Require("baresip");
        var folder = Directory.CreateTempSubdirectory("baresip-").FullName;
        var port = FreePort.Next();
        // What the agent says: a 440 Hz tone, 8 kHz like the calls (baresip's tone generator wants 48 kHz).
        var tone = Path.Combine(folder, "agent.wav");
        using (var wav = new WavWriter(tone, WavEncoding.Pcm16))
        {
            wav.Write(AudioMath.Tone(440, TimeSpan.FromSeconds(30)));
            wav.Complete();
        }
        File.WriteAllText(Path.Combine(folder, "config"), $"""
            poll_method epoll
            sip_listen 127.0.0.1:{port}
            sip_transports udp
            audio_player aufile,{Path.Combine(folder, "heard.wav")}
            audio_source aufile,{tone}
            audio_alert aufile,/dev/null
            rtp_ports 20000-40000
            module_path /usr/lib/baresip/modules
            module g711.so
            module aufile.so
            module_app account.so
            module_app menu.so
            """);
        File.WriteAllText(Path.Combine(folder, "accounts"),
            $"<sip:{extension}@{registrar}>;auth_pass={password};regint=300;answermode=auto;audio_codecs=PCMU,PCMA\n");
        File.WriteAllText(Path.Combine(folder, "contacts"), "");
        return new Baresip(PeerProcess.Start(program, ["-f", folder], folder), folder);
    }

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
