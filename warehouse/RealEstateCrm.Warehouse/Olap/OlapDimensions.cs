namespace RealEstateCrm.Warehouse.Olap;

/// <summary>Builders for the dimensions several cubes share, so each cube states only its own join keys.</summary>
internal static class OlapDimensions
{
    public static readonly string[] DateLevels = ["year", "quarter", "month", "day"];

    /// <summary>year › quarter › month › day on the fact's yyyymmdd key. Quarter and month carry the year
    /// ("2026-Q1", "2026-03") so a month never merges across years.</summary>
    public static OlapDimension Date(string factDateKey, string description)
    {
        var d = new OlapJoin("d", "dim_date", $"d.date_key = f.{factDateKey}", Inner: true);
        return new OlapDimension("date", description,
        [
            new("year", "d.year", typeof(int), d, NeverNull: true),
            new("quarter", "concat(d.year, '-Q', d.quarter)", typeof(string), d, NeverNull: true),
            new("month", "strftime(d.full_date, '%Y-%m')", typeof(string), d, NeverNull: true),
            new("day", "d.full_date", typeof(DateOnly), d, NeverNull: true),
            new("day_of_week", "d.day_of_week", typeof(int), d, NeverNull: true),
            new("is_working_day", "d.is_working_day", typeof(bool), d, NeverNull: true),
            new("is_public_holiday", "d.is_public_holiday", typeof(bool), d, NeverNull: true),
            new("fiscal_year", "d.fiscal_year", typeof(int), d, NeverNull: true),
        ], DateLevels);
    }

    /// <summary>city › project › building. <paramref name="building"/> is null when the fact has no building.</summary>
    public static OlapDimension Geography(OlapJoin project, OlapJoin? building)
    {
        List<OlapAttribute> attributes =
        [
            new("city", $"{project.Alias}.city", typeof(string), project),
            new("district", $"{project.Alias}.district", typeof(string), project),
            new("project", $"{project.Alias}.name", typeof(string), project),
        ];
        if (building is not null) attributes.Add(new("building", $"{building.Alias}.name", typeof(string), building));
        return new OlapDimension("geography", "city › project › building (项目/楼栋)", attributes, attributes.Where(a => a.Name != "district").Select(a => a.Name).ToList());
    }

    /// <summary>channel › campaign, for facts that carry both keys.</summary>
    public static OlapDimension Marketing()
    {
        var channel = new OlapJoin("ch", "dim_channel", "ch.channel_key = f.channel_key");
        var campaign = new OlapJoin("cp", "dim_campaign", "cp.campaign_key = f.campaign_key");
        return new OlapDimension("marketing", "channel › campaign (渠道/活动)",
            [new("channel", "ch.channel", typeof(string), channel), new("campaign", "cp.name", typeof(string), campaign)], ["channel", "campaign"]);
    }

    /// <summary>A one-attribute dimension read from a dimension table.</summary>
    public static OlapDimension Lookup(string name, string description, OlapJoin join, string column, Type? type = null) =>
        new(name, description, [new(name, $"{join.Alias}.{column}", type ?? typeof(string), join)], [name]);

    /// <summary>A degenerate dimension: a column of the fact itself.</summary>
    public static OlapDimension OnFact(string name, string description, string column, Type? type = null, bool neverNull = false) =>
        new(name, description, [new(name, $"f.{column}", type ?? typeof(string), NeverNull: neverNull)], [name]);

    public static OlapDimension Customer()
    {
        var c = new OlapJoin("cu", "dim_customer", "cu.customer_key = f.customer_key");
        return new OlapDimension("customer", "the customer's segment, city and income band when the fact happened (SCD2 version)",
        [
            new("segment", "cu.segment", typeof(string), c),
            new("city", "cu.city", typeof(string), c),
            new("income_band", "cu.income_band", typeof(string), c),
            new("kind", "cu.kind", typeof(string), c),
        ], ["segment"]);
    }

    public static OlapDimension SalesRep() =>
        Lookup("sales_rep", "sales rep (置业顾问)", new OlapJoin("sr", "dim_sales_rep", "sr.sales_rep_key = f.sales_rep_key"), "display_name");
}
