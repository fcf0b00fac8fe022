import type { ScoreSheetBatch, ScoreSheetView } from "@akrab/contracts";
import type { z } from "@hono/zod-openapi";
import {
  abortIfNothingChanged,
  enqueueEmail,
  tenantScope,
  type AssignmentRow,
  type BatchItem,
  type FindingRow,
  type NationalScope,
  type Tenant,
  type TenantScope,
} from "@akrab/db";
import {
  applicationPath,
  SAFEGUARDING_KIND_LABELS,
  indicatorsOf,
  mergeFields,
  sameValue,
  scoreSheetGaps,
  scoreSheetProblems,
  visibleSheets,
  type InstrumentVersion,
  type Role,
} from "@akrab/domain";
import type { Context } from "hono";
import type { NationalEnv } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { staleOnGuardAbort } from "../lib/guard.ts";
import { changedMeanwhile, conflictingFields, notFound, Problem } from "../middleware/problem/index.ts";
import type { StoredApplication } from "./applications.ts";
import { teamState } from "./asesors.ts";
import { safeguardingAlertEmail } from "./mail.ts";
import { instrumentForApplication } from "./self-assessment.ts";

/** The workflow step at which the team visits and scores (the national part's `visit`, left by `record_visit`). */
const VISIT_STEP = "visit";

type InstrumentOn = Awaited<ReturnType<typeof instrumentForApplication>>;

/** An accepted team member, as the sheets name them. */
export interface SheetAuthor {
  assignmentId: string;
  asesorId: string;
  name: string;
  role: "lead" | "member";
}

/** The application a visit route reached, read through a scope of its own tenant and LKS only. */
export interface ReachedApplication {
  scope: TenantScope;
  app: StoredApplication;
}

/** The caller's own accepted assignment, with the application reached through it. */
export interface MyVisit extends ReachedApplication {
  assignment: AssignmentRow;
  author: SheetAuthor;
}

const assignmentNotFound = () => notFound("Penugasan tidak ditemukan / Assignment not found");

/** A tenant scope that reads one application's tenant and LKS, nothing else (as the assignment axis gives). */
async function reach(c: Context<NationalEnv>, tenant: Tenant, lksId: string, applicationId: string) {
  const scope = tenantScope(c.get("db"), tenant, { readable: [tenant.id], lksIds: [lksId] });
  const app = await scope.applications.find(applicationId);
  if (!app) throw notFound("Permohonan tidak ditemukan / Application not found");
  return { scope, app };
}

/**
 * The asesor axis for visit routes: the signed-in asesor's own assignment, accepted, on an
 * application of an active tenant. Another asesor's assignment, one only invited or declined, and
 * one of a deactivated tenant are all a 404, the same as an id that does not exist.
 */
export async function myVisit(c: Context<NationalEnv>, assignmentId: string): Promise<MyVisit> {
  const national = c.get("national");
  const asesor = await national.asesors.ofUser(c.get("principal").user);
  if (!asesor) throw assignmentNotFound();
  const mine = (await national.asesors.assignmentsOf(asesor.id)).find(
    (a) => a.assignment.id === assignmentId && a.assignment.status === "accepted",
  );
  if (!mine) throw assignmentNotFound();
  const found = await national.asesors.application(mine.tenantSlug, mine.assignment.applicationId);
  if (!found) throw assignmentNotFound();
  const reached = await reach(c, found.tenant, found.lks.id, found.application.id);
  return {
    ...reached,
    assignment: mine.assignment,
    author: { assignmentId: mine.assignment.id, asesorId: asesor.id, name: asesor.name, role: mine.assignment.role },
  };
}

/** An application as BALKS reaches it nationally (active tenants only), or a 404. */
export async function balksApplication(
  c: Context<NationalEnv>,
  tenant: string,
  applicationId: string,
): Promise<ReachedApplication> {
  const found = await c.get("national").asesors.application(tenant, applicationId);
  if (!found) throw notFound("Permohonan tidak ditemukan / Application not found");
  return reach(c, found.tenant, found.lks.id, found.application.id);
}

