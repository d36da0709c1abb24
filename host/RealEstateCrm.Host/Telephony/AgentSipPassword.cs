using System.Security.Cryptography;
using System.Text;

namespace RealEstateCrm.Host.Telephony;

/// <summary>An agent phone's SIP password, derived from the site's secret (<c>Telephony:SipSecret</c>) and the
/// extension, so no password column is needed and changing the secret changes every password at once.</summary>
public sealed class AgentSipPassword(string secret)
{
    public string For(string extension)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("sip-password:" + extension));
        return Convert.ToHexStringLower(mac)[..12];
    }
}
