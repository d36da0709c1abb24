using RealEstateCrm.Operational.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Service;

public sealed class ReturnVisitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Questionnaire> Survey(CrmDbContext db) => new CreateQuestionnaire(db).Handle(new CreateQuestionnaire.Request("维修回访问卷",
    [
        new("您向亲友推荐我们物业服务的可能性有多大？", QuestionKind.Nps),
        new("您对维修师傅的服务打几分？", QuestionKind.Rating),
        new("问题是否已经解决？", QuestionKind.YesNo),
        new("其他意见", QuestionKind.Text, IsRequired: false),
    ]), Ct);

    private static RecordReturnVisit.GivenAnswer[] Answers(Questionnaire q, int nps, int rating = 5, int solved = 1, string? text = null)
    {
        var answers = new List<RecordReturnVisit.GivenAnswer> { new(q.Questions[0].Id, nps), new(q.Questions[1].Id, rating), new(q.Questions[2].Id, solved) };
        if (text is not null) answers.Add(new(q.Questions[3].Id, Text: text));
        return [.. answers];
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Nps_is_promoters_minus_detractors_over_the_visits_of_the_period(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var customer = await Given.Customer(db);
        var survey = await Survey(db);
        var clock = new FixedClock(Given.Monday);
        var record = new RecordReturnVisit(db, clock);
        foreach (var nps in new[] { 10, 9, 9, 7, 3 })
        {
            await record.Handle(new RecordReturnVisit.Request(customer.Id, survey.Id, nps >= 7, Answers(survey, nps, text: nps < 5 ? "师傅迟到了" : null)), Ct);
            clock.Advance(TimeSpan.FromDays(1));
        }
        clock.Advance(TimeSpan.FromDays(30));
        await record.Handle(new RecordReturnVisit.Request(customer.Id, survey.Id, false, Answers(survey, 0)), Ct);

        var march = await new CalculateNps(db).Handle(new CalculateNps.Request(Given.Monday, Given.Monday.AddDays(5)), Ct);
        var withApril = await new CalculateNps(db).Handle(new CalculateNps.Request(Given.Monday, Given.Monday.AddDays(60), survey.Id), Ct);

        Assert.Equal(new NetPromoterScore(5, 3, 1), march);
        Assert.Equal(40.0, march.Score);
        Assert.Equal(new NetPromoterScore(6, 3, 2), withApril);
        Assert.Equal(16.7, withApril.Score);
        await using var check = test.Context();
        Assert.Equal(["师傅迟到了"], await check.Set<Answer>().Where(a => a.Text != null).Select(a => a.Text).ToListAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Answers_outside_their_kinds_range_and_missing_required_answers_are_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var customer = await Given.Customer(db);
        var survey = await Survey(db);
        var before = await Refusal.StoredChanges(test);

        var error = await Assert.ThrowsAsync<ValidationException>(() => new RecordReturnVisit(db, new FixedClock(Given.Monday)).Handle(
            new RecordReturnVisit.Request(customer.Id, survey.Id, true, [new(survey.Questions[0].Id, 11), new(survey.Questions[1].Id, 0), new(survey.Questions[3].Id, Text: " ")]), Ct));

        Assert.Equal(["question 1", "question 2", "question 4", "question 3"], error.Errors.Select(e => e.Field));
        Assert.Contains("0 to 10", error.Errors[0].Message);
        Assert.Contains("is required", error.Errors[3].Message);
        Assert.Equal(before, await Refusal.StoredChanges(test));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_visit_about_someone_elses_work_order_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var desk = await Given.ServiceDesk(db);
        var neighbour = await Given.Customer(db, "李娜", "13912345678");
        var survey = await Survey(db);
        var order = await new OpenWorkOrder(db, new FixedClock(Given.Monday)).Handle(new OpenWorkOrder.Request(WorkOrderType.Repair, desk.Customer.Id, desk.BathroomLeak.Id, "渗水"), Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() => new RecordReturnVisit(db, new FixedClock(Given.Monday))
            .Handle(new RecordReturnVisit.Request(neighbour.Id, survey.Id, true, Answers(survey, 9), order.Id), Ct));
        Assert.Equal("work-order", error.Field);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_questionnaire_needs_a_free_name_and_questions_with_text(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        await Survey(db);

        var taken = await Assert.ThrowsAsync<ValidationException>(() => Survey(db));
        var blank = await Assert.ThrowsAsync<ValidationException>(() =>
            new CreateQuestionnaire(db).Handle(new CreateQuestionnaire.Request("交付满意度", [new("满意吗？", QuestionKind.Rating), new(" ", QuestionKind.YesNo)]), Ct));
        var empty = await Assert.ThrowsAsync<ValidationException>(() => new CreateQuestionnaire(db).Handle(new CreateQuestionnaire.Request("空问卷", []), Ct));

        Assert.Equal(("name", "questions[2].text", "questions"), (taken.Errors.Single().Field, blank.Errors.Single().Field, empty.Errors.Single().Field));
    }

    [Theory]
    [InlineData(QuestionKind.Nps, 0, true)]
    [InlineData(QuestionKind.Nps, 10, true)]
    [InlineData(QuestionKind.Nps, -1, false)]
    [InlineData(QuestionKind.Rating, 1, true)]
    [InlineData(QuestionKind.Rating, 5, true)]
    [InlineData(QuestionKind.Rating, 6, false)]
    [InlineData(QuestionKind.YesNo, 1, true)]
    [InlineData(QuestionKind.YesNo, 2, false)]
    public void Each_question_kind_takes_scores_in_its_own_range(QuestionKind kind, int score, bool fits)
    {
        var question = new Question { Text = "?", Kind = kind };
        Assert.Equal(fits, question.Reject(score, null) is null);
        Assert.NotNull(question.Reject(null, "很好"));
    }

    [Fact]
    public void A_text_question_takes_words_not_scores()
    {
        var question = new Question { Text = "其他意见", Kind = QuestionKind.Text };
        Assert.Null(question.Reject(null, "物业响应很快"));
        Assert.NotNull(question.Reject(5, null));
    }

    [Fact]
    public void Nobody_answering_gives_no_score_rather_than_zero()
    {
        Assert.Null(NetPromoterScore.Of([]).Score);
        Assert.Equal(-100.0, NetPromoterScore.Of([0, 6]).Score);
        Assert.Equal(0.0, NetPromoterScore.Of([7, 8]).Score);
    }
}
