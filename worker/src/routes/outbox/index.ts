import { createRouter } from "../../lib/router.ts";
import { listOutboxMessages, listOutboxRoute } from "./list.ts";
import { retryOutboxMessage, retryOutboxRoute } from "./retry.ts";

export const outboxRoutes = createRouter()
  .openapi(listOutboxRoute, listOutboxMessages)
  .openapi(retryOutboxRoute, retryOutboxMessage);
