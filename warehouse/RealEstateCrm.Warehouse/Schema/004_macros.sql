-- The yyyymmdd / hhmm keys of dim_date and dim_time_of_day, for loads and for hand-written queries.
CREATE MACRO date_key(ts) AS CAST(strftime(CAST(ts AS TIMESTAMP), '%Y%m%d') AS INTEGER);
CREATE MACRO time_key(ts) AS CAST(hour(CAST(ts AS TIMESTAMP)) * 100 + minute(CAST(ts AS TIMESTAMP)) AS INTEGER);
