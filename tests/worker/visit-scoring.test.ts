import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem, login } from "./helpers.ts";
import {
  N,
  count,
  fullBatch,
  key,
  saveSheet,
  sheetPath,
  signedInAsesor,
  submitSheet,
  visitReady,
  type SheetBody,
  type Visit,
} from "./visit-support.ts";
import { createUpload, fakeFile, pathOf, sendAll } from "./tus.ts";

/**
 * Issue 13 "The visit, offline": the visit pack on the asesor axis, the blind score sheet synced
 * from the device (idempotent, per-indicator conflicts, bad input refused whole), submission, the
 * team's blind view, safeguarding alerts, and `record_visit` waiting for every sheet.
 */

/** Rows of the sheet tables, to show that a refused request changed nothing. */
async function sheetRows() {
  const tables = ["score_sheets", "score_entries", "document_checks", "safeguarding_findings"];
  return Promise.all(tables.map(async (t) => (await env.DB.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()).results));
}

describe("the visit pack", () => {
  it("is the accepted asesor's, with the pack's size; invited, other asesors and other staff get a 404", async () => {
    const visit = await visitReady();
    const res = await api(`/api/v1/me/assignments/${visit.lead.assignmentId}/pack`, { token: visit.lead.token });
    expect(res.status).toBe(200);
    const raw = await res.text();
    const pack = JSON.parse(raw) as {
      assignment: { role: string; acceptedAt: string | null };
      team: { name: string; role: string }[];
      application: { letter: { number: string } };
      lks: Record<string, unknown>;
      checklist: { code: string; name: { id: string } }[];
      instrument: { id: string };
      selfAssessment: { answers: unknown[]; evidence: unknown[] };
      previousCycle: { previous: unknown };
      sheet: { entries: unknown[]; mayEdit: boolean };
      size: { pack: number; evidence: number };
    };
    expect(pack.size.pack).toBe(new TextEncoder().encode(raw).byteLength);
    // The size before the download: a HEAD states the same length and sends nothing.
    const head = await api(`/api/v1/me/assignments/${visit.lead.assignmentId}/pack`, {
      method: "HEAD",
      token: visit.lead.token,
    });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(pack.size.pack);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    expect(pack.assignment).toMatchObject({ role: "lead" });
    expect(pack.assignment.acceptedAt).toBeTruthy();
    expect(pack.team.map((m) => [m.name, m.role])).toEqual([
      ["Ani Ketua", "lead"],
      ["Budi Anggota", "member"],
    ]);
    expect(pack.application.letter.number).toBe("007/LKS/2026");
    expect(pack.instrument.id).toBe("lksa-2025-1");
    expect(pack.checklist.map((d) => d.code)).toEqual(["akta", "izin"]);
    expect(pack.sheet).toMatchObject({ entries: [], mayEdit: true });
    // The visit needs to find the LKS, not its board's identity numbers.
    expect(Object.keys(pack.lks)).not.toContain("board");
    expect(raw).not.toMatch(/\d{4}\*{8}\d{4}|idNumber/);

    // An invitation not (yet) accepted reaches nothing of the visit.
    const balks = visit.balks;
    const third = await signedInAsesor(balks, "Citra Undangan");
    await env.DB.prepare(
      "INSERT INTO assessment_assignments (id, tenant_id, application_id, asesor_id, role, status, assigned_by, assigned_at) SELECT ?1, tenant_id, id, ?2, 'member', 'invited', (SELECT id FROM users WHERE email = 'balks@akrab.test'), ?3 FROM applications WHERE id = ?4",
    )
      .bind("invited-assignment", third.id, new Date().toISOString(), visit.applicationId)
      .run();
    for (const path of ["pack", "sheet", "team-sheets"])
      await expectProblem(
        await api(`/api/v1/me/assignments/invited-assignment/${path}`, { token: third.token }),
        404,
        "not-found",
      );
    // Another asesor's assignment, and staff of the tenant or another one.
    await expectProblem(
      await api(`/api/v1/me/assignments/${visit.lead.assignmentId}/pack`, { token: third.token }),
      404,
      "not-found",
    );
    for (const email of ["dinsos.kota-tangerang@akrab.test", "dinsos.lebak@akrab.test", "lks@akrab.test"]) {
      const { token } = await login(email);
      await expectProblem(
        await api(`/api/v1/me/assignments/${visit.lead.assignmentId}/pack`, { token }),
        404,
        "not-found",
      );
    }
    // A deactivated tenant's applications are out of reach for everyone, the team included.
    await env.DB.prepare("UPDATE tenants SET status = 'inactive' WHERE slug = ?").bind(visit.slug).run();
    try {
      await expectProblem(
        await api(`/api/v1/me/assignments/${visit.lead.assignmentId}/pack`, { token: visit.lead.token }),
        404,
        "not-found",
      );
    } finally {
      await env.DB.prepare("UPDATE tenants SET status = 'active' WHERE slug = ?").bind(visit.slug).run();
    }
  });
});

