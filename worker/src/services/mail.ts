import type { OutgoingEmail } from "@akrab/db";
import { roleLabel } from "@akrab/domain";

/** Emails show times as people in Jakarta read them; storage stays UTC. */
const JAKARTA_TIME = new Intl.DateTimeFormat("id-ID", {
  timeZone: "Asia/Jakarta",
  dateStyle: "long",
  timeStyle: "short",
});
const JAKARTA_TIME_EN = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Jakarta",
  dateStyle: "long",
  timeStyle: "short",
});

function jakartaTime(isoTime: string, lang: "id" | "en" = "id"): string {
  return `${(lang === "id" ? JAKARTA_TIME : JAKARTA_TIME_EN).format(new Date(isoTime))} WIB`;
}

export const INVITATION_TTL_SECONDS = 7 * 24 * 60 * 60;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Everything put into HTML goes through here: names, reasons and comments are typed by people. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** A paragraph, or a bulleted list (reasons, fields to fix). */
type Block = string | string[];

interface Message {
  tenantId: string | null;
  to: string;
  subject: { id: string; en: string };
  id: Block[];
  en: Block[];
  /** The exact page the message is about; shown as a button in HTML and as a bare URL in text. */
  link?: { href: string; id: string; en: string };
}

function textBlocks(blocks: Block[]): string[] {
  return blocks.map((b) => (typeof b === "string" ? b : b.map((item) => `- ${item}`).join("\n")));
}

function htmlBlocks(blocks: Block[]): string {
  return blocks
    .map((b) =>
      typeof b === "string"
        ? `<p>${escapeHtml(b)}</p>`
        : `<ul>${b.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`,
    )
    .join("\n");
}

/** Bahasa Indonesia first, English below, in both bodies; the layout and footer come at send time. */
function compose(m: Message): OutgoingEmail {
  const link = m.link;
  const text = [
    ...textBlocks(m.id),
    ...(link ? [`${link.id}:\n${link.href}`] : []),
    "— English —",
    ...textBlocks(m.en),
    ...(link ? [`${link.en}: the link above.`] : []),
  ].join("\n\n");
  const button = link
    ? `<p><a href="${escapeHtml(link.href)}" style="display:inline-block;padding:10px 16px;background:#0b5e55;color:#fff;` +
      `border-radius:6px;text-decoration:none">${escapeHtml(link.id)} / ${escapeHtml(link.en)}</a></p>\n` +
      `<p style="font-size:13px;color:#555">${escapeHtml(link.href)}</p>`
    : "";
  const html = [
    `<div lang="id">\n${htmlBlocks(m.id)}\n${button}\n</div>`,
    `<hr style="border:0;border-top:1px solid #ddd;margin:24px 0">`,
    `<div lang="en">\n${htmlBlocks(m.en)}\n</div>`,
  ].join("\n");
  return { tenantId: m.tenantId, recipient: m.to, subject: `${m.subject.id} / ${m.subject.en}`, body: text, html };
}

/**
 * The footer every email carries when it is sent: transactional (no unsubscribe: these messages
 * are part of a procedure the recipient is in), naming who sends it: the Dinsos, or BALKS.
 */
export function mailFooter(senderName: string | null): { text: string; html: string } {
  const sender = senderName ?? "BALKS — Badan Akreditasi Lembaga Kesejahteraan Sosial";
  const id =
    `Email ini dikirim melalui Akrab atas nama ${sender} karena Anda terlibat dalam proses yang disebut di atas. ` +
    "Email ini tidak dapat dibalas dan tidak berisi langganan.";
  const en =
    `Sent through Akrab on behalf of ${sender} because you take part in the procedure above. ` +
    "This is a transactional message; replies are not read.";
  return { text: `--\n${id}\n${en}`, html: `<p>${escapeHtml(id)}</p><p>${escapeHtml(en)}</p>` };
}

