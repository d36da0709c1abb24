using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.CallCenter;

public sealed class ErlangCTests
{
    [Theory]
    [InlineData(8, 0.714, 32.1)]
    [InlineData(9, 0.860, 11.8)]
    public void Erlang_c_gives_the_worked_values_for_120_calls_an_hour_at_180_seconds(int agents, double serviceLevel, double asa)
    {
        Assert.Equal(serviceLevel, ErlangC.ServiceLevel(120, 180, agents, 20), 3);
        Assert.Equal(asa, ErlangC.AverageSpeedOfAnswer(120, 180, agents), 1);
    }

    [Fact]
    public void Nine_agents_are_needed_for_80_percent_in_20_seconds()
    {
        var plan = ErlangC.AgentsNeeded(120, 180, 0.8, 20);

        Assert.Equal(6.0, plan.TrafficErlangs);
        Assert.Equal(9, plan.AgentsNeeded);
        Assert.Equal([6, 7, 8, 9, 10, 11], plan.Options.Select(o => o.Agents));
        Assert.Equal(0.0, plan.Options[0].ServiceLevel);
        Assert.True(double.IsPositiveInfinity(plan.Options[0].AverageSpeedOfAnswerSeconds));
    }

    [Fact]
    public void Impossible_inputs_are_refused_naming_the_parameter()
    {
        Assert.Equal("targetServiceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.AgentsNeeded(120, 180, 80, 20)).ParamName);
        Assert.Equal("callsPerHour", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.AgentsNeeded(0, 180, 0.8, 20)).ParamName);
        Assert.Equal("ahtSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.AgentsNeeded(120, double.NaN, 0.8, 20)).ParamName);
    }
}