describe("evidence thumbnails in the pack", () => {
  /** Evidence the LKS's operator uploads to an indicator (the application briefly back in draft, where the LKS may). */
  async function evidence(visit: Visit, indicator: string, file: Uint8Array, filetype: string, filename: string) {
    const { token } = await login("lks@akrab.test");
    const res = await createUpload(
      visit.slug,
      token,
      file,
      { applicationId: visit.applicationId, indicator },
      { filetype, filename },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const last = await sendAll(pathOf(res.headers.get("location")!), token, file, [512 * 1024]);
    expect(last.status, await last.clone().text()).toBe(204);
    return { token, documentId: last.headers.get("akrab-document-id")! };
  }

  it("lists an image's thumbnail with its address and size (a PDF has none); the assigned asesor reads it, nobody else", async () => {
    const visit = await visitReady();
    const [photoAt, pdfAt] = visit.indicators.map((i) => i.code);
    await env.DB.prepare("UPDATE applications SET step = 'draft' WHERE id = ?").bind(visit.applicationId).run();
    const photo = await evidence(visit, photoAt!, fakeFile(120_000, "jpeg", 41), "image/jpeg", "dapur.jpg");
    const pdf = await evidence(visit, pdfAt!, fakeFile(90_000, "pdf", 42), "application/pdf", "sop.pdf");
    const thumb = fakeFile(3_000, "jpeg", 43);
    const put = await api(`/api/v1/t/${visit.slug}/documents/${photo.documentId}/thumbnail`, {
      method: "PUT",
      token: photo.token,
      headers: { "content-type": "image/jpeg" },
      body: thumb,
    });
    expect(put.status, await put.clone().text()).toBe(204);
    await env.DB.prepare("UPDATE applications SET step = 'visit' WHERE id = ?").bind(visit.applicationId).run();

    const packPath = `/api/v1/me/assignments/${visit.lead.assignmentId}/pack`;
    type Pack = {
      selfAssessment: {
        evidence: { documentId: string; size: number; thumbnail: { url: string; size: number } | null }[];
      };
      size: { pack: number; evidence: number; thumbnails: number };
    };
    const read = async () => (await (await api(packPath, { token: visit.lead.token })).json()) as Pack;
    const pack = await read();
    const listed = (id: string) => pack.selfAssessment.evidence.find((e) => e.documentId === id);
    expect(listed(photo.documentId)?.thumbnail).toEqual({
      url: `/api/v1/t/${visit.slug}/documents/${photo.documentId}/thumbnail?version=1`,
      size: thumb.byteLength,
    });
    expect(listed(pdf.documentId)).toMatchObject({ size: 90_000, thumbnail: null });
    expect(pack.size).toMatchObject({ evidence: 210_000, thumbnails: thumb.byteLength });
    // Before the download: the pack's own length and what its thumbnails add.
    const head = await api(packPath, { method: "HEAD", token: visit.lead.token });
    expect(head.headers.get("akrab-thumbnails-length")).toBe(String(thumb.byteLength));

    const url = listed(photo.documentId)!.thumbnail!.url;
    const got = await api(url, { token: visit.lead.token });
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(thumb);
    // An asesor of another team and staff of another tenant: as if it did not exist.
    const stranger = await signedInAsesor(visit.balks, "Dedi Lain");
    await expectProblem(await api(url, { token: stranger.token }), 404, "not-found");
    const { token: lebak } = await login("dinsos.lebak@akrab.test");
    await expectProblem(await api(url, { token: lebak }), 404, "not-found");

    // A thumbnail stored before its size was kept (migration 0026) is measured in R2.
    await env.DB.prepare(
      "UPDATE blobs SET thumbnail_size = NULL WHERE id = (SELECT v.blob_id FROM document_versions v WHERE v.document_id = ?)",
    )
      .bind(photo.documentId)
      .run();
    expect((await read()).size.thumbnails).toBe(thumb.byteLength);
  });
});

describe("syncing the score sheet", () => {
  it("the same batch sent five times changes nothing after the first", async () => {
    const visit = await visitReady();
    const [a, b] = [visit.indicators[0]!, visit.indicators[1]!];
    const batch = {
      entries: [
        { indicator: a.code, level: a.levels[2], note: "Kamar bersih", baseVersion: 0 },
        { indicator: b.code, level: b.levels[1], note: "", baseVersion: 0 },
      ],
      documentChecks: [{ code: "akta", present: true, note: "Asli dilihat", baseVersion: 0 }],
      findings: [
        {
          id: "finding-replay-1",
          indicator: a.code,
          kind: "danger",
          description: "Tangga tanpa pegangan di asrama anak",
          reportedAt: "2026-03-01T02:00:00.000Z",
        },
      ],
    };
    const first = await saveSheet(visit.lead, batch);
    expect(first.status, await first.clone().text()).toBe(200);
    const saved = (await first.json()) as SheetBody;
    expect(saved.entries.map((e) => [e.indicator, e.level, e.version])).toEqual([
      [a.code, a.levels[2], 1],
      [b.code, b.levels[1], 1],
    ]);
    const rows = await sheetRows();
    const audits = await count("SELECT count(*) AS n FROM audit_events WHERE action = 'application.scores_saved'");
    const alerts = await count("SELECT count(*) AS n FROM outbox WHERE subject LIKE 'Temuan perlindungan%'");
    // Four replays, as a device resends when it never saw the answer: each a fresh request.
    for (let i = 0; i < 4; i++) {
      const again = await saveSheet(visit.lead, batch);
      expect(again.status).toBe(200);
      expect(((await again.json()) as SheetBody).entries).toEqual(saved.entries);
    }
    expect(await sheetRows()).toEqual(rows);
    expect(await count("SELECT count(*) AS n FROM audit_events WHERE action = 'application.scores_saved'")).toBe(
      audits,
    );
    expect(await count("SELECT count(*) AS n FROM outbox WHERE subject LIKE 'Temuan perlindungan%'")).toBe(alerts);
    // The same Idempotency-Key returns the first answer.
    const keyed = key();
    const once = await saveSheet(
      visit.lead,
      { entries: [{ ...batch.entries[0], note: "Sekali", baseVersion: 1 }] },
      keyed,
    );
    const twice = await saveSheet(
      visit.lead,
      { entries: [{ ...batch.entries[0], note: "Sekali", baseVersion: 1 }] },
      keyed,
    );
    expect(await twice.json()).toEqual(await once.json());
    expect(await count("SELECT version AS n FROM score_entries WHERE indicator = ? AND note = 'Sekali'", a.code)).toBe(
      2,
    );
  });

  it("two devices editing one indicator meet a 409 with both values; untouched fields and indicators merge", async () => {
    const visit = await visitReady();
    const [a, b] = [visit.indicators[0]!, visit.indicators[1]!];
    // The phone saves first.
    const phone = await saveSheet(visit.lead, {
      entries: [{ indicator: a.code, level: a.levels[2], note: "", baseVersion: 0, base: { level: null } }],
    });
    expect(phone.status).toBe(200);
    const before = await sheetRows();
    // The tablet, offline since before, changed the same level differently and another indicator.
    const tablet = await expectProblem(
      await saveSheet(visit.lead, {
        entries: [
          { indicator: a.code, level: a.levels[3], note: "", baseVersion: 0, base: { level: null } },
          { indicator: b.code, level: b.levels[1], note: "", baseVersion: 0, base: { level: null } },
        ],
      }),
      409,
      "conflict",
    );
    expect((tablet as unknown as { conflicts: unknown[] }).conflicts).toEqual([
      { field: `entries[${a.code}].level`, server: a.levels[2], client: a.levels[3] },
    ]);
    expect(await sheetRows()).toEqual(before);
    // The tablet changed only the note of that indicator: it merges into the phone's level.
    const merged = await saveSheet(visit.lead, {
      entries: [
        { indicator: a.code, level: null, note: "Dicatat di tablet", baseVersion: 0, base: { note: "" } },
        { indicator: b.code, level: b.levels[1], note: "", baseVersion: 0, base: { level: null } },
      ],
    });
    expect(merged.status, await merged.clone().text()).toBe(200);
    const sheet = (await merged.json()) as SheetBody;
    expect(sheet.entries.map((e) => [e.indicator, e.level, e.note, e.version])).toEqual([
      [a.code, a.levels[2], "Dicatat di tablet", 2],
      [b.code, b.levels[1], "", 1],
    ]);
    // A stale write without its base is refused rather than overwriting.
    await expectProblem(
      await saveSheet(visit.lead, { entries: [{ indicator: a.code, level: a.levels[0], note: "", baseVersion: 1 }] }),
      409,
      "conflict",
    );
  });

  it("refuses bad input whole, naming the field, and a batch for another asesor's assignment with a 404", async () => {
    const visit = await visitReady();
    const a = visit.indicators[0]!;
    const before = await sheetRows();
    const bad = await expectProblem(
      await saveSheet(visit.lead, {
        entries: [
          { indicator: a.code, level: a.levels[1], note: "", baseVersion: 0 },
          { indicator: "9.9.9", level: 1, note: "", baseVersion: 0 },
          { indicator: visit.indicators[1]!.code, level: 77, note: "", baseVersion: 0 },
        ],
        documentChecks: [{ code: "sertifikat_palsu", present: true, note: "", baseVersion: 0 }],
        findings: [
          {
            id: "finding-bad-1",
            indicator: "9.9.9",
            kind: "danger",
            description: "Indikator tidak ada",
            reportedAt: "2026-03-01T02:00:00.000Z",
          },
        ],
      }),
      400,
      "validation",
    );
    expect(bad.errors?.map((e) => e.path).sort()).toEqual([
      "documentChecks.0.code",
      "entries.1.indicator",
      "entries.2.level",
      "findings.0.indicator",
    ]);
    expect(bad.errors?.find((e) => e.path === "entries.2.level")?.message).toMatch(/Tingkat 77 tidak ada di rubrik/);
    const kind = await expectProblem(
      await saveSheet(visit.lead, {
        findings: [
          {
            id: "finding-bad-2",
            indicator: a.code,
            kind: "gossip",
            description: "x y z",
            reportedAt: "2026-03-01T02:00:00Z",
          },
        ],
      }),
      400,
      "validation",
    );
    expect(kind.errors?.map((e) => e.path)).toEqual(["findings.0.kind"]);
    await expectProblem(await saveSheet(visit.lead, {}), 400, "validation");
    // The member's device syncing onto the lead's assignment.
    await expectProblem(
      await api(sheetPath(visit.lead.assignmentId), {
        method: "PUT",
        token: visit.member.token,
        headers: key(),
        json: { entries: [{ indicator: a.code, level: a.levels[1], note: "", baseVersion: 0 }] },
      }),
      404,
      "not-found",
    );
    expect(await sheetRows()).toEqual(before);
  });
});

describe("submitting and the blind team view", () => {
  it("nobody sees another's sheet until all have submitted; then the team and BALKS see both", async () => {
    const visit = await visitReady();
    const teamSheets = async (who: { token: string; assignmentId: string }) => {
      const res = await api(`/api/v1/me/assignments/${who.assignmentId}/team-sheets`, { token: who.token });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        allSubmitted: boolean;
        members: { name: string; submittedAt: string | null; sheet: SheetBody | null }[];
      };
    };
    const balksView = async () => {
      const res = await api(`${N}/applications/${visit.slug}/${visit.applicationId}/sheets`, { token: visit.balks });
      expect(res.status).toBe(200);
      return (await res.json()) as { allSubmitted: boolean; members: { sheet: SheetBody | null }[] };
    };
    const shown = (view: { members: { sheet: unknown }[] }) => view.members.map((m) => m.sheet !== null);

    expect(
      (
        await saveSheet(
          visit.lead,
          fullBatch(visit, () => 1),
        )
      ).status,
    ).toBe(200);
    // Incomplete: the member's blank indicators and unchecked documents are listed; nothing is submitted.
    const partial = fullBatch(visit, () => 3);
    expect((await saveSheet(visit.member, { entries: partial.entries.slice(1) })).status).toBe(200);
    const incomplete = await expectProblem(await submitSheet(visit.member), 409, "conflict");
    expect(incomplete.errors?.map((e) => e.path)).toEqual([
      `entries[${visit.indicators[0]!.code}].level`,
      "documentChecks[akta].present",
      "documentChecks[izin].present",
    ]);

    const submitted = await submitSheet(visit.lead);
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    expect(await submitted.json()).toMatchObject({ mayEdit: false, missing: [] });
    // Read-only after submission.
    await expectProblem(
      await saveSheet(visit.lead, { entries: [{ ...fullBatch(visit).entries[0], baseVersion: 1, note: "nanti" }] }),
      409,
      "conflict",
    );
    // One in is not all in: each sees only their own; BALKS sees none, but who has submitted shows.
    expect(shown(await teamSheets(visit.lead))).toEqual([true, false]);
    expect(shown(await teamSheets(visit.member))).toEqual([false, true]);
    const early = await balksView();
    expect(shown(early)).toEqual([false, false]);
    expect(early.allSubmitted).toBe(false);

    expect(
      (await saveSheet(visit.member, { entries: [partial.entries[0]], documentChecks: partial.documentChecks })).status,
    ).toBe(200);
    expect((await submitSheet(visit.member)).status).toBe(200);
    const lead = await teamSheets(visit.lead);
    expect(lead.allSubmitted).toBe(true);
    expect(shown(lead)).toEqual([true, true]);
    expect(lead.members[1]?.sheet?.entries.length).toBe(visit.indicators.length);
    expect(lead.members[1]?.sheet?.mayEdit).toBe(false);
    expect(shown(await teamSheets(visit.member))).toEqual([true, true]);
    expect(shown(await balksView())).toEqual([true, true]);
    // Submitting again answers with the sheet as submitted.
    expect((await submitSheet(visit.lead)).status).toBe(200);
    // A Dinsos never sees the individual sheets.
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    await expectProblem(
      await api(`${N}/applications/${visit.slug}/${visit.applicationId}/sheets`, { token: dinsos.token }),
      404,
      "not-found",
    );
  });
});