/** The HTML document as sent: the stored (already escaped) content inside a plain layout with its footer. */
export function emailDocument(subject: string, content: string, senderName: string | null): string {
  const footer = mailFooter(senderName).html;
  return (
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(subject)}</title></head><body style="margin:0;background:#f4f6f5">` +
    `<div style="max-width:600px;margin:0 auto;padding:24px;background:#fff;font:15px/1.5 system-ui,sans-serif;color:#1b1f1e">` +
    `<p style="font-weight:600;color:#0b5e55;margin-top:0">Akrab</p>\n${content}\n` +
    `<footer style="margin-top:32px;font-size:12px;color:#666;border-top:1px solid #ddd">${footer}</footer>` +
    `</div></body></html>`
  );
}

export function invitationEmail(input: {
  /** Null for a national role (an asesor invited by BALKS). */
  tenantId: string | null;
  to: string;
  tenantName: string;
  role: string;
  inviterName: string;
  link: string;
  expiresAt: string;
}): OutgoingEmail {
  return compose({
    tenantId: input.tenantId,
    to: input.to,
    subject: { id: `Undangan bergabung dengan Akrab: ${input.tenantName}`, en: "Invitation to Akrab" },
    id: [
      `${input.inviterName} mengundang Anda sebagai ${roleLabel(input.role)} di ${input.tenantName}.`,
      `Tautan berlaku sampai ${jakartaTime(input.expiresAt)} dan hanya dapat dipakai sekali.`,
    ],
    en: [
      `${input.inviterName} invited you to Akrab as ${roleLabel(input.role, "en")} at ${input.tenantName}.`,
      `Open the link to set your password and sign in. It works once, until ${jakartaTime(input.expiresAt, "en")}.`,
    ],
    link: { href: input.link, id: "Buat kata sandi dan masuk", en: "Set your password and sign in" },
  });
}

/** BALKS put an asesor on an application's team: they answer (declaration or reason) from their assignments. */
export function assignmentEmail(input: {
  to: string;
  asesorName: string;
  lksName: string;
  tenantName: string;
  role: "lead" | "member";
  link: string;
}): OutgoingEmail {
  const role = input.role === "lead" ? { id: "ketua tim", en: "team lead" } : { id: "anggota tim", en: "team member" };
  return compose({
    tenantId: null,
    to: input.to,
    subject: { id: `Penugasan asesor: ${input.lksName}`, en: `Asesor assignment: ${input.lksName}` },
    id: [
      `Yth. ${input.asesorName}, BALKS menugaskan Anda sebagai ${role.id} untuk menilai ${input.lksName} (${input.tenantName}).`,
      "Terima penugasan dengan menandatangani pernyataan tidak ada konflik kepentingan, atau tolak dengan alasan.",
    ],
    en: [
      `Dear ${input.asesorName}, BALKS asks you to assess ${input.lksName} (${input.tenantName}) as ${role.en}.`,
      "Accept by signing the no-conflict declaration, or decline with a reason.",
    ],
    link: { href: input.link, id: "Lihat penugasan", en: "See the assignment" },
  });
}

export function passwordResetEmail(input: { to: string; link: string; expiresAt: string }): OutgoingEmail {
  return compose({
    tenantId: null,
    to: input.to,
    subject: { id: "Atur ulang kata sandi Akrab", en: "Reset your Akrab password" },
    id: [
      "Seseorang meminta pengaturan ulang kata sandi akun Akrab Anda.",
      `Tautan berlaku sampai ${jakartaTime(input.expiresAt)} dan hanya dapat dipakai sekali. ` +
        "Abaikan email ini bila Anda tidak memintanya.",
    ],
    en: [
      "Someone asked to reset your Akrab password.",
      `The link works once, until ${jakartaTime(input.expiresAt, "en")}. Ignore this email if it was not you.`,
    ],
    link: { href: input.link, id: "Buat kata sandi baru", en: "Choose a new password" },
  });
}

/** No link: there is no page to follow until the sign-up is decided (the invitation then carries one). */
export function signupReceivedEmail(input: { to: string; officeName: string; regionName: string }): OutgoingEmail {
  return compose({
    tenantId: null,
    to: input.to,
    subject: { id: `Pendaftaran ${input.officeName} di Akrab diterima`, en: "Sign-up received" },
    id: [
      `Terima kasih. Pendaftaran ${input.officeName} (${input.regionName}) sedang ditinjau oleh Admin Platform Akrab.`,
      "Setelah disetujui, alamat email ini menerima undangan untuk membuat akun Admin Dinsos.",
    ],
    en: [
      `Thank you. The sign-up of ${input.officeName} (${input.regionName}) is being reviewed by Akrab's platform administrators.`,
      "Once it is approved, this address receives an invitation to create the Dinsos administrator account.",
    ],
  });
}

