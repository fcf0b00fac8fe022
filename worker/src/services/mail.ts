import type { OutgoingEmail } from "@akrab/db";

/** Role names as users know them, for messages. */
const ROLE_LABELS: Record<string, string> = {
  lks_operator: "Operator LKS",
  dinsos_verifier: "Verifikator Dinsos",
  dinsos_head: "Kepala Dinsos",
  tenant_admin: "Admin Dinsos",
  asesor: "Asesor",
  balks_secretariat: "Sekretariat BALKS",
  balks_decider: "Pemutus BALKS",
  national_viewer: "Pemantau Nasional",
  platform_admin: "Admin Platform",
};

/** Emails show times as people in Jakarta read them; storage stays UTC. */
const JAKARTA_TIME = new Intl.DateTimeFormat("id-ID", { timeZone: "Asia/Jakarta", dateStyle: "long", timeStyle: "short" });

export function jakartaTime(isoTime: string): string {
  return `${JAKARTA_TIME.format(new Date(isoTime))} WIB`;
}

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

export const INVITATION_TTL_SECONDS = 7 * 24 * 60 * 60;

export function invitationEmail(input: {
  tenantId: string;
  to: string;
  tenantName: string;
  role: string;
  inviterName: string;
  link: string;
  expiresAt: string;
}): OutgoingEmail {
  return {
    tenantId: input.tenantId,
    recipient: input.to,
    subject: `Undangan bergabung dengan Akrab: ${input.tenantName}`,
    body: [
      `${input.inviterName} mengundang Anda sebagai ${roleLabel(input.role)} di ${input.tenantName}.`,
      `Buka tautan berikut untuk membuat kata sandi dan masuk:`,
      input.link,
      `Tautan berlaku sampai ${jakartaTime(input.expiresAt)} dan hanya dapat dipakai sekali.`,
      "",
      `${input.inviterName} invited you to Akrab as ${input.role} at ${input.tenantName}. Open the link above to set your password.`,
    ].join("\n"),
  };
}

export function passwordResetEmail(input: { to: string; link: string; expiresAt: string }): OutgoingEmail {
  return {
    tenantId: null,
    recipient: input.to,
    subject: "Atur ulang kata sandi Akrab",
    body: [
      "Seseorang meminta pengaturan ulang kata sandi akun Akrab Anda.",
      "Buka tautan berikut untuk membuat kata sandi baru:",
      input.link,
      `Tautan berlaku sampai ${jakartaTime(input.expiresAt)} dan hanya dapat dipakai sekali. Abaikan email ini bila Anda tidak memintanya.`,
      "",
      "Someone asked to reset your Akrab password. Open the link above to choose a new one; ignore this email if it was not you.",
    ].join("\n"),
  };
}

export function signupReceivedEmail(input: { to: string; officeName: string; regionName: string }): OutgoingEmail {
  return {
    tenantId: null,
    recipient: input.to,
    subject: `Pendaftaran ${input.officeName} di Akrab diterima`,
    body: [
      `Terima kasih. Pendaftaran ${input.officeName} (${input.regionName}) sedang ditinjau oleh Admin Platform Akrab.`,
      "Setelah disetujui, alamat email ini menerima undangan untuk membuat akun admin Dinsos.",
      "",
      `Thank you. The sign-up of ${input.officeName} is being reviewed; once approved this address receives an admin invitation.`,
    ].join("\n"),
  };
}

export function signupRejectedEmail(input: { to: string; officeName: string; reason: string }): OutgoingEmail {
  return {
    tenantId: null,
    recipient: input.to,
    subject: `Pendaftaran ${input.officeName} di Akrab belum dapat disetujui`,
    body: [`Pendaftaran ${input.officeName} belum dapat disetujui dengan alasan:`, input.reason, "", "Anda dapat mendaftar kembali setelah memperbaikinya.", "", "The sign-up was not approved for the reason above; you may apply again."].join("\n"),
  };
}

