-- The live definition of kaiku_score_deltas_answers_insert, installed by migration 0024_score_deltas_in_ingestion.sql.
-- Replaced definitions before it: 0012_score_histogram_triggers.sql, 0017_score_histogram_wide_delta_functions.sql, 0018_score_histogram_delta_lookup.sql, 0019_score_histogram_delta_join.sql.
-- To change it, write a new migration with the new statement and update this file;
-- src/db/functions.it.test.ts checks that the migrated database runs exactly what this file says.
CREATE OR REPLACE FUNCTION kaiku_score_deltas_answers_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('kaiku.score_deltas', true) = 'written' THEN
    PERFORM set_config('kaiku.score_deltas', '', true);
    RETURN NULL;
  END IF;
  INSERT INTO score_histogram_deltas (org_id, question_id, unit_id, touchpoint_id, channel, survey_id, bucket, score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
  SELECT a.org_id, a.question_id, r.unit_id, r.touchpoint_id, r.channel, r.survey_id, kaiku_score_bucket(r.submitted_at),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 0),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 1),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 2),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 3),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 4),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 5),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 6),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 7),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 8),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 9),
         count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 10),
         count(*) FILTER (WHERE a.dont_know)
    FROM new_answers a JOIN responses r ON r.org_id = a.org_id AND r.id = a.response_id
   WHERE a.number IS NOT NULL OR a.dont_know
   GROUP BY 1, 2, 3, 4, 5, 6, 7;
  RETURN NULL;
END $$;
