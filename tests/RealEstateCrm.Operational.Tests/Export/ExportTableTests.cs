using System.Text;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Features.Export;
using RealEstateCrm.Operational.Features.Import;
using RealEstateCrm.Operational.Tests.Backup;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Export;

public sealed class ExportTableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_csv_export_of_customers_imports_back_into_another_database(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.Create(provider);
        await using (var db = source.Context()) await BackupTestData.Seed(db, customers: 5);
        var csv = new MemoryStream();
        await using (var db = source.Context())
            Assert.Equal(5, await new ExportTable(db).Handle(new ExportTable.Request("customer", ExportFormat.Csv), csv, Ct));

        await using var target = await TestDatabase.Create(provider);
        await using (var db = target.Context())
            Assert.Equal(new ImportResult(5, 0), await new ImportCustomers(db).Handle(TabularFile.ReadCsv(new MemoryStream(csv.ToArray())), Ct));

        await using var before = source.Context();
        await using var after = target.Context();
        static object Comparable(Domain.Customers.Customer c) => (c.Code, c.Name, c.Gender, c.BirthDate, c.Phone, c.City, c.Address, c.Segment, c.DoNotCall);
        Assert.Equal((await before.Customers.OrderBy(c => c.Code).ToListAsync(Ct)).Select(Comparable),
            (await after.Customers.OrderBy(c => c.Code).ToListAsync(Ct)).Select(Comparable));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Csv_starts_with_a_bom_and_xlsx_holds_every_row_under_the_column_names(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = test.Context()) await BackupTestData.Seed(db, customers: 3);
        var csv = new MemoryStream();
        var xlsx = new MemoryStream();
        await using (var db = test.Context())
        {
            await new ExportTable(db).Handle(new ExportTable.Request("CustomerContact", ExportFormat.Csv), csv, Ct);
            Assert.Equal(3, await new ExportTable(db).Handle(new ExportTable.Request("lead", ExportFormat.Xlsx), xlsx, Ct));
        }

        Assert.True(csv.ToArray().AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var lines = Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,customer_id,kind,label,value", lines[0]);
        Assert.Equal(4, lines.Length);
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx.ToArray()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, sheet.Count);
        Assert.Equal(["L0000", "L0001", "L0002"], sheet.Select(r => (string)r["lead_no"]!).Order());
        Assert.Equal(5_000_000d, sheet.Select(r => Convert.ToDouble(r["budget"])).Min());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_unknown_entity_is_refused_with_the_valid_names(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new ExportTable(db).Handle(new ExportTable.Request("customers_v2", ExportFormat.Csv), Stream.Null, Ct));

        Assert.StartsWith("unknown entity \"customers_v2\"; one of: ", error.Message);
        Assert.Contains("work_order", error.Message);
        Assert.Contains("app_user", error.Message);
    }
}
