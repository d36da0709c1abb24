using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests;

/// <summary>The import, export, backup and restore commands as a user runs them: arguments, exit codes, messages.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CliCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-cli-test-");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string File(string name) => Path.Combine(_folder.FullName, name);

    private async Task<string> CustomersCsv(string name, params string[] rows)
    {
        await System.IO.File.WriteAllTextAsync(File(name), string.Join("\r\n", rows.Prepend("客户编号,姓名,手机,城市")), Ct);
        return File(name);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Import_reports_its_counts_and_a_bad_file_exits_with_2_naming_line_and_column(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var good = await CustomersCsv("good.csv", "C001,张伟,13800138000,杭州", "C002,王芳,13900139000,上海");
        var bad = await CustomersCsv("bad.csv", "C003,李娜,13700137000,南京", "C004,刘洋,0000,苏州");

        var (imported, output) = await Crm(test, "import", "customers", "--file", good);
        Assert.Equal(0, imported);
        Assert.Contains("2 inserted, 0 updated", output);

        var (refused, errors) = await Crm(test, "import", "customers", "--file", bad);
        Assert.Equal(2, refused);
        Assert.Contains("error: line 3, column 手机: \"0000\" is not a phone number", errors);
        await using var db = test.Context();
        Assert.Equal(["C001", "C002"], await db.Customers.OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_value_the_parser_cannot_take_exits_with_2_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.Create(provider);
        var (exitCode, _) = await Crm(database, "export", "customer", "--out", File("c.csv"), "--no-such-option", "x");
        Assert.Equal(2, exitCode);
        Assert.False(System.IO.File.Exists(File("c.csv")));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Export_writes_the_table_and_an_unknown_entity_exits_with_2(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await Crm(test, "import", "customers", "--file", await CustomersCsv("in.csv", "C001,张伟,13800138000,杭州"));

        var (exported, output) = await Crm(test, "export", "Customer", "--format", "csv", "--out", File("out.csv"));
        var (unknown, error) = await Crm(test, "export", "clients", "--out", File("none.csv"));

        Assert.Equal(0, exported);
        Assert.Contains("exported 1 rows of customer", output);
        var lines = await System.IO.File.ReadAllLinesAsync(File("out.csv"), Ct);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",C001,", lines[1]);
        Assert.Contains(",张伟,", lines[1]);
        Assert.Equal(2, unknown);
        Assert.Contains("unknown entity \"clients\"; one of:", error);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Backup_restores_into_an_empty_database_and_a_second_restore_needs_force(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.Create(provider);
        await Crm(source, "import", "customers", "--file", await CustomersCsv("in.csv", "C001,张伟,13800138000,杭州", "C002,王芳,13900139000,上海"));
        await using var target = await TestDatabase.Create(provider);

        Assert.Equal(0, (await Crm(source, "backup", "--to", File("crm.zip"))).ExitCode);
        var (restored, output) = await Crm(target, "restore", "--from", File("crm.zip"));
        var (again, refusal) = await Crm(target, "restore", "--from", File("crm.zip"));
        var (forced, _) = await Crm(target, "restore", "--from", File("crm.zip"), "--force");

        Assert.Equal(0, restored);
        Assert.Contains("restored", output);
        Assert.Equal(2, again);
        Assert.Contains("the target database is not empty (", refusal);
        Assert.Equal(0, forced);
        await using var db = target.Context();
        Assert.Equal(["张伟", "王芳"], await db.Customers.OrderBy(c => c.Code).Select(c => c.Name).ToListAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_file_that_is_not_a_backup_exits_with_2_and_changes_nothing(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await Crm(test, "import", "customers", "--file", await CustomersCsv("in.csv", "C001,张伟,13800138000,杭州"));

        var (exitCode, output) = await Crm(test, "restore", "--from", await CustomersCsv("not-a-backup.zip", "C002,王芳,13900139000,上海"), "--force");

        Assert.Equal(2, exitCode);
        Assert.Contains("is not a RealEstateCrm backup", output);
        await using var db = test.Context();
        Assert.Equal("C001", await db.Customers.Select(c => c.Code).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_sqlite_backup_restores_into_postgresql()
    {
        await using var sqlite = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var postgres = await TestDatabase.Create(DatabaseProvider.Postgres);
        await Crm(sqlite, "import", "customers", "--file", await CustomersCsv("in.csv", "C001,欧阳娜娜,13800138000,深圳"));

        Assert.Equal(0, (await Crm(sqlite, "backup", "--to", File("sqlite.zip"))).ExitCode);
        Assert.Equal(0, (await Crm(postgres, "restore", "--from", File("sqlite.zip"))).ExitCode);

        await using var db = postgres.Context();
        var customer = await db.Customers.SingleAsync(Ct);
        Assert.Equal(("C001", "欧阳娜娜", "深圳"), (customer.Code, customer.Name, customer.City));
        Assert.Equal(1L, await db.OutboxMessages.MaxAsync(m => m.Sequence, Ct));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
