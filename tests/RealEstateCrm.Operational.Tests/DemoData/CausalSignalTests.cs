using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Operational.Features.Handover;

namespace RealEstateCrm.Operational.Tests.DemoData;

/// <summary>The outcomes in the demo data really depend on their documented drivers, so models trained
/// on it have something to find.</summary>
public sealed class CausalSignalTests(TinySeededSqlite seeded) : IClassFixture<TinySeededSqlite>
{
    [Fact]
    public async Task Leads_with_two_or_more_visits_convert_clearly_more_often_than_leads_without_visits()
    {
        await using var db = seeded.Context();
        var ct = TestContext.Current.CancellationToken;
        var visits = await db.Visits.GroupBy(v => v.LeadId).Select(g => new { LeadId = g.Key, Count = g.Count() }).ToDictionaryAsync(v => v.LeadId!.Value, v => v.Count, ct);
        var converted = (await db.Reservations.Select(r => r.LeadId).ToListAsync(ct)).ToHashSet();
        var leads = await db.Leads.Select(l => l.Id).ToListAsync(ct);

        double Rate(Func<int, bool> visitFilter)
        {
            var group = leads.Where(id => visitFilter(visits.GetValueOrDefault(id))).ToList();
            Assert.True(group.Count >= 50, $"only {group.Count} leads in the group");
            return group.Count(id => converted.Contains(id)) / (double)group.Count;
        }
        var none = Rate(v => v == 0);
        var twoOrMore = Rate(v => v >= 2);
        Assert.True(twoOrMore > 2 * none, $"≥2 visits: {twoOrMore:P1}, none: {none:P1}");
    }

    [Fact]
    public async Task True_probabilities_are_calibrated_and_higher_where_the_outcome_happened()
    {
        await using var db = seeded.Context();
        var rows = await db.TrueProbabilities.Where(t => t.Outcome == CausalModel.LeadConversion).ToListAsync(TestContext.Current.CancellationToken);
        var happened = rows.Where(r => r.Happened).Average(r => r.Probability);
        var notHappened = rows.Where(r => !r.Happened).Average(r => r.Probability);
        Assert.True(happened > notHappened + 0.1, $"mean p when converted {happened:F3}, when not {notHappened:F3}");
        // Leads too recent to have had 90 days, and sold-out projects, lower the observed rate slightly below the mean probability.
        Assert.InRange(rows.Count(r => r.Happened) / (double)rows.Count, rows.Average(r => r.Probability) - 0.05, rows.Average(r => r.Probability) + 0.02);
    }

    [Fact]
    public async Task Owners_leave_the_property_service_once_after_their_handover_as_often_as_their_probabilities_say()
    {
        await using var db = seeded.Context();
        var ct = TestContext.Current.CancellationToken;
        var drawn = await db.TrueProbabilities.Where(t => t.Outcome == CausalModel.PropertyServiceExit).ToListAsync(ct);
        var left = await db.CustomerTags.Where(t => t.Tag == LeavePropertyService.Tag).ToListAsync(ct);
        var handedOver = (await db.InspectionUnits.Where(u => u.HandedOverAt != null && u.CustomerId != null).ToListAsync(ct))
            .GroupBy(u => u.CustomerId!.Value).ToDictionary(g => g.Key, g => g.Min(u => u.HandedOverAt!.Value));

        Assert.True(drawn.Count >= 20, $"only {drawn.Count} owners could leave");
        Assert.Equal(drawn.Count(d => d.Happened), left.Count);
        Assert.Equal(left.Count, left.Select(t => t.CustomerId).Distinct().Count());
        // The tag's version-7 key carries the time the owner left: 30 days or more after the handover.
        Assert.All(left, t => Assert.True(DateTime.UnixEpoch.AddMilliseconds(Convert.ToInt64(t.Id.ToString("N")[..12], 16)) >= handedOver[t.CustomerId].AddDays(30)));
        var expected = drawn.Sum(d => d.Probability);
        var spread = 3 * Math.Sqrt(drawn.Sum(d => d.Probability * (1 - d.Probability)));
        Assert.InRange(left.Count, expected - spread, expected + spread);
    }

    [Fact]
    public async Task Every_lead_and_contract_has_its_true_probability_and_none_leaks_into_the_outbox()
    {
        await using var db = seeded.Context();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(await db.Leads.CountAsync(ct), await db.TrueProbabilities.CountAsync(t => t.Outcome == CausalModel.LeadConversion, ct));
        Assert.Equal(await db.Contracts.CountAsync(ct), await db.TrueProbabilities.CountAsync(t => t.Outcome == CausalModel.ContractCancellation, ct));
        Assert.DoesNotContain(await db.OutboxMessages.Select(m => m.Entity).ToListAsync(ct), e => e == nameof(TrueProbability));
    }
}
