import { createRouter } from "../../lib/router.ts";
import { work, workRoute } from "./work.ts";

export const meRoutes = createRouter().openapi(workRoute, work);
