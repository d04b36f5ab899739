-- Custom SQL: the ingestion statement (src/responses/service.ts) writes the score-histogram deltas
-- of the answers it stores itself, from the rows it has just stored, and sets kaiku.score_deltas =
-- 'written' (local to the transaction). The answers insert trigger, which fires at the end of that
-- statement, then has nothing to add: it clears the setting and returns, so every later statement
-- in the transaction is counted by the trigger again. Every other insert of answers (late answers,
-- scripts, restores) is counted by the trigger as before; edits, moves and deletions keep their
-- triggers. Measured: the trigger's second look-up of each answer's response and its grouping cost
-- single-response ingestion about a third of its throughput (BENCHMARKS.md).
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
