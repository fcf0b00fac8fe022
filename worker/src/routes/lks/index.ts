import { createRouter } from "../../lib/router.ts";
import { listLks, listLksRoute } from "./list.ts";

export const lksRoutes = createRouter().openapi(listLksRoute, listLks);
