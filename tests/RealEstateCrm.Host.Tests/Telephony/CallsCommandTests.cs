using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Testing;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests.Telephony;

/// <summary><c>crm calls bill</c> and <c>crm calls erlang</c> as a user runs them.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CallsCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-calls-test-");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string File(string name) => Path.Combine(_folder.FullName, name);

    private static async Task Outbound(TestDatabase test, string callId, string agentNo, string callee, DateTimeOffset startedAt, int talkSeconds) =>
        await new OperationalCdrSink(test.Database).WriteAsync(new CallDetail(callId, null, CallLegDirection.Outbound, "4008001234", callee,
            CallDisposition.Answered, startedAt, startedAt.AddSeconds(5 + talkSeconds), AnsweredAt: startedAt.AddSeconds(5), AgentNo: agentNo), Ct);

    [Theory, ClassData(typeof(Providers))]
    public async Task The_monthly_bill_rates_the_months_outbound_calls_in_china_time_per_agent_and_department(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await CallCenterData.Department(test, "CC1", "客服一部");
        await CallCenterData.Department(test, "SALES", "销售部");
        await CallCenterData.Agent(test, "A001", "8001", "王芳", "CC1");
        await CallCenterData.Agent(test, "A002", "8002", "刘洋", "SALES");
        // 00:30 on 1 October in Beijing is still 30 September in UTC; 00:30 on 1 November belongs to November.
        await Outbound(test, "o1", "A001", "13800138000", new DateTimeOffset(2026, 9, 30, 16, 30, 0, TimeSpan.Zero), 61);
        await Outbound(test, "o2", "A002", "0085223456789", new DateTimeOffset(2026, 10, 15, 3, 0, 0, TimeSpan.Zero), 65);
        await Outbound(test, "o3", "A001", "13800138000", new DateTimeOffset(2026, 10, 31, 16, 30, 0, TimeSpan.Zero), 600);
        await Outbound(test, "o4", "A002", "999", new DateTimeOffset(2026, 10, 16, 3, 0, 0, TimeSpan.Zero), 30);

        var (exit, output) = await Crm(test, "calls", "bill", "--month", "2026-10", "--out", File("bill.csv"));

        Assert.Equal(0, exit);
        Assert.Contains("billed 2 calls of 2026-10: 2 agents, 2 departments, total 0.86 yuan", output);
        Assert.Contains("warning: call o4 to 999 matches no tariff prefix; not billed", output);
        Assert.Equal(
            [
                "month,level,department,agent_no,agent_name,calls,talk_seconds,billed_minutes,amount_yuan",
                "2026-10,agent,客服一部,A001,王芳,1,61,2.00,0.20",
                "2026-10,department,客服一部,,,1,61,2.00,0.20",
                "2026-10,agent,销售部,A002,刘洋,1,65,1.10,0.66",
                "2026-10,department,销售部,,,1,65,1.10,0.66",
                "2026-10,total,,,,2,126,3.10,0.86",
            ],
            await System.IO.File.ReadAllLinesAsync(File("bill.csv"), Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_bad_month_or_tariff_exits_with_2_naming_it_and_writes_no_bill(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await System.IO.File.WriteAllTextAsync(File("tariff.csv"), "prefix,name,rate_per_minute,increment_seconds\n1,mobile,abc,60\n", Ct);

        var (badMonth, monthError) = await Crm(test, "calls", "bill", "--month", "2026-13", "--out", File("a.csv"));
        var (badTariff, tariffError) = await Crm(test, "calls", "bill", "--month", "2026-10", "--out", File("b.csv"), "--tariff", File("tariff.csv"));

        Assert.Equal((2, 2), (badMonth, badTariff));
        Assert.Contains("error: month: \"2026-13\" is not a month like 2026-10", monthError);
        Assert.Contains("line 2, column rate_per_minute: \"abc\" is not an amount of zero or more", tariffError);
        Assert.Equal(["tariff.csv"], _folder.GetFiles().Select(f => f.Name));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Erlang_prints_the_agents_needed_and_the_worked_values(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);

        var (exit, output) = await Crm(test, "calls", "erlang", "--calls-per-hour", "120", "--aht", "180", "--target-sl", "0.8", "--answer-within", "20");
        var (refused, error) = await Crm(test, "calls", "erlang", "--calls-per-hour", "120", "--aht", "180", "--target-sl", "80");

        Assert.Equal(0, exit);
        Assert.Contains("traffic 6.00 erlangs; 9 agents reach 80% within 20 s", output);
        Assert.Matches(@"8\s*│\s*71\.4%\s*│\s*32\.1", output);
        Assert.Matches(@"9\s*│\s*86\.0%\s*│\s*11\.8", output);
        Assert.Equal(2, refused);
        Assert.Contains("the target service level must be between 0 and 1", error);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Recordings_are_listed_by_customer_code_and_an_unknown_code_exits_with_2(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await CallCenterData.Agent(test, "A001", "8001", "王芳");
        var zhang = await CallCenterData.Customer(test, "张伟", "13800138000");
        await CallCenterData.Customer(test, "刘洋", "13700137000");
        var at = new DateTimeOffset(2026, 10, 12, 1, 0, 0, TimeSpan.Zero);
        var sink = new OperationalCdrSink(test.Database);
        foreach (var (id, caller) in new[] { ("c1", "13800138000"), ("c2", "13700137000") })
            await sink.WriteAsync(new CallDetail(id, null, CallLegDirection.Inbound, caller, "400", CallDisposition.Answered, at, at.AddSeconds(70), at,
                at.AddSeconds(10), "service", "A001", RecordingFile: $"rec/{id}.wav"), Ct);

        var (exit, output) = await Crm(test, "calls", "recordings", "--customer", zhang.Code, "--agent", "A001");
        var (unknown, error) = await Crm(test, "calls", "recordings", "--customer", "KH404");

        Assert.Equal(0, exit);
        Assert.Contains("rec/c1.wav", output);
        Assert.DoesNotContain("rec/c2.wav", output);
        Assert.Contains("1 recordings", output);
        Assert.Equal(2, unknown);
        Assert.Contains("error: customer: no customer with code \"KH404\"", error);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
