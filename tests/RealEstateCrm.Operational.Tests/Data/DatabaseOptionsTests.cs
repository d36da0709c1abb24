using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Operational.Tests.Data;

public sealed class DatabaseOptionsTests
{
    [Theory]
    [InlineData("sqlite:data/crm.db", DatabaseProvider.Sqlite, "Data Source=data/crm.db")]
    [InlineData("data/other.db", DatabaseProvider.Sqlite, "Data Source=data/other.db")]
    [InlineData("postgres:Host=127.0.0.1;Database=crm", DatabaseProvider.Postgres, "Host=127.0.0.1;Database=crm")]
    [InlineData("sqlserver:Server=.;Database=crm", DatabaseProvider.SqlServer, "Server=.;Database=crm")]
    public void A_database_is_named_as_provider_and_connection(string value, DatabaseProvider provider, string connection)
    {
        var options = DatabaseOptions.Parse(value);
        Assert.Equal(provider, options.Provider);
        Assert.Equal(connection, options.ConnectionString);
    }

    [Fact]
    public void A_connection_string_without_a_provider_is_refused_with_the_fix()
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseOptions.Parse("Host=127.0.0.1;Database=crm"));
        Assert.Contains("--db", error.Message);
        Assert.Contains("postgres:", error.Message);
    }

    [Fact]
    public void Passwords_do_not_appear_when_the_options_are_printed()
    {
        var printed = DatabaseOptions.Parse("postgres:Host=db;Username=crm;Password=s3cret").ToString();
        Assert.DoesNotContain("s3cret", printed);
    }
}
