-- The star schema. No PRIMARY KEY / UNIQUE constraints: DuckDB checks them with ART indexes that slow
-- the Appender and complicate updates; uniqueness of natural keys is a data-quality check instead.
-- Surrogate keys (*_key) are BIGINTs handed out by the ETL; natural keys (*_id) are the operational GUIDs.

CREATE TABLE dim_date (
    date_key INTEGER NOT NULL,           -- yyyymmdd
    full_date DATE NOT NULL,
    year SMALLINT NOT NULL, quarter TINYINT NOT NULL, month TINYINT NOT NULL, day TINYINT NOT NULL,
    day_of_week TINYINT NOT NULL,        -- ISO: 1 = Monday
    is_weekend BOOLEAN NOT NULL,
    is_public_holiday BOOLEAN NOT NULL,  -- 法定节假日 (State Council notice)
    holiday_name VARCHAR,
    is_working_day BOOLEAN NOT NULL,     -- false on holidays and weekends, true on 调休 make-up Saturdays/Sundays
    fiscal_year SMALLINT NOT NULL, fiscal_quarter TINYINT NOT NULL, fiscal_month TINYINT NOT NULL
);

CREATE TABLE dim_time_of_day (
    time_key INTEGER NOT NULL,           -- hhmm
    hour TINYINT NOT NULL, minute TINYINT NOT NULL,
    day_part VARCHAR NOT NULL            -- night, morning, noon, afternoon, evening
);

CREATE TABLE dim_customer (
    customer_key BIGINT NOT NULL, customer_id UUID NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL, gender VARCHAR NOT NULL, birth_year SMALLINT, family_size INTEGER NOT NULL,
    segment VARCHAR NOT NULL, city VARCHAR, income_band VARCHAR NOT NULL, assigned_rep_id UUID,
    valid_from TIMESTAMP NOT NULL, valid_to TIMESTAMP NOT NULL, is_current BOOLEAN NOT NULL
);

CREATE TABLE dim_project (
    project_key BIGINT NOT NULL, project_id UUID NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL,
    city VARCHAR NOT NULL, district VARCHAR, launch_date DATE, base_price_per_sqm DECIMAL(18,2) NOT NULL
);

CREATE TABLE dim_building (
    building_key BIGINT NOT NULL, building_id UUID NOT NULL, project_id UUID NOT NULL, name VARCHAR NOT NULL,
    floors INTEGER NOT NULL, planned_handover_date DATE
);

CREATE TABLE dim_unit (
    unit_key BIGINT NOT NULL, unit_id UUID NOT NULL, building_id UUID NOT NULL, project_id UUID NOT NULL,
    room_no VARCHAR NOT NULL, floor INTEGER NOT NULL, stack_no INTEGER NOT NULL, layout VARCHAR NOT NULL,
    bedrooms INTEGER NOT NULL, area DECIMAL(18,2) NOT NULL, orientation VARCHAR NOT NULL, list_price DECIMAL(18,2) NOT NULL,
    status VARCHAR NOT NULL
);

CREATE TABLE dim_channel (channel_key BIGINT NOT NULL, channel VARCHAR NOT NULL);

CREATE TABLE dim_campaign (
    campaign_key BIGINT NOT NULL, campaign_id UUID NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL,
    channel VARCHAR NOT NULL, project_id UUID, cost DECIMAL(18,2) NOT NULL, start_date DATE NOT NULL,
    end_date DATE NOT NULL, status VARCHAR NOT NULL
);

CREATE TABLE dim_sales_rep (
    sales_rep_key BIGINT NOT NULL, user_id UUID NOT NULL, user_name VARCHAR NOT NULL, display_name VARCHAR NOT NULL,
    org_unit_id UUID, is_supervisor BOOLEAN NOT NULL, is_active BOOLEAN NOT NULL
);

CREATE TABLE dim_agent (
    agent_key BIGINT NOT NULL, agent_id UUID NOT NULL, user_id UUID NOT NULL, agent_no VARCHAR NOT NULL,
    extension VARCHAR NOT NULL, seat_no VARCHAR
);

CREATE TABLE dim_queue (queue_key BIGINT NOT NULL, queue VARCHAR NOT NULL);

CREATE TABLE dim_competitor (competitor_key BIGINT NOT NULL, competitor_id UUID NOT NULL, name VARCHAR NOT NULL);

CREATE TABLE dim_complaint_category (
    complaint_category_key BIGINT NOT NULL, complaint_category_id UUID NOT NULL, parent_id UUID,
    code VARCHAR NOT NULL, name VARCHAR NOT NULL, sla_hours INTEGER NOT NULL, severity VARCHAR NOT NULL
);

CREATE TABLE dim_contractor (
    contractor_key BIGINT NOT NULL, contractor_id UUID NOT NULL, name VARCHAR NOT NULL, contact_person VARCHAR
);

CREATE TABLE fact_lead_funnel (
    lead_id UUID NOT NULL, customer_key BIGINT, project_key BIGINT, channel_key BIGINT, campaign_key BIGINT,
    sales_rep_key BIGINT, status VARCHAR NOT NULL, lost_reason VARCHAR, lost_to_competitor_key BIGINT,
    created_date_key INTEGER NOT NULL, created_at TIMESTAMP NOT NULL,
    first_contact_at TIMESTAMP, first_visit_at TIMESTAMP, reserved_at TIMESTAMP, contracted_at TIMESTAMP, cancelled_at TIMESTAMP,
    hours_to_first_contact DOUBLE, days_to_first_visit DOUBLE, days_to_reservation DOUBLE, days_to_contract DOUBLE
);

