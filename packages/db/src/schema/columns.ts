import { text } from "drizzle-orm/sqlite-core";

/** Times are stored as ISO-8601 UTC text: readable in SQL, sortable, and what JSON carries anyway. */
export const createdAt = () => text("created_at").notNull();
