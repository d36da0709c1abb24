using System.Globalization;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>The month's call bill (话费清单): every outbound call rated by the tariff, totalled per agent and per department.
/// Calls no tariff prefix matches are listed apart, not silently priced at zero.</summary>
public sealed record MonthlyBill(string Month, IReadOnlyList<MonthlyBill.AgentLine> Agents, IReadOnlyList<MonthlyBill.DepartmentLine> Departments,
    IReadOnlyList<BilledCall> Unrated)
{
    public decimal Total => Departments.Sum(d => d.Amount);

    public sealed record AgentLine(string Department, string AgentNo, string AgentName, int Calls, int TalkSeconds, int BilledSeconds, decimal Amount);

    public sealed record DepartmentLine(string Department, int Agents, int Calls, int TalkSeconds, int BilledSeconds, decimal Amount);

    public static MonthlyBill Build(string month, IEnumerable<BilledCall> calls, Tariff tariff)
    {
        var rated = new List<(BilledCall Call, RatedCall Rated)>();
        var unrated = new List<BilledCall>();
        foreach (var call in calls)
            if (tariff.Rate(call.Callee, call.TalkSeconds) is { } price) rated.Add((call, price));
            else unrated.Add(call);

        var agents = rated.GroupBy(r => (r.Call.Department, r.Call.AgentNo))
            .Select(g => new AgentLine(g.Key.Department, g.Key.AgentNo, g.First().Call.AgentName, g.Count(),
                g.Sum(r => r.Rated.TalkSeconds), g.Sum(r => r.Rated.BilledSeconds), g.Sum(r => r.Rated.Amount)))
            .OrderBy(a => a.Department, StringComparer.Ordinal).ThenBy(a => a.AgentNo, StringComparer.Ordinal).ToList();
        var departments = agents.GroupBy(a => a.Department)
            .Select(g => new DepartmentLine(g.Key, g.Count(), g.Sum(a => a.Calls), g.Sum(a => a.TalkSeconds), g.Sum(a => a.BilledSeconds), g.Sum(a => a.Amount)))
            .OrderBy(d => d.Department, StringComparer.Ordinal).ToList();
        return new MonthlyBill(month, agents, departments, unrated);
    }

    /// <summary>One CSV (UTF-8, opens in Excel): a row per agent, a subtotal row per department, a total row.
    /// Amounts in yuan with two decimals; billed minutes to two decimals.</summary>
    public void WriteCsv(TextWriter writer)
    {
        writer.WriteLine("month,level,department,agent_no,agent_name,calls,talk_seconds,billed_minutes,amount_yuan");
        foreach (var department in Departments)
        {
            foreach (var a in Agents.Where(a => a.Department == department.Department))
                Row("agent", a.Department, a.AgentNo, a.AgentName, a.Calls, a.TalkSeconds, a.BilledSeconds, a.Amount);
            Row("department", department.Department, "", "", department.Calls, department.TalkSeconds, department.BilledSeconds, department.Amount);
        }
        Row("total", "", "", "", Departments.Sum(d => d.Calls), Departments.Sum(d => d.TalkSeconds), Departments.Sum(d => d.BilledSeconds), Total);

        void Row(string level, string department, string agentNo, string agentName, int calls, int talk, int billed, decimal amount) =>
            writer.WriteLine(string.Join(',', Month, level, Cell(department), Cell(agentNo), Cell(agentName),
                calls.ToString(CultureInfo.InvariantCulture), talk.ToString(CultureInfo.InvariantCulture),
                (billed / 60m).ToString("0.00", CultureInfo.InvariantCulture), amount.ToString("0.00", CultureInfo.InvariantCulture)));
    }

    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
