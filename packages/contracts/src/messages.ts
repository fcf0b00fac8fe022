import { z } from "@hono/zod-openapi";
import en from "zod/v4/locales/en.js";
import id from "zod/v4/locales/id.js";

const indonesian = id().localeError;
const english = en().localeError;

function text(message: ReturnType<typeof indonesian>): string | undefined {
  return typeof message === "string" ? message : message?.message;
}

/**
 * zod's own messages (wrong type, unknown option, too short…) in the API's style: Indonesian
 * first, then English. Messages written in the schemas are already bilingual and stay as they are.
 */
z.config({
  localeError: (issue) => {
    const idText = text(indonesian(issue));
    const enText = text(english(issue));
    return idText && enText ? `${idText} / ${enText}` : (idText ?? enText);
  },
});
