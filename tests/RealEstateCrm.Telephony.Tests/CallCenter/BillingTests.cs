using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.CallCenter;

public sealed class BillingTests
{
    private static readonly Tariff Tariff = TariffCsv.Default();

    [Theory]
    [InlineData("13800138000", "1", 0.10)]
    [InlineData("01065529988", "010", 0.10)]
    [InlineData("057188001234", "0", 0.07)]
    [InlineData("+852 2345 6789", "", 0)]
    [InlineData("0085223456789", "00852", 0.60)]
    [InlineData("0044207123456", "00", 1.50)]
    public void A_number_takes_the_rate_of_its_longest_matching_prefix(string number, string prefix, decimal rate)
    {
        var match = Tariff.Match(number);

        Assert.Equal((prefix, rate), match is null ? ("", 0m) : (match.Prefix, match.RatePerMinute));
    }

    [Theory]
    [InlineData("13800138000", 0, 0, 0.00)]
    [InlineData("13800138000", 1, 60, 0.10)]
    [InlineData("13800138000", 61, 120, 0.20)]
    [InlineData("0044207123456", 7, 12, 0.30)]
    [InlineData("0085223456789", 65, 66, 0.66)]
    public void Talk_time_is_billed_in_whole_increments_and_rounded_to_the_fen(string number, int talk, int billed, decimal amount)
    {
        var rated = Tariff.Rate(number, talk)!;

        Assert.Equal((billed, amount), (rated.BilledSeconds, rated.Amount));
    }

    [Fact]
    public void A_bad_tariff_file_names_every_bad_line_and_column()
    {
        var csv = "prefix,name,rate_per_minute,increment_seconds\n1,mobile,0.1,60\n1,again,0.1,60\n13x,bad,-1,0\n9,short\n";

        var e = Assert.Throws<InvalidDataException>(() => TariffCsv.Parse(new StringReader(csv), "tariff.csv"));

        Assert.Equal("tariff.csv: line 3, column prefix: 1 is already on line 2; line 4, column prefix: \"13x\" must be digits; "
            + "line 4, column rate_per_minute: \"-1\" is not an amount of zero or more; line 4, column increment_seconds: \"0\" is not a whole number of seconds from 1 to 3600; "
            + "line 5: 2 columns, expected 4", e.Message);
    }

    [Fact]
    public void The_monthly_bill_totals_per_agent_and_department_and_lists_unrated_calls_apart()
    {
        var at = new DateTimeOffset(2026, 10, 5, 2, 0, 0, TimeSpan.Zero);
        BilledCall[] calls =
        [
            new("o1", at, "A001", "王芳", "客服一部", "13800138000", 61),
            new("o2", at, "A001", "王芳", "客服一部", "01065529988", 30),
            new("o3", at, "A002", "李娜", "客服一部", "13900139000", 0),
            new("o4", at, "A003", "刘洋", "销售部", "0085223456789", 65),
            new("o5", at, "A003", "刘洋", "销售部", "999", 20),
        ];

        var bill = MonthlyBill.Build("2026-10", calls, Tariff);
        var csv = new StringWriter();
        bill.WriteCsv(csv);

        Assert.Equal(
            [("客服一部", "A001", 2, 0.30m), ("客服一部", "A002", 1, 0.00m), ("销售部", "A003", 1, 0.66m)],
            bill.Agents.Select(a => (a.Department, a.AgentNo, a.Calls, a.Amount)));
        Assert.Equal([("客服一部", 2, 0.30m), ("销售部", 1, 0.66m)], bill.Departments.Select(d => (d.Department, d.Agents, d.Amount)));
        Assert.Equal(0.96m, bill.Total);
        Assert.Equal("o5", Assert.Single(bill.Unrated).CallId);
        Assert.Equal(
            [
                "month,level,department,agent_no,agent_name,calls,talk_seconds,billed_minutes,amount_yuan",
                "2026-10,agent,客服一部,A001,王芳,2,91,3.00,0.30",
                "2026-10,agent,客服一部,A002,李娜,1,0,0.00,0.00",
                "2026-10,department,客服一部,,,3,91,3.00,0.30",
                "2026-10,agent,销售部,A003,刘洋,1,65,1.10,0.66",
                "2026-10,department,销售部,,,1,65,1.10,0.66",
                "2026-10,total,,,,4,156,4.10,0.96",
            ],
            csv.ToString().TrimEnd().Split(Environment.NewLine));
    }
}
