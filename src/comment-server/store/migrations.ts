// The database's versions, oldest first. A migration is never edited once released: a
// change is a new entry. Kysely's migrator records which ran, in its own tables, and runs
// the rest in order when the server starts.
import { type Kysely, type Migration, type MigrationProvider } from "kysely";

const MIGRATIONS: Record<string, Migration> = {
  "001-queue": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("comments")
        .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
        .addColumn("status", "text", (column) => column.notNull())
        .addColumn("post", "text", (column) => column.notNull())
        .addColumn("parent", "text")
        .addColumn("author", "text", (column) => column.notNull())
        .addColumn("email", "text", (column) => column.notNull())
        .addColumn("url", "text")
        .addColumn("text", "text", (column) => column.notNull())
        .addColumn("text_key", "text", (column) => column.notNull())
        .addColumn("submitted_at", "text", (column) => column.notNull())
        .addColumn("marks", "text", (column) => column.notNull().defaultTo("[]"))
        .addColumn("token_hash", "text", (column) => column.notNull().unique())
        .addColumn("decided_at", "text")
        .addColumn("published_id", "text")
        .addColumn("publish_error", "text")
        .execute();
      await db.schema.createIndex("comments_by_status").on("comments").columns(["status", "id"]).execute();
      await db.schema.createIndex("comments_by_post").on("comments").columns(["post", "text_key"]).execute();
      await db.schema.createIndex("comments_by_email").on("comments").column("email").execute();

      await db.schema
        .createTable("rate_events")
        .addColumn("client", "text", (column) => column.notNull())
        .addColumn("action", "text", (column) => column.notNull())
        .addColumn("at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("rate_events_by_client")
        .on("rate_events")
        .columns(["client", "action", "at"])
        .execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id_hash", "text", (column) => column.primaryKey())
        .addColumn("csrf", "text", (column) => column.notNull())
        .addColumn("expires_at", "bigint", (column) => column.notNull())
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