/** The accepted members of the application's team: whose sheets count (and are blind to each other). */
export async function acceptedTeam(scope: { asesors: Pick<NationalScope["asesors"], "team"> }, applicationId: string) {
  const team = await teamState(scope, applicationId);
  // The lead first, then in the order invited: every view lines the sheets up the same way.
  return team.members
    .filter((m) => m.status === "accepted")
    .sort((a, b) => Number(b.role === "lead") - Number(a.role === "lead"))
    .map((m): SheetAuthor => ({ assignmentId: m.assignmentId, asesorId: m.asesorId, name: m.name, role: m.role }));
}

/** The checklist documents Formulir C checks on site, by key and name. */
const checklistOf = (app: StoredApplication) => app.checklist.map((item) => ({ code: item.key, name: item.name }));

/**
 * The sheets of the given authors as stored (an author without a sheet yet gets an empty one),
 * entries in instrument order and checks in checklist order, each with what keeps it from being
 * submitted. `editor` is the assignment whose sheet the caller may still change, if any.
 */
async function sheetViews(
  { scope, app }: ReachedApplication,
  on: InstrumentOn,
  authors: readonly SheetAuthor[],
  editor: string | null,
): Promise<Map<string, ScoreSheetView>> {
  const sheets = (await scope.scoring.ofApplication(app.id)).filter((s) =>
    authors.some((a) => a.assignmentId === s.assignmentId),
  );
  const [{ entries, findings, checks }, photos] = await Promise.all([
    scope.scoring.contents(sheets.map((s) => s.id)),
    scope.scoring.photos(authors.map((a) => a.assignmentId)),
  ]);
  const versions = await scope.documents.versionsOf(photos.map((p) => p.id));
  const order = new Map(indicatorsOf(on.instrument).map(({ indicator }, i) => [indicator.code, i]));
  const checklist = checklistOf(app);
  const checkOrder = new Map(checklist.map((item, i) => [item.code, i]));
  const rank = (map: Map<string, number>, key: string) => map.get(key) ?? Number.MAX_SAFE_INTEGER;
  const views = new Map<string, ScoreSheetView>();
  for (const author of authors) {
    const sheet = sheets.find((s) => s.assignmentId === author.assignmentId) ?? null;
    const own = <T extends { sheetId: string }>(rows: readonly T[]) =>
      sheet ? rows.filter((r) => r.sheetId === sheet.id) : [];
    const myEntries = own(entries).sort((a, b) => rank(order, a.indicator) - rank(order, b.indicator));
    const myChecks = own(checks).sort((a, b) => rank(checkOrder, a.code) - rank(checkOrder, b.code));
    const levels = Object.fromEntries(myEntries.map((e) => [e.indicator, e.level]));
    const present = Object.fromEntries(myChecks.map((c) => [c.code, c.present]));
    views.set(author.assignmentId, {
      assignmentId: author.assignmentId,
      applicationId: app.id,
      asesor: { id: author.asesorId, name: author.name },
      role: author.role,
      instrument: { id: on.row.id, name: on.instrument.name },
      entries: myEntries.map((e) => ({
        indicator: e.indicator,
        level: e.level,
        note: e.note,
        version: e.version,
        updatedAt: e.updatedAt,
      })),
      findings: own(findings).map((f) => ({
        id: f.id,
        indicator: f.indicator,
        kind: f.kind,
        description: f.description,
        reportedAt: f.reportedAt,
      })),
      documentChecks: myChecks.map((ch) => ({
        code: ch.code,
        present: ch.present,
        note: ch.note,
        version: ch.version,
        updatedAt: ch.updatedAt,
      })),
      photos: photos
        .filter((p) => p.assignmentId === author.assignmentId && p.capture)
        .flatMap((p) => {
          const v = versions.find((x) => x.documentId === p.id);
          const capture = p.capture;
          if (!v || !capture) return [];
          return [
            {
              documentId: p.id,
              photoId: capture.photoId,
              indicator: capture.indicator,
              filename: v.filename,
              contentType: v.contentType,
              size: v.size,
              hasThumbnail: v.thumbnailKey !== null,
              takenAt: capture.takenAt,
              latitude: capture.latitude,
              longitude: capture.longitude,
              uploadedAt: v.uploadedAt,
            },
          ];
        }),
      submittedAt: sheet?.submittedAt ?? null,
      missing: scoreSheetGaps(on.instrument, levels, checklist, present),
      mayEdit: editor === author.assignmentId && !sheet?.submittedAt && app.step === VISIT_STEP && app.open === 1,
    });
  }
  return views;
}

