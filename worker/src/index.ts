import { createApp } from "./app.ts";
import type { Bindings } from "./env.ts";
import { scheduled } from "./scheduled.ts";

export { UploadSession } from "./uploads/upload-session.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled,
} satisfies ExportedHandler<Bindings>;
