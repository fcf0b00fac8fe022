import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LatestAnswer } from "./latest-answer.ts";

describe("which answer about a record the page shows (they arrive in any order)", () => {
  const open = { submittedAt: null as string | null };
  const submitted = { submittedAt: "2026-03-10T03:00:00.000Z" };
  const sheetAnswers = () => new LatestAnswer<typeof open>((sheet) => sheet.submittedAt !== null);

  it("a read asked before the answer shown, and answered after it, is older: left out", () => {
    const answers = new LatestAnswer<number>();
    answers.reset(0);
    const first = answers.ask();
    const second = answers.ask();
    expect(answers.take(second, 2)).toBe(true);
    expect(answers.take(first, 1)).toBe(false);
    expect(answers.take(answers.ask(), 3)).toBe(true);
  });

  it("the first answer after a load without one shown is taken; one asked before the load is not", () => {
    const answers = new LatestAnswer<number>();
    const before = answers.ask();
    answers.reset();
    const read = answers.ask();
    expect(answers.take(before, 0)).toBe(false);
    expect(answers.take(read, 1)).toBe(true);
  });

  it("the submit's answer stands: a read asked before it and answered after it does not take it back", () => {
    // The CI run: the outbox's last send read the sheet again, the asesor submitted meanwhile, and
    // that read (from before the submit) arrived last.
    const answers = sheetAnswers();
    answers.reset(open);
    const readBefore = answers.ask();
    const submit = answers.ask();
    expect(answers.take(submit, submitted)).toBe(true);
    expect(answers.take(readBefore, open)).toBe(false);
  });

  it("final: one not final never replaces a final one, a final one replaces any other", () => {
    const answers = sheetAnswers();
    answers.reset(open);
    const submit = answers.ask();
    const readAfter = answers.ask();
    // Read on the server before the submit was stored, answered first.
    expect(answers.take(readAfter, open)).toBe(true);
    expect(answers.take(submit, submitted)).toBe(true);
    expect(answers.take(answers.ask(), open)).toBe(false);
    expect(answers.take(answers.ask(), submitted)).toBe(true);
  });

  it("a new load starts over: what was asked before it is older, final or not", () => {
    const answers = sheetAnswers();
    answers.reset(submitted);
    const before = answers.ask();
    answers.reset(open);
    expect(answers.take(before, submitted)).toBe(false);
    expect(answers.take(answers.ask(), open)).toBe(true);
  });

  it("any order of arrival ends with the answer asked last shown, and the page never goes back to an older one", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })),
          ),
        ([n, order]) => {
          const answers = new LatestAnswer<number>();
          answers.reset(-1);
          // The page shows answer i for request i: the value is the request's number.
          const asked = Array.from({ length: n }, () => answers.ask());
          let shown = -1;
          for (const i of order) {
            if (answers.take(asked[i]!, i)) {
              expect(i).toBeGreaterThan(shown);
              shown = i;
            }
          }
          expect(shown).toBe(n - 1);
        },
      ),
    );
  });

  it("asked and answered interleaved in any way: the answer shown is always the latest asked of those arrived", () => {
    // A step either asks a new request or delivers one still under way (chosen by its index).
    const step = fc.oneof(
      fc.constant({ ask: true as const }),
      fc.nat().map((pick) => ({ ask: false as const, pick })),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const answers = new LatestAnswer<number>();
        answers.reset(0);
        const underWay: number[] = [];
        const arrived: number[] = [];
        let shown = 0;
        const deliver = (at: number) => {
          const [asked] = underWay.splice(at, 1);
          arrived.push(asked!);
          if (answers.take(asked!, asked!)) shown = asked!;
          expect(shown).toBe(Math.max(...arrived));
        };
        for (const s of steps) {
          if (s.ask) underWay.push(answers.ask());
          else if (underWay.length > 0) deliver(s.pick % underWay.length);
        }
        while (underWay.length > 0) deliver(0);
        expect(shown).toBe(Math.max(0, ...arrived));
      }),
    );
  });
});
