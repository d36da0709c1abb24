using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Creates a questionnaire (问卷) for return visits; questions are numbered in the order given.</summary>
[UseCase]
public sealed class CreateQuestionnaire(CrmDbContext db)
{
    public sealed record NewQuestion(string Text, QuestionKind Kind, bool IsRequired = true);

    public sealed record Request(string Name, IReadOnlyList<NewQuestion> Questions);

    public async Task<Questionnaire> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.Name, "name")
            .Require(request.Questions.Count > 0, "questions", "at least one question is required")
            .Require(!await db.Questionnaires.AnyAsync(q => q.Name == request.Name.Trim(), ct), "name", $"\"{request.Name}\" already exists");
        for (var i = 0; i < request.Questions.Count; i++)
        {
            validator.NotBlank(request.Questions[i].Text, $"questions[{i + 1}].text", 500)
                .Require(Enum.IsDefined(request.Questions[i].Kind), $"questions[{i + 1}].kind", "must be Nps, Rating, Text or YesNo");
        }
        validator.ThrowIfInvalid();

        var questionnaire = new Questionnaire { Name = request.Name.Trim() };
        questionnaire.Questions.AddRange(request.Questions.Select((q, i) => new Question
        {
            QuestionnaireId = questionnaire.Id, Seq = i + 1, Text = q.Text.Trim(), Kind = q.Kind, IsRequired = q.IsRequired,
        }));
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync(ct);
        return questionnaire;
    }
}
