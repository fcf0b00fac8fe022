import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiCall,
  apiSignIn,
  controlledByServiceWorker,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
  transition,
  wholeShellOnDevice,
} from "./helpers.ts";
import { packIndicators, sheetSubmitted, teamAssigned } from "./assessment-setup.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Rumah Singgah's application at asesor assignment, its asesors, operator and Dinsos verifier (fixtures/improvement-plan.sql). */
const APPLICATION = "e2e00024-0000-4000-8000-000000000024";
const LEAD = { id: "e2e00024-0000-4000-8000-00000000c001", email: "ketua.pengawasan@akrab.test" };
const MEMBER = { id: "e2e00024-0000-4000-8000-00000000c002", email: "anggota.pengawasan@akrab.test" };
const OPERATOR = "operator.rumahsinggah@akrab.test";
const VERIFIER = "verifikator.pandeglang@akrab.test";
const TENANT = "kab-pandeglang";
const PHONE = { width: 360, height: 780 };

/** Team, blind sheets (the same levels: nothing to reconcile), signed report with two recommendations, the decision. */
async function decidedWithRecommendations(): Promise<void> {
  const { balks, lead, member } = await teamAssigned(TENANT, APPLICATION, LEAD, MEMBER);
  const indicators = await packIndicators(lead);
  const levels = indicators.map((ind) => ({ indicator: ind.code, level: ind.levels[ind.levels.length - 2]!.score }));
  for (const asesor of [lead, member]) await sheetSubmitted(asesor, levels);
  await transition(lead.cookie, TENANT, APPLICATION, "record_visit");
  const rk = (a: typeof lead, rest = "") => `/api/v1/me/assignments/${a.assignmentId}/reconciliation${rest}`;
  let { version } = await apiCall<{ version: number }>(lead.cookie, "GET", rk(lead));
  ({ version } = await apiCall<{ version: number }>(lead.cookie, "PUT", rk(lead, "/report"), {
    strengths: "Pendampingan anak jalanan berjalan rutin.",
    recommendations: "1. Susun SOP pengaduan anak.\n2. Latih pendamping tentang disiplin positif.",
    expectedVersion: version,
  }));
  ({ version } = (await apiCall(lead.cookie, "POST", rk(lead, "/sign"), { expectedVersion: version })) as {
    version: number;
  });
  await apiCall(member.cookie, "POST", rk(member, "/sign"), { expectedVersion: version });
  await transition(member.cookie, TENANT, APPLICATION, "submit_scores");
  const app = (await apiCall(balks.cookie, "GET", `/api/v1/t/${TENANT}/applications/${APPLICATION}`)) as {
    version: number;
  };
  await apiCall(balks.cookie, "POST", `/api/v1/national/applications/${TENANT}/${APPLICATION}/decision`, {
    kind: "accredit",
    grade: "B",
    reasons: "Memenuhi standar akreditasi LKSA.",
    plenary: {
      date: "2026-12-01",
      members: ["Prof. Haryati", "Drs. Mulyadi", "Dr. Yohana Sinaga"],
      outcome: { kind: "consensus" },
    },
    expectedVersion: app.version,
  });
}