/** The caller's own sheet as stored. */
export async function mySheet(visit: MyVisit, on?: InstrumentOn): Promise<ScoreSheetView> {
  const instrument = on ?? (await instrumentForApplication(visit.scope, visit.app));
  const views = await sheetViews(visit, instrument, [visit.author], visit.author.assignmentId);
  const view = views.get(visit.author.assignmentId);
  if (!view) throw new Error("The caller's sheet is missing from its own views");
  return view;
}

type Viewer = { asesorId: string | null; roles: readonly Role[] };

/** The accepted team, when each submitted, and whose sheets `viewer` may see now (`visibleSheets`). */
async function blindTeam(reached: ReachedApplication, viewer: Viewer) {
  const team = await acceptedTeam(reached.scope, reached.app.id);
  const stored = await reached.scope.scoring.ofApplication(reached.app.id);
  const submittedAt = (a: SheetAuthor) => stored.find((s) => s.assignmentId === a.assignmentId)?.submittedAt ?? null;
  const submitted = team.filter((a) => submittedAt(a) !== null).map((a) => a.asesorId);
  const visible = visibleSheets(
    { asesorId: viewer.asesorId, roles: [...viewer.roles] },
    team.map((a) => a.asesorId),
    submitted,
  );
  return {
    team,
    submittedAt,
    allSubmitted: team.length > 0 && submitted.length === team.length,
    visible: team.filter((a) => visible.includes(a.asesorId)),
  };
}

/**
 * The team's sheets as `viewer` may see them (`visibleSheets`): their own always, the others' only
 * once every accepted member has submitted; a sheet the viewer may not see is null.
 */
export async function teamSheets(reached: ReachedApplication, viewer: Viewer & { editor: string | null }) {
  const on = await instrumentForApplication(reached.scope, reached.app);
  const { team, submittedAt, allSubmitted, visible } = await blindTeam(reached, viewer);
  const views = await sheetViews(reached, on, visible, viewer.editor);
  return {
    applicationId: reached.app.id,
    allSubmitted,
    members: team.map((a) => ({
      assignmentId: a.assignmentId,
      asesorId: a.asesorId,
      name: a.name,
      role: a.role,
      submittedAt: submittedAt(a),
      sheet: views.get(a.assignmentId) ?? null,
    })),
  };
}

/** A photo of a sheet `viewer` may see, at its current version; any other document is a 404. */
export async function visiblePhoto(reached: ReachedApplication, viewer: Viewer, documentId: string) {
  const { visible } = await blindTeam(reached, viewer);
  const photo = (await reached.scope.scoring.photos(visible.map((a) => a.assignmentId))).find(
    (p) => p.id === documentId,
  );
  const version = photo ? await reached.scope.documents.version(photo.id, photo.currentVersion) : null;
  if (!photo || !version) throw notFound("Foto tidak ditemukan / Photo not found");
  return { photo, version };
}

/** The sheet (its scores and photos) may change only during the visit step, and never after it is submitted. */
export function refuseClosed(app: StoredApplication, submittedAt: string | null) {
  if (submittedAt)
    throw new Problem(
      "conflict",
      "Lembar nilai sudah dikirim dan tidak dapat diubah / The score sheet was submitted and is read-only",
    );
  if (app.step !== VISIT_STEP || app.open !== 1)
    throw new Problem(
      "conflict",
      "Penilaian hanya dapat diisi pada tahap visitasi / Scores are written only while the application is at the visit step",
    );
}

type Batch = z.output<typeof ScoreSheetBatch>;

interface Planned<V> {
  key: string;
  values: V;
  atVersion: number;
}

/**
 * What versioned writes do against what is stored (the same rule as the self-assessment's answers):
 * based on the current version a write applies as sent; based on an older one it merges field by
 * field with its `base` (domain `mergeFields`), fields both sides changed differently being
 * conflicts; without a base it is stale, unless it asks for what is stored (a replay).
 */
