-- When an owner left the property service: the time its customer tag was recorded (its version-7 key), the
-- only date the operational model keeps for it (LeavePropertyService).
CREATE OR REPLACE MACRO property_service_exits() AS TABLE
SELECT customer_id, min(uuid_extract_timestamp(id)::TIMESTAMP) AS left_at FROM ods_customer_tag WHERE tag = 'property-service:left' GROUP BY customer_id;

-- Customers with a live contract at as_of (signed, not cancelled by then) who had not left the property service by
-- then: buyers and owners, described by their service history, money and mortgage as known at as_of. One row per customer.
CREATE OR REPLACE MACRO customer_features(as_of) AS TABLE
WITH live AS (
    SELECT k.customer_id, count(*) AS contracts, min(k.signed_at) AS first_signed_at, any_value(k.payment_method) AS payment_method,
           any_value(k.rep_user_id) AS rep_user_id, any_value(u.project_id) AS project_id
    FROM ods_contract k JOIN ods_unit u ON u.id = k.unit_id
    WHERE k.signed_at <= as_of
      AND NOT EXISTS (SELECT 1 FROM ods_cancellation x WHERE x.contract_id = k.id AND x.cancelled_at <= as_of)
      AND NOT EXISTS (SELECT 1 FROM property_service_exits() e WHERE e.customer_id = k.customer_id AND e.left_at <= as_of)
    GROUP BY k.customer_id
),
-- Owners receive the property service from their first formal handover on.
handover AS (
    SELECT customer_id, min(handed_over_at) AS handed_over_at FROM ods_inspection_unit WHERE handed_over_at <= as_of GROUP BY customer_id
),
orders AS (
    SELECT w.customer_id,
           count(*) FILTER (WHERE w.resolved_at IS NULL OR w.resolved_at > as_of) AS open_work_orders,
           count(*) FILTER (WHERE (w.resolved_at IS NULL OR w.resolved_at > as_of) AND w.due_at < as_of) AS overdue_work_orders,
           count(*) FILTER (WHERE w.type = 'Complaint') AS complaints,
           count(*) FILTER (WHERE w.type = 'Complaint' AND (w.resolved_at IS NULL OR w.resolved_at > as_of)) AS open_complaints,
           count(*) FILTER (WHERE w.type = 'Repair' AND coalesce(known_at(w.resolved_at, as_of), as_of) > w.due_at) AS late_repairs,
           arg_max(top.code, w.opened_at) AS last_category
    FROM ods_work_order w
    LEFT JOIN ods_complaint_category cat ON cat.id = w.category_id
    LEFT JOIN ods_complaint_category top ON top.id = coalesce(cat.parent_id, cat.id)
    WHERE w.opened_at <= as_of AND w.customer_id IN (SELECT customer_id FROM live)
    GROUP BY w.customer_id
),
compensation AS (
    SELECT customer_id, sum(amount) AS compensation FROM ods_compensation WHERE granted_at <= as_of GROUP BY customer_id
),
defects AS (
    SELECT iu.customer_id, count(*) AS handover_defects, count(*) FILTER (WHERE i.fixed_at IS NULL OR i.fixed_at > as_of) AS open_defects
    FROM ods_inspection_issue i JOIN ods_inspection_unit iu ON iu.id = i.inspection_unit_id
    WHERE i.found_at <= as_of GROUP BY iu.customer_id
),
-- The mortgage's state at as_of from its decision and disbursement times (its status column is today's;
-- the bank's rejection reason is written with the decision and only then).
mortgage AS (
    SELECT k.customer_id,
           arg_max(CASE WHEN m.disbursed_at <= as_of THEN 'Disbursed'
                        WHEN m.decided_at <= as_of THEN CASE WHEN m.rejection_reason IS NOT NULL THEN 'Rejected' ELSE 'Approved' END
                        ELSE 'Applied' END, m.applied_at) AS mortgage_state
    FROM ods_mortgage m JOIN ods_contract k ON k.id = m.contract_id
    WHERE m.applied_at <= as_of GROUP BY k.customer_id
),
payments AS (
    SELECT k.customer_id,
           count(*) FILTER (WHERE s.paid_at IS NULL OR s.paid_at > as_of) AS overdue_payments,
           max(date_diff('day', s.due_date, coalesce(known_at(s.paid_at, as_of), as_of))) AS max_days_late
    FROM ods_payment_schedule_item s JOIN ods_contract k ON k.id = s.contract_id
    WHERE s.due_date < CAST(as_of AS DATE) AND k.signed_at <= as_of
      AND (s.paid_at IS NULL OR s.paid_at > CAST(s.due_date AS TIMESTAMP) + INTERVAL 1 DAY)
    GROUP BY k.customer_id
),
nps AS (
    SELECT rv.customer_id, avg(a.score) AS nps, arg_max(a.score, rv.visited_at) AS last_nps
    FROM ods_return_visit rv JOIN ods_answer a ON a.return_visit_id = rv.id JOIN ods_question q ON q.id = a.question_id AND q.kind = 'Nps'
    WHERE rv.visited_at <= as_of GROUP BY rv.customer_id
)
SELECT l.customer_id, l.project_id, l.rep_user_id,
       coalesce(c.income_band, 'Unknown') AS income_band,
       l.payment_method,
       CAST(l.contracts AS DOUBLE) AS contracts,
       date_diff('second', l.first_signed_at, as_of) / 86400.0 AS days_since_signing,
       CAST(coalesce(o.open_work_orders, 0) AS DOUBLE) AS open_work_orders,
       CAST(coalesce(o.overdue_work_orders, 0) AS DOUBLE) AS overdue_work_orders,
       CAST(coalesce(o.complaints, 0) AS DOUBLE) AS complaints,
       CAST(coalesce(o.open_complaints, 0) AS DOUBLE) AS open_complaints,
       CAST(coalesce(o.late_repairs, 0) AS DOUBLE) AS late_repairs,
       coalesce(o.last_category, 'none') AS complaint_category,
       CAST(coalesce(cp.compensation, 0) AS DOUBLE) AS compensation,
       CAST(coalesce(d.handover_defects, 0) AS DOUBLE) AS handover_defects,
       CAST(coalesce(d.open_defects, 0) AS DOUBLE) AS open_defects,
       coalesce(m.mortgage_state, 'none') AS mortgage_state,
       CAST(coalesce(p.overdue_payments, 0) AS DOUBLE) AS payment_delays,
       CAST(coalesce(p.max_days_late, 0) AS DOUBLE) AS max_days_late,
       CAST(n.nps AS DOUBLE) AS nps,
       CAST(n.last_nps AS DOUBLE) AS last_nps,
       date_diff('second', h.handed_over_at, as_of) / 86400.0 AS days_since_handover
