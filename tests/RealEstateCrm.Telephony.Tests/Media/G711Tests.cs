using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class G711Tests
{
    // Expected codes and values agree with the G.711 tables and with an independent implementation (CPython audioop).
    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFE, 8)]
    [InlineData(0x7E, -8)]
    [InlineData(0xEF, 132)]
    [InlineData(0x8F, 16764)]
    public void Mu_law_codes_decode_to_the_table_values(int code, int linear) =>
        Assert.Equal(linear, G711.MuLawDecode((byte)code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xD4, 24)]
    [InlineData(0xC5, 264)]
    [InlineData(0x80, 5504)]
    public void A_law_codes_decode_to_the_table_values(int code, int linear) =>
        Assert.Equal(linear, G711.ALawDecode((byte)code));

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7E)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    [InlineData(100, 0xF2)]
    [InlineData(1000, 0xCE)]
    public void Mu_law_encodes_linear_samples_to_the_expected_codes(int linear, int code) =>
        Assert.Equal(code, G711.MuLawEncode((short)linear));

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    [InlineData(1000, 0xFA)]
    public void A_law_encodes_linear_samples_to_the_expected_codes(int linear, int code) =>
        Assert.Equal(code, G711.ALawEncode((short)linear));

    [Fact]
    public void Every_a_law_code_survives_decode_then_encode()
    {
        for (var code = 0; code < 256; code++)
            Assert.Equal(code, G711.ALawEncode(G711.ALawDecode((byte)code)));
    }

    [Fact]
    public void Every_mu_law_code_survives_decode_then_encode_but_negative_zero()
    {
        for (var code = 0; code < 256; code++)
            Assert.Equal(code == 0x7F ? 0xFF : code, G711.MuLawEncode(G711.MuLawDecode((byte)code)));
    }

    [Fact]
    public void Encoding_keeps_the_error_within_the_logarithmic_step_of_the_segment()
    {
        for (var linear = short.MinValue; linear < short.MaxValue; linear += 7)
        {
            // Each segment's step is 1/16 of its lower end at most (6.25%): a wrong segment breaks this at once.
            var allowed = Math.Max(40, Math.Abs((int)linear) / 16);
            Assert.InRange(Math.Abs(G711.MuLawDecode(G711.MuLawEncode(linear)) - linear), 0, Math.Abs((int)linear) > 32124 ? 700 : allowed);
            Assert.InRange(Math.Abs(G711.ALawDecode(G711.ALawEncode(linear)) - linear), 0, allowed);
        }
    }
}
