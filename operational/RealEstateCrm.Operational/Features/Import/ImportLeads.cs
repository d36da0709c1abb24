using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Import;

/// <summary>Loads sales leads (线索) from a spreadsheet, matched by lead number (线索编号, <see cref="Lead.LeadNo"/>).
/// A lead has no other natural key: the same customer can have several leads on one project (a lost lead
/// comes back months later, or twice a day through two channels), so customer + project + date would merge
/// different leads or split one when a date is corrected. The number the source system gave is stable.
/// Customer and project must exist, referenced by their codes.</summary>
[UseCase]
public sealed class ImportLeads(CrmDbContext db) : TabularImport<Lead>(db)
{
    private static readonly ImportField<Lead>[] LeadFields =
    [
        ImportField<Lead>.Required("lead_no", (r, f) => r.Text(f, 32), (l, v) => l.LeadNo = v, "线索编号"),
        ImportField<Lead>.Lookup("customer_code", true, "客户编号"),
        ImportField<Lead>.Lookup("project_code", true, "项目编号"),
        ImportField<Lead>.Required("channel", (r, f) => r.Enum<Channel>(f), (l, v) => l.Channel = v!.Value, "渠道", "来源渠道"),
        ImportField<Lead>.Of("status", (r, f) => r.Enum<LeadStatus>(f), (l, v) => l.Status = v ?? LeadStatus.New, "状态", "线索状态"),
        ImportField<Lead>.Of("budget", (r, f) => r.Decimal(f), (l, v) => l.Budget = v, "预算"),
        ImportField<Lead>.Of("wanted_bedrooms", (r, f) => r.Int(f), (l, v) => l.WantedBedrooms = v, "意向居室"),
        ImportField<Lead>.Of("created_at", (r, f) => r.Time(f), (l, v) => l.CreatedAt = v ?? l.CreatedAt, "创建时间"),
        ImportField<Lead>.Of("first_contact_at", (r, f) => r.Time(f), (l, v) => l.FirstContactAt = v, "首次联系时间"),
        ImportField<Lead>.Of("closed_at", (r, f) => r.Time(f), (l, v) => l.ClosedAt = v, "关闭时间"),
        ImportField<Lead>.Of("lost_reason", (r, f) => r.Enum<LostReason>(f), (l, v) => l.LostReason = v, "流失原因"),
    ];

    protected override IReadOnlyList<ImportField<Lead>> Fields => LeadFields;
    protected override string KeyField => "lead_no";
    protected override string KeyOf(ImportRow row) => row.Cell("lead_no")!;

    protected override async Task<IReadOnlyDictionary<string, Lead>> Resolve(IReadOnlyList<ParsedRow<Lead>> rows, CancellationToken ct)
    {
        var customerCodes = rows.Select(r => r.Cells.Cell("customer_code")!).Distinct().ToList();
        var customers = await Db.Customers.AsNoTracking().Where(c => customerCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var projectCodes = rows.Select(r => r.Cells.Cell("project_code")!).Distinct().ToList();
        var projects = await Db.Projects.AsNoTracking().Where(p => projectCodes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        foreach (var row in rows)
        {
            var cells = row.Cells;
            var found = customers.TryGetValue(cells.Cell("customer_code")!, out var customerId);
            if (!found) cells.Error("customer_code", $"no customer with code \"{cells.Cell("customer_code")}\"");
            if (!projects.TryGetValue(cells.Cell("project_code")!, out var projectId))
                cells.Error("project_code", $"no project with code \"{cells.Cell("project_code")}\"");
            else if (found) row.Changes.Add(l => { l.CustomerId = customerId; l.ProjectId = projectId; });
        }
        var leadNos = rows.Select(r => r.Key).ToList();
        return await Db.Leads.AsNoTracking().Where(l => leadNos.Contains(l.LeadNo!)).ToDictionaryAsync(l => l.LeadNo!, ct);
    }

    protected override Lead Create() => new() { CreatedAt = DateTime.UtcNow };
}
