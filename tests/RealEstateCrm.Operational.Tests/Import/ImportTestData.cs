using System.Text;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Import;

namespace RealEstateCrm.Operational.Tests.Import;

/// <summary>Files and reference data the import tests share.</summary>
internal static class ImportTestData
{
    public static TabularFile Csv(params string[] lines) => CsvBytes(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));

    public static TabularFile CsvBytes(byte[] bytes) => TabularFile.ReadCsv(new MemoryStream(bytes));

    /// <summary>A project HZ01 (西湖壹号, 杭州) with an 18-floor building 1栋, as an import of units or leads needs.</summary>
    public static async Task<Building> AddProject(CrmDbContext db, string code = "HZ01")
    {
        var company = new Company { Code = $"CO-{code}", Name = "杭州滨江房产集团", City = "杭州" };
        var orgUnit = new OrgUnit { CompanyId = company.Id, Code = $"OU-{code}", Name = "西湖壹号销售部" };
        var project = new Project { Code = code, Name = "西湖壹号", City = "杭州", District = "西湖区", CompanyId = company.Id, OrgUnitId = orgUnit.Id, BasePricePerSqm = 45000m };
        var building = new Building { ProjectId = project.Id, Name = "1栋", Floors = 18, FloorPremiumPercent = 0.5m };
        db.AddRange(company, orgUnit, project, building);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return building;
    }

    /// <summary>A valid resident ID number for a birth date and sequence (the check character computed).</summary>
    public static string IdNumber(string birthDate, int sequence) =>
        Domain.Common.ChineseIdNumber.WithCheckChar($"330106{birthDate}{sequence:000}");
}
