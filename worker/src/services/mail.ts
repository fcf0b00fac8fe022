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
