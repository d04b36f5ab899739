-- The live definition of kaiku_rebuild_score_histograms, installed by migration 0015_score_histogram_row_functions.sql.
-- Replaced definitions before it: 0012_score_histogram_triggers.sql.
-- To change it, write a new migration with the new statement and update this file;
-- src/db/functions.it.test.ts checks that the migrated database runs exactly what this file says.
CREATE OR REPLACE FUNCTION kaiku_rebuild_score_histograms(organization uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7406329114);
  DELETE FROM score_histogram_days WHERE org_id = organization;
  DELETE FROM score_histogram_months WHERE org_id = organization;
  WITH dropped AS (
    DELETE FROM score_histogram_deltas WHERE org_id = organization
  )
  INSERT INTO score_histogram_days (org_id, question_id, unit_id, day, touchpoint_id, channel, survey_id, score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
  SELECT a.org_id, a.question_id, r.unit_id, (r.submitted_at AT TIME ZONE o.time_zone)::date, r.touchpoint_id, r.channel, r.survey_id,
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
    FROM answers a
    JOIN responses r ON r.org_id = a.org_id AND r.id = a.response_id
    JOIN organizations o ON o.id = a.org_id
   WHERE a.org_id = organization AND (a.number IS NOT NULL OR a.dont_know)
   GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO score_histogram_months (org_id, question_id, unit_id, month, touchpoint_id, channel, survey_id, score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
  SELECT org_id, question_id, unit_id, date_trunc('month', day)::date, touchpoint_id, channel, survey_id, sum(score_0), sum(score_1), sum(score_2), sum(score_3), sum(score_4), sum(score_5), sum(score_6), sum(score_7), sum(score_8), sum(score_9), sum(score_10), sum(dont_know)
    FROM score_histogram_days WHERE org_id = organization
   GROUP BY 1, 2, 3, 4, 5, 6, 7;
END $$;
