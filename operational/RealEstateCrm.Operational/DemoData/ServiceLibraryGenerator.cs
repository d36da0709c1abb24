using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>The standard complaint library (category tree with departments and SLA hours), contractors
/// and their responsibilities per project, the return-visit questionnaire and complaint topics.</summary>
internal static class ServiceLibraryGenerator
{
    private static readonly (string Name, bool Construction, (string Name, int SlaHours, Severity Severity)[] Leaves)[] Library =
    [
        ("房屋质量 Construction quality", true, [("渗漏水 Water leak", 72, Severity.High), ("墙面开裂 Wall cracks", 120, Severity.Normal), ("门窗 Doors and windows", 72, Severity.Normal), ("水电 Plumbing and wiring", 48, Severity.High), ("地面空鼓 Hollow floor", 120, Severity.Low)]),
        ("物业服务 Property service", false, [("保洁 Cleaning", 24, Severity.Low), ("安保 Security", 24, Severity.High), ("停车 Parking", 48, Severity.Normal)]),
        ("销售服务 Sales service", false, [("合同纠纷 Contract dispute", 168, Severity.High), ("承诺未兑现 Broken promise", 168, Severity.High)]),
        ("交付 Handover", false, [("交付延期 Late handover", 168, Severity.Critical), ("配套设施 Amenities", 240, Severity.Normal)]),
    ];

    public static void Generate(DemoWorld world, RowBuffer rows, DemoRandom random, OrganisationGenerator.Result org)
    {
        var constructionLeaves = new List<ComplaintCategory>();
        for (var i = 0; i < Library.Length; i++)
        {
            var (name, construction, leaves) = Library[i];
            var department = construction ? org.Engineering.Id : org.Service.Id;
            var parent = rows.Add(new ComplaintCategory { Id = random.Id(world.Start), Code = $"Q{i + 1:00}", Name = name, DefaultDepartmentId = department, SlaHours = leaves.Max(l => l.SlaHours) });
            for (var j = 0; j < leaves.Length; j++)
            {
                var leaf = rows.Add(new ComplaintCategory
                {
                    Id = random.Id(world.Start), ParentId = parent.Id, Code = $"Q{i + 1:00}-{j + 1:00}", Name = leaves[j].Name,
                    DefaultDepartmentId = department, SlaHours = leaves[j].SlaHours, Severity = leaves[j].Severity,
                });
                world.LeafCategories.Add(leaf);
                if (construction) constructionLeaves.Add(leaf);
            }
        }

        var contractors = ChineseVocabulary.Contractors.Select(name => rows.Add(new Contractor
        {
            Id = random.Id(world.Start), Name = name, ContactPerson = "项目经理", Phone = $"0571{random.Next(80_000_000, 89_999_999)}",
        })).ToList();
        foreach (var state in world.Projects)
        {
            foreach (var leaf in constructionLeaves)
            {
                var contractor = random.Pick(contractors);
                rows.Add(new ContractorScope { Id = random.Id(world.Start), ContractorId = contractor.Id, ProjectId = state.Project.Id, ComplaintCategoryId = leaf.Id });
                state.ContractorByCategory[leaf.Id] = contractor.Id;
            }
            // A group complaint in about half the projects: many owners, one leak or one late handover.
            if (random.Chance(0.5))
            {
                var category = random.Pick(constructionLeaves);
                var opened = random.Between(world.Start.AddYears(1), world.AsOf);
                state.ComplaintTopicId = rows.Add(new ComplaintTopic
                {
                    Id = random.Id(opened), Title = $"{state.Project.Name}{category.Name.Split(' ')[0]}集中投诉", ProjectId = state.Project.Id,
                    CategoryId = category.Id, OpenedAt = opened, ClosedAt = random.Chance(0.5) ? random.Between(opened, world.AsOf) : null,
                    Summary = "多户业主反映同类问题，统一处理 one problem reported by many owners, handled together",
                }).Id;
                state.ComplaintTopicCategoryId = category.Id;
            }
        }

        var questionnaire = rows.Add(new Questionnaire { Id = random.Id(world.Start), Name = "维修回访问卷 Repair follow-up" });
        (string Text, QuestionKind Kind)[] questions =
            [("您向亲友推荐我们的可能性有多大？(0-10) How likely are you to recommend us?", QuestionKind.Nps), ("维修及时性 Timeliness (1-5)", QuestionKind.Rating), ("问题是否已解决？Resolved?", QuestionKind.YesNo), ("其他意见 Other comments", QuestionKind.Text)];
        for (var i = 0; i < questions.Length; i++)
            questionnaire.Questions.Add(rows.Add(new Question { Id = random.Id(world.Start), QuestionnaireId = questionnaire.Id, Seq = i + 1, Text = questions[i].Text, Kind = questions[i].Kind }));
        world.ReturnVisitQuestionnaire = questionnaire;
    }
}