export function signupRejectedEmail(input: {
  to: string;
  officeName: string;
  reason: string;
  link: string;
}): OutgoingEmail {
  return compose({
    tenantId: null,
    to: input.to,
    subject: { id: `Pendaftaran ${input.officeName} di Akrab belum dapat disetujui`, en: "Sign-up not approved" },
    id: [
      `Pendaftaran ${input.officeName} belum dapat disetujui dengan alasan:`,
      [input.reason],
      "Anda dapat mendaftar kembali setelah memperbaikinya.",
    ],
    en: [
      `The sign-up of ${input.officeName} was not approved, for the reason above.`,
      "You may sign up again once it is fixed.",
    ],
    link: { href: input.link, id: "Daftar kembali", en: "Sign up again" },
  });
}

export function emailVerificationEmail(input: {
  tenantId: string;
  to: string;
  lksName: string;
  link: string;
  expiresAt: string;
}): OutgoingEmail {
  return compose({
    tenantId: input.tenantId,
    to: input.to,
    subject: { id: "Konfirmasi email akun Akrab Anda", en: "Confirm your Akrab email address" },
    id: [
      `Pendaftaran ${input.lksName} telah kami terima dan diteruskan ke Dinas Sosial untuk diverifikasi.`,
      `Konfirmasi alamat email Anda, lalu masuk. Tautan berlaku sampai ${jakartaTime(input.expiresAt)}.`,
    ],
    en: [
      `The registration of ${input.lksName} was received and passed to the Dinas Sosial for verification.`,
      `Confirm your email address, then sign in. The link works until ${jakartaTime(input.expiresAt, "en")}.`,
    ],
    link: { href: input.link, id: "Konfirmasi email", en: "Confirm email" },
  });
}

export function lksDecisionEmail(input: {
  tenantId: string;
  to: string;
  lksName: string;
  verified: boolean;
  comments: { field: string; message: string }[];
  link: string;
}): OutgoingEmail {
  const fixes = input.comments.map((c) => `${c.field}: ${c.message}`);
  return compose({
    tenantId: input.tenantId,
    to: input.to,
    subject: input.verified
      ? { id: `${input.lksName} telah terdaftar`, en: "LKS registered" }
      : { id: `Pendaftaran ${input.lksName} perlu diperbaiki`, en: "LKS registration returned for revision" },
    id: input.verified
      ? [`Dinas Sosial telah memverifikasi ${input.lksName}. Tanda daftar tercatat di Akrab.`]
      : [`Dinas Sosial mengembalikan pendaftaran ${input.lksName} untuk diperbaiki:`, fixes],
    en: input.verified
      ? [`The Dinas Sosial verified ${input.lksName}; its registration (tanda daftar) is recorded in Akrab.`]
      : [
          `The Dinas Sosial returned the registration of ${input.lksName} for revision; the fields to fix are listed above.`,
        ],
    link: { href: input.link, id: "Lihat LKS di Akrab", en: "Open the LKS in Akrab" },
  });
}

const DOCUMENT_EN: Record<string, string> = {
  "Tanda daftar": "registration (tanda daftar)",
  "Izin operasional": "operating permit",
};

