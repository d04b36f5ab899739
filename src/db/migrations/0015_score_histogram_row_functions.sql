-- Custom SQL: the fold and the rebuild write whole histograms per row into score_histogram_days
-- and score_histogram_months (migration 0014), which replace the row-per-score tables of
-- migration 0011: a read adds one row per group instead of one per group and score (measured in
-- bench/rollups.ts). The triggers and score_histogram_deltas of 0011–0012 are unchanged.
-- Scores are whole numbers 0–10 (src/surveys/schema.ts scaleOf bounds every scale within that).
CREATE OR REPLACE FUNCTION kaiku_score_histograms_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE score_histogram_deltas, score_histogram_days, score_histogram_months;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Folds up to max_rows deltas into the day and month tables; returns how many it took. Folds
-- and rebuilds serialise on one advisory lock, so they are the only writers of the day and
-- month tables and never deadlock; ingestion only appends deltas and never waits for them.
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
           sum(CASE WHEN m.score = 0 THEN m.count ELSE 0 END)::integer AS score_0,
           sum(CASE WHEN m.score = 1 THEN m.count ELSE 0 END)::integer AS score_1,
           sum(CASE WHEN m.score = 2 THEN m.count ELSE 0 END)::integer AS score_2,
           sum(CASE WHEN m.score = 3 THEN m.count ELSE 0 END)::integer AS score_3,
           sum(CASE WHEN m.score = 4 THEN m.count ELSE 0 END)::integer AS score_4,
           sum(CASE WHEN m.score = 5 THEN m.count ELSE 0 END)::integer AS score_5,
           sum(CASE WHEN m.score = 6 THEN m.count ELSE 0 END)::integer AS score_6,
           sum(CASE WHEN m.score = 7 THEN m.count ELSE 0 END)::integer AS score_7,
           sum(CASE WHEN m.score = 8 THEN m.count ELSE 0 END)::integer AS score_8,
           sum(CASE WHEN m.score = 9 THEN m.count ELSE 0 END)::integer AS score_9,
           sum(CASE WHEN m.score = 10 THEN m.count ELSE 0 END)::integer AS score_10,
           sum(CASE WHEN m.score IS NULL THEN m.count ELSE 0 END)::integer AS dont_know
      FROM moved m JOIN organizations o ON o.id = m.org_id
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ), days AS (
    INSERT INTO score_histogram_days AS h (org_id, question_id, unit_id, day, touchpoint_id, channel, survey_id, score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
    SELECT * FROM local
    ON CONFLICT ON CONSTRAINT score_histogram_days_group DO UPDATE SET score_0 = h.score_0 + excluded.score_0, score_1 = h.score_1 + excluded.score_1, score_2 = h.score_2 + excluded.score_2, score_3 = h.score_3 + excluded.score_3, score_4 = h.score_4 + excluded.score_4, score_5 = h.score_5 + excluded.score_5, score_6 = h.score_6 + excluded.score_6, score_7 = h.score_7 + excluded.score_7, score_8 = h.score_8 + excluded.score_8, score_9 = h.score_9 + excluded.score_9, score_10 = h.score_10 + excluded.score_10, dont_know = h.dont_know + excluded.dont_know
    RETURNING h.org_id, h.id, (h.score_0 = 0 AND h.score_1 = 0 AND h.score_2 = 0 AND h.score_3 = 0 AND h.score_4 = 0 AND h.score_5 = 0 AND h.score_6 = 0 AND h.score_7 = 0 AND h.score_8 = 0 AND h.score_9 = 0 AND h.score_10 = 0 AND h.dont_know = 0) AS empty
  ), months AS (
    INSERT INTO score_histogram_months AS h (org_id, question_id, unit_id, month, touchpoint_id, channel, survey_id, score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
    SELECT org_id, question_id, unit_id, date_trunc('month', day)::date, touchpoint_id, channel, survey_id, sum(score_0), sum(score_1), sum(score_2), sum(score_3), sum(score_4), sum(score_5), sum(score_6), sum(score_7), sum(score_8), sum(score_9), sum(score_10), sum(dont_know)
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
--> statement-breakpoint
-- Recomputes one organisation's rollup from its answers: the backfill, and what a change of the
-- organisation's time zone runs. Pending deltas are dropped in the same statement (one snapshot)
-- that counts the answers, so a response committed meanwhile is counted exactly once: by its
-- delta if the statement does not see it, by the recount if it does.
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
--> statement-breakpoint
-- Backfill into the new tables: every organisation's rollup from its answers.
SELECT kaiku_rebuild_score_histograms(id) FROM organizations;
