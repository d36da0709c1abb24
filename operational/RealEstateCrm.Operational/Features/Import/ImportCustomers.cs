using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.Features.Import;

/// <summary>Loads the customer ledger (客户台帐) from a spreadsheet, matched by customer code (客户编号):
/// the code is what other systems and paper files quote, and it is unique in the ledger.</summary>
[UseCase]
public sealed class ImportCustomers(CrmDbContext db) : TabularImport<Customer>(db)
{
    private static readonly ImportField<Customer>[] CustomerFields =
    [
        ImportField<Customer>.Required("code", (r, f) => r.Text(f, 32), (c, v) => c.Code = v!, "客户编号", "客户代码"),
        ImportField<Customer>.Required("name", (r, f) => r.Text(f, 100), (c, v) => c.Name = v!, "姓名", "客户姓名", "客户名称"),
        ImportField<Customer>.Of("kind", (r, f) => r.Enum<CustomerKind>(f), (c, v) => c.Kind = v ?? CustomerKind.Person, "客户类型"),
        ImportField<Customer>.Of("gender", (r, f) => r.Enum<Gender>(f), (c, v) => c.Gender = v ?? Gender.Unknown, "性别"),
        ImportField<Customer>.Of("birth_date", (r, f) => r.Date(f), (c, v) => c.BirthDate = v, "出生日期"),
        ImportField<Customer>.Of("id_number", (r, f) => r.IdNumber(f), (c, v) => c.IdNumber = v, "身份证号", "证件号码"),
        ImportField<Customer>.Of("phone", (r, f) => r.Phone(f), (c, v) => c.Phone = v, "手机", "手机号", "电话"),
        ImportField<Customer>.Of("email", (r, f) => r.Text(f), (c, v) => c.Email = v, "邮箱", "电子邮件"),
        ImportField<Customer>.Of("city", (r, f) => r.Text(f), (c, v) => c.City = v, "城市"),
        ImportField<Customer>.Of("address", (r, f) => r.Text(f), (c, v) => c.Address = v, "地址", "联系地址"),
        ImportField<Customer>.Of("income_band", (r, f) => r.Enum<IncomeBand>(f), (c, v) => c.IncomeBand = v ?? IncomeBand.Unknown, "收入"),
        ImportField<Customer>.Of("segment", (r, f) => r.Enum<CustomerSegment>(f), (c, v) => c.Segment = v ?? CustomerSegment.Prospect, "客户分类"),
        ImportField<Customer>.Of("family_size", (r, f) => r.Int(f), (c, v) => c.FamilySize = v ?? 0, "家庭人数"),
        ImportField<Customer>.Of("referral_source", (r, f) => r.Text(f), (c, v) => c.ReferralSource = v, "来源", "客户来源"),
        ImportField<Customer>.Of("do_not_call", (r, f) => r.Bool(f), (c, v) => c.DoNotCall = v ?? false, "拒绝来电"),
        ImportField<Customer>.Of("marketing_consent", (r, f) => r.Bool(f), (c, v) => c.MarketingConsent = v ?? false, "同意营销"),
    ];

    protected override IReadOnlyList<ImportField<Customer>> Fields => CustomerFields;
    protected override string KeyField => "code";
    protected override string KeyOf(ImportRow row) => row.Cell("code")!;

    protected override async Task<IReadOnlyDictionary<string, Customer>> Resolve(IReadOnlyList<ParsedRow<Customer>> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.Key).ToList();
        return await Db.Customers.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
    }

    protected override Customer Create() => new() { Code = "", Name = "", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };

    protected override void Touch(Customer customer) => customer.UpdatedAt = DateTime.UtcNow;
}
