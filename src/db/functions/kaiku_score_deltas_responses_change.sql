-- The live definition of kaiku_score_deltas_responses_change, installed by migration 0017_score_histogram_wide_delta_functions.sql.
-- Replaced definitions before it: 0012_score_histogram_triggers.sql.
-- To change it, write a new migration with the new statement and update this file;
-- src/db/functions.it.test.ts checks that the migrated database runs exactly what this file says.
CREATE OR REPLACE FUNCTION kaiku_score_deltas_responses_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO score_histogram_deltas (org_id, question_id, unit_id, touchpoint_id, channel, survey_id, bucket, score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
    SELECT a.org_id, a.question_id, r.unit_id, r.touchpoint_id, r.channel, r.survey_id, kaiku_score_bucket(r.submitted_at),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 0),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 1),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 2),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 3),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 4),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 5),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 6),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 7),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 8),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 9),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 10),
         -count(*) FILTER (WHERE a.dont_know)
      FROM old_responses r JOIN answers a ON a.org_id = r.org_id AND a.response_id = r.id
     WHERE a.number IS NOT NULL OR a.dont_know
     GROUP BY 1, 2, 3, 4, 5, 6, 7;
  ELSE
    INSERT INTO score_histogram_deltas (org_id, question_id, unit_id, touchpoint_id, channel, survey_id, bucket, score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
    SELECT org_id, question_id, unit_id, touchpoint_id, channel, survey_id, bucket, sum(score_0), sum(score_1), sum(score_2), sum(score_3), sum(score_4), sum(score_5), sum(score_6), sum(score_7), sum(score_8), sum(score_9), sum(score_10), sum(dont_know)
      FROM (
        SELECT a.org_id, a.question_id, r.unit_id, r.touchpoint_id, r.channel, r.survey_id, kaiku_score_bucket(r.submitted_at) AS bucket,
               -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 0),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 1),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 2),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 3),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 4),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 5),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 6),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 7),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 8),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 9),
         -count(*) FILTER (WHERE NOT a.dont_know AND round(a.number) = 10),
         -count(*) FILTER (WHERE a.dont_know)
          FROM old_responses r JOIN answers a ON a.org_id = r.org_id AND a.response_id = r.id
         WHERE a.number IS NOT NULL OR a.dont_know
         GROUP BY 1, 2, 3, 4, 5, 6, 7
        UNION ALL
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
          FROM new_responses r JOIN answers a ON a.org_id = r.org_id AND a.response_id = r.id
         WHERE a.number IS NOT NULL OR a.dont_know
         GROUP BY 1, 2, 3, 4, 5, 6, 7
      ) AS change (org_id, question_id, unit_id, touchpoint_id, channel, survey_id, bucket, score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(score_0) <> 0 OR sum(score_1) <> 0 OR sum(score_2) <> 0 OR sum(score_3) <> 0 OR sum(score_4) <> 0 OR sum(score_5) <> 0 OR sum(score_6) <> 0 OR sum(score_7) <> 0 OR sum(score_8) <> 0 OR sum(score_9) <> 0 OR sum(score_10) <> 0 OR sum(dont_know) <> 0;
  END IF;
  RETURN NULL;
END $$;
