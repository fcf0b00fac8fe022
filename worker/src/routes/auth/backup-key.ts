import { BackupKey } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AuthedEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth/index.ts";
import { BACKUP_KEY_ID, backupKey } from "../../services/backup-key.ts";

export const backupKeyRoute = createRoute({
  method: "get",
  operationId: "auth.backupKey",
  path: "/api/v1/auth/backup-key",
  tags: ["Auth"],
  summary: "The signed-in person's key for signing backup files of their unsent changes",
  description:
    "The web app keeps this key on the device with the person's other data (deleted at sign-out) so it can sign " +
    "a backup file of the changes not yet sent, and verify one when importing it, without signal. The key only " +
    "lets its holder make files that import as this person's own changes, which they can make anyway; it grants " +
    "no access to anything. Answered with Cache-Control: no-store.",
  security: bearerSecurity,
  middleware: [requireAuth()] as const,
  responses: {
    200: jsonResponse(BackupKey, "The key, the same on every device and session of this person"),
    ...problems(401),
  },
});

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

export const getBackupKey: RouteHandler<typeof backupKeyRoute, AuthedEnv> = async (c) => {
  const userId = c.get("principal").user.id;
  const key = await backupKey(c.env, userId);
  return c.json({ userId, keyId: BACKUP_KEY_ID, algorithm: "HMAC-SHA256" as const, key: toBase64Url(key) }, 200);
};
