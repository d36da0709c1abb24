using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RealEstateCrm.Telephony.Sip.Registrar;

/// <summary>Stateless nonces: the issue time and an HMAC of it under a per-process secret, so the registrar can
/// tell a nonce it never issued (a fresh challenge) from one that merely expired (<c>stale=true</c>).</summary>
internal sealed class NonceIssuer(TimeProvider time, TimeSpan lifetime)
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    public string Issue()
    {
        var nonce = new byte[8 + 16];
        BinaryPrimitives.WriteInt64BigEndian(nonce, time.GetUtcNow().ToUnixTimeMilliseconds());
        Sign(nonce.AsSpan(0, 8)).CopyTo(nonce.AsSpan(8));
        return Convert.ToBase64String(nonce);
    }

    public NonceCheck Check(string? nonce)
    {
        var bytes = new byte[24];
        if (nonce is null || !Convert.TryFromBase64String(nonce, bytes, out var written) || written != 24) return NonceCheck.Unknown;
        if (!CryptographicOperations.FixedTimeEquals(Sign(bytes.AsSpan(0, 8)), bytes.AsSpan(8))) return NonceCheck.Unknown;
        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        return time.GetUtcNow() - issued > lifetime ? NonceCheck.Stale : NonceCheck.Valid;
    }

    private byte[] Sign(ReadOnlySpan<byte> issued) => HMACSHA256.HashData(_secret, issued)[..16];
}

internal enum NonceCheck
{
    Valid,
    Stale,
    Unknown,
}
