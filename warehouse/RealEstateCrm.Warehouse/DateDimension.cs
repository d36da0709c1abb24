namespace RealEstateCrm.Warehouse;

/// <summary>dim_date rows made in SQL from the calendar and the embedded State Council holiday table.</summary>
internal static class DateDimension
{
    // Fiscal years are named by the calendar year they end in (a year starting in April 2025 is FY2026).
    internal const string InsertMissingSql = """
        INSERT INTO dim_date
        SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER), d,
               year(d), quarter(d), month(d), day(d), isodow(d), isodow(d) >= 6,
               h.kind IS NOT DISTINCT FROM 'holiday', CASE WHEN h.kind = 'holiday' THEN h.name END,
               CASE WHEN h.kind = 'holiday' THEN false WHEN h.kind = 'workday' THEN true ELSE isodow(d) < 6 END,
               year(d) + CASE WHEN $fiscal_start > 1 AND month(d) >= $fiscal_start THEN 1 ELSE 0 END,
               (((month(d) - $fiscal_start + 12) % 12) // 3) + 1,
               ((month(d) - $fiscal_start + 12) % 12) + 1
        FROM (SELECT CAST(g AS DATE) AS d FROM generate_series(CAST($from_date AS DATE), CAST($to_date AS DATE), INTERVAL 1 DAY) t(g)) days
        LEFT JOIN china_public_holiday h ON h.holiday_date = days.d
        WHERE NOT EXISTS (SELECT 1 FROM dim_date x WHERE x.full_date = days.d)
        """;
}