describe("safeguarding findings", () => {
  it("alert BALKS and the application's Dinsos once per finding, however often the device resends it", async () => {
    const visit = await visitReady();
    const a = visit.indicators[0]!;
    const finding = {
      id: "finding-alert-1",
      indicator: a.code,
      kind: "sexual_violence",
      description: "Laporan anak tentang pengasuh malam",
      reportedAt: "2026-03-01T03:00:00.000Z",
    };
    const mails = () => count("SELECT count(*) AS n FROM outbox WHERE subject LIKE 'Temuan perlindungan%'");
    const notes = () => count("SELECT count(*) AS n FROM notifications WHERE title LIKE 'Temuan perlindungan%'");
    const [mailsBefore, notesBefore] = [await mails(), await notes()];
    for (let i = 0; i < 3; i++) expect((await saveSheet(visit.member, { findings: [finding] })).status).toBe(200);
    const alerted = await env.DB.prepare("SELECT recipient, body FROM outbox WHERE body LIKE ? ORDER BY recipient")
      .bind(`%${finding.description}%`)
      .all<{ recipient: string; body: string }>();
    const to = alerted.results.map((r) => r.recipient);
    expect(to).toEqual(expect.arrayContaining(["balks@akrab.test", "dinsos.kota-tangerang@akrab.test"]));
    expect(to).not.toContain("dinsos.lebak@akrab.test");
    expect(new Set(to).size).toBe(to.length);
    expect((await mails()) - mailsBefore).toBe(to.length);
    expect((await notes()) - notesBefore).toBe(to.length);
    const body = alerted.results.find((r) => r.recipient === "balks@akrab.test")!.body;
    expect(body).toContain("kekerasan seksual");
    expect(body).toContain("sexual violence");
    expect(body).toContain("Budi Anggota");
    const added = to.length;

    // The same id with other content is not a replay: a 409, nothing changes, no alert.
    const changed = await expectProblem(
      await saveSheet(visit.member, { findings: [{ ...finding, description: "Diubah setelah dikirim" }] }),
      409,
      "conflict",
    );
    expect((changed as unknown as { conflicts: { field: string }[] }).conflicts[0]?.field).toBe(
      "findings[finding-alert-1]",
    );
    // Nor can another asesor's device send it as theirs.
    await expectProblem(await saveSheet(visit.lead, { findings: [finding] }), 409, "conflict");
    expect((await mails()) - mailsBefore).toBe(added);
    const sheet = (await (
      await api(sheetPath(visit.member.assignmentId), { token: visit.member.token })
    ).json()) as SheetBody;
    expect(sheet.findings).toEqual([finding]);
  });
});

