using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Service;

/// <summary>A questionnaire (问卷) used on return visits.</summary>
public sealed class Questionnaire : Entity
{
    public required string Name { get; set; }
    public List<Question> Questions { get; set; } = [];
}

public sealed class Question : Entity
{
    public Guid QuestionnaireId { get; set; }
    public int Seq { get; set; }
    public required string Text { get; set; }
    public QuestionKind Kind { get; set; }
    public bool IsRequired { get; set; } = true;

    /// <summary>Why an answer does not fit this question, or null when it does.</summary>
    public RefusalText? Reject(int? score, string? text) => Kind switch
    {
        QuestionKind.Nps => score is >= 0 and <= 10 ? null : "needs a score from 0 to 10",
        QuestionKind.Rating => score is >= 1 and <= 5 ? null : "needs a rating from 1 to 5",
        QuestionKind.YesNo => score is 0 or 1 ? null : "needs 0 (no) or 1 (yes)",
        _ => string.IsNullOrWhiteSpace(text) ? "needs a text answer" : text.Length > 2000 ? "is longer than 2000 characters" : null,
    };
}

/// <summary>Nps: 0–10 "how likely to recommend"; Rating: 1–5; Text: free answer; YesNo: 0 or 1.</summary>
public enum QuestionKind { Nps, Rating, Text, YesNo }

/// <summary>A return visit (回访) to a customer, usually after a work order is resolved.</summary>
public sealed class ReturnVisit : Entity
{
    public Guid CustomerId { get; set; }
    public Guid? WorkOrderId { get; set; }
    public Guid QuestionnaireId { get; set; }
    public DateTime VisitedAt { get; set; }
    public string? ByUser { get; set; }
    public bool Satisfied { get; set; }
    public List<Answer> Answers { get; set; } = [];
}

public sealed class Answer : Entity
{
    public Guid ReturnVisitId { get; set; }
    public Guid QuestionId { get; set; }
    public int? Score { get; set; }
    public string? Text { get; set; }
}
