-- The live definition of kaiku_fold_score_histograms, installed by migration 0017_score_histogram_wide_delta_functions.sql.
-- Replaced definitions before it: 0012_score_histogram_triggers.sql, 0015_score_histogram_row_functions.sql.
-- To change it, write a new migration with the new statement and update this file;
-- src/db/functions.it.test.ts checks that the migrated database runs exactly what this file says.
CREATE OR REPLACE FUNCTION kaiku_fold_score_histograms(max_rows integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  taken integer;
  emptied_day_orgs uuid[];
  emptied_days bigint[];
  emptied_month_orgs uuid[];
  emptied_months bigint[];
BEGIN
  PERFORM pg_advisory_xact_lock(7406329114);
  WITH moved AS (
    DELETE FROM score_histogram_deltas d
     WHERE (d.org_id, d.id) IN (SELECT org_id, id FROM score_histogram_deltas LIMIT max_rows)
    RETURNING d.*
  ), local AS (
    SELECT m.org_id, m.question_id, m.unit_id, (m.bucket AT TIME ZONE o.time_zone)::date AS day, m.touchpoint_id, m.channel, m.survey_id,
           sum(m.score_0)::integer AS score_0, sum(m.score_1)::integer AS score_1, sum(m.score_2)::integer AS score_2, sum(m.score_3)::integer AS score_3, sum(m.score_4)::integer AS score_4, sum(m.score_5)::integer AS score_5, sum(m.score_6)::integer AS score_6, sum(m.score_7)::integer AS score_7, sum(m.score_8)::integer AS score_8, sum(m.score_9)::integer AS score_9, sum(m.score_10)::integer AS score_10, sum(m.dont_know)::integer AS dont_know
      FROM moved m JOIN organizations o ON o.id = m.org_id
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ), days AS (
    INSERT INTO score_histogram_days AS h (org_id, question_id, unit_id, day, touchpoint_id, channel, survey_id, score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
    SELECT * FROM local
    ON CONFLICT ON CONSTRAINT score_histogram_days_group DO UPDATE SET score_0 = h.score_0 + excluded.score_0, score_1 = h.score_1 + excluded.score_1, score_2 = h.score_2 + excluded.score_2, score_3 = h.score_3 + excluded.score_3, score_4 = h.score_4 + excluded.score_4, score_5 = h.score_5 + excluded.score_5, score_6 = h.score_6 + excluded.score_6, score_7 = h.score_7 + excluded.score_7, score_8 = h.score_8 + excluded.score_8, score_9 = h.score_9 + excluded.score_9, score_10 = h.score_10 + excluded.score_10, dont_know = h.dont_know + excluded.dont_know
    RETURNING h.org_id, h.id, (h.score_0 = 0 AND h.score_1 = 0 AND h.score_2 = 0 AND h.score_3 = 0 AND h.score_4 = 0 AND h.score_5 = 0 AND h.score_6 = 0 AND h.score_7 = 0 AND h.score_8 = 0 AND h.score_9 = 0 AND h.score_10 = 0 AND h.dont_know = 0) AS empty
  ), months AS (
    INSERT INTO score_histogram_months AS h (org_id, question_id, unit_id, month, touchpoint_id, channel, survey_id, score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
    SELECT org_id, question_id, unit_id, date_trunc('month', day)::date, touchpoint_id, channel, survey_id, sum(score_0)::integer, sum(score_1)::integer, sum(score_2)::integer, sum(score_3)::integer, sum(score_4)::integer, sum(score_5)::integer, sum(score_6)::integer, sum(score_7)::integer, sum(score_8)::integer, sum(score_9)::integer, sum(score_10)::integer, sum(dont_know)::integer
      FROM local GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT score_histogram_months_group DO UPDATE SET score_0 = h.score_0 + excluded.score_0, score_1 = h.score_1 + excluded.score_1, score_2 = h.score_2 + excluded.score_2, score_3 = h.score_3 + excluded.score_3, score_4 = h.score_4 + excluded.score_4, score_5 = h.score_5 + excluded.score_5, score_6 = h.score_6 + excluded.score_6, score_7 = h.score_7 + excluded.score_7, score_8 = h.score_8 + excluded.score_8, score_9 = h.score_9 + excluded.score_9, score_10 = h.score_10 + excluded.score_10, dont_know = h.dont_know + excluded.dont_know
    RETURNING h.org_id, h.id, (h.score_0 = 0 AND h.score_1 = 0 AND h.score_2 = 0 AND h.score_3 = 0 AND h.score_4 = 0 AND h.score_5 = 0 AND h.score_6 = 0 AND h.score_7 = 0 AND h.score_8 = 0 AND h.score_9 = 0 AND h.score_10 = 0 AND h.dont_know = 0) AS empty
  )
  SELECT (SELECT count(*) FROM moved),
         ARRAY(SELECT org_id FROM days WHERE empty), ARRAY(SELECT id FROM days WHERE empty),
         ARRAY(SELECT org_id FROM months WHERE empty), ARRAY(SELECT id FROM months WHERE empty)
    INTO taken, emptied_day_orgs, emptied_days, emptied_month_orgs, emptied_months;
  -- A group back at zero (its answers deleted or moved elsewhere) leaves no row behind.
  IF cardinality(emptied_days) > 0 THEN
    DELETE FROM score_histogram_days h USING unnest(emptied_day_orgs, emptied_days) AS e(org_id, id)
     WHERE h.org_id = e.org_id AND h.id = e.id AND h.score_0 = 0 AND h.score_1 = 0 AND h.score_2 = 0 AND h.score_3 = 0 AND h.score_4 = 0 AND h.score_5 = 0 AND h.score_6 = 0 AND h.score_7 = 0 AND h.score_8 = 0 AND h.score_9 = 0 AND h.score_10 = 0 AND h.dont_know = 0;
  END IF;
  IF cardinality(emptied_months) > 0 THEN
    DELETE FROM score_histogram_months h USING unnest(emptied_month_orgs, emptied_months) AS e(org_id, id)
     WHERE h.org_id = e.org_id AND h.id = e.id AND h.score_0 = 0 AND h.score_1 = 0 AND h.score_2 = 0 AND h.score_3 = 0 AND h.score_4 = 0 AND h.score_5 = 0 AND h.score_6 = 0 AND h.score_7 = 0 AND h.score_8 = 0 AND h.score_9 = 0 AND h.score_10 = 0 AND h.dont_know = 0;
  END IF;
  RETURN taken;
END $$;
