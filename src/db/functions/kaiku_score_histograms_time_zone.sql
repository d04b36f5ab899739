-- The live definition of kaiku_score_histograms_time_zone, installed by migration 0012_score_histogram_triggers.sql.
-- To change it, write a new migration with the new statement and update this file;
-- src/db/functions.it.test.ts checks that the migrated database runs exactly what this file says.
CREATE OR REPLACE FUNCTION kaiku_score_histograms_time_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kaiku_rebuild_score_histograms(NEW.id);
  RETURN NULL;
END $$;