export function emailVerificationEmail(input: { tenantId: string; to: string; lksName: string; link: string; expiresAt: string }): OutgoingEmail {
  return {
    tenantId: input.tenantId,
    recipient: input.to,
    subject: "Konfirmasi email akun Akrab Anda",
    body: [
      `Pendaftaran ${input.lksName} telah kami terima dan diteruskan ke Dinas Sosial untuk diverifikasi.`,
      "Buka tautan berikut untuk mengonfirmasi alamat email Anda, lalu masuk:",
      input.link,
      `Tautan berlaku sampai ${jakartaTime(input.expiresAt)}.`,
      "",
      "Open the link above to confirm your email address, then sign in.",
    ].join("\n"),
  };
}

export function lksDecisionEmail(input: { tenantId: string; to: string; lksName: string; verified: boolean; comments: { field: string; message: string }[]; link: string }): OutgoingEmail {
  return {
    tenantId: input.tenantId,
    recipient: input.to,
    subject: input.verified ? `${input.lksName} telah terdaftar` : `Pendaftaran ${input.lksName} perlu diperbaiki`,
    body: (input.verified
      ? [`Dinas Sosial telah memverifikasi ${input.lksName}. Tanda daftar tercatat di Akrab.`]
      : [`Dinas Sosial mengembalikan pendaftaran ${input.lksName} untuk diperbaiki:`, ...input.comments.map((c) => `- ${c.field}: ${c.message}`)]
    )
      .concat(["", `Lihat di Akrab: ${input.link}`])
      .join("\n"),
  };
}

export function expiryReminderEmail(input: { tenantId: string; to: string; lksName: string; document: string; expiresOn: string; days: number }): OutgoingEmail {
  return {
    tenantId: input.tenantId,
    recipient: input.to,
    subject: `${input.document} ${input.lksName} berakhir dalam ${input.days} hari`,
    body: [
      `${input.document} ${input.lksName} berakhir pada ${input.expiresOn}. Ajukan perpanjangan ke Dinas Sosial sebelum tanggal tersebut.`,
      "",
      `The ${input.document} of ${input.lksName} expires on ${input.expiresOn}.`,
    ].join("\n"),
  };
}

export function applicationMovedEmail(input: { tenantId: string; to: string; lksName: string; stepLabel: string; actionLabel: string; comment: string | null; items: { ref: string; message: string }[]; link: string }): OutgoingEmail {
  return {
    tenantId: input.tenantId,
    recipient: input.to,
    subject: `Permohonan akreditasi ${input.lksName}: ${input.stepLabel}`,
    body: [
      `Permohonan akreditasi ${input.lksName} kini berada pada tahap: ${input.stepLabel} (${input.actionLabel}).`,
      ...(input.comment ? ["", `Catatan: ${input.comment}`] : []),
      ...(input.items.length > 0 ? ["", "Yang perlu diperbaiki:", ...input.items.map((i) => `- ${i.ref}: ${i.message}`)] : []),
      "",
      `Lihat di Akrab: ${input.link}`,
    ].join("\n"),
  };
}

export function slaReminderEmail(input: { tenantId: string; to: string; lksName: string; stepLabel: string; dueAt: string; escalated: boolean; link: string }): OutgoingEmail {
  return {
    tenantId: input.tenantId,
    recipient: input.to,
    subject: `${input.escalated ? "[Eskalasi] " : ""}Lewat tenggat: ${input.lksName} — ${input.stepLabel}`,
    body: [
      `Permohonan akreditasi ${input.lksName} pada tahap ${input.stepLabel} melewati tenggat ${jakartaTime(input.dueAt)}.`,
      input.escalated ? "Pesan ini diteruskan kepada Kepala Dinsos karena tenggat telah lama terlewati." : "Mohon segera ditindaklanjuti.",
      "",
      `Buka: ${input.link}`,
    ].join("\n"),
  };
}
