using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>The true causal model behind the demo data (documented with the same numbers in
/// DemoData/README.md). Each outcome is a logistic function of its drivers; the generator draws the
/// outcome from the probability and stores that probability in <see cref="TrueProbability"/>.</summary>
internal static class CausalModel
{
    public const string LeadConversion = "lead-conversion";
    public const string ContractCancellation = "contract-cancellation";

    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    public static double ChannelEffect(Channel channel) => channel switch
    {
        Channel.Referral => 1.0,
        Channel.WalkIn => 0.9,
        Channel.Agency => 0.5,
        Channel.Event => 0.3,
        Channel.Phone => 0.2,
        Channel.WeChat => 0.0,
        Channel.Website => -0.2,
        Channel.Douyin => -0.5,
        Channel.Billboard => -0.6,
        _ => 0,
    };

    /// <summary>P(reservation within 90 days of the lead).</summary>
    /// <param name="budgetRatio">the lead's budget over the project's typical unit price</param>
    /// <param name="responseHours">hours from the lead to the first contact</param>
    /// <param name="competitorGap">(competitor price − our price) / our price near the project that month; negative = they are cheaper</param>
    public static double ConversionProbability(Channel channel, int visits, double budgetRatio, double responseHours, double competitorGap) =>
        Logistic(-2.6
                 + ChannelEffect(channel)
                 + 0.8 * Math.Min(visits, 3)
                 + 1.5 * Math.Clamp(budgetRatio - 1, -0.5, 0.5)
                 - 0.35 * Math.Log(1 + responseHours)
                 + 3.0 * Math.Clamp(competitorGap, -0.3, 0.3));

    /// <summary>P(a signed contract is cancelled before the as-of date).</summary>
    public static double CancellationProbability(int openComplaints, bool slowRepair, int handoverDefects, bool mortgageRejected) =>
        Logistic(-3.2
                 + 0.6 * Math.Min(openComplaints, 3)
                 + (slowRepair ? 0.8 : 0)
                 + 0.15 * Math.Min(handoverDefects, 6)
                 + (mortgageRejected ? 2.2 : 0));

    public const string PropertyServiceExit = "property-service-exit";

    /// <summary>P(an owner leaves the property service within a year), from 30 days after his handover on: a constant
    /// hazard, rare unless service fails him, driven by the same service history as a cancellation but not by the mortgage.</summary>
    public static double PropertyServiceExitPerYear(int openComplaints, bool slowRepair, int handoverDefects) =>
        Logistic(-3.5
                 + 0.7 * Math.Min(openComplaints, 3)
                 + (slowRepair ? 1.0 : 0)
                 + 0.2 * Math.Min(handoverDefects, 6));

    public static int IncomeLevel(IncomeBand band) => band switch
    {
        IncomeBand.Low => 0, IncomeBand.Middle => 1, IncomeBand.UpperMiddle => 2, IncomeBand.High => 3, _ => 1,
    };

    /// <summary>The add-ons an owner may buy after signing (车位 parking space, 储藏室 storage room, 装修包 renovation
    /// package, 物业服务升级 property-service upgrade), each a customer tag, with its logit in (bedrooms, family size, income level).</summary>
    public static readonly IReadOnlyList<AddOn> AddOns =
    [
        new("addon:parking", (bedrooms, family, income) => -1.5 + 0.5 * (bedrooms - 2) + 0.4 * income + 0.2 * (family - 3)),
        new("addon:storage", (bedrooms, family, _) => -2.0 + 0.3 * (bedrooms - 2) + 0.4 * (family - 3)),
        new("addon:renovation", (bedrooms, _, income) => -1.8 - 0.2 * (bedrooms - 2) + 0.5 * income),
        new("addon:service-upgrade", (_, family, income) => -2.2 + 0.6 * income + 0.3 * (family - 3)),
    ];

    public sealed record AddOn(string Tag, Func<int, int, int, double> Logit)
    {
        public double Probability(int bedrooms, int familySize, IncomeBand income) => Logistic(Logit(bedrooms, familySize, IncomeLevel(income)));
    }

    public static double MortgageRejection(IncomeBand band) => band switch
    {
        IncomeBand.Low => 0.25, IncomeBand.Middle => 0.10, IncomeBand.UpperMiddle => 0.05, IncomeBand.High => 0.02, _ => 0.12,
    };
}
