using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>Return visits (回访): the net promoter score over a period (CalculateNps), the latest visits to the user's
/// customers, recording a visit after a work order with its questionnaire (RecordReturnVisit), and writing a new
/// questionnaire (CreateQuestionnaire), one "Kind: question" a line.</summary>
[Authorize(Policy = Functions.ServiceRead)]
public sealed class ReturnVisitsModel(CrmDbContext db, SignedInUser me, BusinessTime time, CalculateNps calculate) : ServicePage
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "Questionnaire")] public Guid? QuestionnaireId { get; set; }

    /// <summary>The work order (by number) whose customer is being visited; set, the questionnaire's form shows.</summary>
    [BindProperty(SupportsGet = true)] public string? WorkOrder { get; set; }

    public sealed record VisitRow(DateTime VisitedAt, string Customer, Guid? WorkOrderId, string? WorkOrderNumber, string Questionnaire, bool Satisfied, int? Nps, string? ByUser);

    public NetPromoterScore Nps { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Questionnaires { get; private set; } = [];
    public Questionnaire? Form { get; private set; }
    public WorkOrder? VisitedOrder { get; private set; }
    public string? VisitedCustomer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRecordAsync(bool satisfied, [FromServices] RecordReturnVisit record, CancellationToken ct)
    {
        if (!me.MayUse(Functions.ServiceWrite)) return Forbid();
        var order = await VisibleOrderAsync(ct);
        if (order is null || QuestionnaireId is not { } questionnaireId) return NotFound();
        var questions = await db.Set<Question>().AsNoTracking().Where(q => q.QuestionnaireId == questionnaireId).ToListAsync(ct);
        var answers = new List<RecordReturnVisit.GivenAnswer>();
        foreach (var question in questions)
        {
            var given = Request.Form[$"q-{question.Id}"].ToString().Trim();
            if (given.Length == 0) continue;
            answers.Add(question.Kind == QuestionKind.Text
                ? new RecordReturnVisit.GivenAnswer(question.Id, Text: given)
                : new RecordReturnVisit.GivenAnswer(question.Id, Score: int.TryParse(given, out var score) ? score : -1));
        }
        if (await RunAsync("record", () => record.Handle(new RecordReturnVisit.Request(order.CustomerId, questionnaireId, satisfied, answers, order.Id), ct)))
            return RedirectToPage(new { From, To, Questionnaire = QuestionnaireId });
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateQuestionnaireAsync(string? name, string? questions, [FromServices] CreateQuestionnaire create, CancellationToken ct)
    {
        if (!me.MayUse(Functions.ServiceWrite)) return Forbid();
        Questionnaire? created = null;
        if (await RunAsync("questionnaire", async () => created = await create.Handle(new CreateQuestionnaire.Request(name ?? "", ParseQuestions(questions)), ct)))
            return RedirectToPage(new { From, To, Questionnaire = created!.Id });
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>"Nps: How likely …" a line; a line without a known kind is refused naming its number.</summary>
    private static List<CreateQuestionnaire.NewQuestion> ParseQuestions(string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new List<CreateQuestionnaire.NewQuestion>();
        var errors = new List<ValidationError>();
        foreach (var (line, i) in lines.Select((l, i) => (l, i + 1)))
        {
            var colon = line.IndexOfAny([':', '：']);
            if (colon > 0 && Enum.TryParse<QuestionKind>(line[..colon].Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind))
                parsed.Add(new CreateQuestionnaire.NewQuestion(line[(colon + 1)..].Trim(), kind));
            else errors.Add(new ValidationError("questions", $"line {i} \"{line}\" does not start with Nps:, Rating:, Text: or YesNo:"));
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        return parsed;
    }

    private async Task<WorkOrder?> VisibleOrderAsync(CancellationToken ct) =>
        string.IsNullOrWhiteSpace(WorkOrder) ? null
            : await db.VisibleWorkOrders(await me.ScopeAsync(ct)).AsNoTracking().SingleOrDefaultAsync(w => w.Number == WorkOrder.Trim(), ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = time.Today;
        To ??= today;
        From ??= To.Value.AddDays(-90);
        var start = time.StartOfDayUtc(From.Value);
        var end = time.StartOfDayUtc(To.Value.AddDays(1));
        await RunAsync("period", async () => Nps = await calculate.Handle(new CalculateNps.Request(start, end, QuestionnaireId), ct));

        var scope = await me.ScopeAsync(ct);
        var customers = db.VisibleCustomers(scope);
        var latest = await (
            from v in db.ReturnVisits.AsNoTracking()
            where customers.Any(c => c.Id == v.CustomerId) && v.VisitedAt >= start && v.VisitedAt < end
            orderby v.VisitedAt descending
            select v).Take(50)
            .Select(v => new
            {
                v.VisitedAt, v.WorkOrderId, v.Satisfied, v.ByUser,
                Customer = db.Customers.Where(c => c.Id == v.CustomerId).Select(c => c.Name).Single(),
                Number = db.WorkOrders.Where(w => w.Id == v.WorkOrderId).Select(w => w.Number).SingleOrDefault(),
                Questionnaire = db.Questionnaires.Where(q => q.Id == v.QuestionnaireId).Select(q => q.Name).Single(),
                Nps = v.Answers.Where(a => db.Set<Question>().Any(q => q.Id == a.QuestionId && q.Kind == QuestionKind.Nps)).Select(a => a.Score).FirstOrDefault(),
            }).ToListAsync(ct);
        Visits = latest.Select(v => new VisitRow(v.VisitedAt, v.Customer, v.WorkOrderId, v.Number, v.Questionnaire, v.Satisfied, v.Nps, v.ByUser)).ToList();
        Questionnaires = (await db.Questionnaires.AsNoTracking().OrderBy(q => q.Name).Select(q => new { q.Id, q.Name }).ToListAsync(ct))
            .Select(q => (q.Id, q.Name)).ToList();

        if (await VisibleOrderAsync(ct) is { } order && QuestionnaireId is { } questionnaireId)
        {
            VisitedOrder = order;
            VisitedCustomer = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Name).SingleAsync(ct);
            Form = await db.Questionnaires.AsNoTracking().Include(q => q.Questions).SingleOrDefaultAsync(q => q.Id == questionnaireId, ct);
        }
    }
}
