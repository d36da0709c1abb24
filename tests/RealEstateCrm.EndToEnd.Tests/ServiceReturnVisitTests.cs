using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.EndToEnd.Tests;

[Collection(WebCollection.Name)]
public sealed class ServiceReturnVisitTests(WebServer server, Chromium chromium)
{
    [Fact]
    public async Task A_return_visit_with_its_questionnaire_counts_in_the_net_promoter_score()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = await ServiceWork.OpenAsync(server, "阳台推拉门变形 visit");
        Guid questionnaire;
        await using (var db = server.Database.CreateContext())
            questionnaire = await db.Questionnaires.Where(q => q.Name.StartsWith("维修回访问卷")).Select(q => q.Id).SingleAsync(ct);
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service");
        await page.GotoAsync($"/Service/ReturnVisits?Questionnaire={questionnaire}&WorkOrder={order.Number}");

        await page.SelectOptionAsync("#record .question[data-seq='1'] select", "10");
        await page.SelectOptionAsync("#record .question[data-seq='2'] select", "5");
        await page.SelectOptionAsync("#record .question[data-seq='3'] select", "1");
        await page.ClickAsync("#record button[type=submit]");
        Assert.Equal("\"其他意见 Other comments\" is required", await page.InnerTextAsync("#record [data-field='question 4']"));
        Assert.Equal("10", await page.InputValueAsync("#record .question[data-seq='1'] select"));

        await page.FillAsync("#record .question[data-seq='4'] textarea", "师傅很准时");
        await page.CheckAsync("#record input[name=satisfied]");
        await page.ClickAsync("#record button[type=submit]");
        Assert.Equal("10", (await page.InnerTextAsync($"#visits tr[data-number='{order.Number}'] .nps")).Trim());

        // The same 90 days the page shows by default, computed here from the stored answers.
        await using var check = server.Database.CreateContext();
        var today = DateTime.UtcNow.Date;
        var scores = await (
            from v in check.ReturnVisits
            where v.VisitedAt >= today.AddDays(-90) && v.VisitedAt < today.AddDays(1) && v.QuestionnaireId == questionnaire
            from a in v.Answers
            join q in check.Set<Question>() on a.QuestionId equals q.Id
            where q.Kind == QuestionKind.Nps && a.Score != null
            select a.Score!.Value).ToListAsync(ct);
        var promoters = scores.Count(s => s >= 9);
        var detractors = scores.Count(s => s <= 6);
        Assert.Equal(scores.Count.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("[data-figure=responses]"));
        Assert.Equal(promoters.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("[data-figure=promoters]"));
        Assert.Equal(detractors.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("[data-figure=detractors]"));
        Assert.Equal((100.0 * (promoters - detractors) / scores.Count).ToString("0.0", CultureInfo.GetCultureInfo("en")), await page.InnerTextAsync("[data-figure=nps]"));
        var visit = await check.ReturnVisits.Include(v => v.Answers).SingleAsync(v => v.WorkOrderId == order.Id, ct);
        Assert.True(visit.Satisfied);
        Assert.Equal(4, visit.Answers.Count);
        Assert.Equal("web:demo.service", visit.ByUser);
        await Chromium.ScreenshotAsync(page, "service-return-visits");
    }

    [Fact]
    public async Task A_questionnaire_line_without_a_kind_is_refused_by_its_number()
    {
        var page = await chromium.SignInAsync(server.BaseAddress, "demo.service");
        await page.GotoAsync("/Service/ReturnVisits");
        var name = $"交付满意度 {Guid.NewGuid():N}"[..20];
        await page.FillAsync("#create-questionnaire input[name=name]", name);
        await page.FillAsync("#create-questionnaire textarea[name=questions]", "Nps: 推荐的可能性\n钥匙交接是否顺利");
        await page.ClickAsync("#create-questionnaire button[type=submit]");
        Assert.Contains("line 2", await page.InnerTextAsync("#create-questionnaire [data-field=questions]"));

        await page.FillAsync("#create-questionnaire input[name=name]", name);
        await page.FillAsync("#create-questionnaire textarea[name=questions]", "Nps: 推荐的可能性\nYesNo: 钥匙交接是否顺利");
        await page.ClickAsync("#create-questionnaire button[type=submit]");
        Assert.Equal(name, await page.Locator("#period select[name=Questionnaire] option:checked").InnerTextAsync());
    }
}
