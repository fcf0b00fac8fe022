/**
 * DRAFTED FROM PUBLIC SOURCES — NOT THE OFFICIAL BALKS INSTRUMENT.
 *
 * The shorter seeded instruments for LKS serving older people (LKS-LU), persons with
 * disabilities (LKSPD), and the other groups an LKS serves (people recovering from drug use,
 * LKS-NAPZA; people living with HIV, LKS-ODHA; others, LKS-LAIN: one general instrument), following the national LKS standard (Permensos 5/2024, which replaced
 * 22/2016) on the six standards of the accreditation regulations, with indicators particular to
 * each group (geriatric care and end of life; assistive devices, accessibility and vocational
 * rehabilitation; for the general one, health care and treatment adherence, consent and
 * confidentiality of a client's status, and return to family, school or work). The 2025 edition adds the safeguarding indicators the 2025 policy names
 * (abuse and neglect, sexual violence, intolerance) and reweights towards the service process.
 * Weights, cut-offs and grade bands are a configurable default (see CONFIGURABLE_DEFAULT_LABEL).
 */
import type { LksType } from "../../registry/vocabulary.ts";
import { buildInstrument, doc, photo, type IndicatorSpec, type InstrumentSpec } from "./build.ts";

type Group = "LKS-LU" | "LKSPD" | "general";
type Edition = 2012 | 2025;

