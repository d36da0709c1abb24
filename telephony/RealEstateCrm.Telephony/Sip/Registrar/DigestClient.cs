using System.Security.Cryptography;

namespace RealEstateCrm.Telephony.Sip.Registrar;

/// <summary>Answers a digest challenge, for when we register with another registrar (Kamailio, a trunk).</summary>
public static class DigestClient
{
    /// <summary>The Authorization value for <paramref name="challenge"/>; null when its algorithm is unknown.</summary>
    public static string? Authorize(DigestHeader challenge, string method, string uri, string user, string password)
    {
        var algorithm = DigestAlgorithm.FromName(challenge["algorithm"]);
        var realm = challenge["realm"];
        var nonce = challenge["nonce"];
        if (algorithm is null || realm is null || nonce is null) return null;
        var qop = challenge["qop"]?.Split(',').Select(q => q.Trim()).Contains("auth") == true ? "auth" : null;
        var cnonce = qop is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var nc = qop is null ? null : "00000001";
        var authorization = new DigestHeader(isCredentials: true);
        authorization.Parameters["username"] = user;
        authorization.Parameters["realm"] = realm;
        authorization.Parameters["nonce"] = nonce;
        authorization.Parameters["uri"] = uri;
        authorization.Parameters["response"] = algorithm.Response(user, realm, password, method, uri, nonce, qop, nc, cnonce);
        authorization.Parameters["algorithm"] = algorithm.Name;
        if (challenge["opaque"] is { } opaque) authorization.Parameters["opaque"] = opaque;
        if (qop is not null)
        {
            authorization.Parameters["qop"] = qop;
            authorization.Parameters["nc"] = nc!;
            authorization.Parameters["cnonce"] = cnonce!;
        }
        return authorization.ToString();
    }
}
