using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>Competitors with developments near ours and their monthly prices, and each project's campaigns.</summary>
internal static class MarketGenerator
{
    private static readonly Channel[] CampaignChannels = [Channel.Event, Channel.Douyin, Channel.Billboard, Channel.WeChat, Channel.Agency];

    public static void Competitors(DemoWorld world, RowBuffer rows, DemoRandom random)
    {
        foreach (var name in ChineseVocabulary.Competitors)
        {
            var competitor = rows.Add(new Competitor { Id = random.Id(world.Start), Name = name, Notes = "全国性开发商 national developer" });
            world.Competitors.Add((competitor.Id, name));
        }
        var months = (world.AsOf.Year - world.Start.Year) * 12 + world.AsOf.Month - world.Start.Month + 1;
        foreach (var state in world.Projects)
        {
            var ours = (double)state.Project.BasePricePerSqm;
            var gaps = new double[months];
            var nearby = random.Next(1, 4);
            for (var n = 0; n < nearby; n++)
            {
                var (competitorId, competitorName) = random.Pick(world.Competitors);
                state.NearbyCompetitors.Add(competitorId);
                var competitorProject = rows.Add(new CompetitorProject
                {
                    Id = random.Id(world.Start), CompetitorId = competitorId, City = state.Project.City, District = state.Project.District,
                    Name = $"{competitorName[..2]}{random.Pick(ChineseVocabulary.CompetitorProjectSuffixes)}", NearProjectId = state.Project.Id,
                });
                // A random walk around a level set per competitor project: some undercut us for long stretches.
                var level = ours * (0.85 + random.NextDouble() * 0.3);
                for (var m = 0; m < months; m++)
                {
                    level *= 1 + (random.NextDouble() - 0.5) * 0.04;
                    var observedOn = DateOnly.FromDateTime(world.Start).AddMonths(m).AddDays(random.Next(0, 27));
                    rows.Add(new CompetitorPriceObservation
                    {
                        Id = random.Id(world.Start), CompetitorProjectId = competitorProject.Id, ObservedOn = observedOn,
                        PricePerSqm = Math.Round((decimal)level / 10m) * 10m, Source = random.Pick(["案场踩盘 site visit", "中介报价 agency", "广告 advertisement"]),
                    });
                    gaps[m] += (level - ours) / ours / nearby;
                }
            }
            state.CompetitorGapByMonth = gaps;
        }
    }

    public static void Campaigns(DemoWorld world, RowBuffer rows, DemoRandom random)
    {
        var no = 1;
        foreach (var state in world.Projects)
        {
            var launch = state.Project.LaunchDate!.Value;
            var count = random.Next(4, 9);
            for (var i = 0; i < count; i++)
            {
                var channel = CampaignChannels[i % CampaignChannels.Length];
                var start = launch.AddDays(random.Next(-30, 900));
                var end = start.AddDays(random.Next(14, 90));
                var asOf = DateOnly.FromDateTime(world.AsOf);
                state.Campaigns.Add(rows.Add(new Campaign
                {
                    Id = random.Id(world.Start), Code = $"MKT{no++:0000}", Name = $"{state.Project.Name}{ChannelName(channel)}", Channel = channel,
                    ProjectId = state.Project.Id, Cost = random.Next(5, 80) * 10_000m, StartDate = start, EndDate = end,
                    Status = start > asOf ? CampaignStatus.Planned : end < asOf ? CampaignStatus.Finished : CampaignStatus.Running,
                }));
            }
        }
    }

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.Event => "暖场活动", Channel.Douyin => "抖音直播", Channel.Billboard => "户外广告", Channel.WeChat => "朋友圈推广", _ => "渠道分销",
    };
}
