using Microsoft.AspNetCore.Authorization;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>Contractor scorecards (承建商评分) over the work orders the user may see.</summary>
[Authorize(Policy = Functions.ServiceRead)]
public sealed class ContractorsModel(CrmDbContext db, SignedInUser me) : ServicePage
{
    public IReadOnlyList<ContractorScorecards.Scorecard> Scorecards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Scorecards = await ContractorScorecards.ForAsync(db, await me.ScopeAsync(ct), ct);
}
