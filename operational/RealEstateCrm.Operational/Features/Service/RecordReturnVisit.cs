using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Records a return visit (回访) and the customer's answers. Each answer must fit its question's kind
/// and every required question must be answered, so NPS and ratings computed later are on complete data.</summary>
[UseCase]
public sealed class RecordReturnVisit(CrmDbContext db, TimeProvider clock)
{
    public sealed record GivenAnswer(Guid QuestionId, int? Score = null, string? Text = null);

    public sealed record Request(Guid CustomerId, Guid QuestionnaireId, bool Satisfied, IReadOnlyList<GivenAnswer> Answers, Guid? WorkOrderId = null);

    public async Task<ReturnVisit> Handle(Request request, CancellationToken ct = default)
    {
        var customer = await db.Customers.FindOrFail(request.CustomerId, "customer", ct);
        var questionnaire = await db.Questionnaires.Include(q => q.Questions).FindOrFail(request.QuestionnaireId, "questionnaire", ct);
        if (request.WorkOrderId is { } workOrderId)
        {
            var order = await db.WorkOrders.FindOrFail(workOrderId, "work-order", ct);
            if (order.CustomerId != customer.Id)
                throw new DomainException($"work order {order.Number} belongs to another customer", "work-order");
        }

        var validator = new Validator();
        var byId = questionnaire.Questions.ToDictionary(q => q.Id);
        foreach (var (answer, i) in request.Answers.Select((a, i) => (a, i + 1)))
        {
            if (!byId.TryGetValue(answer.QuestionId, out var question))
                validator.Require(false, $"answers[{i}]", $"question {answer.QuestionId} is not in questionnaire \"{questionnaire.Name}\"");
            else if (question.Reject(answer.Score, answer.Text) is { } problem)
                validator.Require(false, $"question {question.Seq}", problem);
        }
        validator.Require(request.Answers.Select(a => a.QuestionId).Distinct().Count() == request.Answers.Count, "answers", "a question is answered twice");
        foreach (var missing in questionnaire.Questions.Where(q => q.IsRequired && request.Answers.All(a => a.QuestionId != q.Id)).OrderBy(q => q.Seq))
            validator.Require(false, $"question {missing.Seq}", $"\"{missing.Text}\" is required");
        validator.ThrowIfInvalid();

        var visit = new ReturnVisit
        {
            CustomerId = customer.Id,
            WorkOrderId = request.WorkOrderId,
            QuestionnaireId = questionnaire.Id,
            VisitedAt = clock.GetUtcNow().UtcDateTime,
            ByUser = db.Actor,
            Satisfied = request.Satisfied,
        };
        visit.Answers.AddRange(request.Answers.Select(a => new Answer
        {
            ReturnVisitId = visit.Id,
            QuestionId = a.QuestionId,
            // Keep only what the question's kind reads, so a stray score on a text answer cannot skew a score.
            Score = byId[a.QuestionId].Kind == QuestionKind.Text ? null : a.Score,
            Text = byId[a.QuestionId].Kind == QuestionKind.Text ? a.Text!.Trim() : null,
        }));
        db.ReturnVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return visit;
    }
}
