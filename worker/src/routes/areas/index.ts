import { AreaList } from "@akrab/contracts";
import { listAreas } from "@akrab/db";
import { createRoute, z } from "@hono/zod-openapi";
import { jsonResponse, problems } from "../../lib/openapi.ts";
import { createRouter } from "../../lib/router.ts";

const listAreasRoute = createRoute({
  method: "get",
  operationId: "areas.list",
  path: "/api/v1/public/areas",
  tags: ["Public"],
  summary: "Kecamatan of a kabupaten/kota, or kelurahan/desa of a kecamatan (Kemendagri codes)",
  request: {
    query: z.object({
      parent: z
        .string()
        .regex(
          /^\d{2}\.\d{2}(\.\d{2})?$/,
          "Kode kabupaten/kota (36.71) atau kecamatan (36.71.01) / A kab/kota or kecamatan code",
        )
        .openapi({ example: "36.71" }),
    }),
  },
  responses: { 200: jsonResponse(AreaList, "Areas by name"), ...problems(400) },
});

export const areaRoutes = createRouter().openapi(listAreasRoute, async (c) => {
  c.header("cache-control", "public, max-age=86400");
  return c.json({ items: await listAreas(c.get("db"), c.req.valid("query").parent) }, 200);
});
