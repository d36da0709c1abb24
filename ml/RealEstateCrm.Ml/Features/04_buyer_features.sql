-- The add-on products, by the customer tag that records a purchase. A tag's version-7 key carries the
-- time it was recorded: that is when the add-on was bought.
CREATE OR REPLACE MACRO addon_purchases_at(as_of) AS TABLE
SELECT customer_id, tag AS addon, uuid_extract_timestamp(id)::TIMESTAMP AS bought_at
FROM ods_customer_tag
WHERE tag LIKE 'addon:%' AND uuid_extract_timestamp(id)::TIMESTAMP <= as_of;

-- Buyers with a live contract at as_of: what they bought (unit type, area), who they are (family, income)
-- and which add-ons they already own. One row per customer (their latest live contract).
CREATE OR REPLACE MACRO buyer_features(as_of) AS TABLE
WITH live AS (
    SELECT k.customer_id, k.signed_at, k.final_price, u.layout, u.bedrooms, u.area, u.project_id, k.rep_user_id
    FROM ods_contract k JOIN ods_unit u ON u.id = k.unit_id
    WHERE k.signed_at <= as_of
      AND NOT EXISTS (SELECT 1 FROM ods_cancellation x WHERE x.contract_id = k.id AND x.cancelled_at <= as_of)
    QUALIFY row_number() OVER (PARTITION BY k.customer_id ORDER BY k.signed_at DESC, k.id) = 1
),
owned AS (SELECT customer_id, list(DISTINCT addon ORDER BY addon) AS addons FROM addon_purchases_at(as_of) GROUP BY customer_id)
SELECT l.customer_id, l.project_id, l.rep_user_id,
       l.layout AS unit_type,
       CAST(l.bedrooms AS DOUBLE) AS bedrooms,
       CAST(l.area AS DOUBLE) AS area,
       CAST(l.final_price AS DOUBLE) / 10000.0 AS price_wan,
       CAST(c.family_size AS DOUBLE) AS family_size,
       coalesce(c.income_band, 'Unknown') AS income_band,
       -- Ordered as the bands are: one split or one weight instead of four categories.
       CAST(CASE c.income_band WHEN 'Low' THEN 0 WHEN 'Middle' THEN 1 WHEN 'UpperMiddle' THEN 2 WHEN 'High' THEN 3 END AS DOUBLE) AS income_level,
       date_diff('second', l.signed_at, as_of) / 86400.0 AS days_since_signing,
       -- Add-ons are sold within 180 days of signing (parking, storage, renovation and the service upgrade are
       -- offered with the handover): the days of that offer still to run.
       greatest(0, 180 - date_diff('second', l.signed_at, as_of) / 86400.0) AS addon_window_days,
       CAST(list_contains(coalesce(o.addons, []), 'addon:parking') AS DOUBLE) AS owns_parking,
       CAST(list_contains(coalesce(o.addons, []), 'addon:storage') AS DOUBLE) AS owns_storage,
       CAST(list_contains(coalesce(o.addons, []), 'addon:renovation') AS DOUBLE) AS owns_renovation,
       CAST(list_contains(coalesce(o.addons, []), 'addon:service-upgrade') AS DOUBLE) AS owns_service_upgrade,
       CAST(len(coalesce(o.addons, [])) AS DOUBLE) AS addons_owned
FROM live l
LEFT JOIN customer_at(as_of) c ON c.customer_id = l.customer_id
LEFT JOIN owned o ON o.customer_id = l.customer_id;

-- The buyers an add-on can still be offered to at as_of: those not owning it ('second-unit': every buyer).
CREATE OR REPLACE MACRO addon_candidates(as_of, product) AS TABLE
SELECT f.* FROM buyer_features(as_of) f
WHERE NOT EXISTS (SELECT 1 FROM addon_purchases_at(as_of) o WHERE o.customer_id = f.customer_id AND o.addon = product);

-- 1 when a candidate buys the add-on within horizon_days after as_of; for 'second-unit', signs another contract.
CREATE OR REPLACE MACRO addon_labels(as_of, horizon_days, product) AS TABLE
SELECT f.customer_id,
       CASE WHEN product = 'second-unit'
            THEN EXISTS (SELECT 1 FROM ods_contract k WHERE k.customer_id = f.customer_id AND k.signed_at > as_of
                         AND k.signed_at <= as_of + to_days(CAST(horizon_days AS INTEGER)))
            ELSE EXISTS (SELECT 1 FROM ods_customer_tag t WHERE t.customer_id = f.customer_id AND t.tag = product
                         AND uuid_extract_timestamp(t.id)::TIMESTAMP > as_of
                         AND uuid_extract_timestamp(t.id)::TIMESTAMP <= as_of + to_days(CAST(horizon_days AS INTEGER)))
       END AS label
FROM (SELECT customer_id FROM addon_candidates(as_of, product)) f;

-- Purchase baskets as of as_of, for association rules: the unit type bought and each add-on, per customer.
CREATE OR REPLACE MACRO purchase_baskets(as_of) AS TABLE
SELECT customer_id, 'unit:' || unit_type AS item FROM buyer_features(as_of)
UNION ALL
SELECT customer_id, addon FROM addon_purchases_at(as_of);
