-- A counter that moves whenever anything a signed-in principal is made of changes: a session or API
-- token revoked, expired early or deleted, a user disabled or renamed or given other platform roles,
-- a membership added, changed or removed. The HTTP layer caches principals per credential together
-- with the counter they were read at, and reads the counter (one tiny query) on every request: a
-- cached principal is used only while the counter has not moved, so a revocation takes effect on the
-- next request in every process, exactly as without the cache. New sessions and tokens, and the
-- once-a-minute last-seen touches, do not move it.
CREATE TABLE "auth_epoch" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL CHECK ("id"),
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "auth_epoch" ("id", "n") VALUES (true, 0);
--> statement-breakpoint
CREATE FUNCTION "auth_epoch_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "auth_epoch" SET "n" = "n" + 1;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "sessions_auth_epoch" AFTER UPDATE OF "revoked_at", "expires_at", "user_id", "token_hash" OR DELETE OR TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION "auth_epoch_bump"();
--> statement-breakpoint
CREATE TRIGGER "api_tokens_auth_epoch" AFTER UPDATE OF "revoked_at", "expires_at", "scopes", "user_id", "token_hash" OR DELETE OR TRUNCATE ON "api_tokens" FOR EACH STATEMENT EXECUTE FUNCTION "auth_epoch_bump"();
--> statement-breakpoint
CREATE TRIGGER "users_auth_epoch" AFTER UPDATE OF "email", "display_name", "platform_roles", "disabled_at" OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "auth_epoch_bump"();
--> statement-breakpoint
CREATE TRIGGER "memberships_auth_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "memberships" FOR EACH STATEMENT EXECUTE FUNCTION "auth_epoch_bump"();