export function expiryReminderEmail(input: {
  tenantId: string;
  to: string;
  lksName: string;
  document: string;
  expiresOn: string;
  days: number;
  link: string;
}): OutgoingEmail {
  const documentEn = DOCUMENT_EN[input.document] ?? input.document;
  return compose({
    tenantId: input.tenantId,
    to: input.to,
    subject: {
      id: `${input.document} ${input.lksName} berakhir dalam ${input.days} hari`,
      en: `The ${documentEn} ends in ${input.days} days`,
    },
    id: [
      `${input.document} ${input.lksName} berakhir pada ${input.expiresOn}. Ajukan perpanjangan ke Dinas Sosial sebelum tanggal tersebut.`,
    ],
    en: [
      `The ${documentEn} of ${input.lksName} ends on ${input.expiresOn}. Ask the Dinas Sosial to renew it before then.`,
    ],
    link: { href: input.link, id: "Lihat LKS di Akrab", en: "Open the LKS in Akrab" },
  });
}

/**
 * A certificate ends in `days` days (issue 14): to the LKS, ask for re-accreditation in time; to its
 * Dinsos, follow the LKS up. The subject and the in-app notification say the same.
 */
export function certificateReminderText(input: {
  audience: "lks" | "dinsos";
  lksName: string;
  grade: string;
  number: string;
  validUntil: string;
  days: number;
}) {
  const subject = {
    id: `Akreditasi ${input.lksName} berakhir dalam ${input.days} hari`,
    en: `The accreditation of ${input.lksName} ends in ${input.days} days`,
  };
  const ends = {
    id: `Sertifikat akreditasi ${input.number} (peringkat ${input.grade}) untuk ${input.lksName} berlaku sampai ${input.validUntil}.`,
    en: `Accreditation certificate ${input.number} (grade ${input.grade}) of ${input.lksName} is valid until ${input.validUntil}.`,
  };
  const ask =
    input.audience === "lks"
      ? {
          id: "Ajukan akreditasi ulang melalui Dinas Sosial sebelum tanggal tersebut agar akreditasi tidak terputus.",
          en: "Apply for re-accreditation through the Dinas Sosial before then so the accreditation does not lapse.",
        }
      : {
          id: "Ingatkan LKS ini untuk mengajukan akreditasi ulang sebelum tanggal tersebut.",
          en: "Remind this LKS to apply for re-accreditation before then.",
        };
  return { subject, body: { id: `${ends.id} ${ask.id}`, en: `${ends.en} ${ask.en}` } };
}

export function certificateReminderEmail(
  input: Parameters<typeof certificateReminderText>[0] & { tenantId: string; to: string; link: string },
): OutgoingEmail {
  const text = certificateReminderText(input);
  return compose({
    tenantId: input.tenantId,
    to: input.to,
    subject: text.subject,
    id: [text.body.id],
    en: [text.body.en],
    link: { href: input.link, id: "Lihat sertifikat di Akrab", en: "Open the certificate in Akrab" },
  });
}

export function applicationMovedEmail(input: {
  tenantId: string;
  to: string;
  lksName: string;
  stepLabel: string;
  actionLabel: string;
  comment: string | null;
  items: { ref: string; message: string }[];
  link: string;
}): OutgoingEmail {
  const items = input.items.map((i) => `${i.ref}: ${i.message}`);
  return compose({
    tenantId: input.tenantId,
    to: input.to,
    subject: {
      id: `Permohonan akreditasi ${input.lksName}: ${input.stepLabel}`,
      en: "Accreditation application moved",
    },
    id: [
      `Permohonan akreditasi ${input.lksName} kini berada pada tahap: ${input.stepLabel} (${input.actionLabel}).`,
      ...(input.comment ? [`Catatan: ${input.comment}`] : []),
      ...(items.length > 0 ? ["Yang perlu diperbaiki:", items] : []),
    ],
    en: [
      `The accreditation application of ${input.lksName} moved to the step “${input.stepLabel}”.`,
      ...(input.comment ? ["The note above is from the person who moved it."] : []),
      ...(items.length > 0 ? ["The items to fix are listed above."] : []),
    ],
    link: { href: input.link, id: "Buka permohonan", en: "Open the application" },
  });
}

/**
 * BALKS's decision, to the LKS and its Dinsos (issue 13): the outcome with its reasons, the team's
 * recommendations, and for "not accredited" what to fix before applying again. BALKS decided, so
 * BALKS sends it (no tenant: the footer names BALKS, not the Dinsos).
 */
