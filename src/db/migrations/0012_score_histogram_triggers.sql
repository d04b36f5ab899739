-- Custom SQL for the score-histogram rollups (issue 4). Triggers turn every change of score
-- answers or their responses into signed rows of score_histogram_deltas, in the changing
-- statement's own transaction, so the rollup can neither miss nor double-count a response.
-- kaiku_fold_score_histograms moves deltas into the day and month tables (job, every minute);
-- readers add the deltas not folded yet. See docs/architecture.md, "Storage".

-- Submission times are kept to the quarter-hour in UTC until folded: every time zone in use
-- is a whole number of quarter-hours from UTC, so the fold can place them on the local day of
-- the organisation's time zone as it is then (a time-zone change rebuilds the rollup).
CREATE FUNCTION kaiku_score_bucket(submitted_at timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN date_bin('15 minutes', submitted_at, timestamptz '2000-01-01 00:00:00+00');
--> statement-breakpoint
CREATE FUNCTION kaiku_score_deltas_answers_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO score_histogram_deltas (org_id, question_id, survey_id, bucket, touchpoint_id, unit_id, channel, score, count)
  SELECT a.org_id, a.question_id, r.survey_id, kaiku_score_bucket(r.submitted_at), r.touchpoint_id, r.unit_id, r.channel,
         CASE WHEN a.dont_know THEN NULL ELSE round(a.number)::smallint END, count(*)
    FROM new_answers a JOIN responses r ON r.org_id = a.org_id AND r.id = a.response_id
   WHERE a.number IS NOT NULL OR a.dont_know
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION kaiku_score_deltas_answers_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO score_histogram_deltas (org_id, question_id, survey_id, bucket, touchpoint_id, unit_id, channel, score, count)
    SELECT a.org_id, a.question_id, r.survey_id, kaiku_score_bucket(r.submitted_at), r.touchpoint_id, r.unit_id, r.channel,
         CASE WHEN a.dont_know THEN NULL ELSE round(a.number)::smallint END, -count(*)
      FROM old_answers a JOIN responses r ON r.org_id = a.org_id AND r.id = a.response_id
     WHERE a.number IS NOT NULL OR a.dont_know
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSE
    INSERT INTO score_histogram_deltas (org_id, question_id, survey_id, bucket, touchpoint_id, unit_id, channel, score, count)
    SELECT org_id, question_id, survey_id, bucket, touchpoint_id, unit_id, channel, score, sum(sign)
      FROM (
        SELECT a.org_id, a.question_id, r.survey_id, kaiku_score_bucket(r.submitted_at) AS bucket, r.touchpoint_id, r.unit_id, r.channel,
         CASE WHEN a.dont_know THEN NULL ELSE round(a.number)::smallint END AS score, -1 AS sign
          FROM old_answers a JOIN responses r ON r.org_id = a.org_id AND r.id = a.response_id
         WHERE a.number IS NOT NULL OR a.dont_know
        UNION ALL
        SELECT a.org_id, a.question_id, r.survey_id, kaiku_score_bucket(r.submitted_at), r.touchpoint_id, r.unit_id, r.channel,
         CASE WHEN a.dont_know THEN NULL ELSE round(a.number)::smallint END, 1
          FROM new_answers a JOIN responses r ON r.org_id = a.org_id AND r.id = a.response_id
         WHERE a.number IS NOT NULL OR a.dont_know
      ) AS change
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(sign) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION kaiku_score_deltas_responses_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO score_histogram_deltas (org_id, question_id, survey_id, bucket, touchpoint_id, unit_id, channel, score, count)
    SELECT a.org_id, a.question_id, r.survey_id, kaiku_score_bucket(r.submitted_at), r.touchpoint_id, r.unit_id, r.channel,
         CASE WHEN a.dont_know THEN NULL ELSE round(a.number)::smallint END, -count(*)
      FROM old_responses r JOIN answers a ON a.org_id = r.org_id AND a.response_id = r.id
     WHERE a.number IS NOT NULL OR a.dont_know
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSE
    INSERT INTO score_histogram_deltas (org_id, question_id, survey_id, bucket, touchpoint_id, unit_id, channel, score, count)
    SELECT org_id, question_id, survey_id, bucket, touchpoint_id, unit_id, channel, score, sum(sign)
      FROM (
        SELECT a.org_id, a.question_id, r.survey_id, kaiku_score_bucket(r.submitted_at) AS bucket, r.touchpoint_id, r.unit_id, r.channel,
         CASE WHEN a.dont_know THEN NULL ELSE round(a.number)::smallint END AS score, -1 AS sign
          FROM old_responses r JOIN answers a ON a.org_id = r.org_id AND a.response_id = r.id
         WHERE a.number IS NOT NULL OR a.dont_know
        UNION ALL
        SELECT a.org_id, a.question_id, r.survey_id, kaiku_score_bucket(r.submitted_at), r.touchpoint_id, r.unit_id, r.channel,
         CASE WHEN a.dont_know THEN NULL ELSE round(a.number)::smallint END, 1
          FROM new_responses r JOIN answers a ON a.org_id = r.org_id AND a.response_id = r.id
         WHERE a.number IS NOT NULL OR a.dont_know
      ) AS change
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(sign) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION kaiku_score_histograms_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE score_histogram_deltas, score_histograms_day, score_histograms_month;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Folds up to max_rows deltas into the day and month tables; returns how many it took. Folds
-- and rebuilds serialise on one advisory lock, so they are the only writers of the day and
-- month tables and never deadlock; ingestion only appends deltas and never waits for them.
CREATE FUNCTION kaiku_fold_score_histograms(max_rows integer) RETURNS integer LANGUAGE plpgsql AS $$
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
    SELECT m.org_id, m.question_id, m.unit_id, (m.bucket AT TIME ZONE o.time_zone)::date AS day, m.touchpoint_id, m.channel, m.survey_id, m.score,
           sum(m.count)::integer AS count
      FROM moved m JOIN organizations o ON o.id = m.org_id
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ), days AS (
    INSERT INTO score_histograms_day AS h (org_id, question_id, unit_id, day, touchpoint_id, channel, survey_id, score, count)
    SELECT * FROM local
    ON CONFLICT ON CONSTRAINT score_histograms_day_group DO UPDATE SET count = h.count + excluded.count
    RETURNING h.org_id, h.id, h.count
  ), months AS (
    INSERT INTO score_histograms_month AS h (org_id, question_id, unit_id, month, touchpoint_id, channel, survey_id, score, count)
    SELECT org_id, question_id, unit_id, date_trunc('month', day)::date, touchpoint_id, channel, survey_id, score, sum(count)
      FROM local GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT score_histograms_month_group DO UPDATE SET count = h.count + excluded.count
    RETURNING h.org_id, h.id, h.count
  )
  SELECT (SELECT count(*) FROM moved),
         ARRAY(SELECT org_id FROM days WHERE count = 0), ARRAY(SELECT id FROM days WHERE count = 0),
         ARRAY(SELECT org_id FROM months WHERE count = 0), ARRAY(SELECT id FROM months WHERE count = 0)
    INTO taken, emptied_day_orgs, emptied_days, emptied_month_orgs, emptied_months;
  -- A group back at zero (its answers deleted or moved elsewhere) leaves no row behind.
  IF cardinality(emptied_days) > 0 THEN
    DELETE FROM score_histograms_day h USING unnest(emptied_day_orgs, emptied_days) AS e(org_id, id)
     WHERE h.org_id = e.org_id AND h.id = e.id AND h.count = 0;
  END IF;
  IF cardinality(emptied_months) > 0 THEN
    DELETE FROM score_histograms_month h USING unnest(emptied_month_orgs, emptied_months) AS e(org_id, id)
     WHERE h.org_id = e.org_id AND h.id = e.id AND h.count = 0;
  END IF;
  RETURN taken;
