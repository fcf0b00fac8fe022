/**
 * A form over one versioned settings record of the API (BALKS's certificate and supervision
 * settings): the whole record is saved with the version it was read at (a PUT: sent again after a
 * lost answer, it changes nothing more). When someone saved since, the API saves nothing and answers
 * a StaleSaveProblem (the version saved now and each differing field's saved value); the per-field
 * rule (`savedMeanwhile`, packages/domain) then marks the fields someone else saved differently,
 * with their value, to take over or to save over on the new version. With nothing marked, only this
 * form's own changes differ: they are sent again at once, on the new version, losing nobody's change.
 */
import { type Fields, sameValue, savedFrom, savedMeanwhile } from "@akrab/domain";
import { isApiError } from "#lib/api.ts";
import { apiFieldErrors, problemMessage } from "#lib/errors.ts";

export interface SettingsOptions<F extends Fields, V extends F & { version: number }> {
  /** The record's fields (what the form edits and sends). */
  fields: readonly (keyof F & string)[];
  /** The PUT, with the form's values as they are sent and the version they were read at. */
  send: (values: F, expectedVersion: number) => Promise<V>;
  /** What is sent of the form (e.g. trimmed); the form's values as they are by default. */
  prepare?: (form: F) => F;
  /** The notice after a save. */
  saved: () => string;
}

/** Saves on a version that keeps moving (other saves of other fields) are sent again this often at most. */
const RESENDS = 2;

export class VersionedSettings<F extends Fields, V extends F & { version: number }> {
  /** What the inputs hold. */
  form = $state() as F;
  /** The record as last read or saved, with what the API adds to it (an example, the defaults). */
  view = $state() as V;
  /** Fields someone else saved differently since this form read them: the value saved now, by field. */
  conflicts = $state<Partial<F>>({});
  errors = $state<Record<string, string>>({});
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  saving = $state(false);
  /** The fields as read (or as the last stale save learnt them saved), to tell others' changes from this form's. */
  #read: F;
  #version: number;
  readonly #options: SettingsOptions<F, V>;

  constructor(options: SettingsOptions<F, V>, view: V) {
    this.#options = options;
    this.#read = this.#pick(view);
    this.#version = view.version;
    this.#show(view);
  }

  /** The record read again (the server's answer after the device's): shown unless the form was changed. */
  refresh(view: V): void {
    if (this.saving || !sameValue(this.#pick(this.form), this.#read) || view.version < this.#version) return;
    this.#read = this.#pick(view);
    this.#version = view.version;
    this.#show(view);
  }

  get marked(): boolean {
    return Object.keys(this.conflicts).length > 0;
  }

  /** Takes over every marked field's value saved now. */
  takeCurrent(): void {
    this.form = { ...this.form, ...this.conflicts };
    this.conflicts = {};
  }

  async save(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.errors = {};
    this.error = null;
    this.notice = null;
    try {
      for (let sent = 0; ; sent++) {
        const values = (this.#options.prepare ?? ((form: F) => form))(this.#pick(this.form));
        try {
          const view = await this.#options.send(values, this.#version);
          this.#read = this.#pick(view);
          this.#version = view.version;
          this.#show(view);
          this.conflicts = {};
          this.notice = this.#options.saved();
          return;
        } catch (e) {
          if (!(isApiError(e) && e.status === 409 && e.version !== null && e.conflicts.length > 0)) throw e;
          const saved = savedFrom(values, e.conflicts);
          this.conflicts = savedMeanwhile(this.#read, values, saved);
          // The version saved now: a second save is a deliberate choice of what the form holds then.
          this.#read = saved;
          this.#version = e.version;
          if (this.marked || sent >= RESENDS) throw e;
        }
      }
    } catch (e) {
      this.errors = apiFieldErrors(e);
      this.error = problemMessage(e);
    } finally {
      this.saving = false;
    }
  }

  #show(view: V): void {
    this.view = view;
    this.form = this.#pick(view);
  }

  #pick(record: F): F {
    return Object.fromEntries(this.#options.fields.map((field) => [field, record[field]])) as F;
  }
}