export function accreditationDecisionEmail(input: {
  to: string;
  lksName: string;
  grade: { grade: string; label: { id: string; en: string }; validUntil: string | null } | null;
  reasons: string;
  toFix: string[];
  recommendations: string;
  link: string;
}): OutgoingEmail {
  const { grade } = input;
  const recommendations = input.recommendations.trim();
  return compose({
    tenantId: null,
    to: input.to,
    subject: grade
      ? {
          id: `${input.lksName} terakreditasi dengan predikat ${grade.grade} (${grade.label.id})`,
          en: `Accredited with grade ${grade.grade}`,
        }
      : { id: `${input.lksName}: tidak terakreditasi`, en: "Not accredited" },
    id: [
      grade
        ? `BALKS memutuskan ${input.lksName} terakreditasi dengan predikat ${grade.grade} (${grade.label.id})${grade.validUntil ? `, berlaku sampai ${grade.validUntil}` : ""}.`
        : `BALKS memutuskan ${input.lksName} tidak terakreditasi pada siklus ini.`,
      `Alasan: ${input.reasons}`,
      ...(input.toFix.length > 0 ? ["Yang perlu diperbaiki sebelum mengajukan kembali:", input.toFix] : []),
      ...(recommendations ? [`Rekomendasi tim asesor: ${recommendations}`] : []),
    ],
    en: [
      grade
        ? `BALKS decided that ${input.lksName} is accredited with grade ${grade.grade} (${grade.label.en})${grade.validUntil ? `, valid until ${grade.validUntil}` : ""}.`
        : `BALKS decided that ${input.lksName} is not accredited in this cycle.`,
      "The reasons and the asesor team's recommendations are above, in Bahasa Indonesia as written.",
      ...(input.toFix.length > 0 ? ["What to fix before applying again is listed above."] : []),
    ],
    link: { href: input.link, id: "Lihat keputusan", en: "See the decision" },
  });
}

export function slaReminderEmail(input: {
  tenantId: string;
  to: string;
  lksName: string;
  stepLabel: string;
  dueAt: string;
  escalated: boolean;
  link: string;
}): OutgoingEmail {
  return compose({
    tenantId: input.tenantId,
    to: input.to,
    subject: {
      id: `${input.escalated ? "[Eskalasi] " : ""}Lewat tenggat: ${input.lksName} — ${input.stepLabel}`,
      en: `${input.escalated ? "[Escalated] " : ""}Overdue application`,
    },
    id: [
      `Permohonan akreditasi ${input.lksName} pada tahap ${input.stepLabel} melewati tenggat ${jakartaTime(input.dueAt)}.`,
      input.escalated
        ? "Pesan ini diteruskan kepada Kepala Dinsos karena tenggat telah lama terlewati."
        : "Mohon segera ditindaklanjuti.",
    ],
    en: [
      `The accreditation application of ${input.lksName} is past its deadline (${jakartaTime(input.dueAt, "en")}) at “${input.stepLabel}”.`,
      input.escalated ? "Sent to the Head of Dinsos because the deadline passed long ago." : "Please act on it soon.",
    ],
    link: { href: input.link, id: "Buka permohonan", en: "Open the application" },
  });
}

/** To BALKS's secretariat: one application arrived at national intake (the first few of a day). */
export function intakeArrivalEmail(input: {
  to: string;
  lksName: string;
  tenantName: string;
  link: string;
}): OutgoingEmail {
  return compose({
    tenantId: null,
    to: input.to,
    subject: { id: `Permohonan masuk BALKS: ${input.lksName}`, en: "Application arrived at BALKS intake" },
    id: [
      `Permohonan akreditasi ${input.lksName} dari ${input.tenantName} telah direkomendasikan dan menunggu pemeriksaan kelengkapan oleh Sekretariat BALKS.`,
    ],
    en: [
      `The accreditation application of ${input.lksName} from ${input.tenantName} was recommended and waits for the BALKS secretariat's intake check.`,
    ],
    link: { href: input.link, id: "Buka permohonan", en: "Open the application" },
  });
}