function planVersioned<V extends Record<string, unknown>>(
  name: string,
  stored: ReadonlyMap<string, { values: V; version: number }>,
  writes: readonly { key: string; values: V; baseVersion: number; base?: Partial<V> | undefined }[],
  blank: V,
) {
  const planned: Planned<V>[] = [];
  const conflicts: { field: string; server: unknown; client: unknown }[] = [];
  let stale = false;
  for (const write of writes) {
    const row = stored.get(write.key);
    const server = row?.values ?? blank;
    const version = row?.version ?? 0;
    let values = write.values;
    if (version !== write.baseVersion) {
      if (!write.base) {
        if (!sameValue(write.values, server)) stale = true;
        continue;
      }
      const merged = mergeFields(write.base, write.values, server);
      for (const conflict of merged.conflicts)
        conflicts.push({
          field: `${name}[${write.key}].${conflict.field}`,
          server: conflict.server,
          client: conflict.client,
        });
      if (merged.conflicts.length > 0) continue;
      values = merged.merged;
    }
    if (sameValue(values, server)) continue;
    planned.push({ key: write.key, values, atVersion: version });
  }
  return { planned, conflicts, stale };
}

/** Each value sent twice in one batch, named at its second place. */
function duplicates(list: readonly string[], path: (i: number) => string) {
  return list.flatMap((value, i) =>
    list.indexOf(value) !== i
      ? [{ path: path(i), message: `${value} sudah ada di kiriman ini / ${value} is already in this batch` }]
      : [],
  );
}

/**
 * What is wrong with the batch against the instrument and the checklist, by the request's field
 * names: a level for an unknown indicator or off the rubric, a finding on an unknown indicator, a
 * check of a document not on the checklist, anything sent twice. The domain's
 * `scoreSheetProblems` decides what fits the instrument.
 */
function batchProblems(instrument: InstrumentVersion, app: StoredApplication, batch: Batch) {
  const errors = [
    ...duplicates(
      batch.entries.map((e) => e.indicator),
      (i) => `entries.${i}.indicator`,
    ),
    ...duplicates(
      batch.findings.map((f) => f.id),
      (i) => `findings.${i}.id`,
    ),
    ...duplicates(
      batch.documentChecks.map((d) => d.code),
      (i) => `documentChecks.${i}.code`,
    ),
  ];
  const codes = new Set(indicatorsOf(instrument).map(({ indicator }) => indicator.code));
  const levels = Object.fromEntries(batch.entries.map((e) => [e.indicator, e.level]));
  const findings = batch.findings.map((f) => ({ indicator: f.indicator, kind: f.kind }));
  for (const problem of scoreSheetProblems(instrument, { levels, findings })) {
    const [, code] = problem.field.match(/^levels\.(.+)$/) ?? [];
    const index = code === undefined ? -1 : batch.entries.findIndex((e) => e.indicator === code);
    const path = code === undefined ? problem.field : `entries.${index}.${codes.has(code) ? "level" : "indicator"}`;
    errors.push({ path, message: `${problem.text.id} / ${problem.text.en}` });
  }
  const keys = new Set(app.checklist.map((item) => item.key));
  batch.documentChecks.forEach((check, i) => {
    if (!keys.has(check.code))
      errors.push({
        path: `documentChecks.${i}.code`,
        message: `Dokumen ${check.code} tidak ada di daftar periksa permohonan ini / Document ${check.code} is not on this application's checklist`,
      });
  });
  return errors;
}

/**
 * Saves a batch from the asesor's device, all of it or none: bad input is a 400 naming each field,
 * a field changed differently on another device a 409 with both values (untouched indicators of
 * another device merge in), a replay changes nothing. New safeguarding findings alert BALKS and the
 * application's Dinsos in the same batch, so each alert goes out exactly once, with its finding.
 */
