/**
 * Locale state for a client-rendered app.
 *
 * Paraglide compiles each message to a function that calls `getLocale()`. We point
 * `getLocale` at a rune, so every `{m.some_message()}` in a template re-renders in
 * place when the user switches language: no page reload, no lost form input.
 * The choice is persisted by Paraglide's "localStorage" strategy (key `akrab.locale`);
 * Indonesian is the base locale.
 */
import { getLocale, locales, overwriteGetLocale, setLocale, type Locale } from "#lib/paraglide/runtime.js";

let current = $state<Locale>(getLocale());

overwriteGetLocale(() => current);

if (typeof document !== "undefined") document.documentElement.lang = current;

export const i18n = {
  get locale(): Locale {
    return current;
  },
  locales,
  set(locale: Locale) {
    if (locale === current) return;
    setLocale(locale, { reload: false });
    current = locale;
    document.documentElement.lang = locale;
  },
};
