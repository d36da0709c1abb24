using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Rules;

namespace RealEstateCrm.Ml.Tests;

public sealed class AssociationRuleTests
{
    [Fact]
    public async Task Groceries_give_the_463_published_rules_with_herbs_to_root_vegetables_on_top()
    {
        var path = ReferenceData.PathOf(ReferenceData.Groceries);
        await using var duck = await Duck.OpenAsync();

        var result = await AprioriMiner.MineAsync(duck, ReferenceData.GroceriesSql(path), "basket", "item", 0.006, 0.25, TestContext.Current.CancellationToken);

        Assert.Equal(9835, result.Baskets);
        Assert.Equal(169, result.Items);
        Assert.Equal(463, result.Rules.Count);
        var top = result.Rules[0];
        Assert.Equal("{herbs} => {root vegetables}", top.ToString());
        Assert.Equal(0.00702, top.Support, 5);
        Assert.Equal(0.431, top.Confidence, 3);
        Assert.Equal(3.956, top.Lift, 3);
    }

    [Fact]
    public async Task Support_confidence_and_lift_match_a_count_by_hand()
    {
        await using var duck = await Duck.OpenAsync();
        // Four baskets: bread+milk twice, bread alone, milk+eggs. bread => milk: support 2/4, confidence 2/3, lift (2/3)/(3/4).
        const string sql = """
            SELECT * FROM (VALUES (1, 'bread'), (1, 'milk'), (2, 'bread'), (2, 'milk'), (2, 'bread'), (3, 'bread'), (4, 'milk'), (4, 'eggs'), (4, NULL))
            AS t(basket, item)
            """;

        var result = await AprioriMiner.MineAsync(duck, sql, "basket", "item", 0.25, 0.5, TestContext.Current.CancellationToken);

        var breadToMilk = Assert.Single(result.Rules, r => r.ToString() == "{bread} => {milk}");
        Assert.Equal(2, breadToMilk.Baskets);
        Assert.Equal(0.5, breadToMilk.Support, 12);
        Assert.Equal(2.0 / 3, breadToMilk.Confidence, 12);
        Assert.Equal(2.0 / 3 / 0.75, breadToMilk.Lift, 12);
        Assert.Contains(result.Rules, r => r.ToString() == "{eggs} => {milk}");
        Assert.DoesNotContain(result.Rules, r => r.ToString() == "{milk} => {eggs}"); // confidence 1/3
        Assert.Equal(4, result.Baskets);
    }

    [Fact]
    public async Task Rules_refuse_a_missing_column_and_a_support_out_of_range()
    {
        await using var duck = await Duck.OpenAsync();
        var table = await QueryTable.ReadAsync(duck, "SELECT 1 AS basket, 'milk' AS item", TestContext.Current.CancellationToken);

        var column = Assert.Throws<MlInputException>(() => AprioriMiner.Mine(table, "order_id", "item", 0.1, 0.1));
        var support = Assert.Throws<MlInputException>(() => AprioriMiner.Mine(table, "basket", "item", 0, 0.1));

        Assert.Equal("basket", column.Field);
        Assert.Contains("no column 'order_id'", column.Message);
        Assert.Contains("basket, item", column.Message);
        Assert.Equal("min-support", support.Field);
    }
}