CREATE TABLE fact_sale (
    contract_id UUID NOT NULL, contract_no VARCHAR NOT NULL, signed_date_key INTEGER NOT NULL, customer_key BIGINT,
    unit_key BIGINT, project_key BIGINT, building_key BIGINT, sales_rep_key BIGINT, payment_method VARCHAR NOT NULL,
    status VARCHAR NOT NULL, list_price DECIMAL(18,2) NOT NULL, discount_amount DECIMAL(18,2) NOT NULL,
    final_price DECIMAL(18,2) NOT NULL, area DECIMAL(18,2) NOT NULL, signed_at TIMESTAMP NOT NULL
);

CREATE TABLE fact_payment (
    payment_id UUID NOT NULL, contract_id UUID NOT NULL, paid_date_key INTEGER NOT NULL, customer_key BIGINT,
    unit_key BIGINT, project_key BIGINT, kind VARCHAR, channel VARCHAR NOT NULL, amount DECIMAL(18,2) NOT NULL,
    paid_at TIMESTAMP NOT NULL
);

CREATE TABLE fact_call (
    call_record_id UUID NOT NULL, call_id VARCHAR NOT NULL, started_date_key INTEGER NOT NULL, started_time_key INTEGER NOT NULL,
    customer_key BIGINT, agent_key BIGINT, queue_key BIGINT, direction VARCHAR NOT NULL, outcome VARCHAR NOT NULL,
    is_abandoned BOOLEAN NOT NULL, ivr_path VARCHAR, wait_seconds INTEGER NOT NULL, talk_seconds INTEGER NOT NULL,
    disposition VARCHAR, started_at TIMESTAMP NOT NULL
);

CREATE TABLE fact_work_order (
    work_order_id UUID NOT NULL, number VARCHAR NOT NULL, type VARCHAR NOT NULL, status VARCHAR NOT NULL, priority VARCHAR NOT NULL,
    opened_date_key INTEGER NOT NULL, customer_key BIGINT, project_key BIGINT, unit_key BIGINT, complaint_category_key BIGINT,
    contractor_key BIGINT, opened_at TIMESTAMP NOT NULL, due_at TIMESTAMP NOT NULL, first_response_at TIMESTAMP,
    resolved_at TIMESTAMP, closed_at TIMESTAMP, hours_to_first_response DOUBLE, hours_to_resolve DOUBLE,
    sla_met BOOLEAN, escalation_level INTEGER NOT NULL, reopen_count INTEGER NOT NULL,
    compensation_amount DECIMAL(18,2) NOT NULL, repair_cost DECIMAL(18,2) NOT NULL
);

CREATE TABLE fact_inspection_issue (
    inspection_issue_id UUID NOT NULL, found_date_key INTEGER NOT NULL, inspection_kind VARCHAR NOT NULL,
    project_key BIGINT, unit_key BIGINT, customer_key BIGINT, complaint_category_key BIGINT, severity VARCHAR NOT NULL,
    found_at TIMESTAMP NOT NULL, fixed_at TIMESTAMP, days_to_fix DOUBLE, has_work_order BOOLEAN NOT NULL
);

CREATE TABLE fact_campaign_touch (
    campaign_member_id UUID NOT NULL, campaign_key BIGINT, customer_key BIGINT, channel_key BIGINT,
    added_date_key INTEGER NOT NULL, added_at TIMESTAMP NOT NULL, responded_at TIMESTAMP, responded BOOLEAN NOT NULL
);

CREATE TABLE fact_competitor_price (
    observation_id UUID NOT NULL, competitor_key BIGINT, competitor_project VARCHAR NOT NULL, city VARCHAR NOT NULL,
    district VARCHAR, near_project_key BIGINT, observed_date_key INTEGER NOT NULL, price_per_sqm DECIMAL(18,2) NOT NULL,
    source VARCHAR
);

CREATE TABLE fact_unit_status_daily (
    snapshot_date_key INTEGER NOT NULL, project_key BIGINT NOT NULL, status VARCHAR NOT NULL,
    unit_count INTEGER NOT NULL, total_area DECIMAL(18,2) NOT NULL, total_list_price DECIMAL(18,2) NOT NULL
);

CREATE TABLE fact_open_work_orders_daily (
    snapshot_date_key INTEGER NOT NULL, project_key BIGINT, complaint_category_key BIGINT, priority VARCHAR NOT NULL,
    open_count INTEGER NOT NULL, overdue_count INTEGER NOT NULL
);

CREATE TABLE etl_run (
    run_id BIGINT NOT NULL, mode VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL,
    from_sequence BIGINT NOT NULL, to_sequence BIGINT NOT NULL, rows_extracted BIGINT NOT NULL,
    status VARCHAR NOT NULL, error VARCHAR
);

CREATE TABLE etl_watermark (source VARCHAR NOT NULL, last_sequence BIGINT NOT NULL);

CREATE TABLE etl_dq_result (
    run_id BIGINT NOT NULL, check_kind VARCHAR NOT NULL, subject VARCHAR NOT NULL,
    expected BIGINT NOT NULL, actual BIGINT NOT NULL, passed BOOLEAN NOT NULL
);