FROM live l
LEFT JOIN customer_at(as_of) c ON c.customer_id = l.customer_id
LEFT JOIN orders o ON o.customer_id = l.customer_id
LEFT JOIN compensation cp ON cp.customer_id = l.customer_id
LEFT JOIN defects d ON d.customer_id = l.customer_id
LEFT JOIN mortgage m ON m.customer_id = l.customer_id
LEFT JOIN payments p ON p.customer_id = l.customer_id
LEFT JOIN nps n ON n.customer_id = l.customer_id
LEFT JOIN handover h ON h.customer_id = l.customer_id;

-- 1 when the relationship is lost within horizon_days after as_of: a reservation or contract of the
-- customer is cancelled, or the owner leaves the property service.
CREATE OR REPLACE MACRO churn_labels(as_of, horizon_days) AS TABLE
SELECT f.customer_id,
       EXISTS (SELECT 1 FROM ods_cancellation x WHERE x.customer_id = f.customer_id AND x.cancelled_at > as_of
               AND x.cancelled_at <= as_of + to_days(CAST(horizon_days AS INTEGER)))
       OR EXISTS (SELECT 1 FROM property_service_exits() e WHERE e.customer_id = f.customer_id AND e.left_at > as_of
               AND e.left_at <= as_of + to_days(CAST(horizon_days AS INTEGER))) AS label
FROM (SELECT customer_id FROM customer_features(as_of)) f;
