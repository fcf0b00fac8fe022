/**
 * One assessment, end to end in the browser (issue 13): Loka Bina Karya Jakarta Timur's application at
 * the visit (fixtures/assessment-chain.sql). Two asesors on phones download the visit pack, lose all
 * signal, score every indicator and every Formulir C document on the page, take a photo, reload the
 * browser with no signal (everything is still there, not sent), get signal back (the outbox sends it)
 * and submit; the lead records the visit; the one indicator they scored two levels apart is flagged,
 * the lead proposes a level with a reason, the member agrees, both sign; the member submits the
 * scores; the decider records the plenary decision accrediting with B; the LKS's operator reads B and
 * the recommendations on the application. The API then holds each answer exactly once.
 * Unlike visit-scoring.test.ts and decision.test.ts, nothing of the assessment is put in through the API.
 */
import { randomBytes } from "node:crypto";
import jpeg from "jpeg-js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiFetch,
  apiSignIn,
  controlledByServiceWorker,
  launch,
  login,
  open,
  overflowsHorizontally,
  type Session,
  shot,
  wholeShellOnDevice,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const LKS = "Loka Bina Karya Jakarta Timur";
const TENANT = "prov-dki-jakarta";
const APPLICATION = "e2e0c4a1-0000-4000-8000-000000000a13";
const LEAD = {
  email: "ketua.rantai@akrab.test",
  name: "Dr. Wulan Ketua",
  assignment: "e2e0c4a1-0000-4000-8000-00000000d001",
};
const MEMBER = {
  email: "anggota.rantai@akrab.test",
  name: "Bambang Anggota, M.Si",
  assignment: "e2e0c4a1-0000-4000-8000-00000000d002",
};
const OPERATOR = "operator.lbk@akrab.test";
const PHONE = { width: 360, height: 740 };
const RECOMMENDATION = "Susun rencana pelatihan kerja tertulis untuk setiap penerima manfaat.";

interface Indicator {
  code: string;
  levels: { score: number }[];
}
interface Sheet {
  entries: { indicator: string; level: number | null; note: string; version: number }[];
  documentChecks: { code: string; present: boolean | null; note: string; version: number }[];
  photos: { indicator: string; photoId: string }[];
  submittedAt: string | null;
}
interface Pack {
  instrument: { standards: { code: string; aspects: { indicators: Indicator[] }[] }[] };
  checklist: { code: string }[];
}

