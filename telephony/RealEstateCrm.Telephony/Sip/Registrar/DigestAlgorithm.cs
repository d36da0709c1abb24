using System.Security.Cryptography;
using System.Text;

namespace RealEstateCrm.Telephony.Sip.Registrar;

/// <summary>The digest hash functions: MD5 (RFC 2617, for phones that know nothing else) and SHA-256
/// (RFC 7616, required for SIP by RFC 8760).</summary>
public sealed class DigestAlgorithm
{
    public static DigestAlgorithm Md5 { get; } = new("MD5", MD5.HashData);
    public static DigestAlgorithm Sha256 { get; } = new("SHA-256", SHA256.HashData);

    private readonly Func<byte[], byte[]> _hash;

    private DigestAlgorithm(string name, Func<byte[], byte[]> hash)
    {
        Name = name;
        _hash = hash;
    }

    public string Name { get; }

    public static DigestAlgorithm? FromName(string? name) => name switch
    {
        null or "" => Md5,
        _ when name.Equals("MD5", StringComparison.OrdinalIgnoreCase) => Md5,
        _ when name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase) => Sha256,
        _ => null,
    };

    public string Hex(string text) => Convert.ToHexStringLower(_hash(Encoding.UTF8.GetBytes(text)));

    /// <summary>The request-digest of RFC 7616 §3.4.1; without qop the RFC 2069 form.</summary>
    public string Response(string user, string realm, string password, string method, string uri, string nonce, string? qop, string? nc, string? cnonce)
    {
        var ha1 = Hex($"{user}:{realm}:{password}");
        var ha2 = Hex($"{method}:{uri}");
        return qop is null ? Hex($"{ha1}:{nonce}:{ha2}") : Hex($"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }
}
