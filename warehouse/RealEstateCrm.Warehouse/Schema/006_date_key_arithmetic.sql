-- date_key as arithmetic on the date's parts: 004's strftime wrote a string per row and parsed it back, a large share of
-- a fact load's key columns. Same values (yyyymmdd) for every timestamp and date; replaced in place for existing warehouses.
CREATE OR REPLACE MACRO date_key(ts) AS CAST(year(CAST(ts AS TIMESTAMP)) * 10000 + month(CAST(ts AS TIMESTAMP)) * 100 + day(CAST(ts AS TIMESTAMP)) AS INTEGER);
