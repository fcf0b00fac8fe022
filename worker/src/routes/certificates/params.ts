import { z } from "@hono/zod-openapi";
import { TenantParam } from "../../lib/params.ts";

/** A certificate number in a path: its slashes percent-encoded (`0123%2FBALKS%2FB%2FXII%2F2026`). */
const NumberField = z
  .string()
  .min(1)
  .max(200)
  .openapi({ example: "0123/BALKS/B/XII/2026", description: "The certificate number, `/` sent as `%2F`" });

export const NumberParam = z.object({ number: NumberField });
export const TenantNumberParam = TenantParam.extend({ number: NumberField });
