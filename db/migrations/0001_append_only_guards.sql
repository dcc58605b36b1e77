-- The audit log is append-only and published exercise versions are immutable:
-- the database itself refuses to change them, whatever the application does.
CREATE OR REPLACE FUNCTION hearth_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed: these rows never change', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER exercise_versions_immutable BEFORE UPDATE OR DELETE ON exercise_versions
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
