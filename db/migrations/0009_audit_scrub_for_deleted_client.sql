-- The audit log stays append-only, with one narrow exception for a deleted client (decision 0018): while
-- hearth_scrub_audit_person() runs, an UPDATE may only drop metadata keys (the new metadata is contained in the
-- old one, every other column unchanged). Deletes are always refused; exercise versions stay immutable.
CREATE OR REPLACE FUNCTION hearth_audit_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('hearth.audit_scrub', true), '') <> ''
     AND OLD.metadata @> NEW.metadata
     AND (to_jsonb(NEW) - 'metadata') = (to_jsonb(OLD) - 'metadata') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% on % is not allowed: these rows never change', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER audit_events_append_only ON audit_events;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION hearth_audit_guard();
--> statement-breakpoint
-- Drops every metadata value that mentions a deleted person: their name or email in rows about them (as actor or
-- subject), their email in any row (an email is specific; a short name could be part of an exercise's title).
-- Ids, actions and times stay. Returns how many rows changed.
CREATE OR REPLACE FUNCTION hearth_scrub_audit_person(p_user uuid, p_name text, p_email text) RETURNS integer AS $$
DECLARE
  changed integer;
  about text[] := ARRAY(SELECT lower(t) FROM unnest(ARRAY[p_name, p_email]) AS t WHERE length(t) > 0);
  anywhere text[] := ARRAY(SELECT lower(t) FROM unnest(ARRAY[p_email]) AS t WHERE length(t) > 0);
BEGIN
  PERFORM set_config('hearth.audit_scrub', p_user::text, true);
  WITH targets AS (
    SELECT a.id,
           CASE WHEN a.actor_id = p_user OR a.subject_user_id = p_user THEN about ELSE anywhere END AS terms
      FROM audit_events a
     WHERE EXISTS (
       SELECT 1 FROM jsonb_each(a.metadata) AS m(key, value),
              unnest(CASE WHEN a.actor_id = p_user OR a.subject_user_id = p_user THEN about ELSE anywhere END) AS t
        WHERE position(t IN lower(m.value::text)) > 0
     )
  )
  UPDATE audit_events a
     SET metadata = (
       SELECT coalesce(jsonb_object_agg(m.key, m.value), '{}'::jsonb)
         FROM jsonb_each(a.metadata) AS m(key, value)
        WHERE NOT EXISTS (SELECT 1 FROM unnest(targets.terms) AS t WHERE position(t IN lower(m.value::text)) > 0)
     )
    FROM targets
   WHERE a.id = targets.id;
  GET DIAGNOSTICS changed = ROW_COUNT;
  PERFORM set_config('hearth.audit_scrub', '', true);
  RETURN changed;
END;
$$ LANGUAGE plpgsql;