/** A tiny real PDF (unique bytes), the evidence the LKS attaches. */
function evidencePdf(): Buffer {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%${crypto.randomUUID()}\n%%EOF\n`;
  return Buffer.from(body);
}

describe('the improvement plan on the web (issue 14 "Supervision")', () => {
  test("the decider accredits with recommendations; the LKS answers an item with evidence on a phone; the Dinsos accepts it", {
    timeout: 300_000,
  }, async () => {
    await decidedWithRecommendations();
    const path = `/t/${TENANT}/permohonan/${APPLICATION}`;

    // 1. The LKS's operator (360 px) sees two items due in 90 days and answers the first with a file.
    const operator = await open(browser, PHONE);
    await login(operator.page, OPERATOR);
    await operator.page.goto(path);
    const plan = operator.page.getByTestId("improvement-plan");
    await plan.getByTestId("imp-item").first().waitFor();
    expect(await plan.getByTestId("imp-item").count()).toBe(2);
    const first = plan.getByTestId("imp-item").first();
    expect(await first.innerText()).toContain("Susun SOP pengaduan anak.");
    expect(await first.innerText()).toContain("Tenggat 1 Maret 2027");
    await first
      .locator("input[type=file]")
      .setInputFiles({ name: "sop-pengaduan.pdf", mimeType: "application/pdf", buffer: evidencePdf() });
    // The file leaves through the upload queue: wait until the server holds it.
    const lks = await apiSignIn(OPERATOR);
    await expect
      .poll(
        async () => {
          const list = (await apiCall(
            lks.cookie,
            "GET",
            `/api/v1/t/${TENANT}/applications/${APPLICATION}/documents`,
          )) as {
            items: { requirement: string | null }[];
          };
          return list.items.some((d) => d.requirement?.startsWith("improvement:"));
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    // A note too short is refused at its field, nothing sent.
    await first.locator("textarea").fill("Sudah");
    await first.getByRole("button", { name: "Kirim jawaban" }).click();
    await expect.poll(() => first.locator("textarea").getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
    await first.locator("textarea").fill("SOP pengaduan anak sudah disusun dan ditempel di ruang tamu.");
    await first.getByRole("button", { name: "Kirim jawaban" }).click();
    // The answer goes to the server and back: under a full run it can take seconds (poll's default is 1 s).
    await expect.poll(() => first.getAttribute("data-state"), { timeout: 30_000 }).toBe("answered");
    expect(await first.innerText()).toContain("sop-pengaduan.pdf");
    expect(await overflowsHorizontally(operator.page)).toBe(false);
    await first.scrollIntoViewIfNeeded();
    await shot(operator.page, "improvement-plan-lks-360", false);

    // 2. The Dinsos verifier (desktop) accepts it.
    const dinsos = await open(browser);
    await login(dinsos.page, VERIFIER);
    await dinsos.page.goto(path);
    const review = dinsos.page.getByTestId("improvement-plan").getByTestId("imp-item").first();
    await review.getByRole("button", { name: "Terima" }).waitFor();
    expect(await review.innerText()).toContain("SOP pengaduan anak sudah disusun");
    await review.getByRole("button", { name: "Terima" }).click();
    await expect.poll(() => review.getAttribute("data-state"), { timeout: 30_000 }).toBe("accepted");
    await review.scrollIntoViewIfNeeded();
    await shot(dinsos.page, "improvement-plan-dinsos-desktop", false);

    // 3. BALKS sees the plan still open (one item left) on its home.
    const balks = await open(browser, PHONE);
    await login(balks.page, "balks@akrab.test");
    await balks.page.goto("/");
    const open_ = balks.page.getByTestId("open-improvement-plans");
    await open_.getByText("Rumah Singgah Harapan Pandeglang").waitFor();
    expect(await open_.innerText()).toContain("1 dari 2 butir terbuka");
    expect(await overflowsHorizontally(balks.page)).toBe(false);
    await open_.scrollIntoViewIfNeeded();
    await shot(balks.page, "improvement-plans-balks-360", false);

    // 4. With no signal, the operator answers the second item: the answer stays on the device across a
    // reload (its form still holds it, it is listed as not sent), and with signal it is sent once.
    type Item = { id: string; state: string; note: string | null; version: number };
    const readItem = async () => {
      const read = (await apiCall(
        lks.cookie,
        "GET",
        `/api/v1/t/${TENANT}/applications/${APPLICATION}/improvement-plan`,
      )) as {
        items: Item[];
      };
      return read.items[1]!;
    };
    const before = await readItem();
    expect(before).toMatchObject({ state: "open", note: null });
    await controlledByServiceWorker(operator.page);
    // Read once more with signal: the device keeps the plan as it stands now.
    await operator.page.goto(path);
    const second = plan.getByTestId("imp-item").nth(1);
    await second.locator("textarea").waitFor();
    await wholeShellOnDevice(operator.page);
    await operator.context.setOffline(true);
    const note = "Pelatihan disiplin positif untuk pendamping dijadwalkan bersama Dinsos.";
    await second.locator("textarea").fill(note);
    await second.getByRole("button", { name: "Kirim jawaban" }).click();
    await second.getByTestId("imp-unsent").waitFor({ timeout: 15_000 });
    expect(await second.getByTestId("imp-unsent").innerText()).toMatch(/^Jawaban belum terkirim sejak /);
    await operator.page.reload();
    await second.getByTestId("imp-unsent").waitFor({ timeout: 30_000 });
    expect(await second.locator("textarea").inputValue()).toBe(note);
    expect(await overflowsHorizontally(operator.page)).toBe(false);
    await second.scrollIntoViewIfNeeded();
    await shot(operator.page, "improvement-plan-offline-reloaded-360", false);
    await operator.page.goto("/perubahan");
    const listed = operator.page.locator("[data-testid='outbox-item'][data-kind='improvement']");
    await listed.waitFor({ timeout: 15_000 });
    expect(await listed.count()).toBe(1);
    expect(await listed.innerText()).toContain("Jawaban rencana perbaikan butir 2");
    expect(await listed.innerText()).toContain(note);
    // Nothing reached the server meanwhile.
    expect(await readItem()).toEqual(before);
    await operator.context.setOffline(false);
    await listed.waitFor({ state: "detached", timeout: 60_000 });
    // Sent exactly once: one answer, one version further.
    const after = await readItem();
    expect(after).toMatchObject({ state: "answered", note, version: before.version + 1 });
    await operator.page.goto(path);
    await expect.poll(() => second.getAttribute("data-state"), { timeout: 30_000 }).toBe("answered");
    expect(await second.getByTestId("imp-unsent").count()).toBe(0);
    expect((await readItem()).version).toBe(before.version + 1);

    for (const s of [operator, dinsos, balks]) {
      expect(s.pageErrors).toEqual([]);
      await s.context.close();
    }
  });
});
