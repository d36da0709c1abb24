using DuckDB.NET.Data;

namespace RealEstateCrm.Ml.Tests;

/// <summary>An in-memory DuckDB with the synthetic tables the tests train on.</summary>
internal static class Duck
{
    public static async Task<DuckDBConnection> OpenAsync()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public static async Task ExecuteAsync(this DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>4,000 rows where only <c>driver</c> (and a little <c>helper</c>) decides <c>bought</c>; the rest is noise.
    /// Pseudo-random from hash(i), so every run and thread count gives the same rows.</summary>
    public static async Task CreateSyntheticAsync(this DuckDBConnection connection, int rows = 4000)
    {
        await connection.ExecuteAsync($"""
            CREATE OR REPLACE TABLE synthetic AS
            WITH u AS (
                SELECT i,
                       (hash(i * 7 + 1) % 100000) / 100000.0 AS u1,
                       (hash(i * 7 + 2) % 100000) / 100000.0 AS u2,
                       (hash(i * 7 + 3) % 100000) / 100000.0 AS u3,
                       (hash(i * 7 + 4) % 100000) / 100000.0 AS u4,
                       (hash(i * 7 + 5) % 100000) / 100000.0 AS u5,
                       (hash(i * 7 + 6) % 100000) / 100000.0 AS u6
                FROM range({rows}) t(i))
            SELECT i AS customer_id,
                   DATE '2025-01-01' + CAST(i // 10 AS INTEGER) AS signed_on,
                   round(u1 * 100, 2) AS driver,
                   round(u2 * 100, 2) AS noise,
                   CASE WHEN u5 < 0.1 THEN NULL ELSE round(u3 * 50, 1) END AS helper,
                   CASE WHEN u4 < 0.05 THEN NULL ELSE ['north', 'south', 'east', 'west'][1 + CAST(floor(u4 * 4) AS INTEGER) % 4] END AS region,
                   CAST(floor(u2 * 3) AS INTEGER) AS floor_band,
                   u1 * 100 + coalesce(u3 * 10, 0) + u6 * 15 > 70 AS bought
            FROM u
            """);
    }
}