describe("record_visit", () => {
  it("is refused, naming who has not submitted, until every accepted member has; then it moves on", async () => {
    const visit = await visitReady();
    const transition = async () => {
      const { version } = (await env.DB.prepare("SELECT version FROM applications WHERE id = ?")
        .bind(visit.applicationId)
        .first<{ version: number }>())!;
      return api(`/api/v1/t/${visit.slug}/applications/${visit.applicationId}/transitions`, {
        method: "POST",
        token: visit.lead.token,
        headers: key(),
        json: { action: "record_visit", expectedVersion: version },
      });
    };
    const none = await expectProblem(await transition(), 409, "conflict");
    expect(none.errors?.map((e) => e.path)).toEqual([`sheets.${visit.lead.id}`, `sheets.${visit.member.id}`]);
    expect(none.errors?.[1]?.message).toContain("Budi Anggota");

    expect((await saveSheet(visit.lead, fullBatch(visit))).status).toBe(200);
    expect((await submitSheet(visit.lead)).status).toBe(200);
    const one = await expectProblem(await transition(), 409, "conflict");
    expect(one.errors?.map((e) => e.path)).toEqual([`sheets.${visit.member.id}`]);
    expect(
      await count("SELECT count(*) AS n FROM applications WHERE id = ? AND step = 'visit'", visit.applicationId),
    ).toBe(1);

    expect(
      (
        await saveSheet(
          visit.member,
          fullBatch(visit, () => 2),
        )
      ).status,
    ).toBe(200);
    expect((await submitSheet(visit.member)).status).toBe(200);
    const moved = await transition();
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await moved.json()).toMatchObject({ step: { id: "scoring" } });
    // The visit is over: the sheets stay as submitted.
    expect((await api(sheetPath(visit.member.assignmentId), { token: visit.member.token })).status).toBe(200);
  });
});

