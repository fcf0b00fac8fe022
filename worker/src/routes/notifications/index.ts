import { CursorQuery, MarkRead, NotificationPage } from "@akrab/contracts";
import { listNotifications, markNotificationsRead } from "@akrab/db";
import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { createRouter } from "../../lib/router.ts";
import { requireAuth } from "../../middleware/auth/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";

const listNotificationsRoute = createRoute({
  method: "get",
  operationId: "notifications.list",
  path: "/api/v1/notifications",
  tags: ["Notifications"],
  summary: "The signed-in user's in-app notifications, newest first, with the unread count",
  security: bearerSecurity,
  middleware: [requireAuth()] as const,
  request: { query: CursorQuery },
  responses: {
    200: jsonResponse(NotificationPage, "Notifications"),
    ...problems(400, 401),
  },
});

const markReadRoute = createRoute({
  method: "post",
  operationId: "notifications.markRead",
  path: "/api/v1/notifications/read",
  tags: ["Notifications"],
  summary: "Mark notifications read (all, or those up to a time)",
  security: bearerSecurity,
  middleware: [requireAuth()] as const,
  request: { body: jsonBody(MarkRead) },
  responses: { 204: { description: "Marked" }, ...problems(400, 401) },
});

export const notificationRoutes = createRouter()
  .openapi(listNotificationsRoute, async (c) => {
    const page = await listNotifications(c.get("db"), c.get("principal").user.id, c.req.valid("query"));
    if (!page) throw unknownCursor();
    return c.json(
      {
        nextCursor: page.nextCursor,
        unread: page.unread,
        items: page.items.map(({ id, title, body, link, createdAt, readAt }) => ({
          id,
          title,
          body,
          link,
          createdAt,
          readAt,
        })),
      },
      200,
    );
  })
  .openapi(markReadRoute, async (c) => {
    await markNotificationsRead(c.get("db"), c.get("principal").user.id, c.req.valid("json").upTo);
    return c.body(null, 204);
  });
