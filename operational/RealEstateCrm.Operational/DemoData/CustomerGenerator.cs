using Bogus;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>A chunk of the customer ledger: Chinese names, valid ID numbers, normalised mobiles,
/// addresses, income band and family size, extra contacts, tags, consent and do-not-call flags,
/// family links, and about 2% deliberate duplicates (same phone, same ID number, or a near-identical name)
/// for duplicate detection to find.</summary>
internal static class CustomerGenerator
{
    private static readonly (IncomeBand Band, double Weight)[] IncomeBands =
        [(IncomeBand.Low, 0.2), (IncomeBand.Middle, 0.4), (IncomeBand.UpperMiddle, 0.28), (IncomeBand.High, 0.12)];
    private static readonly (int Size, double Weight)[] FamilySizes = [(1, 0.1), (2, 0.25), (3, 0.35), (4, 0.18), (5, 0.08), (6, 0.04)];
    private static readonly string[] MobilePrefixes = ["134", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "182", "183", "186", "187", "188", "189", "191", "199"];
    private static readonly string[] InterestTags = ["学区房需求 school district", "改善型 upgrader", "投资客 investor", "刚需 first home", "养老 retirement", "关注地铁 near metro"];

    /// <summary>The chunk's customers, and which of them are the deliberate duplicates.</summary>
    public static (List<Customer> Customers, HashSet<Guid> Duplicates) Generate(DemoWorld world, RowBuffer rows, DemoRandom random, Faker faker, int count)
    {
        var chunk = new List<Customer>(count);
        var duplicates = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            var duplicate = chunk.Count > 10 && random.Chance(0.02);
            var customer = duplicate ? Duplicate(world, random, random.Pick(chunk)) : NewCustomer(world, random, faker);
            if (duplicate) duplicates.Add(customer.Id);
            chunk.Add(rows.Add(customer));
            if (customer.IncomeBand == IncomeBand.High) AddTag(rows, random, customer, "VIP");
            foreach (var tag in InterestTags.Where(_ => random.Chance(0.12))) AddTag(rows, random, customer, tag);
            if (random.Chance(0.3))
                rows.Add(new CustomerContact { Id = random.Id(customer.CreatedAt), CustomerId = customer.Id, Kind = ContactKind.Phone, Value = Mobile(random), Label = random.Pick(["配偶 spouse", "工作 work", "备用 backup"]) });
            if (random.Chance(0.2))
                rows.Add(new CustomerContact { Id = random.Id(customer.CreatedAt), CustomerId = customer.Id, Kind = ContactKind.WeChat, Value = $"wxid_{random.Next(100_000_000, 999_999_999)}" });
            if (chunk.Count > 1 && random.Chance(0.08))
            {
                var relative = chunk[random.Next(chunk.Count - 1)];
                rows.Add(new FamilyLink { Id = random.Id(customer.CreatedAt), CustomerId = customer.Id, RelatedCustomerId = relative.Id, Relation = random.Pick([FamilyRelation.Spouse, FamilyRelation.Spouse, FamilyRelation.Parent, FamilyRelation.Child, FamilyRelation.Sibling]) });
            }
        }
        return (chunk, duplicates);
    }

    public static void AddTag(RowBuffer rows, DemoRandom random, Customer customer, string tag, DateTime? at = null)
    {
        if (customer.Tags.Any(t => t.Tag == tag)) return;
        customer.Tags.Add(rows.Add(new CustomerTag { Id = random.Id(at ?? customer.CreatedAt), CustomerId = customer.Id, Tag = tag }));
    }

    private static Customer NewCustomer(DemoWorld world, DemoRandom random, Faker faker)
    {
        // Most customers live where our projects are; some come from elsewhere (investors, relocations).
        var city = random.Chance(0.85) ? random.Pick(world.Projects).Project.City : random.Pick(ChineseVocabulary.Cities).City;
        var districts = ChineseVocabulary.Cities.First(c => c.City == city).Districts;
        var (district, regionCode) = districts[random.Next(districts.Length)];
        var gender = random.Chance(0.5) ? Gender.Male : Gender.Female;
        var birth = new DateOnly(1958, 1, 1).AddDays(random.Next(0, 42 * 365));
        // The 17th digit is odd for men and even for women (GB 11643).
        var sequence = random.Next(0, 100) * 10 + (gender == Gender.Male ? random.Next(0, 5) * 2 + 1 : random.Next(0, 5) * 2);
        var createdAt = random.Between(world.Start, world.AsOf.AddDays(-1));
        var income = random.Pick(IncomeBands);
        return new Customer
        {
            Id = random.Id(createdAt),
            Code = $"C{world.NextCustomerNo++:0000000}",
            Name = faker.Name.LastName() + faker.Name.FirstName(),
            Gender = gender,
            BirthDate = birth,
            IdNumber = ChineseIdNumber.WithCheckChar($"{regionCode}{birth:yyyyMMdd}{sequence:000}"),
            Phone = Mobile(random),
            Email = random.Chance(0.3) ? $"user{random.Next(100_000, 999_999)}@{random.Pick(["qq.com", "163.com", "126.com", "sina.com"])}" : null,
            City = city,
            Address = $"{city}市{district}{random.Pick(ChineseVocabulary.Streets)}{random.Next(1, 800)}号{random.Next(1, 30)}幢{random.Next(1, 30)}{random.Next(1, 5):00}室",
            IncomeBand = income,
            FamilySize = random.Pick(FamilySizes),
            DoNotCall = random.Chance(0.05),
            MarketingConsent = random.Chance(0.7),
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
    }

    private static Customer Duplicate(DemoWorld world, DemoRandom random, Customer original)
    {
        var createdAt = random.Between(original.CreatedAt, world.AsOf);
        var copy = new Customer
        {
            Id = random.Id(createdAt), Code = $"C{world.NextCustomerNo++:0000000}", Name = original.Name, Gender = original.Gender,
            BirthDate = original.BirthDate, City = original.City, Address = original.Address, IncomeBand = original.IncomeBand,
            FamilySize = original.FamilySize, MarketingConsent = original.MarketingConsent, CreatedAt = createdAt, UpdatedAt = createdAt,
        };
        switch (random.Next(3))
        {
            case 0: copy.Phone = original.Phone; break;
            case 1: copy.IdNumber = original.IdNumber; copy.Phone = Mobile(random); break;
            default: copy.Name = original.Name[..1] + " " + original.Name[1..]; copy.Phone = Mobile(random); break;
        }
        return copy;
    }

    public static string Mobile(DemoRandom random) =>
        ChinesePhone.Normalize($"+86 {random.Pick(MobilePrefixes)}-{random.Next(1000, 10_000)}-{random.Next(1000, 10_000)}")!;
}
