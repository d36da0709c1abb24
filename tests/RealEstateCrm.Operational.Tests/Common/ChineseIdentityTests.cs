using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Tests.Common;

public sealed class ChineseIdentityTests
{
    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("(0571) 8765 4321", "057187654321")]
    [InlineData("12", null)]
    [InlineData("", null)]
    public void Phones_are_compared_in_one_normal_form(string raw, string? expected) =>
        Assert.Equal(expected, ChinesePhone.Normalize(raw));

    [Fact]
    public void A_masked_phone_keeps_the_prefix_and_last_four_digits() =>
        Assert.Equal("138****8000", ChinesePhone.Mask("13800138000"));

    [Fact]
    public void An_id_number_is_valid_only_with_its_check_character_and_a_real_birth_date()
    {
        var id = ChineseIdNumber.WithCheckChar("33010619900307123");
        Assert.True(ChineseIdNumber.IsValid(id));
        var wrongCheck = id[..17] + (id[17] == '0' ? '1' : '0');
        Assert.False(ChineseIdNumber.IsValid(wrongCheck));
        Assert.False(ChineseIdNumber.IsValid(ChineseIdNumber.WithCheckChar("33010619901307123")));
        Assert.Equal("3301**********" + id[^4..], ChineseIdNumber.Mask(id));
    }

    [Fact]
    public void The_published_example_id_number_checks_out() =>
        // GB 11643-1999's worked example ends in X.
        Assert.True(ChineseIdNumber.IsValid("11010519491231002X"));
}
