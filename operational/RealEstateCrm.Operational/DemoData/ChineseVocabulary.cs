namespace RealEstateCrm.Operational.DemoData;

/// <summary>Place names, developers, banks and phrases the demo data is made of.</summary>
internal static class ChineseVocabulary
{
    /// <summary>City, its districts with their ID-card region codes, and the typical new-home price per m².</summary>
    public static readonly IReadOnlyList<(string City, (string District, string RegionCode)[] Districts, decimal PricePerSqm)> Cities =
    [
        ("杭州", [("西湖区", "330106"), ("滨江区", "330108"), ("余杭区", "330110"), ("拱墅区", "330105")], 32_000m),
        ("上海", [("浦东新区", "310115"), ("闵行区", "310112"), ("嘉定区", "310114"), ("青浦区", "310118")], 65_000m),
        ("苏州", [("工业园区", "320571"), ("姑苏区", "320508"), ("吴中区", "320506")], 26_000m),
        ("南京", [("鼓楼区", "320106"), ("建邺区", "320105"), ("江宁区", "320115")], 30_000m),
        ("成都", [("高新区", "510109"), ("锦江区", "510104"), ("天府新区", "510116")], 16_000m),
        ("武汉", [("江汉区", "420103"), ("武昌区", "420106"), ("洪山区", "420111")], 17_000m),
        ("合肥", [("蜀山区", "340104"), ("包河区", "340111")], 18_000m),
        ("宁波", [("鄞州区", "330212"), ("海曙区", "330203")], 24_000m),
    ];

    public static readonly string[] ProjectNames = ["滨江花园", "西溪云庐", "金地天悦", "湖畔御府", "江南华府", "锦绣东方", "翡翠城", "云栖玫瑰园", "星河湾", "九龙仓玺园", "紫金府", "未来科技城壹号", "钱塘樾", "天府公馆", "东湖印", "蜀山雅苑", "海曙名邸", "浦江华庭", "园区星汇", "秦淮里"];
    public static readonly string[] Streets = ["文一西路", "江南大道", "中山北路", "人民路", "解放路", "长江路", "天府大道", "建设路", "和平路", "学院路", "湖滨路", "新华路"];
    public static readonly string[] Competitors = ["万科地产", "保利发展", "绿城中国", "龙湖集团", "华润置地", "招商蛇口", "中海地产", "融创中国"];
    public static readonly string[] CompetitorProjectSuffixes = ["公园里", "云境", "天玺", "悦府", "翰林", "江湾"];
    public static readonly string[] Banks = ["中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "招商银行", "交通银行", "杭州银行"];
    public static readonly string[] Contractors = ["中建八局第三建设有限公司", "浙江宝业建设集团有限公司", "上海建工一建集团有限公司", "江苏南通三建集团股份有限公司", "中铁建工集团有限公司", "浙江中天建设集团有限公司", "四川华西集团有限公司", "湖北工建集团有限公司"];
    public static readonly string[] MortgageRejections = ["征信记录不良 poor credit record", "收入证明不足 insufficient income proof", "负债率过高 debt ratio too high", "首付来源不明 unclear down-payment source"];
    public static readonly string[] IssueLocations = ["主卧", "次卧", "客厅", "厨房", "主卫", "次卫", "阳台", "入户门"];
    public const string Hotline = "4008123456";
}
