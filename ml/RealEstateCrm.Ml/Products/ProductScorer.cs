using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Ml.Training;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Ml.Products;

/// <summary>One subject's score as written to <c>ml_score</c>.</summary>
public sealed record ProductScore(Guid SubjectId, Guid CustomerId, Guid? ProjectId, Guid? RepUserId, double Score, string ReasonsZh, string ReasonsEn);

/// <summary>The scores of one model and the version that gave them.</summary>
public sealed record ScoredModel(string Version, IReadOnlyList<ProductScore> Scores);

/// <summary>Scores a product model's subjects as of a day with the registry's champion and replaces that day's rows
/// of the model in <c>ml_score</c> (one transaction: a reader sees the old scores or the new, never half).</summary>
public sealed class ProductScorer(WarehouseDatabase warehouse, ModelRegistry registry, TimeProvider clock)
{
    public static string VersionOf(ModelMetadata metadata) => $"{metadata.Name} v{metadata.Version}";

    /// <summary>Scores with the champion; no champion is an error saying how to train one.</summary>
    public Task<ScoredModel> ScoreAsync(ProductModel model, DateOnly day, CancellationToken ct = default) =>
        ScoreAsync(model, registry.ChampionModel(model.Name)
            ?? throw new InvalidDataException($"no trained {model.Name} model in {registry.Root}: run crm ml score --retrain first"), day, ct);

    /// <summary>Scores with <paramref name="champion"/>, a model loaded from the registry (its version stamps the scores),
    /// such as one a host holds loaded.</summary>
    public async Task<ScoredModel> ScoreAsync(ProductModel model, TabularModel champion, DateOnly day, CancellationToken ct = default)
    {
        var version = VersionOf(champion.Registered
            ?? throw new ArgumentException($"the {model.Name} model to score with was not loaded from the registry, so it has no version to stamp", nameof(champion)));
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var table = await QueryTable.ReadAsync(warehouse.Connection, model.FeaturesSql(day), ct);
        var scores = Score(model, champion, table);
        await using var transaction = await warehouse.Connection.BeginTransactionAsync(ct);
        await warehouse.ExecuteAsync($"DELETE FROM ml_score WHERE model = '{model.Name}' AND as_of = DATE '{day:yyyy-MM-dd}'", ct);
        var scoredAt = clock.GetUtcNow().UtcDateTime;
        using (var appender = warehouse.Connection.CreateAppender("ml_score"))
        {
            foreach (var s in scores)
            {
                var row = appender.CreateRow().AppendValue(day).AppendValue(model.Name).AppendValue(s.SubjectId).AppendValue(s.CustomerId);
                if (s.ProjectId is { } project) row.AppendValue(project); else row.AppendNullValue();
                if (s.RepUserId is { } rep) row.AppendValue(rep); else row.AppendNullValue();
                row.AppendValue(s.Score).AppendValue(version).AppendValue(s.ReasonsZh).AppendValue(s.ReasonsEn).AppendValue(scoredAt).EndRow();
            }
        }
        await warehouse.ExecuteAsync(
            $"INSERT INTO ml_score_run VALUES (DATE '{day:yyyy-MM-dd}', '{model.Name}', '{version}', {scores.Count}, TIMESTAMP '{startedAt:yyyy-MM-dd HH:mm:ss.ffffff}', TIMESTAMP '{clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}')", ct);
        await transaction.CommitAsync(ct);
        return new ScoredModel(version, scores);
    }

    private static List<ProductScore> Score(ProductModel model, TabularModel trained, QueryTable table)
    {
        var subject = table.Column(model.SubjectColumn, "subject");
        var customer = table.Column("customer_id", "customer");
        var project = table.Find("project_id");
        var rep = table.Find("rep_user_id");
        return trained.Score(table, reasons: 3).Select(s =>
        {
            var (zh, en) = ReasonPhrases.Join(s.Reasons);
            return new ProductScore(Guid.Parse(subject.TextAt(s.Row)!), Guid.Parse(customer.TextAt(s.Row)!), Id(project, s.Row), Id(rep, s.Row), s.Probability, zh, en);
        }).ToList();
    }

    private static Guid? Id(QueryColumn? column, int row) => column?.TextAt(row) is { } text ? Guid.Parse(text) : null;
}
