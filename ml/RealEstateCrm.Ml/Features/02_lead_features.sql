-- Leads open at as_of (created, not reserved, not closed by then), described by what was known at as_of.
CREATE OR REPLACE MACRO lead_features(as_of) AS TABLE
WITH open_lead AS (
    SELECT l.id AS lead_id, l.customer_id, l.project_id, l.assigned_rep_user_id AS rep_user_id, l.channel, l.campaign_id,
           l.budget, l.wanted_bedrooms, l.created_at, known_at(l.first_contact_at, as_of) AS first_contact_at
    FROM ods_lead l
    WHERE l.created_at <= as_of AND (l.closed_at IS NULL OR l.closed_at > as_of)
      AND NOT EXISTS (SELECT 1 FROM ods_reservation r WHERE r.lead_id = l.id AND r.reserved_at <= as_of)
),
visits AS (
    SELECT v.lead_id, count(*) AS visits, max(v.visited_at) AS last_visit_at
    FROM ods_visit v WHERE v.visited_at <= as_of AND v.lead_id IN (SELECT lead_id FROM open_lead) GROUP BY v.lead_id
),
project_price AS (
    SELECT p.id AS project_id, avg(u.list_price) AS typical_price, any_value(p.base_price_per_sqm) AS base_price_per_sqm
    FROM ods_project p JOIN ods_unit u ON u.project_id = p.id GROUP BY p.id
),
-- The latest month of competitor observations near each project, as known at as_of.
competitor AS (
    SELECT cp.near_project_id AS project_id, o.price_per_sqm
    FROM ods_competitor_price_observation o JOIN ods_competitor_project cp ON cp.id = o.competitor_project_id
    WHERE o.observed_on <= CAST(as_of AS DATE)
    QUALIFY date_trunc('month', o.observed_on) = max(date_trunc('month', o.observed_on)) OVER (PARTITION BY cp.near_project_id)
),
competitor_gap AS (SELECT project_id, avg(price_per_sqm) AS competitor_price_per_sqm FROM competitor GROUP BY project_id)
SELECT l.lead_id, l.customer_id, l.project_id, l.rep_user_id,
       l.channel,
       -- Whether a campaign brought the lead, not which: campaigns come and go, so their codes do not carry forward in time.
       CAST(l.campaign_id IS NOT NULL AS DOUBLE) AS in_campaign,
       coalesce(c.income_band, 'Unknown') AS income_band,
       CAST(c.family_size AS DOUBLE) AS family_size,
       CAST(l.budget / pp.typical_price AS DOUBLE) AS budget_ratio,
       CAST(coalesce(v.visits, 0) AS DOUBLE) AS visits,
       date_diff('second', l.created_at, as_of) / 86400.0 AS lead_age_days,
       date_diff('second', greatest(l.created_at, l.first_contact_at, v.last_visit_at, h.last_answered_at), as_of) / 86400.0 AS days_since_contact,
       CAST(l.first_contact_at IS NOT NULL AS DOUBLE) AS contacted,
       date_diff('second', l.created_at, coalesce(l.first_contact_at, as_of)) / 3600.0 AS response_hours,
       CAST(coalesce(h.calls, 0) AS DOUBLE) AS calls,
       CAST(coalesce(h.talk_seconds, 0) AS DOUBLE) / 60.0 AS talk_minutes,
       CAST(coalesce(h.missed_calls, 0) AS DOUBLE) AS missed_calls,
       CAST(coalesce(h.returned_calls, 0) AS DOUBLE) AS returned_calls,
       coalesce(h.last_ivr_path, 'none') AS ivr_path,
       CAST(h.usual_answer_hour AS DOUBLE) AS usual_answer_hour,
       CAST((g.competitor_price_per_sqm - pp.base_price_per_sqm) / pp.base_price_per_sqm AS DOUBLE) AS competitor_gap
FROM open_lead l
LEFT JOIN customer_at(as_of) c ON c.customer_id = l.customer_id
LEFT JOIN visits v ON v.lead_id = l.lead_id
LEFT JOIN project_price pp ON pp.project_id = l.project_id
LEFT JOIN competitor_gap g ON g.project_id = l.project_id
LEFT JOIN call_history_at(as_of) h ON h.customer_id = l.customer_id;

-- 1 when the lead reaches a reservation within horizon_days after as_of.
CREATE OR REPLACE MACRO lead_labels(as_of, horizon_days) AS TABLE
SELECT f.lead_id,
       EXISTS (SELECT 1 FROM ods_reservation r WHERE r.lead_id = f.lead_id AND r.reserved_at > as_of
               AND r.reserved_at <= as_of + to_days(CAST(horizon_days AS INTEGER))) AS label
FROM (SELECT lead_id FROM lead_features(as_of)) f;
