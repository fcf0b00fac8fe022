/**
 * Which of several answers about one record a page shows (pure; unit-tested). A page re-reads a
 * record while it writes it (the outbox's sends each read it again, a file's arrival reads it, a save
 * answers with it): the answers arrive in any order, and the one last to arrive is not always the
 * newest. Each request that answers with the record is numbered when asked (`ask`), and its answer
 * replaces the one shown only when asked later (`take`). Without this, a read asked just before a
 * save and answered just after it put the state from before the save back: the saved value gone
 * from the page, and the next change sent on an old version (a conflict with oneself).
 *
 * `final` (optional) names an answer nothing else replaces but another final one (a submitted sheet):
 * it wins over any answer not final, however numbered (the submit's answer numbered as it arrives).
 */
export class LatestAnswer<T> {
  #asked = 0;
  /** The request the page's load counts as: anything asked before belongs to an earlier load. */
  #since = 0;
  #shown = { asked: 0, final: false };
  readonly #final: (answer: T) => boolean;

  constructor(final: (answer: T) => boolean = () => false) {
    this.#final = final;
  }

  /** The number of a request about to be sent that answers with the record (a read, a save). */
  ask(): number {
    return ++this.#asked;
  }

  /** The page starts over (a new load, with `answer` shown when it has one): everything asked before is older. */
  reset(answer?: T): void {
    this.#since = this.ask();
    this.#shown = { asked: this.#since, final: answer !== undefined && this.#final(answer) };
  }

  /** Whether the answer to request `asked` is newer than the one shown; if so it is the one shown from now on. */
  take(asked: number, answer: T): boolean {
    if (asked < this.#since) return false;
    const final = this.#final(answer);
    const newer = final === this.#shown.final ? asked > this.#shown.asked : final;
    if (newer) this.#shown = { asked, final };
    return newer;
  }
}
