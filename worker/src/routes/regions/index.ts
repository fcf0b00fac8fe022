import { createRouter } from "../../lib/router.ts";
import { listRegionsHandler, listRegionsRoute } from "./list.ts";

export const regionRoutes = createRouter().openapi(listRegionsRoute, listRegionsHandler);
