-- Every minute of the day; fixed content, so the schema fills it once.
INSERT INTO dim_time_of_day
SELECT h * 100 + m, h, m,
       CASE WHEN h < 6 THEN 'night' WHEN h < 11 THEN 'morning' WHEN h < 13 THEN 'noon'
            WHEN h < 18 THEN 'afternoon' WHEN h < 22 THEN 'evening' ELSE 'night' END
FROM range(24) hours(h), range(60) minutes(m);
