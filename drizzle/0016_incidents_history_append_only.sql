-- The state history of incidents is append-only: the database refuses UPDATE and TRUNCATE of
-- incident_state_changes, and DELETE too, except for the retention job (issue 16, item 3), which
-- will remove the history together with its incident after setting weerbaar.incident_retention.
CREATE FUNCTION "incident_state_changes_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' AND current_setting('weerbaar.incident_retention', true) = 'on' THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION 'incident_state_changes is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "incident_state_changes_no_update" BEFORE UPDATE OR DELETE ON "incident_state_changes" FOR EACH ROW EXECUTE FUNCTION "incident_state_changes_append_only"();
--> statement-breakpoint
CREATE TRIGGER "incident_state_changes_no_truncate" BEFORE TRUNCATE ON "incident_state_changes" FOR EACH STATEMENT EXECUTE FUNCTION "incident_state_changes_append_only"();
