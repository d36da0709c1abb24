using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Host.Tests.Telephony;

using Telephony = RealEstateCrm.Telephony;

/// <summary>A small call center built through the operational use cases: a department, agents with users in it, customers.</summary>
internal static class CallCenterData
{
    public static async Task<Guid> Department(TestDatabase test, string code, string name)
    {
        await using var db = test.Context();
        var company = await db.Companies.FirstOrDefaultAsync(TestContext.Current.CancellationToken)
            ?? await new CreateCompany(db).Handle(new CreateCompany.Request("RE", "锦绣地产"), TestContext.Current.CancellationToken);
        return (await new CreateOrgUnit(db).Handle(new CreateOrgUnit.Request(company.Id, code, name, OrgUnitKind.CallCenter), TestContext.Current.CancellationToken)).Id;
    }

    public static async Task<Agent> Agent(TestDatabase test, string agentNo, string extension, string name, string? departmentCode = null)
    {
        await using var db = test.Context();
        var user = await new AddUser(db).Handle(new AddUser.Request(agentNo.ToLowerInvariant(), name, "Demo!2026pass", ["agent"], departmentCode), TestContext.Current.CancellationToken);
        return await new AddAgent(db).Handle(new AddAgent.Request(user.Id, agentNo, extension, new Dictionary<string, int> { ["service"] = 3 }), TestContext.Current.CancellationToken);
    }

    public static async Task<Customer> Customer(TestDatabase test, string name, string phone, bool doNotCall = false)
    {
        await using var db = test.Context();
        return await new CreateCustomer(db).Handle(new CreateCustomer.Request(new CustomerDetails { Name = name, Phone = phone, DoNotCall = doNotCall }), TestContext.Current.CancellationToken);
    }

    /// <summary>The agents rung since the last look.</summary>
    public static List<Telephony.CallCenter.AgentRinging> Rung(Telephony.CallCenter.CallDistributor acd)
    {
        var rung = new List<Telephony.CallCenter.AgentRinging>();
        while (acd.Events.TryRead(out var e))
            if (e is Telephony.CallCenter.AgentRinging ringing) rung.Add(ringing);
        return rung;
    }

    private static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> rows, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(rows, ct);
}
