/**
 * The send button's text offline, for an action that is never queued (see `typed-draft.svelte.ts`).
 * A module of its own, loaded the first time a form shows offline: its text is then in one small
 * chunk of its own instead of regrouping the shared message chunks of every page with such a form.
 */
import { m } from "#lib/paraglide/messages.js";

export const needsConnection = () => m.offline_send_needs_connection();
