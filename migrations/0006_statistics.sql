-- The dashboard and the funders' report: the yearly target for room-rental income, the text staff
-- write for a report, and the indexes the period aggregates read through.

-- 6,000 € a year of room rentals until staff change it.
INSERT INTO settings (key, value) VALUES ('rental_target_cents', '600000');

-- One text per report period (the dates it was written for).
CREATE TABLE report_texts (
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_by  INTEGER REFERENCES members (id),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (period_from, period_to)
) STRICT;

CREATE INDEX payments_paid_on ON payments (paid_on);
CREATE INDEX payments_period ON payments (period_end, period_start);
CREATE INDEX rentals_day ON rentals (day) WHERE status = 'approved';
CREATE INDEX members_created ON members (created_at);
