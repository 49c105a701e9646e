-- The integrity report history is append-only: the database refuses UPDATE, DELETE and TRUNCATE,
-- except an UPDATE that only empties note_sealed (content destroyed after the retention period).
CREATE OR REPLACE FUNCTION integrity_history_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.note_sealed IS NULL
     AND (to_jsonb(NEW) - 'note_sealed') = (to_jsonb(OLD) - 'note_sealed') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'integrity_history is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER integrity_history_no_change BEFORE UPDATE OR DELETE ON integrity_history FOR EACH ROW EXECUTE FUNCTION integrity_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER integrity_history_no_truncate BEFORE TRUNCATE ON integrity_history FOR EACH STATEMENT EXECUTE FUNCTION integrity_history_refuse_change();