/** A phone-like photo (gradients and noise), big enough that the page downscales it. */
function makePhoto(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  const noise = randomBytes(width * height);
  for (let i = 0; i < width * height; i++) {
    const n = (noise[i]! - 128) / 8;
    data[i * 4] = Math.max(0, Math.min(255, 60 + ((i % width) / width) * 150 + n));
    data[i * 4 + 1] = Math.max(0, Math.min(255, 90 + (Math.floor(i / width) / height) * 120 - n));
    data[i * 4 + 2] = 140;
    data[i * 4 + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

const levelRadio = (score: number) => ({ name: new RegExp(`^Tingkat ${score}(?!\\d)`) });

async function sheetOf(cookie: string, assignment: string): Promise<Sheet> {
  const response = await apiFetch(`/api/v1/me/assignments/${assignment}/sheet`, { cookie });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Sheet;
}

/** Takes one workflow action on the application page (the asesor's "Catat visitasi", "Kirim nilai"). */
async function act(page: Page, label: string, nextStep: RegExp): Promise<void> {
  await page.goto(`/t/${TENANT}/permohonan/${APPLICATION}`);
  await page.getByTestId("appl-actions").getByRole("button", { name: label }).click();
  await page.getByTestId("action-confirm").click();
  await page.getByTestId("appl-step").filter({ hasText: nextStep }).waitFor();
}

/** The asesor's reconciliation opened from /penugasan. */
async function openReconciliation(page: Page): Promise<void> {
  await page.goto("/penugasan");
  await page.getByTestId("pn-assignment").filter({ hasText: LKS }).getByTestId("rk-open").click();
  await page.getByTestId("rk-item").first().waitFor();
}

/** The submit requests a page makes from now on, each with its answer's status (or how it failed). */
function watchSubmits(page: Page): string[] {
  const seen: string[] = [];
  const isSubmit = (url: string) => url.endsWith("/sheet/submit");
  page.on("response", (r) => {
    if (isSubmit(r.url())) seen.push(`${r.request().method()} ${r.status()}`);
  });
  page.on("requestfailed", (r) => {
    if (isSubmit(r.url())) seen.push(`${r.method()} failed: ${r.failure()?.errorText}`);
  });
  return seen;
}

/**
 * What the scoring page shows about the submit (blocker, error, the button) beside the server's sheet:
 * a submit that did not show as sent explains itself (the CI run only said "Timeout 30000ms").
 */
async function submitState(
  page: Page,
  plan: { cookie: string; asesor: { assignment: string } },
  submits: string[],
): Promise<string> {
  const shown = async (testId: string) =>
    (await page.getByTestId(testId).count()) > 0 ? await page.getByTestId(testId).innerText() : "(none)";
  const server = await sheetOf(plan.cookie, plan.asesor.assignment);
  return [
    `submit requests: ${submits.join(", ") || "(none)"}`,
    `blocker: ${await shown("visit-submit-blocker")}`,
    `error: ${await shown("visit-submit-error")}`,
    `button disabled: ${await page
      .getByTestId("visit-submit-send")
      .isDisabled({ timeout: 1000 })
      .catch(() => "(no button)")}`,
    `total: ${await shown("visit-total")}`,
    `server: submittedAt ${server.submittedAt}, ${server.entries.length} entries, ${server.documentChecks.length} checks, ${server.photos.length} photos`,
  ].join("; ");
}

describe("one assessment from offline scoring to the LKS's grade (issue 13)", () => {
  test("two asesors score offline, reconcile and sign, the decider accredits with B, the LKS reads it", {
    timeout: 420_000,
  }, async () => {
    const lead = await apiSignIn(LEAD.email);
    const member = await apiSignIn(MEMBER.email);
    const packResponse = await apiFetch(`/api/v1/me/assignments/${LEAD.assignment}/pack`, { cookie: lead.cookie });
    expect(packResponse.status, await packResponse.clone().text()).toBe(200);
    const pack = (await packResponse.json()) as Pack;
    const indicators = pack.instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
    /** Each standard's indicator codes (the page shows one standard at a time, under its tab). */
    const standards = pack.instrument.standards.map((s) => ({
      code: s.code,
      codes: s.aspects.flatMap((a) => a.indicators.map((i) => i.code)),
    }));
    const documents = pack.checklist.map((d) => d.code);
    expect(indicators.length).toBeGreaterThan(10);
    expect(documents.length).toBeGreaterThan(0);
    // Both one level below the top everywhere (the rules give B); the member two levels lower on
    // the first indicator, which is then flagged and reconciled back to the lead's level.
    const [flagged] = indicators;
    const agreed = flagged!.levels.at(-2)!.score;
    const levelsOf = (lower: boolean): Map<string, number> =>
      new Map(indicators.map((ind, i) => [ind.code, ind.levels.at(lower && i === 0 ? -4 : -2)!.score]));
    const plans = [
      {
        asesor: LEAD,
        cookie: lead.cookie,
        levels: levelsOf(false),
        note: "Program pelatihan berjalan, dokumen lengkap.",
      },
      {
        asesor: MEMBER,
        cookie: member.cookie,
        levels: levelsOf(true),
        note: "Dokumen program belum ditemukan di lokasi.",
      },
    ];
    const photoIndicator = indicators[1]!.code;

    // 1. Both download the pack with signal, and have the whole app on the device.
    const sessions: Session[] = [];
    for (const [i, plan] of plans.entries()) {
      const session = await open(browser, PHONE);
      sessions.push(session);
      const { page } = session;
      await login(page, plan.asesor.email);
      await controlledByServiceWorker(page);
      await page.goto("/penugasan");
      const card = page.getByTestId("pn-assignment").filter({ hasText: LKS });
      await card.getByTestId("pack-size").waitFor();
      await card.getByTestId("pack-download").click();
      await card.getByTestId("pack-on-device").waitFor();
      await wholeShellOnDevice(page);
      if (i === 0) await shot(page, "chain-1-pack-360");
    }

    // 2. No signal at all from here: each scores every indicator and document, notes and photographs.
    for (const [i, plan] of plans.entries()) {
      const { page, context } = sessions[i]!;
      await context.setOffline(true);
      const card = page.getByTestId("pn-assignment").filter({ hasText: LKS });
      await card.getByTestId("pack-open").click();
      await page.getByRole("heading", { level: 1, name: "Penilaian visitasi" }).waitFor();
      await page.getByTestId("visit-lks").filter({ hasText: LKS }).waitFor();
      const ind = (code: string) => page.getByTestId(`score-${code}`);
      const tab = (code: string) => page.getByTestId(`visit-tab-${code}`).click();
      for (const standard of standards.toReversed()) {
        await tab(standard.code);
        for (const code of standard.codes) {
          await ind(code)
            .getByRole("radio", levelRadio(plan.levels.get(code)!))
            .check();
          await ind(code).getByTestId("score-unsent").waitFor({ timeout: 15_000 });
        }
      }
      // The first standard last: its indicators carry the note and the photo.
      await ind(flagged!.code).getByLabel("Catatan asesor").fill(plan.note);
      await ind(photoIndicator)
        .getByTestId("photo-input")
        .setInputFiles({ name: "IMG_20260310_101500.jpg", mimeType: "image/jpeg", buffer: makePhoto(2000, 1500) });
      await ind(photoIndicator).getByTestId("photo-status").filter({ hasText: "disimpan di perangkat" }).waitFor();
      await page.getByTestId("visit-end").scrollIntoViewIfNeeded();
      for (const code of documents)
        await page.getByTestId(`doc-${code}`).getByRole("radio", { name: "Ada", exact: true }).check();
      for (const code of documents) await page.getByTestId(`doc-${code}`).getByText("Belum terkirim").waitFor();
      expect(await page.getByTestId("visit-total").innerText()).toBe(
        `${indicators.length} dari ${indicators.length} indikator dinilai`,
      );
      expect(await overflowsHorizontally(page)).toBe(false);
      await ind(flagged!.code).scrollIntoViewIfNeeded();
      await shot(page, `chain-2-offline-scored-${i === 0 ? "lead" : "member"}-360`, false);

      // 3. The browser reloads with no signal: every score is still there, still not sent.
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Penilaian visitasi" }).waitFor();
      for (const standard of standards) {
        await page.getByTestId(`visit-tab-${standard.code}`).click();
        for (const code of standard.codes) {
          await ind(code).getByTestId("score-unsent").waitFor({ timeout: 15_000 });
          expect(
            await ind(code)
              .getByRole("radio", levelRadio(plan.levels.get(code)!))
              .isChecked(),
            code,
          ).toBe(true);
        }
      }
      await page.getByTestId(`visit-tab-${standards[0]!.code}`).click();
      expect(await ind(flagged!.code).getByLabel("Catatan asesor").inputValue()).toBe(plan.note);
      await page.getByTestId("visit-end").scrollIntoViewIfNeeded();
      for (const code of documents)
        expect(await page.getByTestId(`doc-${code}`).getByRole("radio", { name: "Ada", exact: true }).isChecked()).toBe(
          true,
        );
      // Nothing reached the server meanwhile.
      const before = await sheetOf(plan.cookie, plan.asesor.assignment);
      expect(before.entries).toEqual([]);
      expect(before.photos).toEqual([]);
      await ind(flagged!.code).scrollIntoViewIfNeeded();
      if (i === 0) await shot(page, "chain-3-reloaded-offline-360", false);
    }

    // 4. Signal again: the outbox and the upload queue send everything; both submit.
    for (const [i, { page, context }] of sessions.entries()) {
      await context.setOffline(false);
      const ind = (code: string) => page.getByTestId(`score-${code}`);
      for (const standard of standards) {
        await page.getByTestId(`visit-tab-${standard.code}`).click();
        for (const code of standard.codes)
          await ind(code).getByTestId("score-unsent").waitFor({ state: "detached", timeout: 60_000 });
      }
      await page.getByTestId(`visit-tab-${standards[0]!.code}`).click();
      await ind(photoIndicator).getByTestId("score-photo").waitFor({ timeout: 60_000 });
      await page.getByTestId("visit-end").scrollIntoViewIfNeeded();
      // The document checks leave the device like the scores (a full run under load once had them still
      // sending, the submit rightly disabled, when the test clicked).
      for (const code of documents)
        await page
          .getByTestId(`doc-${code}`)
          .getByText("Belum terkirim")
          .waitFor({ state: "detached", timeout: 60_000 });
      const submits = watchSubmits(page);
      await (async () => {
        await page.getByTestId("visit-submit-send").click();
        await page.getByTestId("visit-submitted").waitFor({ timeout: 30_000 });
      })().catch(async (e: unknown) => {
        throw new Error(`${plans[i]!.asesor.email}: ${await submitState(page, plans[i]!, submits)}`, { cause: e });
      });
      if (i === 1) await shot(page, "chain-4-submitted-360");
    }

    // 5. Each answer is stored exactly once (version 1: one save), one photo each.
    for (const plan of plans) {
      const sheet = await sheetOf(plan.cookie, plan.asesor.assignment);
      expect(sheet.submittedAt).not.toBeNull();
      expect(sheet.entries).toHaveLength(indicators.length);
      for (const [code, level] of plan.levels) {
        const entries = sheet.entries.filter((e) => e.indicator === code);
        expect(entries, code).toHaveLength(1);
        expect(entries[0], code).toMatchObject({ level, version: 1 });
      }
      expect(sheet.entries.find((e) => e.indicator === flagged!.code)?.note).toBe(plan.note);
      expect(sheet.documentChecks).toHaveLength(documents.length);
      for (const code of documents)
        expect(sheet.documentChecks.filter((c) => c.code === code)).toEqual([
          expect.objectContaining({ present: true, version: 1 }),
        ]);
      expect(sheet.photos).toHaveLength(1);
      expect(sheet.photos[0]!.indicator).toBe(photoIndicator);
    }

    // 6. The lead records the visit on the application; the flagged indicator comes first.
    const [leadSession, memberSession] = sessions as [Session, Session];
    await act(leadSession.page, "Catat visitasi", /^Penilaian$/);
    await openReconciliation(leadSession.page);
    const first = leadSession.page.getByTestId("rk-item").first();
    expect(await first.getAttribute("data-code")).toBe(flagged!.code);
    expect(await first.getAttribute("data-flagged")).toBe("true");
    expect(await first.getByTestId("rk-spread").innerText()).toBe("2");
    expect(await leadSession.page.locator("[data-testid='rk-item'][data-flagged='true']").count()).toBe(1);
    await first.getByTestId("rk-level").fill(String(agreed));
    await first.getByTestId("rk-reason").fill("Dokumen program ditemukan di ruang kepala saat dicek ulang bersama.");
    await first.getByTestId("rk-propose").click();
    await first.getByTestId("rk-proposal").waitFor();
    await leadSession.page.getByTestId("rk-strengths").fill("Pelatihan kerja terstruktur dan dipantau.");
    await leadSession.page.getByTestId("rk-recommendations").fill(RECOMMENDATION);
    await leadSession.page.getByTestId("rk-report-save").click();
    await leadSession.page.getByTestId("rk-notice").waitFor();
    expect(await overflowsHorizontally(leadSession.page)).toBe(false);
    await first.scrollIntoViewIfNeeded();
    await shot(leadSession.page, "chain-5-proposal-lead-360", false);

    // 7. The member agrees; both sign (each on a freshly loaded sheet).
    await openReconciliation(memberSession.page);
    const item = memberSession.page.getByTestId("rk-item").first();
    await item.getByTestId("rk-agree").check();
    await item.getByTestId("rk-respond").click();
    await item.getByTestId("rk-responses").waitFor();
    await expect.poll(() => item.getByTestId("rk-reconciled").innerText()).toBe(String(agreed));
    await item.scrollIntoViewIfNeeded();
    await shot(memberSession.page, "chain-6-agreed-member-360", false);
    await openReconciliation(leadSession.page);
    await leadSession.page.getByTestId("rk-sign").click();
    await leadSession.page
      .locator("[data-testid='rk-signature'][data-signed='true']")
      .filter({ hasText: LEAD.name })
      .waitFor();
    await openReconciliation(memberSession.page);
    await memberSession.page.getByTestId("rk-sign").click();
    await memberSession.page.getByTestId("rk-signed-off").waitFor();
    expect(await memberSession.page.getByTestId("rk-signature").allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`${LEAD.name.replaceAll(".", "\\.")}.*ditandatangani`)),
      expect.stringMatching(new RegExp(`${MEMBER.name.replaceAll(".", "\\.")}.*ditandatangani`)),
    ]);
    await memberSession.page.getByTestId("rk-panel").scrollIntoViewIfNeeded();
    await shot(memberSession.page, "chain-7-signed-360", false);
    await act(memberSession.page, "Kirim nilai", /^Keputusan akreditasi$/);

    // 8. The decider (on a phone) records the plenary decision: accredited, B, as the rules compute.
    const decider = await open(browser, PHONE);
    await login(decider.page, "balks@akrab.test");
    await decider.page.goto(`/balks/tim/${TENANT}/${APPLICATION}`);
    const panel = decider.page.getByTestId("dc-panel");
    await panel.getByTestId("dc-form").waitFor();
    expect(await panel.getByTestId("dc-computed").innerText()).toContain("B");
    expect(await panel.getByTestId("dc-grade").inputValue()).toBe("B");
    await panel.getByTestId("dc-reasons-input").fill("Memenuhi standar akreditasi LKS.");
    await panel.getByTestId("dc-members").fill("Prof. Haryati\nDrs. Mulyadi\nDr. Yohana Sinaga");
    await panel.getByTestId("dc-date").fill("2026-12-01");
    expect(await overflowsHorizontally(decider.page)).toBe(false);
    await panel.getByTestId("dc-form").scrollIntoViewIfNeeded();
    await shot(decider.page, "chain-8-decision-form-360", false);
    await panel.getByTestId("dc-submit").click();
    await panel.getByTestId("dc-record").waitFor();
    expect(await panel.getByTestId("dc-outcome").innerText()).toBe("Terakreditasi — B");
    await panel.getByTestId("dc-record").scrollIntoViewIfNeeded();
    await shot(decider.page, "chain-9-decision-record-360", false);

    // 9. The LKS's operator reads the result on the application.
    const operator = await open(browser, PHONE);
    await login(operator.page, OPERATOR);
    await operator.page.goto(`/t/${TENANT}/permohonan/${APPLICATION}`);
    const result = operator.page.getByTestId("dc-result");
    await result.getByTestId("dc-outcome").waitFor();
    expect(await result.getByTestId("dc-outcome").innerText()).toBe("Terakreditasi — B");
    expect(await result.getByTestId("dc-recommendations").innerText()).toContain(RECOMMENDATION);
    expect(await result.getByTestId("dc-validity").innerText()).toMatch(
      /^Baik · berlaku 1 Desember 2026 s\.d\. 1 Desember 2029$/,
    );
    expect(await overflowsHorizontally(operator.page)).toBe(false);
    await shot(operator.page, "chain-10-result-lks-360");

    // The blind sheets are kept beside the reconciled one, still each answer once.
    for (const plan of plans) {
      const sheet = await sheetOf(plan.cookie, plan.asesor.assignment);
      expect(sheet.entries).toHaveLength(indicators.length);
      expect(new Set(sheet.entries.map((e) => e.indicator)).size).toBe(indicators.length);
      expect(sheet.entries.find((e) => e.indicator === flagged!.code)?.level).toBe(plan.levels.get(flagged!.code));
    }
    for (const s of [leadSession, memberSession, decider, operator]) {
      expect(s.pageErrors).toEqual([]);
      expect(s.cspViolations).toEqual([]);
      await s.context.close();
    }
  });
});
