-- The live definition of kaiku_score_bucket, installed by migration 0012_score_histogram_triggers.sql.
-- To change it, write a new migration with the new statement and update this file;
-- src/db/functions.it.test.ts checks that the migrated database runs exactly what this file says.
CREATE OR REPLACE FUNCTION kaiku_score_bucket(submitted_at timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN date_bin('15 minutes', submitted_at, timestamptz '2000-01-01 00:00:00+00');