/** To BALKS's secretariat, the morning after a busy day: every arrival of that day in one message. */
export function intakeDigestEmail(input: {
  to: string;
  day: string;
  arrivals: { lksName: string; tenantName: string }[];
  link: string;
}): OutgoingEmail {
  const lines = input.arrivals.map((a) => `${a.lksName} (${a.tenantName})`);
  return compose({
    tenantId: null,
    to: input.to,
    subject: {
      id: `${input.arrivals.length} permohonan masuk BALKS pada ${input.day}`,
      en: `${input.arrivals.length} applications arrived at BALKS intake`,
    },
    id: [`${input.arrivals.length} permohonan akreditasi tiba di tahap penerimaan BALKS pada ${input.day}:`, lines],
    en: [`${input.arrivals.length} accreditation applications arrived at BALKS intake on ${input.day} (listed above).`],
    link: { href: input.link, id: "Buka kotak masuk BALKS", en: "Open the BALKS inbox" },
  });
}

const VISIT_DAY = new Intl.DateTimeFormat("id-ID", { timeZone: "UTC", dateStyle: "full" });
const VISIT_DAY_EN = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "full" });
/** A visit day (YYYY-MM-DD, already a Jakarta date) spelled out in each language. */
export function visitDay(date: string, lang: "id" | "en" = "id"): string {
  return (lang === "id" ? VISIT_DAY : VISIT_DAY_EN).format(new Date(`${date}T00:00:00Z`));
}

/** BALKS planned, moved or cancelled the asesors' visit to an LKS: its operators and its Dinsos are told. */
export function visitPlanEmail(input: {
  tenantId: string;
  to: string;
  lksName: string;
  change:
    | { kind: "planned"; date: string }
    | { kind: "moved"; date: string; previous: string }
    | { kind: "cancelled"; previous: string };
  team: string[];
  link: string;
}): OutgoingEmail {
  const { change, lksName } = input;
  const team = input.team.length > 0 ? input.team.join(", ") : null;
  const subject =
    change.kind === "planned"
      ? {
          id: `Jadwal visitasi ${lksName}: ${visitDay(change.date)}`,
          en: `Visit scheduled: ${visitDay(change.date, "en")}`,
        }
      : change.kind === "moved"
        ? {
            id: `Jadwal visitasi ${lksName} berubah: ${visitDay(change.date)}`,
            en: `Visit moved: ${visitDay(change.date, "en")}`,
          }
        : { id: `Visitasi ${lksName} dibatalkan`, en: "Visit cancelled" };
  const id =
    change.kind === "planned"
      ? [`BALKS menjadwalkan visitasi asesor ke ${lksName} pada ${visitDay(change.date)}.`]
      : change.kind === "moved"
        ? [
            `Jadwal visitasi asesor ke ${lksName} berubah dari ${visitDay(change.previous)} menjadi ${visitDay(change.date)}.`,
          ]
        : [
            `Visitasi asesor ke ${lksName} pada ${visitDay(change.previous)} dibatalkan; BALKS akan memberi tahu jadwal baru.`,
          ];
  const en =
    change.kind === "planned"
      ? [`BALKS scheduled the asesors' visit to ${lksName} on ${visitDay(change.date, "en")}.`]
      : change.kind === "moved"
        ? [
            `The asesors' visit to ${lksName} moved from ${visitDay(change.previous, "en")} to ${visitDay(change.date, "en")}.`,
          ]
        : [
            `The asesors' visit to ${lksName} on ${visitDay(change.previous, "en")} is cancelled; BALKS will send a new date.`,
          ];
  if (team && change.kind !== "cancelled") {
    id.push(`Tim asesor: ${team}. Dinas Sosial menunjuk pendamping kunjungan di halaman permohonan.`);
    en.push(`Asesor team: ${team}. The Dinsos names the staff accompanying the visit on the application's page.`);
  }
  return compose({
    tenantId: input.tenantId,
    to: input.to,
    subject,
    id,
    en,
    link: { href: input.link, id: "Buka permohonan", en: "Open the application" },
  });
}

