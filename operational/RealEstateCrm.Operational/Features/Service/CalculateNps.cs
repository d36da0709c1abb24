using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Net promoter score from the NPS answers of return visits made in [From, To).</summary>
[UseCase]
public sealed class CalculateNps(CrmDbContext db)
{
    public sealed record Request(DateTime From, DateTime To, Guid? QuestionnaireId = null);

    public async Task<NetPromoterScore> Handle(Request request, CancellationToken ct = default)
    {
        new Validator().Require(request.To > request.From, "to", "must be after from").ThrowIfInvalid();
        var scores = await (
            from v in db.ReturnVisits
            where v.VisitedAt >= request.From && v.VisitedAt < request.To
                  && (request.QuestionnaireId == null || v.QuestionnaireId == request.QuestionnaireId)
            from a in v.Answers
            join q in db.Set<Question>() on a.QuestionId equals q.Id
            where q.Kind == QuestionKind.Nps && a.Score != null
            select a.Score!.Value).ToListAsync(ct);
        return NetPromoterScore.Of(scores);
    }
}