export async function saveSheetBatch(c: Context<NationalEnv>, visit: MyVisit, batch: Batch): Promise<ScoreSheetView> {
  const { scope, app, author } = visit;
  const on = await instrumentForApplication(scope, app);
  const existing = await scope.scoring.ofAssignment(author.assignmentId);
  refuseClosed(app, existing?.submittedAt ?? null);
  const errors = batchProblems(on.instrument, app, batch);
  if (errors.length > 0)
    throw new Problem(
      "validation",
      "Lembar nilai tidak sesuai instrumen / The score sheet does not fit the instrument",
      {
        errors,
      },
    );

  const stored = await scope.scoring.contents(existing ? [existing.id] : []);
  const entries = planVersioned(
    "entries",
    new Map(stored.entries.map((e) => [e.indicator, { values: { level: e.level, note: e.note }, version: e.version }])),
    batch.entries.map((e) => ({
      key: e.indicator,
      values: { level: e.level, note: e.note },
      baseVersion: e.baseVersion,
      base: e.base,
    })),
    { level: null, note: "" },
  );
  const checks = planVersioned(
    "documentChecks",
    new Map(
      stored.checks.map((ch) => [ch.code, { values: { present: ch.present, note: ch.note }, version: ch.version }]),
    ),
    batch.documentChecks.map((ch) => ({
      key: ch.code,
      values: { present: ch.present, note: ch.note },
      baseVersion: ch.baseVersion,
      base: ch.base,
    })),
    { present: null, note: "" },
  );
  // A finding is the device's, once: sent again as it was, it is a replay; with other content, a conflict.
  const known = await scope.scoring.findingsById(batch.findings.map((f) => f.id));
  const findingConflicts: { field: string; server: unknown; client: unknown }[] = [];
  const newFindings = batch.findings.filter((f) => {
    const row = known.find((k) => k.id === f.id);
    if (!row) return true;
    const server = {
      indicator: row.indicator,
      kind: row.kind,
      description: row.description,
      reportedAt: row.reportedAt,
    };
    const client = { indicator: f.indicator, kind: f.kind, description: f.description, reportedAt: f.reportedAt };
    if (row.sheetId !== existing?.id || !sameValue(server, client))
      findingConflicts.push({
        field: `findings[${f.id}]`,
        server: row.sheetId === existing?.id ? server : null,
        client,
      });
    return false;
  });
  const conflicts = [...entries.conflicts, ...checks.conflicts, ...findingConflicts];
  if (conflicts.length > 0) throw conflictingFields("score", conflicts);
  if (entries.stale || checks.stale) throw changedMeanwhile("score");

  if (entries.planned.length + checks.planned.length + newFindings.length > 0) {
    const sheet =
      existing ??
      (await scope.scoring.open({
        applicationId: app.id,
        assignmentId: author.assignmentId,
        asesorId: author.asesorId,
        instrumentVersionId: on.row.id,
      }));
    const db = c.get("db");
    const userId = c.get("principal").user.id;
    const alerts = newFindings.length > 0 ? await findingAlerts(c, visit, newFindings) : [];
    const statements: BatchItem[] = [
      ...entries.planned.flatMap((p) => [
        scope.scoring.saveEntry(sheet.id, { indicator: p.key, ...p.values }, p.atVersion, userId),
        abortIfNothingChanged(db),
      ]),
      ...checks.planned.flatMap((p) => [
        scope.scoring.saveCheck(sheet.id, { code: p.key, ...p.values }, p.atVersion, userId),
        abortIfNothingChanged(db),
      ]),
      ...newFindings.flatMap((f) => [scope.scoring.addFinding(sheet, f, userId), abortIfNothingChanged(db)]),
      ...alerts,
    ];
    await db
      .batch([
        audit(c, {
          action: "application.scores_saved",
          tenantId: app.tenantId,
          targetType: "application",
          targetId: app.id,
          data: {
            assignmentId: author.assignmentId,
            indicators: entries.planned.map((p) => p.key),
            documents: checks.planned.map((p) => p.key),
            findings: newFindings.map((f) => f.id),
          },
        }),
        ...statements,
      ])
      .catch(staleOnGuardAbort("score"));
  }
  return mySheet(visit, on);
}

/**
 * The alerts of new safeguarding findings: an in-app notification and an email (through the outbox)
 * to BALKS's secretariat and deciders and to the application's Dinsos (verifiers and heads). They
 * go in the findings' own batch: a replayed finding inserts nothing, aborts, and alerts nobody again.
 */
