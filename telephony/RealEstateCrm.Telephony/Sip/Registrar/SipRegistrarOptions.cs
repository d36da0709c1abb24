namespace RealEstateCrm.Telephony.Sip.Registrar;

public sealed record SipRegistrarOptions
{
    public string Realm { get; init; } = "crm.local";

    /// <summary>Challenge algorithms in order of preference (RFC 8760 §2.4: the strongest first).</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan DefaultExpires { get; init; } = TimeSpan.FromHours(1);
    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromHours(2);
}
