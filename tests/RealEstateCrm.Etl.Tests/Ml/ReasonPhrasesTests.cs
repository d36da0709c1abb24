using RealEstateCrm.Ml.Explanation;
using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Etl.Tests.Ml;

public sealed class ReasonPhrasesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_feature_of_every_product_model_has_words_in_Chinese_and_English()
    {
        await using var bed = await EtlTestBed.Create(DatabaseProvider.Sqlite);
        var warehouse = await bed.Warehouse();
        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);
        await FeatureViews.InstallAsync(warehouse, Ct);

        foreach (var model in ProductModels.All)
        {
            await using var command = warehouse.Connection.CreateCommand();
            command.CommandText = $"DESCRIBE {model.FeaturesSql(new DateOnly(2026, 6, 30))}";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                var column = reader.GetString(0);
                if (ProductModel.Identifiers.Contains(column)) continue;
                Assert.True(ReasonPhrases.Knows(column), $"{model.Name}: no words for feature {column}");
            }
        }
    }

    [Fact]
    public void A_reason_reads_as_the_feature_its_rounded_value_and_the_direction_it_pushed()
    {
        var (zh, en) = ReasonPhrases.Join([new FeatureContribution("visits", "2", 0.8), new FeatureContribution("response_hours", "9.8123", -0.3),
            new FeatureContribution("mortgage_state", "Rejected", 1.2)]);

        Assert.Equal("到访 2 次 ↑；首次响应用时 9.81 小时 ↓；按揭状态：Rejected ↑", zh);
        Assert.Equal("2 visits ↑; first response after 9.81 h ↓; mortgage Rejected ↑", en);
    }
}
