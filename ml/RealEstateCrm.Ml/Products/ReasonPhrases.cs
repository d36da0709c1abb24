using System.Globalization;
using RealEstateCrm.Ml.Explanation;

namespace RealEstateCrm.Ml.Products;

/// <summary>A score's reasons in words: each feature of the views as a zh-CN and an English phrase around its
/// value, with an arrow for the direction it pushed the score (↑ raises it, ↓ lowers it).</summary>
public static class ReasonPhrases
{
    private static readonly Dictionary<string, (string Zh, string En)> Phrases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["channel"] = ("来源渠道：{0}", "channel {0}"),
        ["in_campaign"] = ("来自市场活动：{0}", "came through a campaign: {0}"),
        ["income_band"] = ("收入档次：{0}", "income band {0}"),
        ["income_level"] = ("收入等级 {0}（0 低 … 3 高）", "income level {0} (0 low … 3 high)"),
        ["family_size"] = ("家庭人数 {0}", "family of {0}"),
        ["budget_ratio"] = ("预算为所问项目房价的 {0} 倍", "budget {0}× the project's price"),
        ["visits"] = ("到访 {0} 次", "{0} visits"),
        ["lead_age_days"] = ("线索已 {0} 天", "lead {0} days old"),
        ["days_since_contact"] = ("距上次联系 {0} 天", "{0} days since last contact"),
        ["contacted"] = ("已首次联系：{0}", "first contact made: {0}"),
        ["response_hours"] = ("首次响应用时 {0} 小时", "first response after {0} h"),
        ["calls"] = ("通话 {0} 次", "{0} calls"),
        ["talk_minutes"] = ("通话时长 {0} 分钟", "{0} min talk time"),
        ["missed_calls"] = ("未接通 {0} 次", "{0} missed calls"),
        ["returned_calls"] = ("回拨 {0} 次", "{0} calls returned"),
        ["ivr_path"] = ("IVR 路径 {0}", "IVR path {0}"),
        ["usual_answer_hour"] = ("通常 {0} 点接听", "usually answers at {0}:00"),
        ["competitor_gap"] = ("周边竞品价差 {0}", "nearby competitor price gap {0}"),
        ["payment_method"] = ("付款方式：{0}", "payment method {0}"),
        ["contracts"] = ("合同 {0} 份", "{0} contracts"),
        ["days_since_signing"] = ("签约已 {0} 天", "signed {0} days ago"),
        ["open_work_orders"] = ("未完成工单 {0} 个", "{0} open work orders"),
        ["overdue_work_orders"] = ("超期工单 {0} 个", "{0} overdue work orders"),
        ["complaints"] = ("投诉 {0} 次", "{0} complaints"),
        ["open_complaints"] = ("未解决投诉 {0} 个", "{0} open complaints"),
        ["late_repairs"] = ("超时维修 {0} 次", "{0} repairs past their SLA"),
        ["complaint_category"] = ("最近投诉类别：{0}", "last complaint category {0}"),
        ["compensation"] = ("已赔付 {0} 元", "compensation ¥{0}"),
        ["handover_defects"] = ("验房问题 {0} 个", "{0} handover defects"),
        ["open_defects"] = ("未整改验房问题 {0} 个", "{0} defects not fixed"),
        ["mortgage_state"] = ("按揭状态：{0}", "mortgage {0}"),
        ["payment_delays"] = ("逾期未付款 {0} 笔", "{0} payments overdue"),
        ["max_days_late"] = ("付款最长逾期 {0} 天", "paid up to {0} days late"),
        ["nps"] = ("回访 NPS 平均 {0}", "return-visit NPS {0}"),
        ["last_nps"] = ("最近回访 NPS {0}", "last NPS {0}"),
        ["days_since_handover"] = ("交付已 {0} 天", "handed over {0} days ago"),
        ["unit_type"] = ("户型：{0}", "unit type {0}"),
        ["bedrooms"] = ("{0} 居室", "{0} bedrooms"),
        ["area"] = ("面积 {0} 平方米", "{0} m²"),
        ["price_wan"] = ("成交价 {0} 万元", "price ¥{0}×10k"),
        ["addon_window_days"] = ("附加产品销售期还剩 {0} 天", "{0} days left to buy add-ons"),
        ["owns_parking"] = ("已购车位：{0}", "owns a parking space: {0}"),
        ["owns_storage"] = ("已购储藏室：{0}", "owns a storage room: {0}"),
        ["owns_renovation"] = ("已购装修包：{0}", "owns the renovation package: {0}"),
        ["owns_service_upgrade"] = ("已购物业服务升级：{0}", "has the service upgrade: {0}"),
        ["addons_owned"] = ("已购附加产品 {0} 个", "{0} add-ons owned"),
    };

    /// <summary>Whether every column of a feature view has its phrases (a test checks the views against this).</summary>
    public static bool Knows(string feature) => Phrases.ContainsKey(feature);

    public static string Zh(FeatureContribution reason) => Phrase(reason, Phrases.GetValueOrDefault(reason.Feature).Zh);

    public static string En(FeatureContribution reason) => Phrase(reason, Phrases.GetValueOrDefault(reason.Feature).En);

    /// <summary>The reasons joined: zh-CN with '；', English with '; '.</summary>
    public static (string Zh, string En) Join(IEnumerable<FeatureContribution> reasons)
    {
        var list = reasons.ToList();
        return (string.Join("；", list.Select(Zh)), string.Join("; ", list.Select(En)));
    }

    private static string Phrase(FeatureContribution reason, string? template)
    {
        var value = Value(reason.Value);
        var text = template is null ? $"{reason.Feature} {value}" : string.Format(CultureInfo.InvariantCulture, template, value);
        return text + (reason.Contribution >= 0 ? " ↑" : " ↓");
    }

    // Numbers rounded for reading; NULL is "unknown" (a missing value can be a reason too).
    private static string Value(string? value) =>
        value is null ? "?"
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? Math.Round(number, Math.Abs(number) >= 10 ? 0 : 2).ToString(CultureInfo.InvariantCulture)
            : value;
}
