-- What the warehouse knew at a moment. Rows carry today's state (a lead's status, a contract's status), so
-- every feature below is rebuilt from event times only: a row counts if it happened on or before as_of,
-- and a time after as_of is treated as not yet known.
CREATE OR REPLACE MACRO known_at(ts, as_of) AS CASE WHEN ts <= as_of THEN ts END;

-- The customer as the dimension described them at as_of (dim_customer is SCD type 2).
CREATE OR REPLACE MACRO customer_at(as_of) AS TABLE
SELECT customer_id, income_band, family_size, segment, city, gender, birth_year
FROM dim_customer WHERE valid_from <= as_of AND valid_to > as_of;

-- Call history per customer up to as_of: counts, talk time, missed calls, calls the customer returned
-- (an inbound call within two days of an outbound call they missed), the hour they usually answer and
-- the last IVR path they took. Calls still in progress at as_of are left out (their talk time is not known).
CREATE OR REPLACE MACRO call_history_at(as_of) AS TABLE
WITH done AS (
    SELECT customer_id, direction, outcome, talk_seconds, ivr_path, started_at,
           lag(direction) OVER w AS previous_direction, lag(outcome) OVER w AS previous_outcome, lag(started_at) OVER w AS previous_at
    FROM ods_call_record
    WHERE customer_id IS NOT NULL AND ended_at <= as_of AND parent_id IS NULL
    WINDOW w AS (PARTITION BY customer_id ORDER BY started_at, id)
)
SELECT customer_id,
       count(*) AS calls,
       count(*) FILTER (WHERE outcome = 'Answered') AS answered_calls,
       count(*) FILTER (WHERE outcome <> 'Answered') AS missed_calls,
       count(*) FILTER (WHERE direction = 'Inbound' AND previous_direction = 'Outbound' AND previous_outcome <> 'Answered'
                         AND started_at <= previous_at + INTERVAL 2 DAY) AS returned_calls,
       coalesce(sum(talk_seconds), 0) AS talk_seconds,
       mode(hour(started_at)) FILTER (WHERE outcome = 'Answered') AS usual_answer_hour,
       arg_max(ivr_path, started_at) FILTER (WHERE ivr_path IS NOT NULL) AS last_ivr_path,
       max(started_at) FILTER (WHERE outcome = 'Answered') AS last_answered_at
FROM done GROUP BY customer_id;
