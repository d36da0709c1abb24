using RealEstateCrm.Warehouse.Olap;
using static RealEstateCrm.Warehouse.Olap.OlapFilter;

namespace RealEstateCrm.Warehouse.Tests.Olap;

public sealed class OlapStatementCacheTests
{
    [Fact]
    public void A_repeated_query_reuses_its_statement_and_any_other_value_or_option_gets_its_own()
    {
        OlapQuery Query(object year) => new("calls", ["offered"], ["queue"], [Equal("date.year", year)]);

        var first = OlapSqlBuilder.Build(Query(2026));
        var again = OlapSqlBuilder.Build(Query(2026));
        var otherYear = OlapSqlBuilder.Build(Query(2025));
        var asText = OlapSqlBuilder.Build(Query("2025"));
        var overFact = OlapSqlBuilder.Build(Query(2026), useRollups: false);
        var withGroupingId = OlapSqlBuilder.Build(Query(2026), selectGroupingId: true);

        Assert.Same(first, again);
        Assert.Equal([(object)2026], first.Parameters.Values);
        Assert.Equal([(object)2025], otherYear.Parameters.Values);
        Assert.Equal([(object)2025], asText.Parameters.Values);
        Assert.Equal(first.Sql, otherYear.Sql);
        Assert.Contains("FROM fact_call f", overFact.Sql, StringComparison.Ordinal);
        Assert.Contains("AS grouping_id", withGroupingId.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("grouping_id", first.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_would_read_alike_if_joined_are_different_queries()
    {
        var two = OlapSqlBuilder.Build(new OlapQuery("calls", ["calls"], Filters: [In("queue", "售前", "售后")]));
        var one = OlapSqlBuilder.Build(new OlapQuery("calls", ["calls"], Filters: [In("queue", "售前,售后")]));

        Assert.Equal(["售前", "售后"], two.Parameters.Values);
        Assert.Equal(["售前,售后"], one.Parameters.Values);
    }

    [Fact]
    public void A_refused_query_is_refused_every_time()
    {
        var query = new OlapQuery("calls", ["profit"]);
        for (var i = 0; i < 2; i++) Assert.Contains("unknown measure 'profit'", Assert.Throws<OlapModelException>(() => OlapSqlBuilder.Build(query)).Message, StringComparison.Ordinal);
    }
}
