-- The live definition of kaiku_score_histograms_truncate, installed by migration 0015_score_histogram_row_functions.sql.
-- Replaced definitions before it: 0012_score_histogram_triggers.sql.
-- To change it, write a new migration with the new statement and update this file;
-- src/db/functions.it.test.ts checks that the migrated database runs exactly what this file says.
CREATE OR REPLACE FUNCTION kaiku_score_histograms_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE score_histogram_deltas, score_histogram_days, score_histogram_months;
  RETURN NULL;
END $$;
