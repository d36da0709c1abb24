using System.Net;
using Microsoft.Extensions.Configuration;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web;

/// <summary>The <c>Web</c> section of appsettings.json: where Kestrel listens (loopback unless told otherwise) and the
/// folder of the keys that sign cookies and anti-forgery tokens (kept, so a restart does not sign everybody out), and the
/// business's time zone every page shows and reads times in (<c>TimeZone</c>, an IANA id; Shared/BusinessTime).</summary>
public sealed record WebSettings(IPAddress Address, int Port, string KeysFolder, string TimeZone = BusinessTime.DefaultZone)
{
    public static WebSettings Read(IConfiguration configuration, int? port)
    {
        var section = configuration.GetSection("Web");
        var address = section["Address"] ?? "127.0.0.1";
        if (!IPAddress.TryParse(address, out var ip)) throw new ArgumentException($"Web:Address: \"{address}\" is not an IP address");
        var chosen = port ?? (section["Port"] is { } text
            ? int.TryParse(text, out var parsed) ? parsed : throw new ArgumentException($"Web:Port: \"{text}\" is not a number")
            : 5080);
        if (chosen is < 0 or > 65535) throw new ArgumentException($"--web-port / Web:Port: {chosen} is not a TCP port (0–65535)");
        var zone = section["TimeZone"] ?? BusinessTime.DefaultZone;
        BusinessTime.FindZone(zone);
        return new WebSettings(ip, chosen, section["KeysFolder"] ?? Path.Combine("data", "keys"), zone);
    }
}