async function findingAlerts(
  c: Context<NationalEnv>,
  { scope, app, author }: MyVisit,
  findings: readonly Pick<FindingRow, "indicator" | "kind" | "description">[],
): Promise<BatchItem[]> {
  const db = c.get("db");
  const [balks, dinsos] = await Promise.all([
    scope.applications.nationalHolders(["balks_secretariat", "balks_decider"]),
    scope.applications.holders(app.tenantId, ["dinsos_verifier", "dinsos_head"]),
  ]);
  const origin = new URL(c.req.url).origin;
  const lines = findings.map((f) => ({
    indicator: f.indicator,
    kind: SAFEGUARDING_KIND_LABELS[f.kind],
    description: f.description,
  }));
  const recipients = [
    ...balks.map((h) => ({ ...h, path: `/balks/tim/${app.tenantSlug}/${app.id}` })),
    ...dinsos.map((h) => ({ ...h, path: applicationPath(app.tenantSlug, app.id) })),
  ].filter((r, i, all) => all.findIndex((x) => x.userId === r.userId) === i);
  return recipients.flatMap((r) => [
    scope.applications.notify({
      userId: r.userId,
      title: `Temuan perlindungan: ${app.lksName} / Safeguarding finding: ${app.lksName}`,
      body: lines.map((l) => `${l.indicator} — ${l.kind.id} / ${l.kind.en}: ${l.description}`).join("\n"),
      link: r.path,
    }),
    enqueueEmail(
      db,
      safeguardingAlertEmail({
        tenantId: app.tenantId,
        to: r.email,
        lksName: app.lksName,
        tenantName: app.tenantName,
        asesorName: author.name,
        findings: lines,
        link: `${origin}${r.path}`,
      }),
    ),
  ]);
}

/** Submits the caller's sheet once it is complete; afterwards it is read-only. A second submit answers as the first. */
export async function submitSheet(c: Context<NationalEnv>, visit: MyVisit): Promise<ScoreSheetView> {
  const { scope, app, author } = visit;
  const on = await instrumentForApplication(scope, app);
  const existing = await scope.scoring.ofAssignment(author.assignmentId);
  if (existing?.submittedAt) return mySheet(visit, on);
  refuseClosed(app, null);
  const view = await mySheet(visit, on);
  if (view.missing.length > 0)
    throw new Problem(
      "conflict",
      `Lembar nilai belum lengkap: ${view.missing.length} isian / The score sheet is not complete: ${view.missing.length} missing`,
      { errors: view.missing.map((g) => ({ path: g.field, message: `${g.message.id} / ${g.message.en}` })) },
    );
  if (!existing) throw new Error("A complete sheet is a stored one");
  const db = c.get("db");
  await db
    .batch([
      scope.scoring.submit(existing.id),
      abortIfNothingChanged(db),
      audit(c, {
        action: "application.scores_submitted",
        tenantId: app.tenantId,
        targetType: "application",
        targetId: app.id,
        data: { assignmentId: author.assignmentId },
      }),
    ])
    .catch(async (error: unknown) => {
      // Submitted meanwhile from another device: that submission stands.
      if ((await scope.scoring.ofAssignment(author.assignmentId))?.submittedAt) return;
      throw error;
    });
  return mySheet(visit, on);
}

/**
 * Who on the accepted team has not submitted their sheet: `record_visit` waits for all (issue 13
 * "The decision"). Empty when every accepted member has submitted; a team with nobody accepted
 * names that instead.
 */
export async function unsubmittedMembers(scope: TenantScope, applicationId: string) {
  const team = await acceptedTeam(scope, applicationId);
  if (team.length === 0)
    return [
      { path: "team", message: "Belum ada asesor yang menerima penugasan / No asesor has accepted the assignment" },
    ];
  const sheets = await scope.scoring.ofApplication(applicationId);
  return team
    .filter((m) => !sheets.find((s) => s.assignmentId === m.assignmentId)?.submittedAt)
    .map((m) => ({
      path: `sheets.${m.asesorId}`,
      message: `${m.name} (${m.role === "lead" ? "ketua" : "anggota"}) belum mengirim lembar nilai / ${m.name} (${m.role}) has not submitted their score sheet`,
    }));
}