function spec(group: Group, edition: Edition): InstrumentSpec {
  const y25 = edition === 2025;
  /** Who the LKS serves, in running text, and in a sentence's first word. */
  const k: [string, string] = {
    "LKS-LU": ["lanjut usia", "older people"] as [string, string],
    LKSPD: ["penyandang disabilitas", "persons with disabilities"] as [string, string],
    general: ["penerima layanan", "clients"] as [string, string],
  }[group];
  const served: [string, string] = {
    "LKS-LU": ["Lansia", "Older people are"] as [string, string],
    LKSPD: ["Penyandang disabilitas", "Persons with disabilities are"] as [string, string],
    general: ["Penerima layanan", "Clients are"] as [string, string],
  }[group];
  const only25 = (...items: IndicatorSpec[]) => (y25 ? items : []);
  const specific = (forLu: IndicatorSpec, forPd: IndicatorSpec, forOthers: IndicatorSpec) =>
    group === "LKS-LU" ? forLu : group === "LKSPD" ? forPd : forOthers;

  return {
    "1": [
      {
        name: ["Legalitas dan program", "Legal status and programme"],
        indicators: [
          {
            key: "legalitas",
            text: [
              "Lembaga berbadan hukum, terdaftar dan berizin operasional yang berlaku",
              "The institution is a legal entity, registered, with a valid operating permit",
            ],
            guidance: ["Periksa akta, tanda daftar dan izin", "Check the deed, registration and permit"],
            weight: 3,
            scale: "doc",
            evidence: [doc("akta_pendirian"), doc("tanda_daftar"), doc("izin_operasional")],
          },
          {
            key: "program_kerja",
            text: [`Program kerja tahunan untuk layanan ${k[0]}`, `A yearly work programme for services to ${k[1]}`],
            guidance: ["Sasaran, kegiatan, jadwal, anggaran", "Targets, activities, schedule, budget"],
            weight: 2,
            scale: "doc",
            evidence: [doc("program_kerja")],
          },
          specific(
            {
              key: "program_lansia",
              text: [
                "Program layanan lansia: perawatan, aktivitas bermakna, pendampingan spiritual",
                "Services for older people: care, meaningful activity, spiritual support",
              ],
              guidance: ["Lihat jadwal harian", "See the daily timetable"],
              weight: 3,
              scale: "practice",
            },
            {
              key: "program_rehabilitasi",
              text: [
                "Program rehabilitasi sosial dan vokasional sesuai ragam disabilitas",
                "Social and vocational rehabilitation fit for each kind of disability",
              ],
              guidance: ["Lihat jadwal pelatihan dan hasil karya", "See the training timetable and work produced"],
              weight: 3,
              scale: "practice",
            },
            {
              key: "program_layanan",
              text: [
                "Program rehabilitasi sosial sesuai kebutuhan penerima layanan: pendampingan, konseling, kelompok dukungan, rujukan",
                "Social rehabilitation fit for the clients' needs: case work, counselling, support groups, referral",
              ],
              guidance: [
                "Lihat jadwal kegiatan dan rencana per penerima layanan",
                "See the timetable and each client's plan",
              ],
              weight: 3,
              scale: "practice",
            },
          ),
          {
            key: "partisipasi",
            text: [
              `Pendapat ${k[0]} didengar dalam perencanaan layanan`,
              `The views of ${k[1]} are heard in planning services`,
            ],
            guidance: ["Wawancarai tiga penerima layanan", "Interview three clients"],
            weight: 2,
            scale: "practice",
          },
        ],
      },
    ],
    "2": [
      {
        name: ["Asesmen dan rencana layanan", "Assessment and service plan"],
        indicators: [
          {
            key: "asesmen",
            text: [
              "Setiap penerima layanan diasesmen dan memiliki rencana layanan individual",
              "Every client is assessed and has an individual service plan",
            ],
            guidance: ["Sampel 10 berkas", "Sample 10 files"],
            weight: 3,
            scale: "coverage",
            evidence: [doc("daftar_klien")],
          },
          {
            key: "berkas_kasus",
            text: [
              "Berkas kasus lengkap dan catatan perkembangan bulanan",
              "Complete case files and monthly progress notes",
            ],
            guidance: ["Periksa tiga bulan terakhir", "Check the last three months"],
            weight: y25 ? 3 : 2,
            scale: "coverage",
          },
          specific(
            {
              key: "perawatan_geriatri",
              text: [
                "Perawatan geriatri: obat, mobilitas, pencegahan jatuh dan luka tekan",
                "Geriatric care: medication, mobility, preventing falls and pressure sores",
              ],
              guidance: ["Amati lansia yang terbaring", "Observe bedridden residents"],
              weight: 3,
              scale: "practice",
              onSite: true,
            },
            {
              key: "alat_bantu",
              text: [
                "Penerima layanan memiliki alat bantu sesuai kebutuhan (kursi roda, alat bantu dengar, tongkat)",
                "Clients have the assistive devices they need (wheelchair, hearing aid, cane)",
              ],
              guidance: ["Cocokkan asesmen dengan alat yang dipakai", "Match the assessment with the devices in use"],
              weight: 3,
              scale: "coverage",
              onSite: true,
            },
            {
              key: "akses_kesehatan",
              text: [
                "Penerima layanan mendapat layanan kesehatan dan pengobatannya terpantau (misalnya terapi ARV, rehabilitasi medis)",
                "Clients get health care and their treatment is followed (e.g. ARV therapy, medical rehabilitation)",
              ],
              guidance: [
                "Cocokkan catatan rujukan dengan kartu berobat",
                "Match referral records with treatment cards",
              ],
              weight: 3,
              scale: "coverage",
              onSite: true,
            },
          ),
          {
            key: "kontak_keluarga",
            text: ["Hubungan dengan keluarga dijaga (kunjungan, telepon)", "Family contact is kept (visits, calls)"],
            guidance: ["Lihat buku kunjungan", "See the visitors' book"],
            weight: 2,
            scale: "practice",
          },
        ],
      },
      {
        name: ["Perlindungan", "Safeguarding"],
        indicators: [
          {
            key: "kebijakan_perlindungan",
            text: [
              "Kebijakan perlindungan tertulis dan mekanisme pengaduan yang diketahui penerima layanan",
              "A written safeguarding policy and a complaints channel clients know about",
            ],
            guidance: ["Tanyakan kepada penerima layanan ke mana mengadu", "Ask clients whom they would tell"],
            weight: 3,
            scale: "safeguarding",
            safeguarding: true,
          },
          ...only25(
            {
              key: "kekerasan_penelantaran",
              text: [
                `${served[0]} bebas dari kekerasan, perundungan dan penelantaran`,
                `${served[1]} free from abuse, bullying and neglect`,
              ],
              guidance: [
                "Wawancara tanpa staf; periksa tanda luka dan buku kejadian",
                "Interview without staff; look for injuries and the incident log",
              ],
              weight: 4,
              scale: "safeguarding",
              onSite: true,
              safeguarding: true,
            },
            {
              key: "kekerasan_seksual",
              text: [
                "Penerima layanan terlindungi dari kekerasan seksual (kamar terpisah, pendamping sesama jenis)",
                "Clients are protected from sexual violence (separate rooms, same-sex carers for intimate care)",
              ],
              guidance: [
                "Periksa pembagian kamar dan jadwal perawatan pribadi",
                "Check room allocation and personal-care rota",
              ],
              weight: 4,
              scale: "safeguarding",
              onSite: true,
              safeguarding: true,
            },
            {
              key: "intoleransi",
              text: ["Tidak ada pemaksaan keyakinan atau diskriminasi", "No forced belief or discrimination"],
              guidance: ["Periksa aturan rumah", "Check the house rules"],
              weight: 4,
              scale: "safeguarding",
              safeguarding: true,
            },
          ),
          specific(
            {
              key: "akhir_hayat",
              text: [
                "Pendampingan akhir hayat dan pemakaman yang bermartabat",
                "Dignified end-of-life care and burial",
              ],
              guidance: ["Lihat SOP dan catatan kematian", "See the procedure and death records"],
              weight: 2,
              scale: "practice",
            },
            {
              key: "pengambilan_keputusan",
              text: [
                "Penerima layanan didukung mengambil keputusan sendiri (bukan digantikan)",
                "Clients are supported to make their own decisions (not replaced)",
              ],
              guidance: [
                "Lihat persetujuan yang ditandatangani penerima layanan",
                "See consents signed by the clients",
              ],
              weight: 2,
              scale: "practice",
            },
            {
              key: "kerahasiaan_status",
              text: [
                "Persetujuan penerima layanan diminta dan status pribadinya (status HIV, riwayat NAPZA) dirahasiakan",
                "Clients' consent is asked and their personal status (HIV status, drug history) kept confidential",
              ],
              guidance: [
                "Lihat formulir persetujuan dan siapa yang dapat membuka berkas",
                "See the consent forms and who can open the files",
              ],
              weight: 2,
              scale: "practice",
            },
          ),
        ],
      },
    ],
    "3": [
      {
        name: ["Organisasi, administrasi dan keuangan", "Organisation, administration and finance"],
        indicators: [
          {
            key: "struktur",
            text: [
              "Struktur organisasi dan pembagian tugas tertulis",
              "A written organisation chart and division of duties",
            ],
            guidance: ["Bandingkan dengan yang bertugas", "Compare with who is on duty"],
            weight: 1,
            scale: "doc",
            evidence: [doc("struktur_pengurus")],
          },
          {
            key: "sop",
            text: [
              "SOP penerimaan, layanan, rujukan dan pengakhiran",
              "Procedures for admission, service, referral and leaving",
            ],
            guidance: ["Periksa pengesahan", "Check approvals"],
            weight: 2,
            scale: "doc",
          },
          {
            key: "keuangan",
            text: ["Pembukuan tertib dan laporan keuangan tahunan", "Orderly books and a yearly financial report"],
            guidance: ["Telusuri tiga transaksi", "Trace three transactions"],
            weight: 2,
            scale: "doc",
            evidence: [doc("laporan_kegiatan")],
          },
          {
            key: "kemitraan",
            text: [
              "Kemitraan dengan puskesmas/rumah sakit dan keterlibatan masyarakat",
              "Partnerships with health centres/hospitals and community involvement",
            ],
            guidance: ["Minta MoU", "Ask for agreements"],
            weight: 1,
            scale: "practice",
          },
        ],
      },
    ],
    "4": [
      {
        name: ["Sumber daya manusia", "Staffing"],
        indicators: [
          {
            key: "pekerja_sosial",
            text: [
              "Ada pekerja sosial profesional atau tenaga kesejahteraan sosial",
              "A professional social worker or social-welfare worker is on staff",
            ],
            guidance: ["Periksa ijazah atau sertifikat", "Check diplomas or certificates"],
            weight: 3,
            scale: "staff",
            evidence: [doc("daftar_sdm")],
          },
          {
            key: "pendamping_terlatih",
            text: {
              "LKS-LU": ["Pramu lansia terlatih perawatan lansia", "Carers trained in elderly care"] as [
                string,
                string,
              ],
              LKSPD: [
                "Pendamping terlatih bahasa isyarat, orientasi mobilitas atau sesuai ragam disabilitas",
                "Carers trained in sign language, orientation and mobility, or as the disabilities require",
              ] as [string, string],
              general: [
                "Pendamping terlatih konseling adiksi, pendampingan ODHA atau sesuai kebutuhan penerima layanan",
                "Carers trained in addiction counselling, HIV support or as the clients need",
              ] as [string, string],
            }[group],
            guidance: ["Hitung sertifikat pelatihan", "Count training certificates"],
            weight: 2,
            scale: "staff",
          },
          {
            key: "rasio",
            text: [
              "Rasio pendamping dan penerima layanan memadai, termasuk malam hari",
              "Enough carers per client, nights included",
            ],
            guidance: ["Hitung per giliran", "Count per shift"],
            weight: 3,
            scale: [
              ["Lebih dari 1 : 20, atau giliran tanpa pendamping", "Over 1 : 20, or a shift without a carer"],
              ["1 : 16–20", "1 : 16–20"],
              ["1 : 11–15", "1 : 11–15"],
              ["1 : 6–10 (1 : 3 untuk yang terbaring)", "1 : 6–10 (1 : 3 for the bedridden)"],
              ["1 : 5 atau lebih baik", "1 : 5 or better"],
            ],
            onSite: true,
          },
          {
            key: "supervisi",
            text: ["Supervisi dan pelatihan staf berkala", "Regular supervision and training of staff"],
            guidance: ["Lihat catatan supervisi", "See supervision notes"],
            weight: 1,
            scale: "practice",
          },
        ],
      },
    ],
    "5": [
      {
        name: ["Sarana dan prasarana", "Facilities"],
        indicators: [
          {
            key: "kamar_tidur",
            text: [
              "Kamar tidur layak, terpisah laki-laki dan perempuan",
              "Decent sleeping rooms, separate for men and women",
            ],
            guidance: ["Ukur luas per orang", "Measure space per person"],
            weight: 3,
            scale: "facility",
            onSite: true,
            evidence: [photo("foto_kamar_tidur", ["Foto kamar tidur", "Photo of the sleeping rooms"])],
          },
          {
            key: "aksesibilitas",
            text: [
              "Bangunan aksesibel: ramp, pegangan, toilet duduk, jalur pemandu",
              "An accessible building: ramps, handrails, sitting toilets, guiding paths",
            ],
            guidance: ["Coba jalur dari pintu ke kamar dan toilet", "Try the way from the door to rooms and toilets"],
            weight: 3,
            scale: "facility",
            onSite: true,
            evidence: [photo("foto_aksesibilitas", ["Foto ramp dan pegangan", "Photo of ramps and handrails"])],
          },
          {
            key: "toilet",
            text: ["Toilet dan kamar mandi cukup dan aman", "Enough safe toilets and bathrooms"],
            guidance: ["Lantai tidak licin", "Floors not slippery"],
            weight: 2,
            scale: "facility",
            onSite: true,
          },
          {
            key: "ruang_kesehatan",
            text: ["Ruang kesehatan dan obat-obatan dasar", "A health room and basic medicines"],
            guidance: ["Periksa kedaluwarsa", "Check expiry dates"],
            weight: 2,
            scale: "facility",
            onSite: true,
          },
          {
            key: "ruang_bersama",
            text: [
              "Ruang tamu, ruang ibadah dan ruang kegiatan bersama",
              "A guest room, prayer room and shared activity room",
            ],
            guidance: ["Amati pemakaian", "Observe how they are used"],
            weight: 1,
            scale: "facility",
            onSite: true,
          },
          {
            key: "pangan",
            text: [
              "Makanan bergizi sesuai kebutuhan diet (lunak, rendah garam) dan persediaan cukup",
              "Nutritious food fit for diets (soft, low-salt) and enough stock",
            ],
            guidance: ["Bandingkan menu dengan asesmen", "Compare the menu with the assessments"],
            weight: 2,
            scale: "practice",
            onSite: true,
          },
        ],
      },
    ],
    "6": [
      {
        name: ["Hasil layanan", "Outcomes"],
        indicators: [
          {
            key: "kesehatan",
            text: [
              "Kondisi kesehatan penerima layanan terpantau dan terjaga",
              "Clients' health is monitored and maintained",
            ],
            guidance: ["Lihat catatan pemeriksaan", "See health-check records"],
            weight: 2,
            scale: "coverage",
          },
          specific(
            {
              key: "kualitas_hidup",
              text: [
                "Lansia aktif dalam kegiatan harian sesuai kemampuan",
                "Older people take part in daily activities as they are able",
              ],
              guidance: ["Amati dan wawancarai", "Observe and interview"],
              weight: 2,
              scale: "coverage",
            },
            {
              key: "kemandirian",
              text: [
                "Penerima layanan meningkat kemandiriannya (bekerja, usaha, kembali ke keluarga)",
                "Clients grow more independent (work, business, back to family)",
              ],
              guidance: ["Hitung tiga tahun terakhir", "Count the last three years"],
              weight: 3,
              scale: "coverage",
            },
            {
              key: "keberfungsian_sosial",
              text: [
                "Penerima layanan kembali berfungsi sosial (kembali ke keluarga, sekolah atau kerja) dan dipantau setelah keluar",
                "Clients regain their social functioning (back to family, school or work) and are followed after leaving",
              ],
              guidance: [
                "Hitung tiga tahun terakhir dan lihat catatan tindak lanjut",
                "Count the last three years and see follow-up notes",
              ],
              weight: 3,
              scale: "coverage",
            },
          ),
          {
            key: "reunifikasi",
            text: [
              "Penerima layanan kembali ke keluarga atau masyarakat bila memungkinkan",
              "Clients return to family or community where possible",
            ],
            guidance: ["Lihat data keluar", "See leaving data"],
            weight: y25 ? 3 : 2,
            scale: "coverage",
          },
          {
            key: "kepuasan",
            text: [
              "Kepuasan penerima layanan dan keluarga diukur dan ditindaklanjuti",
              "Clients' and families' satisfaction is measured and acted on",
            ],
            guidance: ["Minta hasil survei", "Ask for survey results"],
            weight: 1,
            scale: "practice",
          },
        ],
      },
    ],
  };
}