/**
 * To BALKS and the application's Dinsos as soon as an asesor's safeguarding finding syncs: a
 * finding blocks any grade, and a child or adult in danger cannot wait for the visit report.
 */
export function safeguardingAlertEmail(input: {
  tenantId: string;
  to: string;
  lksName: string;
  tenantName: string;
  asesorName: string;
  findings: { indicator: string; kind: { id: string; en: string }; description: string }[];
  link: string;
}): OutgoingEmail {
  return compose({
    tenantId: input.tenantId,
    to: input.to,
    subject: {
      id: `Temuan perlindungan pada visitasi ${input.lksName}`,
      en: `Safeguarding finding at the visit of ${input.lksName}`,
    },
    id: [
      `Asesor ${input.asesorName} mencatat temuan perlindungan pada visitasi ${input.lksName} (${input.tenantName}):`,
      input.findings.map((f) => `Indikator ${f.indicator} — ${f.kind.id}: ${f.description}`),
      "Temuan ini menahan pemberian peringkat akreditasi sampai ditindaklanjuti. Segera koordinasikan penanganannya.",
    ],
    en: [
      `Asesor ${input.asesorName} recorded safeguarding findings at the visit of ${input.lksName} (${input.tenantName}):`,
      input.findings.map((f) => `Indicator ${f.indicator} — ${f.kind.en}: ${f.description}`),
      "The finding blocks any accreditation grade until it is followed up. Please coordinate the response now.",
    ],
    link: { href: input.link, id: "Buka permohonan", en: "Open the application" },
  });
}

const IMPROVEMENT_STAGE_TEXT = {
  before_due: {
    subject: { id: "Tenggat rencana perbaikan mendekat", en: "An improvement item is due soon" },
    id: "Mohon kirim tindak lanjut dan buktinya sebelum tenggat.",
    en: "Please send the follow-up and its evidence before the due day.",
  },
  due_day: {
    subject: { id: "Tenggat rencana perbaikan hari ini", en: "An improvement item is due today" },
    id: "Tenggat butir ini adalah hari ini. Mohon kirim tindak lanjut dan buktinya.",
    en: "This item is due today. Please send the follow-up and its evidence.",
  },
  escalated_dinsos: {
    subject: { id: "[Eskalasi] Rencana perbaikan lewat tenggat", en: "[Escalated] Improvement item overdue" },
    id: "Butir ini melewati tenggat. Mohon Dinas Sosial menindaklanjuti dengan LKS, atau meninjau jawabannya.",
    en: "This item is overdue. The Dinas Sosial is asked to follow it up with the LKS, or to review its answer.",
  },
  escalated_balks: {
    subject: {
      id: "[Eskalasi BALKS] Rencana perbaikan lama tertunda",
      en: "[Escalated to BALKS] Improvement item long overdue",
    },
    id: "Butir ini sudah lama melewati tenggat dan belum selesai. BALKS diminta menindaklanjuti.",
    en: "This item is long overdue and still not closed. BALKS is asked to follow it up.",
  },
} as const;

/** An improvement item's reminder (to the LKS) or escalation (to the Dinsos, then BALKS): issue 14 "Supervision". */
export function improvementReminderEmail(input: {
  tenantId: string;
  to: string;
  lksName: string;
  item: string;
  dueOn: string;
  stage: keyof typeof IMPROVEMENT_STAGE_TEXT;
  link: string;
}): OutgoingEmail {
  const text = IMPROVEMENT_STAGE_TEXT[input.stage];
  return compose({
    tenantId: input.stage === "escalated_balks" ? null : input.tenantId,
    to: input.to,
    subject: { id: `${text.subject.id}: ${input.lksName}`, en: text.subject.en },
    id: [`Rencana perbaikan ${input.lksName}, tenggat ${input.dueOn}:`, [input.item], text.id],
    en: [`Improvement plan of ${input.lksName}, due ${input.dueOn}:`, [input.item], text.en],
    link: { href: input.link, id: "Buka rencana perbaikan", en: "Open the improvement plan" },
  });
}
