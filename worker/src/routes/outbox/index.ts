import { createRouter } from "../../lib/router.ts";
import { listOutboxMessages, listOutboxRoute } from "./list.ts";

export const outboxRoutes = createRouter().openapi(listOutboxRoute, listOutboxMessages);
