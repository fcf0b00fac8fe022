/**
 * Example request bodies for the main operations, by operationId: shown on /api/docs and put in
 * the document. Kept apart from the schemas so adding one touches no route; the contract test
 * checks each against its operation's request schema, so an example cannot drift from the API.
 */
export const REQUEST_EXAMPLES: Record<string, unknown> = {
  "auth.login": { email: "dinsos.kota-tangerang@akrab.test", password: "Akrab-Demo-2026!" },
  "auth.passwordResetRequest": { email: "lks@akrab.test" },
  "invitations.create": { email: "verifikator@dinsos.tangerangkota.go.id", role: "dinsos_verifier" },
  "tenantSignups.create": {
    regionCode: "36.02",
    officeName: "Dinas Sosial Kabupaten Lebak",
    officialEmail: "dinsos@lebakkab.go.id",
    contactName: "Siti Rahmawati",
    contactPhone: "0252 201234",
  },
  "applications.create": {
    lksId: "01J8Z6Q5T0EXAMPLE",
    kind: "first",
    letter: {
      number: "012/PAKB/III/2026",
      date: "2026-03-02",
      signatoryName: "Budi Santoso",
      signatoryPosition: "Ketua",
    },
  },
  "applications.transition": {
    action: "return",
    comment: "Mohon lengkapi dokumen / Please complete the documents",
    items: [{ kind: "document", ref: "npwp", message: "NPWP tidak terbaca / The NPWP scan is unreadable" }],
    expectedVersion: 3,
  },
  "applications.acceptDocument": { expectedVersion: 3 },
  "applications.returnDocument": { comment: "Halaman 2 tidak ada / Page 2 is missing", expectedVersion: 3 },
  "lks.verify": {
    tandaDaftar: {
      number: "460/123/Dinsos/2026",
      issuer: "Dinas Sosial Kota Tangerang",
      issuedAt: "2026-01-10",
      expiresAt: "2031-01-10",
    },
  },
  "lks.return": { comments: [{ field: "npwp", message: "NPWP tidak terbaca / The NPWP is unreadable" }] },
  "members.changeRole": { role: "dinsos_head" },
};