const WEIGHTS_2012 = { "1": 15, "2": 25, "3": 15, "4": 15, "5": 15, "6": 15 };
const WEIGHTS_2025 = { "1": 10, "2": 30, "3": 15, "4": 15, "5": 15, "6": 15 };

function editions(group: Group, lksTypes: LksType[], idPrefix: string, label: [string, string]) {
  const v2012 = buildInstrument({
    id: `${idPrefix}-2012-1`,
    name: [
      `Instrumen akreditasi ${label[0]} (draf bawaan, Permensos 17/2012)`,
      `${label[1]} accreditation instrument (default draft, Permensos 17/2012)`,
    ],
    regulation: "permensos-17-2012",
    lksTypes,
    spec: spec(group, 2012),
    componentWeights: WEIGHTS_2012,
  });
  const v2025 = buildInstrument({
    id: `${idPrefix}-2025-1`,
    name: [
      `Instrumen akreditasi ${label[0]} (draf bawaan, Permensos 8/2025)`,
      `${label[1]} accreditation instrument (default draft, Permensos 8/2025)`,
    ],
    regulation: "permensos-8-2025",
    lksTypes,
    spec: spec(group, 2025),
    componentWeights: WEIGHTS_2025,
    from: v2012,
  });
  return [v2012, v2025] as const;
}

export const [LKS_LU_2012, LKS_LU_2025] = editions("LKS-LU", ["LKS-LU"], "lks-lu", ["LKS-LU", "LKS-LU"]);
export const [LKSPD_2012, LKSPD_2025] = editions("LKSPD", ["LKSPD"], "lkspd", ["LKSPD", "LKSPD"]);
/** One general instrument for the groups without their own (drug use, HIV, others). */
export const [LKS_OTHER_2012, LKS_OTHER_2025] = editions("general", ["LKS-NAPZA", "LKS-ODHA", "LKS-LAIN"], "lks-lain", [
  "LKS-NAPZA, LKS-ODHA dan LKS lainnya",
  "LKS-NAPZA, LKS-ODHA and other LKS",
]);
