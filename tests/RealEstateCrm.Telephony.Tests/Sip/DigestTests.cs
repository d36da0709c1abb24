using RealEstateCrm.Telephony.Sip.Registrar;

namespace RealEstateCrm.Telephony.Tests.Sip;

public sealed class DigestTests
{
    // The worked example of RFC 7616 §3.9.1 (user Mufasa, password "Circle of Life").
    private const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Fact]
    public void Md5_response_matches_the_rfc_7616_example()
    {
        var response = DigestAlgorithm.Md5.Response("Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html", Nonce, "auth", "00000001", Cnonce);
        Assert.Equal("8ca523f5e9506fed4657c9700eebdbec", response);
    }

    [Fact]
    public void Sha256_response_matches_the_rfc_7616_example()
    {
        var response = DigestAlgorithm.Sha256.Response("Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html", Nonce, "auth", "00000001", Cnonce);
        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", response);
    }

    [Fact]
    public void A_challenge_is_answered_with_credentials_the_same_algorithm_accepts()
    {
        var challenge = DigestHeader.Parse("Digest realm=\"crm.local\", nonce=\"abc\", algorithm=SHA-256, qop=\"auth,auth-int\"", "WWW-Authenticate");
        var authorization = DigestHeader.Parse(DigestClient.Authorize(challenge, "REGISTER", "sip:crm.local", "8001", "s3cret")!, "Authorization");

        Assert.Equal("auth", authorization["qop"]);
        Assert.Equal("SHA-256", authorization["algorithm"]);
        var expected = DigestAlgorithm.Sha256.Response("8001", "crm.local", "s3cret", "REGISTER", "sip:crm.local", "abc", "auth", authorization["nc"], authorization["cnonce"]);
        Assert.Equal(expected, authorization["response"]);
    }

    [Fact]
    public void An_unknown_algorithm_is_not_answered()
    {
        var challenge = DigestHeader.Parse("Digest realm=\"crm.local\", nonce=\"abc\", algorithm=SHA-512-256", "WWW-Authenticate");
        Assert.Null(DigestClient.Authorize(challenge, "REGISTER", "sip:crm.local", "8001", "s3cret"));
    }
}
