using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Etl.Tests;

/// <summary>A fact is recomputed when a row it is built from changes, not only its driving row: an incremental run reads
/// only the reaches (Facts' affected queries) of the tables that changed, and these tests hold it to a full load.</summary>
public sealed class FactReachTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_changed_visit_compensation_or_competitor_project_rewrites_the_facts_it_reaches_as_a_full_load_builds_them(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var incremental = await bed.Warehouse("incremental");
        await bed.Etl(incremental).RunAsync(ct: Ct);

        Guid leadId, workOrderId, competitorProjectId;
        await using (var db = bed.Operational.Context("sales"))
        {
            // The lead's first visit, moved a day earlier: its funnel row's first_visit_at follows.
            var visit = await db.Set<Visit>().Where(v => v.LeadId != null).OrderBy(v => v.Id).FirstAsync(Ct);
            leadId = visit.LeadId!.Value;
            var first = await db.Set<Visit>().Where(v => v.LeadId == leadId).MinAsync(v => v.VisitedAt, Ct);
            visit.VisitedAt = first.AddDays(-1);
            var compensation = await db.Set<Compensation>().OrderBy(c => c.Id).FirstAsync(Ct);
            workOrderId = compensation.WorkOrderId;
            compensation.Amount += 500m;
            var project = await db.Set<CompetitorProject>().OrderBy(p => p.Id).FirstAsync(Ct);
            competitorProjectId = project.Id;
            project.Name += "二期";
            await db.SaveChangesAsync(Ct);
        }

        var run = await bed.Etl(incremental).RunAsync(ct: Ct);
        var rebuilt = await bed.Warehouse("rebuilt");
        await bed.Etl(rebuilt).RunAsync(full: true, ct: Ct);

        Assert.True(run.DataQualityPassed);
        var expected = await EtlTestBed.ContentsAsync(rebuilt);
        var actual = await EtlTestBed.ContentsAsync(incremental);
        foreach (var fact in new[] { "fact_lead_funnel", "fact_work_order", "fact_competitor_price" })
            Assert.True(expected[fact].SequenceEqual(actual[fact]), $"{fact} differs from a full load");
        // The changes reached the facts (not only equal because nothing moved).
        Assert.Equal(1, await EtlTestBed.CountAsync(incremental,
            $"SELECT count(*) FROM fact_lead_funnel f JOIN ods_visit v ON v.lead_id = f.lead_id WHERE f.lead_id = '{leadId}' AND f.first_visit_at = v.visited_at AND v.visited_at = (SELECT min(visited_at) FROM ods_visit WHERE lead_id = '{leadId}')"));
        Assert.Equal(0, await EtlTestBed.CountAsync(incremental,
            $"SELECT count(*) FROM fact_work_order WHERE work_order_id = '{workOrderId}' AND compensation_amount <> (SELECT sum(amount) FROM ods_compensation WHERE work_order_id = '{workOrderId}')"));
        Assert.True(await EtlTestBed.CountAsync(incremental,
            $"SELECT count(*) FROM fact_competitor_price f JOIN ods_competitor_price_observation o ON o.id = f.observation_id WHERE o.competitor_project_id = '{competitorProjectId}' AND f.competitor_project LIKE '%二期'") > 0);
    }
}