END $$;
--> statement-breakpoint
-- Recomputes one organisation's rollup from its answers: the backfill, and what a change of the
-- organisation's time zone runs. Pending deltas are dropped in the same statement (one snapshot)
-- that counts the answers, so a response committed meanwhile is counted exactly once: by its
-- delta if the statement does not see it, by the recount if it does.
CREATE FUNCTION kaiku_rebuild_score_histograms(organization uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7406329114);
  DELETE FROM score_histograms_day WHERE org_id = organization;
  DELETE FROM score_histograms_month WHERE org_id = organization;
  WITH dropped AS (
    DELETE FROM score_histogram_deltas WHERE org_id = organization
  )
  INSERT INTO score_histograms_day (org_id, question_id, unit_id, day, touchpoint_id, channel, survey_id, score, count)
  SELECT a.org_id, a.question_id, r.unit_id, (r.submitted_at AT TIME ZONE o.time_zone)::date, r.touchpoint_id, r.channel, r.survey_id,
         CASE WHEN a.dont_know THEN NULL ELSE round(a.number)::smallint END, count(*)
    FROM answers a
    JOIN responses r ON r.org_id = a.org_id AND r.id = a.response_id
    JOIN organizations o ON o.id = a.org_id
   WHERE a.org_id = organization AND (a.number IS NOT NULL OR a.dont_know)
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO score_histograms_month (org_id, question_id, unit_id, month, touchpoint_id, channel, survey_id, score, count)
  SELECT org_id, question_id, unit_id, date_trunc('month', day)::date, touchpoint_id, channel, survey_id, score, sum(count)
    FROM score_histograms_day WHERE org_id = organization
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
END $$;
--> statement-breakpoint
CREATE FUNCTION kaiku_score_histograms_time_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kaiku_rebuild_score_histograms(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER score_deltas_answers_insert AFTER INSERT ON answers
  REFERENCING NEW TABLE AS new_answers FOR EACH STATEMENT EXECUTE FUNCTION kaiku_score_deltas_answers_insert();
--> statement-breakpoint
CREATE TRIGGER score_deltas_answers_update AFTER UPDATE ON answers
  REFERENCING OLD TABLE AS old_answers NEW TABLE AS new_answers FOR EACH STATEMENT EXECUTE FUNCTION kaiku_score_deltas_answers_change();
--> statement-breakpoint
CREATE TRIGGER score_deltas_answers_delete AFTER DELETE ON answers
  REFERENCING OLD TABLE AS old_answers FOR EACH STATEMENT EXECUTE FUNCTION kaiku_score_deltas_answers_change();
--> statement-breakpoint
CREATE TRIGGER score_deltas_responses_update AFTER UPDATE ON responses
  REFERENCING OLD TABLE AS old_responses NEW TABLE AS new_responses FOR EACH STATEMENT EXECUTE FUNCTION kaiku_score_deltas_responses_change();
--> statement-breakpoint
CREATE TRIGGER score_deltas_responses_delete AFTER DELETE ON responses
  REFERENCING OLD TABLE AS old_responses FOR EACH STATEMENT EXECUTE FUNCTION kaiku_score_deltas_responses_change();
--> statement-breakpoint
CREATE TRIGGER score_histograms_answers_truncate AFTER TRUNCATE ON answers FOR EACH STATEMENT EXECUTE FUNCTION kaiku_score_histograms_truncate();
--> statement-breakpoint
CREATE TRIGGER score_histograms_responses_truncate AFTER TRUNCATE ON responses FOR EACH STATEMENT EXECUTE FUNCTION kaiku_score_histograms_truncate();
--> statement-breakpoint
CREATE TRIGGER score_histograms_time_zone AFTER UPDATE OF time_zone ON organizations
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION kaiku_score_histograms_time_zone();
--> statement-breakpoint
-- Backfill: every existing organisation's rollup from its answers.
SELECT kaiku_rebuild_score_histograms(id) FROM organizations;
