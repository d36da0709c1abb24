using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Registrar;
using RealEstateCrm.Telephony.Sip.Transport;

namespace RealEstateCrm.Telephony.Tests.Sip;

/// <summary>The registrar's digest rules and bindings on a fake clock.</summary>
public sealed class RegistrarTests
{
    private static readonly SipPeer Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5090));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly SipRegistrar _registrar;
    private int _sequence;

    public RegistrarTests() =>
        _registrar = new SipRegistrar(new AgentPasswords(("8001", "s3cret")), new SipRegistrarOptions(), _time);

    private static SipRequest Register(string user, string contact, string? authorization = null, string? expires = null)
    {
        var text = new StringBuilder($"REGISTER sip:crm.local SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK{Guid.NewGuid():N}\r\n")
            .Append($"From: <sip:{user}@crm.local>;tag=r\r\nTo: <sip:{user}@crm.local>\r\nCall-ID: reg-{user}\r\nCSeq: 1 REGISTER\r\n")
            .Append($"Contact: {contact}\r\n");
        if (expires is not null) text.Append($"Expires: {expires}\r\n");
        if (authorization is not null) text.Append($"Authorization: {authorization}\r\n");
        return (SipRequest)SipParser.Parse(Encoding.UTF8.GetBytes(text.Append("Content-Length: 0\r\n\r\n").ToString())).Message!;
    }

    private Task<SipResponse> Handle(SipRequest request) => _registrar.HandleAsync(request, Phone, $"t{++_sequence}", TestContext.Current.CancellationToken);

    private async Task<(SipResponse Response, string Authorization)> RegisterWithPassword(string user, string password, string contact, string? expires = null)
    {
        var challenge = await Handle(Register(user, contact, expires: expires));
        var header = DigestHeader.Parse(challenge.Headers[SipHeaderNames.WwwAuthenticate]!, SipHeaderNames.WwwAuthenticate);
        var authorization = DigestClient.Authorize(header, SipMethods.Register, "sip:crm.local", user, password)!;
        return (await Handle(Register(user, contact, authorization, expires)), authorization);
    }

    [Fact]
    public async Task A_request_without_credentials_is_challenged_with_sha256_first_then_md5()
    {
        var challenge = await Handle(Register("8001", "<sip:8001@127.0.0.1:5090>"));

        Assert.Equal(401, challenge.StatusCode);
        var algorithms = challenge.Headers.All(SipHeaderNames.WwwAuthenticate)
            .Select(h => DigestHeader.Parse(h, SipHeaderNames.WwwAuthenticate)["algorithm"]);
        Assert.Equal(["SHA-256", "MD5"], algorithms);
    }

    [Fact]
    public async Task The_right_password_binds_the_contact_until_it_expires()
    {
        var (response, _) = await RegisterWithPassword("8001", "s3cret", "<sip:8001@127.0.0.1:5090>;expires=60");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("<sip:8001@127.0.0.1:5090>;expires=60", response.Headers[SipHeaderNames.Contact]);
        Assert.Single(_registrar.Lookup("8001"));
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Empty(_registrar.Lookup("8001"));
    }

    [Fact]
    public async Task An_expired_nonce_is_challenged_again_as_stale()
    {
        var (_, authorization) = await RegisterWithPassword("8001", "s3cret", "<sip:8001@127.0.0.1:5090>");
        _time.Advance(TimeSpan.FromMinutes(6));

        var again = await Handle(Register("8001", "<sip:8001@127.0.0.1:5090>", authorization));

        Assert.Equal(401, again.StatusCode);
        Assert.Equal("true", DigestHeader.Parse(again.Headers[SipHeaderNames.WwwAuthenticate]!, SipHeaderNames.WwwAuthenticate)["stale"]);
    }

    [Fact]
    public async Task A_nonce_we_never_issued_gets_a_fresh_challenge_not_a_stale_one()
    {
        var forged = "Digest username=\"8001\", realm=\"crm.local\", nonce=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\", uri=\"sip:crm.local\", response=\"00\", algorithm=MD5";
        var response = await Handle(Register("8001", "<sip:8001@127.0.0.1:5090>", forged));

        Assert.Equal(401, response.StatusCode);
        Assert.Null(DigestHeader.Parse(response.Headers[SipHeaderNames.WwwAuthenticate]!, SipHeaderNames.WwwAuthenticate)["stale"]);
    }

    [Theory]
    [InlineData("8001", "wrong", "Forbidden (wrong password)")]
    [InlineData("7777", "s3cret", "Forbidden (unknown user)")]
    public async Task Wrong_passwords_and_unknown_users_get_403_saying_which(string user, string password, string reason)
    {
        var (response, _) = await RegisterWithPassword(user, password, $"<sip:{user}@127.0.0.1:5090>");

        Assert.Equal(403, response.StatusCode);
        Assert.Equal(reason, response.ReasonPhrase);
        Assert.Empty(_registrar.Lookup(user));
    }

    [Fact]
    public async Task A_wildcard_contact_with_expires_zero_removes_every_binding()
    {
        await RegisterWithPassword("8001", "s3cret", "<sip:8001@127.0.0.1:5090>");
        await RegisterWithPassword("8001", "s3cret", "<sip:8001@127.0.0.1:5091>");
        Assert.Equal(2, _registrar.Lookup("8001").Count);

        var (response, _) = await RegisterWithPassword("8001", "s3cret", "*", expires: "0");

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(_registrar.Lookup("8001"));
    }

    [Fact]
    public async Task A_wildcard_contact_without_expires_zero_is_a_bad_request()
    {
        var (response, _) = await RegisterWithPassword("8001", "s3cret", "*", expires: "60");

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Contact: '*' needs Expires: 0", response.ReasonPhrase);
    }
}
