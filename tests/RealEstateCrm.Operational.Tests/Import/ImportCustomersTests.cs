using System.Text;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Features.Import;
using RealEstateCrm.Testing;
using static RealEstateCrm.Operational.Tests.Import.ImportTestData;

namespace RealEstateCrm.Operational.Tests.Import;

public sealed class ImportCustomersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_valid_csv_inserts_and_a_second_import_updates_by_code(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var first = Csv(
            "code,name,gender,birth_date,id_number,phone,city,segment,family_size,do_not_call",
            $"C001,张伟,Male,1985-03-12,{IdNumber("19850312", 1)},+86 138-0013-8000,杭州,first_home_buyer,3,no",
            "C002,\"王芳, 李明\",female,,,021-6234 5678,上海,Investor,,是");
        await using (var db = test.Context("import:test"))
            Assert.Equal(new ImportResult(2, 0), await new ImportCustomers(db).Handle(first, Ct));

        var second = Csv("code,name,city", "C001,张伟,宁波", "C003,刘洋,南京");
        await using (var db = test.Context("import:test"))
            Assert.Equal(new ImportResult(1, 1), await new ImportCustomers(db).Handle(second, Ct));

        await using var read = test.Context();
        var customers = await read.Customers.OrderBy(c => c.Code).ToListAsync(Ct);
        Assert.Equal(["C001", "C002", "C003"], customers.Select(c => c.Code));
        Assert.Equal("宁波", customers[0].City);
        Assert.Equal("13800138000", customers[0].Phone);
        Assert.Equal(CustomerSegment.FirstHomeBuyer, customers[0].Segment);
        Assert.Equal(new DateOnly(1985, 3, 12), customers[0].BirthDate);
        Assert.Equal("王芳, 李明", customers[1].Name);
        Assert.Equal("02162345678", customers[1].Phone);
        Assert.True(customers[1].DoNotCall);
        // Every stored change went through the outbox: two inserts, one update, one insert.
        Assert.Equal(4, await read.OutboxMessages.CountAsync(Ct));
        Assert.Equal(4, await read.AuditEntries.CountAsync(a => a.UserName == "import:test", Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Reimporting_an_unchanged_file_writes_no_outbox_rows(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var file = Csv("客户编号,姓名,手机", "C001,张伟,13800138000");
        await using (var db = test.Context()) await new ImportCustomers(db).Handle(file, Ct);
        await using (var db = test.Context()) Assert.Equal(new ImportResult(0, 1), await new ImportCustomers(db).Handle(file, Ct));

        await using var read = test.Context();
        Assert.Equal(1, await read.OutboxMessages.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_xlsx_file_with_chinese_headers_imports_like_csv(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var rows = new[]
        {
            new Dictionary<string, object> { ["客户编号"] = "C001", ["姓名"] = "张伟", ["手机"] = 13800138000d, ["身份证号"] = IdNumber("19900101", 2), ["城市"] = "杭州", ["出生日期"] = new DateTime(1990, 1, 1) },
            new Dictionary<string, object> { ["客户编号"] = "C002", ["姓名"] = "陈静", ["手机"] = "139 0013 9000", ["身份证号"] = "", ["城市"] = "苏州", ["出生日期"] = "" },
        };
        var xlsx = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, rows, excelType: MiniExcelLibs.ExcelType.XLSX);

        await using (var db = test.Context())
            Assert.Equal(new ImportResult(2, 0), await new ImportCustomers(db).Handle(TabularFile.ReadXlsx(new MemoryStream(xlsx.ToArray())), Ct));
        rows[0]["城市"] = "宁波";
        xlsx = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, rows, excelType: MiniExcelLibs.ExcelType.XLSX);
        await using (var db = test.Context())
            Assert.Equal(new ImportResult(0, 2), await new ImportCustomers(db).Handle(TabularFile.ReadXlsx(new MemoryStream(xlsx.ToArray())), Ct));

        await using var read = test.Context();
        var zhang = await read.Customers.SingleAsync(c => c.Code == "C001", Ct);
        Assert.Equal(("张伟", "13800138000", "宁波", new DateOnly(1990, 1, 1)), (zhang.Name, zhang.Phone, zhang.City, zhang.BirthDate!.Value));
        Assert.Equal("13900139000", (await read.Customers.SingleAsync(c => c.Code == "C002", Ct)).Phone);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_file_with_bad_rows_stores_nothing_and_names_each_line_and_column(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var file = Csv(
            "客户编号,姓名,手机,身份证号,gender,birth_date",
            "C001,张伟,13800138000,,Male,1985-03-12",
            "C002,王芳,12345,,Female,",
            "C003,李娜,,330106198503120012,,",
            "C004,,13900139000,,Robot,1985-02-30",
            "C001,张伟,13800138000,,,");
        await using var db = test.Context();

        var error = await Assert.ThrowsAsync<ValidationException>(() => new ImportCustomers(db).Handle(file, Ct));

        var messages = error.Errors.Select(e => $"{e.Field}: {e.Message}").ToList();
        Assert.Contains(messages, m => m.StartsWith("line 3, column 手机: \"12345\" is not a phone number"));
        Assert.Contains(messages, m => m.StartsWith("line 4, column 身份证号: \"330106198503120012\" is not a valid resident ID number"));
        Assert.Contains(messages, m => m == "line 5, column 姓名: is required");
        Assert.Contains(messages, m => m.StartsWith("line 5, column gender: \"Robot\" is not one of Unknown, Male, Female"));
        Assert.Contains(messages, m => m.StartsWith("line 5, column birth_date: \"1985-02-30\" is not a date"));
        Assert.Contains(messages, m => m == "line 6, column 客户编号: \"C001\" is already on line 2");
        Assert.Equal(6, messages.Count);
        await using var read = test.Context();
        Assert.Equal(0, await read.Customers.CountAsync(Ct));
        Assert.Equal(0, await read.OutboxMessages.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Unknown_and_missing_headers_are_named(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();

        var error = await Assert.ThrowsAsync<ValidationException>(() => new ImportCustomers(db).Handle(Csv("code,mobile,城市", "C001,13800138000,杭州"), Ct));

        Assert.Contains(error.Errors, e => e.Field == "header" && e.Message.StartsWith("unknown column \"mobile\" (column 2)"));
        Assert.Contains(error.Errors, e => e.Field == "header" && e.Message.StartsWith("missing required column name (or 姓名"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_thousand_bad_rows_list_the_first_fifty_and_the_total(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var lines = Enumerable.Range(1, 1000).Select(i => $"C{i:0000},张伟,not-a-phone").Prepend("code,name,phone").ToArray();

        var error = await Assert.ThrowsAsync<ValidationException>(() => new ImportCustomers(db).Handle(Csv(lines), Ct));

        Assert.Equal(ImportErrors.Shown + 1, error.Errors.Count);
        Assert.Equal("line 2, column phone", error.Errors[0].Field);
        Assert.Equal("950 more errors not shown (1000 in all); nothing was imported", error.Errors[^1].Message);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_gb18030_csv_saved_by_chinese_excel_is_read(DatabaseProvider provider)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await using var test = await TestDatabase.Create(provider);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("客户编号,姓名,手机,城市,地址\r\nC001,欧阳娜娜,13800138000,深圳,南山区科技园科苑路15号\r\n");
        await using (var db = test.Context())
            await new ImportCustomers(db).Handle(CsvBytes(bytes), Ct);

        await using var read = test.Context();
        var customer = await read.Customers.SingleAsync(Ct);
        Assert.Equal(("欧阳娜娜", "深圳", "南山区科技园科苑路15号"), (customer.Name, customer.City, customer.Address));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_file_larger_than_one_batch_is_saved_in_batches_within_one_transaction(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var rows = TabularImport<Customer>.BatchSize * 3 + 1;
        var lines = Enumerable.Range(1, rows).Select(i => $"C{i:00000},客户{i},138{i:00000000},杭州").Prepend("code,name,phone,city").ToArray();
        await using (var db = test.Context())
            Assert.Equal(new ImportResult(rows, 0), await new ImportCustomers(db).Handle(Csv(lines), Ct));

        await using var read = test.Context();
        Assert.Equal(rows, await read.Customers.CountAsync(Ct));
        Assert.Equal((long)rows, await read.OutboxMessages.MaxAsync(m => m.Sequence, Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_failure_in_a_later_batch_rolls_back_the_earlier_ones(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var refused = $"C{TabularImport<Customer>.BatchSize + 5:00000}";
        var lines = Enumerable.Range(1, TabularImport<Customer>.BatchSize + 10).Select(i => $"C{i:00000},客户{i}").Prepend("code,name").ToArray();
        await using (var db = test.Context())
        {
            // The database refuses one row of the second batch, as a constraint the file check cannot see would.
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
                ? $"CREATE TRIGGER refuse BEFORE INSERT ON customer WHEN NEW.code = '{refused}' BEGIN SELECT RAISE(ABORT, 'refused'); END;"
                : $"CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW.code = '{refused}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;"
                  + " CREATE TRIGGER refuse BEFORE INSERT ON customer FOR EACH ROW EXECUTE FUNCTION refuse();", Ct);
            await Assert.ThrowsAnyAsync<Exception>(() => new ImportCustomers(db).Handle(Csv(lines), Ct));
        }

        await using var read = test.Context();
        Assert.Equal(0, await read.Customers.CountAsync(Ct));
        Assert.Equal(0, await read.OutboxMessages.CountAsync(Ct));
    }
}