describe("visit photos", () => {
  it("upload through tus onto the asesor's own sheet, once per photo id; nobody else's and never the LKS's", async () => {
    const { createUpload, fakeFile } = await import("./tus.ts");
    const visit = await visitReady();
    const a = visit.indicators[0]!;
    const photo = fakeFile(40_000, "jpeg", 7);
    const target = {
      assignmentId: visit.lead.assignmentId,
      indicator: a.code,
      photoId: "photo-0001",
      takenAt: "2026-03-01T02:30:00.000Z",
      latitude: "-6.1702",
      longitude: "106.6403",
    };
    const sent = await createUpload(visit.slug, visit.lead.token, photo, target as never, {
      body: photo,
      filename: "kamar.jpg",
    });
    expect(sent.status, await sent.clone().text()).toBe(201);
    const { documentId } = (await sent.json()) as { documentId: string };
    expect(documentId).toBeTruthy();
    // Sent again (the device never saw the answer): the same photo, not a second one.
    const again = await createUpload(visit.slug, visit.lead.token, photo, target as never, {
      body: photo,
      filename: "kamar.jpg",
    });
    expect(again.status).toBe(201);
    const sheet = (await (
      await api(sheetPath(visit.lead.assignmentId), { token: visit.lead.token })
    ).json()) as SheetBody;
    expect(sheet.photos).toEqual([
      expect.objectContaining({
        documentId,
        photoId: "photo-0001",
        indicator: a.code,
        takenAt: target.takenAt,
        latitude: -6.1702,
      }),
    ]);
    // The member cannot put a photo on the lead's sheet; a photo for an unknown indicator is refused.
    await expectProblem(
      await createUpload(visit.slug, visit.member.token, photo, { ...target, photoId: "photo-0002" } as never, {
        body: photo,
      }),
      404,
      "not-found",
    );
    const unknown = await expectProblem(
      await createUpload(visit.slug, visit.lead.token, photo, {
        ...target,
        indicator: "9.9.9",
        photoId: "photo-0003",
      } as never),
      400,
      "validation",
    );
    expect(unknown.errors?.[0]?.path).toBe("Upload-Metadata.indicator");
    // The member's sheet has no photo, and the LKS's documents never list it.
    const member = (await (
      await api(sheetPath(visit.member.assignmentId), { token: visit.member.token })
    ).json()) as SheetBody;
    expect(member.photos).toEqual([]);
    const operator = await login("lks@akrab.test");
    const docs = await api(`/api/v1/t/${visit.slug}/applications/${visit.applicationId}/documents`, {
      token: operator.token,
    });
    expect(docs.status).toBe(200);
    expect(JSON.stringify(await docs.json())).not.toContain(documentId);
    await expectProblem(
      await api(`/api/v1/t/${visit.slug}/documents/${documentId}`, { token: operator.token }),
      404,
      "not-found",
    );

    // Downloads are as blind as the sheets: the lead's own at once, the team's and BALKS's once all are in.
    const mine = `/api/v1/me/assignments/${visit.lead.assignmentId}/photos/${documentId}`;
    const theirs = `/api/v1/me/assignments/${visit.member.assignmentId}/photos/${documentId}`;
    const balks = `${N}/applications/${visit.slug}/${visit.applicationId}/photos/${documentId}`;
    const own = await api(mine, { token: visit.lead.token });
    expect(own.status).toBe(200);
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(photo);
    await expectProblem(await api(theirs, { token: visit.member.token }), 404, "not-found");
    await expectProblem(await api(balks, { token: visit.balks }), 404, "not-found");
    for (const [who, step] of [
      [visit.lead, 1],
      [visit.member, 2],
    ] as const) {
      expect(
        (
          await saveSheet(
            who,
            fullBatch(visit, () => step),
          )
        ).status,
      ).toBe(200);
      expect((await submitSheet(who)).status).toBe(200);
    }
    expect((await api(theirs, { token: visit.member.token })).status).toBe(200);
    expect((await api(balks, { token: visit.balks })).status).toBe(200);
    // After submission the sheet takes no more photos.
    await expectProblem(
      await createUpload(visit.slug, visit.lead.token, photo, { ...target, photoId: "photo-0004" } as never),
      409,
      "conflict",
    );
  });
});
