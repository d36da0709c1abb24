-- The product models' output, one set of rows per model and scoring date (a re-run replaces them).
-- subject_id is what was scored: the lead for lead-score, the customer for churn and cross-sell-*.
-- Reasons are the top three feature contributions in words (zh-CN joined by '；', English by '; ').
CREATE TABLE ml_score (
    as_of DATE NOT NULL, model VARCHAR NOT NULL, subject_id UUID NOT NULL, customer_id UUID NOT NULL, project_id UUID,
    rep_user_id UUID, score DOUBLE NOT NULL, model_version VARCHAR NOT NULL, reasons_zh VARCHAR NOT NULL,
    reasons_en VARCHAR NOT NULL, scored_at TIMESTAMP NOT NULL
);

-- Each buyer's next best offer: the add-on most likely bought, why, and the association rule that backs it.
CREATE TABLE ml_next_best_offer (
    as_of DATE NOT NULL, customer_id UUID NOT NULL, project_id UUID, rep_user_id UUID, product VARCHAR NOT NULL,
    score DOUBLE NOT NULL, model_version VARCHAR NOT NULL, reason_zh VARCHAR NOT NULL, reason_en VARCHAR NOT NULL
);

-- Association rules over purchase baskets as of the scoring date (one-item consequents).
CREATE TABLE ml_association_rule (
    as_of DATE NOT NULL, antecedent VARCHAR[] NOT NULL, consequent VARCHAR NOT NULL,
    support DOUBLE NOT NULL, confidence DOUBLE NOT NULL, lift DOUBLE NOT NULL
);

-- One row per model and scoring run: which version scored how many rows.
CREATE TABLE ml_score_run (
    as_of DATE NOT NULL, model VARCHAR NOT NULL, model_version VARCHAR NOT NULL, rows_scored BIGINT NOT NULL,
    started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL
);
