using System.Text;
using Microsoft.Data.Sqlite;
using RealEstateCrm.Etl.Batch;

namespace RealEstateCrm.Etl.Tests;

/// <summary>The full load parses SQLite's stored text from its bytes: each value must come out as Microsoft.Data.Sqlite
/// (what EF reads through) parses the same text, on the fast path and on the odd formats that fall back.</summary>
public sealed class SqliteStoredTextTests
{
    [Theory]
    [InlineData("2026-12-02 14:05:09")]
    [InlineData("2026-12-02 14:05:09.5")]
    [InlineData("2026-12-02 14:05:09.1234567")]
    [InlineData("2024-02-29 23:59:59.000001")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("2026-12-02T14:05:09")]
    [InlineData("2026-12-02 14:05")]
    public void Timestamps_read_as_EF_reads_them(string stored) =>
        Assert.Equal(Read(stored, r => r.GetDateTime(0)), SqliteStoredText.Timestamp(Encoding.UTF8.GetBytes(stored)));

    [Theory]
    [InlineData("2026-12-02")]
    [InlineData("2024-02-29")]
    [InlineData("2026-1-2")]
    public void Dates_read_as_EF_reads_them(string stored) =>
        Assert.Equal(Read(stored, r => r.GetFieldValue<DateOnly>(0)), SqliteStoredText.Date(Encoding.UTF8.GetBytes(stored)));

    [Theory]
    [InlineData("0F8FAD5B-D9CB-469F-A165-70867728950E")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("{0F8FAD5B-D9CB-469F-A165-70867728950E}")]
    public void Guids_read_as_EF_reads_them(string stored) =>
        Assert.Equal(Read(stored, r => r.GetGuid(0)), SqliteStoredText.Guid(Encoding.UTF8.GetBytes(stored)));

    [Theory]
    [InlineData("12.5")]
    [InlineData("-0.01")]
    [InlineData("1000000")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1E3")]
    public void Decimals_read_as_EF_reads_them(string stored) =>
        Assert.Equal(Read(stored, r => r.GetDecimal(0)), SqliteStoredText.Decimal(Encoding.UTF8.GetBytes(stored)));

    private static T Read<T>(string stored, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $stored";
        command.Parameters.AddWithValue("$stored", stored);
        using var reader = command.ExecuteReader();
        reader.Read();
        return read(reader);
    }
}
