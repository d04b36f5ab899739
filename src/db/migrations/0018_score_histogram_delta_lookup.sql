-- Custom SQL: the insert trigger looks each answer's response up by primary key (LATERAL …
-- LIMIT 1, as the ingestion statement does for its references), so its cached plan stays a probe
-- per answer whatever the size of the transition table or of responses.
CREATE OR REPLACE FUNCTION kaiku_score_deltas_answers_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
    FROM new_answers a
    -- LATERAL … LIMIT 1 keeps each lookup a primary-key probe in the cached generic plan, which
    -- otherwise may join the transition table to a scan of all responses.
    CROSS JOIN LATERAL (SELECT survey_id, submitted_at, touchpoint_id, unit_id, channel FROM responses
                         WHERE org_id = a.org_id AND id = a.response_id LIMIT 1) r
   WHERE a.number IS NOT NULL OR a.dont_know
   GROUP BY 1, 2, 3, 4, 5, 6, 7;
  RETURN NULL;
END $$;
