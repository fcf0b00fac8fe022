/**
 * DRAFTED FROM PUBLIC SOURCES — NOT THE OFFICIAL BALKS INSTRUMENT.
 *
 * The seeded instrument for children's homes (LKSA, panti asuhan). BALKS does not publish its
 * instrument (about 220 items, grounded in the national childcare standard SNPA), its rubrics or
 * weights. This draft follows what public sources name: the six standards of the accreditation
 * regulations, the SNPA's themes (family-based care first, a case file per child, the child's
 * participation), and what field reports and Dinsos pages list as assessed — legal status and
 * permits, caregiving practice, case records per client, facilities (guest room, office, prayer
 * room, toilets, health room, sleeping rooms), programmes for clients, staff qualifications and
 * ratio, administration and finance, food security, community involvement and partnerships, and
 * outcomes such as reunification and schooling. The 2025 edition adds the harms the 2025 policy
 * names (bullying, sexual violence, intolerance) and children in danger as safeguarding
 * indicators, and moves weight towards the service process and outcomes.
 * Weights, cut-offs and grade bands are a configurable default (see CONFIGURABLE_DEFAULT_LABEL).
 */
import { buildInstrument, doc, photo, type AspectSpec, type IndicatorSpec, type InstrumentSpec } from "./build.ts";

type Edition = 2012 | 2025;

function spec(edition: Edition): InstrumentSpec {
  const y25 = edition === 2025;
  /** A weight that the 2025 edition changed. */
  const w = (w2012: number, w2025: number) => (y25 ? w2025 : w2012);
  const only25 = (...items: IndicatorSpec[]) => (y25 ? items : []);

  const standard1: AspectSpec[] = [
    {
      name: ["Legalitas dan perizinan", "Legal status and permits"],
      indicators: [
        {
          key: "akta",
          text: [
            "LKSA berbadan hukum dengan akta pendirian dan pengesahan Kemenkumham",
            "The LKSA is a legal entity with a deed of establishment approved by the Ministry of Law",
          ],
          guidance: [
            "Periksa akta notaris, perubahan terakhir dan SK Kemenkumham",
            "Check the notarial deed, its latest amendment and the Ministry of Law decree",
          ],
          weight: 2,
          scale: "doc",
          evidence: [doc("akta_pendirian"), doc("sk_kemenkumham")],
        },
        {
          key: "tanda_daftar",
          text: [
            "LKSA memiliki tanda daftar yang masih berlaku dari Dinas Sosial",
            "The LKSA holds a valid registration certificate from the Dinsos",
          ],
          guidance: [
            "Cocokkan nama, alamat dan masa berlaku dengan data Dinsos",
            "Match name, address and validity with the Dinsos's records",
          ],
          weight: 2,
          scale: "doc",
          evidence: [doc("tanda_daftar")],
        },
        {
          key: "izin_operasional",
          text: [
            "LKSA memiliki izin operasional pengasuhan dalam panti yang masih berlaku (diperbarui tiap 5 tahun)",
            "The LKSA holds a valid operating permit for residential care (renewed every 5 years)",
          ],
          guidance: [
            "Periksa masa berlaku dan catatan teguran dari Dinsos",
            "Check its validity and any warnings from the Dinsos",
          ],
          weight: 3,
          scale: "doc",
          evidence: [doc("izin_operasional")],
        },
        {
          key: "npwp_rekening",
          text: [
            "LKSA memiliki NPWP dan rekening bank atas nama lembaga",
            "The LKSA has a tax number and a bank account in its own name",
          ],
          guidance: ["Rekening pribadi pengurus tidak memenuhi", "A board member's personal account does not count"],
          weight: 1,
          scale: "doc",
          evidence: [doc("npwp"), doc("rekening_bank")],
        },
        {
          key: "adart",
          text: [
            "AD/ART lembaga memuat tujuan kesejahteraan anak dan sejalan dengan Pancasila",
            "The statutes set out child-welfare aims in line with Pancasila",
          ],
          guidance: [
            "Baca tujuan, organ dan mekanisme pergantian pengurus",
            "Read the aims, bodies and how the board is renewed",
          ],
          weight: 1,
          scale: "doc",
          evidence: [doc("adart", ["AD/ART lembaga", "Statutes (AD/ART)"])],
        },
      ],
    },
    {
      name: ["Visi, misi dan rencana program", "Vision, mission and programme plan"],
      indicators: [
        {
          key: "visi_misi",
          text: [
            "Visi dan misi tertulis, berpusat pada kepentingan terbaik anak, dan diketahui staf",
            "A written vision and mission centred on the child's best interest, known to staff",
          ],
          guidance: ["Tanyakan kepada dua staf pengasuh", "Ask two caregivers"],
          weight: 1,
          scale: "doc",
        },
        {
          key: "program_kerja",
          text: [
            "Program kerja tahunan dengan sasaran, kegiatan, jadwal dan anggaran",
            "A yearly work programme with targets, activities, schedule and budget",
          ],
          guidance: [
            "Bandingkan program tahun lalu dengan laporannya",
            "Compare last year's programme with its report",
          ],
          weight: 2,
          scale: "doc",
          evidence: [doc("program_kerja")],
        },
        {
          key: "pengasuhan_keluarga",
          text: [
            "Program mengutamakan pengasuhan berbasis keluarga; panti adalah pilihan terakhir",
            "The programme puts family-based care first; the institution is the last resort",
          ],
          guidance: [
            "Cari bukti upaya penguatan keluarga sebelum anak diterima",
            "Look for efforts to strengthen the family before a child is admitted",
          ],
          weight: 3,
          scale: "practice",
        },
        {
          key: "evaluasi_program",
          text: [
            "Program dievaluasi setiap tahun dan hasilnya dipakai untuk perencanaan",
            "The programme is evaluated every year and the results feed planning",
          ],
          guidance: ["Minta laporan evaluasi terakhir", "Ask for the latest evaluation report"],
          weight: 1,
          scale: "practice",
          evidence: [doc("laporan_kegiatan")],
        },
      ],
    },
    {
      name: ["Program layanan bagi anak", "Programmes for the children"],
      indicators: [
        {
          key: "program_pendidikan",
          text: [
            "Program dukungan pendidikan: sekolah formal, bimbingan belajar dan perlengkapan sekolah",
            "Education support: formal schooling, tutoring and school supplies",
          ],
          guidance: [
            "Lihat jadwal belajar dan daftar sekolah anak",
            "See the study timetable and the children's schools",
          ],
          weight: 2,
          scale: "practice",
        },
        {
          key: "program_keterampilan",
          text: [
            "Program keterampilan hidup dan vokasi sesuai usia",
            "Life-skills and vocational programmes fit for age",
          ],
          guidance: ["Tanyakan kepada anak usia 15 tahun ke atas", "Ask children aged 15 and over"],
          weight: 1,
          scale: "practice",
        },
        {
          key: "program_rekreasi",
          text: [
            "Kegiatan bermain, olahraga, seni dan rekreasi terjadwal",
            "Scheduled play, sport, arts and recreation",
          ],
          guidance: ["Lihat jadwal mingguan dan foto kegiatan", "See the weekly timetable and photos of activities"],
          weight: 1,
          scale: "practice",
          evidence: [photo("foto_kegiatan_anak", ["Foto kegiatan anak", "Photos of children's activities"])],
        },
        {
          key: "program_keagamaan",
          text: ["Bimbingan keagamaan sesuai agama masing-masing anak", "Religious guidance in each child's own faith"],
          guidance: [
            "Anak berbeda agama mendapat pembimbing agamanya sendiri",
            "A child of another faith has a guide of that faith",
          ],
          weight: 1,
          scale: "practice",
        },
        {
          key: "program_psikososial",
          text: [
            "Dukungan psikososial dan konseling bagi anak yang membutuhkan",
            "Psychosocial support and counselling for children who need it",
          ],
          guidance: [
            "Periksa rujukan ke psikolog atau pekerja sosial",
            "Check referrals to a psychologist or social worker",
          ],
          weight: w(1, 2),
          scale: "practice",
        },
        {
          key: "partisipasi_anak",
          text: [
            "Anak didengar pendapatnya dalam keputusan yang menyangkut dirinya (forum anak)",
            "Children are heard on decisions about them (children's forum)",
          ],
          guidance: ["Lihat notulen forum anak", "See the minutes of the children's forum"],
          weight: 2,
          scale: "practice",
        },
      ],
    },
  ];

  const standard2: AspectSpec[] = [
    {
      name: ["Penerimaan dan asesmen", "Admission and assessment"],
      indicators: [
        {
          key: "prosedur_penerimaan",
          text: [
            "Penerimaan anak melalui prosedur tertulis dengan rujukan atau persetujuan Dinsos",
            "Children are admitted by a written procedure with a Dinsos referral or approval",
          ],
          guidance: ["Periksa tiga berkas anak yang masuk terakhir", "Check the files of the three latest admissions"],
          weight: 2,
          scale: "practice",
          evidence: [doc("sop_penerimaan", ["SOP penerimaan anak", "Admission procedure"])],
        },
        {
          key: "asesmen_awal",
          text: [
            "Setiap anak diasesmen (keluarga, kesehatan, pendidikan, psikososial) sebelum atau saat masuk",
            "Every child is assessed (family, health, education, psychosocial) before or on admission",
          ],
          guidance: ["Hitung berkas dengan asesmen lengkap", "Count the files with a complete assessment"],
          weight: 3,
          scale: "coverage",
        },
        {
          key: "persetujuan_wali",
          text: [
            "Ada persetujuan tertulis orang tua/wali atau penetapan yang sah untuk setiap anak",
            "Written consent of the parent/guardian, or a lawful order, for every child",
          ],
          guidance: ["Sampel minimal 10 berkas", "Sample at least 10 files"],
          weight: 2,
          scale: "coverage",
        },
        {
          key: "identitas_anak",
          text: [
            "Setiap anak memiliki akta kelahiran, KK/NIK dan kartu jaminan kesehatan",
            "Every child has a birth certificate, family card/NIK and health insurance card",
          ],
          guidance: ["Bantu pengurusan dokumen yang belum ada", "Help obtain documents still missing"],
          weight: 2,
          scale: "coverage",
        },
      ],
    },
    {
      name: ["Praktik pengasuhan", "Caregiving practice"],
      indicators: [
        {
          key: "rencana_pengasuhan",
          text: [
            "Setiap anak memiliki rencana pengasuhan individual yang ditinjau minimal 6 bulan sekali",
            "Every child has an individual care plan reviewed at least every 6 months",
          ],
          guidance: [
            "Bandingkan tanggal tinjauan dengan catatan perkembangan",
            "Compare review dates with the progress notes",
          ],
          weight: 3,
          scale: "coverage",
        },
        {
          key: "pengasuh_utama",
          text: ["Setiap anak memiliki pengasuh utama yang dikenalnya", "Every child has a main caregiver they know"],
          guidance: ["Tanyakan kepada anak siapa pengasuhnya", "Ask the children who their caregiver is"],
          weight: 2,
          scale: "coverage",
          onSite: true,
        },
        {
          key: "disiplin_positif",
          text: [
            "Pengasuhan memakai disiplin positif; tanpa hukuman fisik atau merendahkan",
            "Care uses positive discipline; no physical or humiliating punishment",
          ],
          guidance: [
            "Amati interaksi pengasuh dan anak; wawancarai anak tanpa pengasuh",
            "Watch caregivers with children; interview children without caregivers present",
          ],
          weight: 3,
          scale: "practice",
          onSite: true,
        },
        {
          key: "kontak_keluarga",
          text: [
            "Anak dapat berhubungan dengan keluarganya (kunjungan, telepon, pulang berkala)",
            "Children keep contact with their families (visits, calls, home stays)",
          ],
          guidance: ["Lihat buku kunjungan", "See the visitors' book"],
          weight: 2,
          scale: "practice",
        },
        {
          key: "kebutuhan_harian",
          text: [
            "Kebutuhan harian anak (pakaian, perlengkapan mandi, uang saku) terpenuhi secara layak",
            "Children's daily needs (clothes, toiletries, pocket money) are decently met",
          ],
          guidance: ["Periksa lemari anak secara acak", "Check children's wardrobes at random"],
          weight: 1,
          scale: "practice",
          onSite: true,
        },
        {
          key: "privasi_anak",
          text: [
            "Privasi anak dihormati: barang pribadi, surat dan data",
            "Children's privacy is respected: belongings, letters and data",
          ],
          guidance: [
            "Foto anak tidak dipublikasikan tanpa izin",
            "Photos of children are not published without consent",
          ],
          weight: 1,
          scale: "practice",
        },
      ],
    },
    {
      name: ["Catatan kasus per anak", "Case records per child"],
      indicators: [
        {
          key: "berkas_kasus",
          text: [
            "Setiap anak memiliki berkas kasus yang lengkap dan terkini",
            "Every child has a complete, current case file",
          ],
          guidance: [
            "Isi: identitas, asesmen, rencana, catatan perkembangan, rujukan",
            "Contents: identity, assessment, plan, progress notes, referrals",
          ],
          weight: w(2, 3),
          scale: "coverage",
          evidence: [doc("daftar_klien")],
        },
        {
          key: "catatan_perkembangan",
          text: [
            "Catatan perkembangan anak ditulis minimal sebulan sekali",
            "Progress notes are written at least monthly",
          ],
          guidance: ["Periksa catatan tiga bulan terakhir", "Check the last three months' notes"],
          weight: 2,
          scale: "coverage",
        },
        {
          key: "kerahasiaan_berkas",
          text: [
            "Berkas kasus disimpan aman dan hanya diakses petugas berwenang",
            "Case files are kept safe and seen only by authorised staff",
          ],
          guidance: [
            "Lihat lemari berkunci atau sistem dengan kata sandi",
            "See the locked cabinet or password-protected system",
          ],
          weight: 1,
          scale: "practice",
          onSite: true,
        },
      ],
    },
    {
      name: ["Perlindungan anak", "Child safeguarding"],
      indicators: [
        ...only25({
          key: "anak_dalam_bahaya",
          text: [
            "Tidak ada anak dalam situasi berbahaya; situasi darurat ditangani segera dan dilaporkan",
            "No child is in a dangerous situation; emergencies are handled at once and reported",
          ],
          guidance: [
            "Temuan anak dalam bahaya menghentikan penilaian dan dilaporkan ke Dinsos dan BALKS",
            "A child found in danger stops the assessment and is reported to the Dinsos and BALKS",
          ],
          weight: 4,
          scale: "safeguarding",
          onSite: true,
          safeguarding: true,
        }),
        {
          key: "kebijakan_perlindungan",
          text: [
            "Kebijakan perlindungan anak tertulis, ditandatangani seluruh staf dan relawan",
            "A written child-protection policy signed by all staff and volunteers",
          ],
          guidance: [
            "Termasuk kode etik, larangan kontak pribadi, dan prosedur pelaporan",
            "Including a code of conduct, no private contact, and reporting procedure",
          ],
          weight: w(3, 4),
          scale: "safeguarding",
          safeguarding: true,
          evidence: [doc("kebijakan_perlindungan_anak", ["Kebijakan perlindungan anak", "Child-protection policy"])],
        },
        {
          key: "pengaduan",
          text: [
            "Ada mekanisme pengaduan yang aman dan diketahui anak",
            "A safe complaints mechanism that children know about",
          ],
          guidance: ["Tanyakan kepada anak ke mana mereka mengadu", "Ask children whom they would tell"],
          weight: 2,
          scale: "safeguarding",
          safeguarding: true,
          onSite: true,
          evidence: [
            photo("kotak_pengaduan", ["Foto kotak atau papan pengaduan", "Photo of the complaints box or board"]),
          ],
        },
        ...only25(
          {
            key: "perundungan",
            text: [
              "Anak bebas dari perundungan; kejadian dicegah, ditangani dan dicatat",
              "Children are free from bullying; incidents are prevented, handled and recorded",
            ],
            guidance: [
              "Wawancara kelompok anak tanpa pengasuh; periksa buku kejadian",
              "Group interview with children without caregivers; check the incident log",
            ],
            weight: 4,
            scale: "safeguarding",
            onSite: true,
            safeguarding: true,
          },
          {
            key: "kekerasan_seksual",
            text: [
              "Anak terlindungi dari kekerasan seksual: pemisahan kamar, pengawasan malam, skrining staf",
              "Children are protected from sexual violence: separate rooms, night supervision, staff screening",
            ],
            guidance: ["Periksa SKCK staf dan jadwal jaga malam", "Check staff police certificates and the night rota"],
            weight: 4,
            scale: "safeguarding",
            onSite: true,
            safeguarding: true,
          },
          {
            key: "intoleransi",
            text: [
              "Tidak ada pemaksaan keyakinan atau diskriminasi; anak dari agama dan suku berbeda diperlakukan setara",
              "No forced belief or discrimination; children of every faith and ethnicity are treated equally",
            ],
            guidance: [
              "Periksa aturan rumah dan wawancarai anak minoritas",
              "Check the house rules and interview minority children",
            ],
            weight: 4,
            scale: "safeguarding",
            safeguarding: true,
          },
        ),
        {
          key: "skrining_staf",
          text: [
            "Staf dan relawan diseleksi dengan pemeriksaan latar belakang (SKCK)",
            "Staff and volunteers are recruited with background checks (police certificate)",
          ],
          guidance: ["Sampel lima berkas staf", "Sample five staff files"],
          weight: w(2, 3),
          scale: "practice",
          safeguarding: y25,
        },
      ],
    },
    {
      name: ["Pengakhiran layanan dan reunifikasi", "Leaving care and reunification"],
      indicators: [
        {
          key: "rencana_reunifikasi",
          text: [
            "Setiap anak memiliki rencana reunifikasi atau pengasuhan alternatif berbasis keluarga",
            "Every child has a plan for reunification or family-based alternative care",
          ],
          guidance: ["Lihat kunjungan rumah dan asesmen keluarga", "See home visits and family assessments"],
          weight: 3,
          scale: "coverage",
        },
        {
          key: "persiapan_mandiri",
          text: [
            "Anak yang akan keluar disiapkan untuk hidup mandiri (pelatihan, tempat tinggal, pekerjaan)",
            "Children about to leave are prepared for independent living (training, housing, work)",
          ],
          guidance: ["Tanyakan kepada anak usia 17 tahun ke atas", "Ask children aged 17 and over"],
          weight: 2,
          scale: "practice",
        },
        {
          key: "pendampingan_pasca",
          text: [
            "Anak yang sudah keluar didampingi minimal 6 bulan",
            "Children who have left are followed for at least 6 months",
          ],
          guidance: ["Lihat catatan kunjungan pasca layanan", "See the after-care visit notes"],
          weight: 2,
          scale: "practice",
        },
      ],
    },
  ];

  const standard3: AspectSpec[] = [
    {
      name: ["Kepengurusan", "Governance"],
      indicators: [
        {
          key: "struktur_organisasi",
          text: [
            "Struktur organisasi dan pembagian tugas tertulis dan dijalankan",
            "A written organisation chart and division of duties that is followed",
          ],
          guidance: [
            "Bandingkan bagan dengan yang bertugas hari itu",
            "Compare the chart with who is on duty that day",
          ],
          weight: 1,
          scale: "doc",
          evidence: [doc("struktur_pengurus")],
        },
        {
          key: "rapat_pengurus",
          text: [
            "Pengurus rapat berkala dan keputusannya dicatat",
            "The board meets regularly and minutes its decisions",
          ],
          guidance: ["Minta notulen empat rapat terakhir", "Ask for the last four meetings' minutes"],
          weight: 1,
          scale: "practice",
        },
        {
          key: "konflik_kepentingan",
          text: [
            "Pemisahan peran pengurus dan pelaksana; konflik kepentingan dikelola",
            "Board and management roles are separate; conflicts of interest are managed",
          ],
          guidance: ["Perhatikan rangkap jabatan bendahara", "Watch for a treasurer holding other posts"],
          weight: 1,
          scale: "practice",
        },
      ],
    },
    {
      name: ["Administrasi", "Administration"],
      indicators: [
        {
          key: "sop_layanan",
          text: [
            "SOP layanan tersedia untuk penerimaan, pengasuhan, rujukan dan pengakhiran",
            "Service procedures exist for admission, care, referral and leaving",
          ],
          guidance: ["Periksa tanggal pengesahan", "Check the approval dates"],
          weight: 2,
          scale: "doc",
        },
        {
          key: "surat_menyurat",
          text: [
            "Administrasi surat, inventaris dan buku tamu tertib",
            "Correspondence, inventory and visitors' book are kept in order",
          ],
          guidance: ["Lihat buku agenda surat dan daftar inventaris", "See the correspondence register and inventory"],
          weight: 1,
          scale: "doc",
        },
        {
          key: "data_anak",
          text: [
            "Data anak dilaporkan ke Dinsos dan diperbarui (SIKS-NG atau sejenis)",
            "Children's data are reported to the Dinsos and kept current (SIKS-NG or similar)",
          ],
          guidance: [
            "Cocokkan jumlah anak hadir dengan data yang dilaporkan",
            "Match the children present with the data reported",
          ],
          weight: 2,
          scale: "doc",
          onSite: true,
        },
        {
          key: "laporan_berkala",
          text: ["Laporan kegiatan disampaikan berkala ke Dinsos", "Activity reports are sent to the Dinsos regularly"],
          guidance: ["Minta tanda terima laporan", "Ask for the receipts of the reports"],
          weight: 1,
          scale: "doc",
          evidence: [doc("laporan_kegiatan")],
        },
      ],
    },
    {
      name: ["Keuangan", "Finance"],
      indicators: [
        {
          key: "pembukuan",
          text: [
            "Pembukuan keuangan tertib dengan bukti transaksi",
            "Orderly bookkeeping with receipts for transactions",
          ],
          guidance: ["Telusuri tiga transaksi acak ke buktinya", "Trace three random transactions to their receipts"],
          weight: 2,
          scale: "practice",
        },
        {
          key: "laporan_keuangan",
          text: [
            "Laporan keuangan tahunan, diaudit atau diperiksa pengawas",
            "A yearly financial report, audited or checked by the supervisory board",
          ],
          guidance: [
            "Audit akuntan publik bila dana di atas ambang",
            "A public accountant's audit above the threshold",
          ],
          weight: 2,
          scale: "doc",
        },
        {
          key: "penggalangan_dana",
          text: [
            "Penggalangan dana berizin dan tidak memakai anak sebagai objek",
            "Fundraising is licensed and does not use children as objects",
          ],
          guidance: ["Periksa izin PUB dan materi promosi", "Check the fundraising permit and promotional material"],
          weight: 2,
          scale: "practice",
        },
        {
          key: "keberlanjutan_dana",
          text: [
            "Sumber dana beragam dan cukup untuk minimal 6 bulan operasional",
            "Diverse funding, enough for at least 6 months of operations",
          ],
          guidance: ["Bandingkan saldo dengan biaya bulanan", "Compare reserves with monthly costs"],
          weight: 1,
          scale: "doc",
        },
      ],
    },
    {
      name: ["Kemitraan dan keterlibatan masyarakat", "Partnerships and community involvement"],
      indicators: [
        {
          key: "kemitraan",
          text: [
            "Kerja sama tertulis dengan sekolah, puskesmas, dan lembaga lain",
            "Written partnerships with schools, health centres and other bodies",
          ],
          guidance: ["Minta MoU yang masih berlaku", "Ask for current agreements"],
          weight: 1,
          scale: "doc",
        },
        {
          key: "keterlibatan_masyarakat",
          text: [
            "Masyarakat sekitar dilibatkan (relawan, RT/RW, tokoh agama)",
            "The neighbourhood is involved (volunteers, RT/RW, religious leaders)",
          ],
          guidance: ["Wawancarai ketua RT setempat", "Interview the local RT head"],
          weight: 1,
          scale: "practice",
        },
        {
          key: "jejaring_rujukan",
          text: [
            "Jejaring rujukan untuk kasus khusus (hukum, kesehatan jiwa, disabilitas)",
            "A referral network for special cases (legal, mental health, disability)",
          ],
          guidance: ["Lihat daftar kontak dan contoh rujukan", "See the contact list and an example referral"],
          weight: 1,
          scale: "practice",
        },
      ],
    },
  ];

  const standard4: AspectSpec[] = [
    {
      name: ["Kualifikasi", "Qualifications"],
      indicators: [
        {
          key: "kepala_lks",
          text: [
            "Kepala LKSA berpendidikan minimal D3/S1 atau berpengalaman 5 tahun di layanan anak",
            "The head holds at least a diploma/degree or has 5 years in child services",
          ],
          guidance: ["Periksa ijazah dan riwayat kerja", "Check diploma and work history"],
          weight: 2,
          scale: "staff",
          evidence: [doc("daftar_sdm")],
        },
        {
          key: "pekerja_sosial",
          text: [
            "Ada pekerja sosial profesional atau tenaga kesejahteraan sosial bersertifikat",
            "A professional social worker or certified social-welfare worker is on staff",
          ],
          guidance: [
            "Sertifikat kompetensi atau ijazah kesejahteraan sosial",
            "Competence certificate or social-welfare degree",
          ],
          weight: 3,
          scale: "staff",
        },
        {
          key: "pengasuh_terlatih",
          text: [
            "Pengasuh telah mengikuti pelatihan pengasuhan anak (SNPA)",
            "Caregivers have been trained in childcare (SNPA)",
          ],
          guidance: ["Hitung sertifikat pelatihan", "Count the training certificates"],
          weight: 2,
          scale: "staff",
        },
      ],
    },
    {
      name: ["Rasio dan beban kerja", "Ratio and workload"],
      indicators: [
        {
          key: "rasio_pengasuh",
          text: [
            "Rasio pengasuh dan anak memadai sesuai usia anak",
            "The caregiver-to-child ratio fits the children's ages",
          ],
          guidance: [
            "Hitung pengasuh per giliran; balita memerlukan rasio lebih kecil",
            "Count caregivers per shift; under-fives need a smaller ratio",
          ],
          weight: 3,
          scale: [
            [
              "Lebih dari 1 : 20, atau tidak ada pengasuh pada suatu giliran",
              "Over 1 : 20, or a shift without a caregiver",
            ],
            ["1 : 16–20", "1 : 16–20"],
            ["1 : 11–15", "1 : 11–15"],
            ["1 : 6–10 (1 : 4 untuk balita)", "1 : 6–10 (1 : 4 for under-fives)"],
            [
              "1 : 5 atau lebih baik, dengan pengasuh tetap per kelompok",
              "1 : 5 or better, with a steady caregiver per group",
            ],
          ],
          onSite: true,
        },
        {
          key: "jadwal_jaga",
          text: ["Jadwal jaga 24 jam, termasuk malam hari", "A 24-hour duty rota, nights included"],
          guidance: ["Periksa jadwal bulan berjalan", "Check this month's rota"],
          weight: 2,
          scale: "doc",
        },
        {
          key: "kesejahteraan_staf",
          text: [
            "Staf menerima honor atau upah yang layak dan jaminan sosial",
            "Staff receive a fair wage and social security",
          ],
          guidance: ["Lihat daftar gaji dan kepesertaan BPJS", "See payroll and BPJS membership"],
          weight: 1,
          scale: "practice",
        },
      ],
    },
    {
      name: ["Pengembangan dan pengawasan", "Development and supervision"],
      indicators: [
        {
          key: "supervisi",
          text: [
            "Supervisi berkala bagi pengasuh oleh pekerja sosial atau kepala",
            "Regular supervision of caregivers by a social worker or the head",
          ],
          guidance: ["Lihat catatan supervisi", "See supervision notes"],
          weight: 2,
          scale: "practice",
        },
        {
          key: "pelatihan_perlindungan",
          text: [
            "Seluruh staf dilatih perlindungan anak minimal sekali setahun",
            "All staff trained in child protection at least yearly",
          ],
          guidance: ["Periksa daftar hadir pelatihan", "Check the training attendance lists"],
          weight: w(2, 3),
          scale: "staff",
        },
        {
          key: "penilaian_kinerja",
          text: ["Kinerja staf dinilai setiap tahun", "Staff performance is appraised every year"],
          guidance: ["Minta contoh penilaian", "Ask for an example appraisal"],
          weight: 1,
          scale: "practice",
        },
      ],
    },
  ];

  const room = (
    key: string,
    text: readonly [string, string],
    guidance: readonly [string, string],
    weight: number,
    shows: readonly [string, string],
  ): IndicatorSpec => ({
    key,
    text,
    guidance,
    weight,
    scale: "facility",
    onSite: true,
    evidence: [photo(`foto_${key}`, [`Foto ${shows[0]}`, `Photo of the ${shows[1]}`])],
  });

  const standard5: AspectSpec[] = [
    {
      name: ["Ruang dan bangunan", "Rooms and buildings"],
      indicators: [
        room(
          "kamar_tidur",
          [
            "Kamar tidur terpisah menurut jenis kelamin dan usia, satu tempat tidur per anak",
            "Sleeping rooms separated by sex and age, one bed per child",
          ],
          ["Ukur luas; minimal 3 m² per anak", "Measure; at least 3 m² per child"],
          3,
          ["kamar tidur", "sleeping rooms"],
        ),
        room(
          "toilet",
          [
            "Toilet dan kamar mandi cukup (1 : 10), terpisah putra dan putri",
            "Enough toilets and bathrooms (1 : 10), separate for boys and girls",
          ],
          ["Periksa kunci pintu dan air bersih", "Check door locks and clean water"],
          2,
          ["toilet dan kamar mandi", "toilets and bathrooms"],
        ),
        room(
          "ruang_kesehatan",
          [
            "Ruang kesehatan dengan kotak P3K dan tempat isolasi anak sakit",
            "A health room with a first-aid kit and a place to isolate a sick child",
          ],
          ["Periksa tanggal kedaluwarsa obat", "Check medicine expiry dates"],
          2,
          ["ruang kesehatan", "health room"],
        ),
        room(
          "ruang_ibadah",
          ["Ruang ibadah yang layak", "A decent prayer room"],
          ["Tersedia untuk agama anak yang ada", "Available for the faiths of the children present"],
          1,
          ["ruang ibadah", "prayer room"],
        ),
        room(
          "ruang_tamu",
          ["Ruang tamu untuk menerima keluarga dan tamu", "A guest room to receive families and visitors"],
          ["Tamu tidak masuk ke kamar anak", "Visitors do not enter children's rooms"],
          1,
          ["ruang tamu", "guest room"],
        ),
        room(
          "ruang_kantor",
          ["Ruang kantor untuk administrasi dan penyimpanan berkas", "An office for administration and keeping files"],
          ["Lihat lemari berkas", "See the file cabinets"],
          1,
          ["ruang kantor", "office"],
        ),
        room(
          "ruang_belajar",
          ["Ruang belajar dengan penerangan dan meja cukup", "A study room with enough light and desks"],
          ["Kunjungi saat jam belajar", "Visit during study hours"],
          2,
          ["ruang belajar", "study room"],
        ),
        room(
          "dapur_ruang_makan",
          ["Dapur bersih dan ruang makan bersama", "A clean kitchen and a shared dining room"],
          ["Periksa penyimpanan bahan makanan", "Check how food is stored"],
          2,
          ["dapur dan ruang makan", "kitchen and dining room"],
        ),
        room(
          "ruang_bermain",
          ["Ruang atau halaman bermain yang aman", "A safe indoor or outdoor play area"],
          ["Periksa permukaan dan pagar", "Check surfaces and fences"],
          1,
          ["area bermain", "play area"],
        ),
      ],
    },
    {
      name: ["Keamanan dan kebersihan", "Safety and hygiene"],
      indicators: [
        {
          key: "keselamatan_kebakaran",
          text: [
            "Alat pemadam api, jalur evakuasi dan latihan kedaruratan",
            "Fire extinguishers, evacuation routes and emergency drills",
          ],
          guidance: ["Periksa tanggal isi ulang APAR", "Check extinguisher refill dates"],
          weight: 2,
          scale: "facility",
          onSite: true,
        },
        {
          key: "air_bersih",
          text: ["Air bersih dan sanitasi memadai", "Adequate clean water and sanitation"],
          guidance: ["Lihat sumber air dan saluran pembuangan", "See the water source and drainage"],
          weight: 2,
          scale: "facility",
          onSite: true,
        },
        {
          key: "kebersihan_lingkungan",
          text: [
            "Lingkungan bersih, bebas sampah dan jentik",
            "Clean surroundings, free of rubbish and mosquito larvae",
          ],
          guidance: ["Amati saat kunjungan", "Observe during the visit"],
          weight: 1,
          scale: "facility",
          onSite: true,
        },
      ],
    },
    {
      name: ["Ketahanan pangan", "Food security"],
      indicators: [
        {
          key: "menu_gizi",
          text: [
            "Anak makan tiga kali sehari dengan menu bergizi seimbang yang direncanakan",
            "Children eat three times a day from a planned, balanced menu",
          ],
          guidance: [
            "Bandingkan menu tertulis dengan makanan hari itu",
            "Compare the written menu with the day's food",
          ],
          weight: 3,
          scale: "practice",
          onSite: true,
          evidence: [photo("foto_menu", ["Foto daftar menu", "Photo of the menu"])],
        },
        {
          key: "stok_pangan",
          text: ["Persediaan bahan pangan cukup untuk minimal dua minggu", "Food stocks for at least two weeks"],
          guidance: ["Periksa gudang", "Check the store"],
          weight: 2,
          scale: "facility",
          onSite: true,
        },
        {
          key: "air_minum",
          text: ["Air minum layak tersedia setiap saat", "Safe drinking water is always available"],
          guidance: ["Periksa galon atau filter", "Check the dispenser or filter"],
          weight: 1,
          scale: "facility",
          onSite: true,
        },
      ],
    },
  ];

  const standard6: AspectSpec[] = [
    {
      name: ["Pendidikan", "Education"],
      indicators: [
        {
          key: "partisipasi_sekolah",
          text: [
            "Anak usia sekolah bersekolah (formal atau kesetaraan)",
            "School-age children attend school (formal or equivalency)",
          ],
          guidance: [
            "Cocokkan daftar anak dengan surat keterangan sekolah",
            "Match the list of children with school certificates",
          ],
          weight: w(3, 4),
          scale: "coverage",
          evidence: [doc("bukti_sekolah", ["Surat keterangan sekolah / rapor", "School certificates / report cards"])],
        },
        {
          key: "naik_kelas",
          text: ["Anak naik kelas atau lulus sesuai jenjang", "Children move up or graduate on time"],
          guidance: ["Lihat rapor tahun terakhir", "See last year's report cards"],
          weight: 2,
          scale: "coverage",
        },
        {
          key: "lanjut_studi_kerja",
          text: ["Anak yang lulus melanjutkan studi atau bekerja", "Children who graduate go on to study or work"],
          guidance: ["Lihat data tiga tahun terakhir", "See the last three years' data"],
          weight: 2,
          scale: "coverage",
        },
      ],
    },
    {
      name: ["Kesehatan dan tumbuh kembang", "Health and development"],
      indicators: [
        {
          key: "pemeriksaan_kesehatan",
          text: [
            "Pemeriksaan kesehatan berkala dan imunisasi lengkap",
            "Regular health checks and complete immunisation",
          ],
          guidance: ["Periksa KMS atau buku KIA", "Check growth charts or KIA books"],
          weight: 2,
          scale: "coverage",
        },
        {
          key: "status_gizi",
          text: [
            "Status gizi anak normal (tanpa stunting atau gizi buruk yang tidak ditangani)",
            "Children's nutrition is normal (no untreated stunting or malnutrition)",
          ],
          guidance: ["Lihat pengukuran tinggi dan berat", "See height and weight measurements"],
          weight: 2,
          scale: "coverage",
        },
        {
          key: "perkembangan_psikososial",
          text: [
            "Perkembangan psikososial anak membaik menurut catatan kasus",
            "Children's psychosocial development improves according to the case notes",
          ],
          guidance: ["Bandingkan asesmen awal dan terakhir", "Compare the first and latest assessments"],
          weight: 2,
          scale: "coverage",
        },
      ],
    },
    {
      name: ["Reunifikasi dan pengasuhan keluarga", "Reunification and family care"],
      indicators: [
        {
          key: "reunifikasi",
          text: [
            "Anak kembali ke keluarga atau pengasuhan keluarga pengganti sesuai rencana",
            "Children return to their family or a substitute family as planned",
          ],
          guidance: [
            "Hitung anak keluar tiga tahun terakhir menurut tujuan",
            "Count children who left in three years by destination",
          ],
          weight: w(3, 4),
          scale: "coverage",
        },
        {
          key: "lama_tinggal",
          text: [
            "Lama tinggal anak di panti sesuai rencana, tidak berlarut",
            "Children stay no longer than their plan says",
          ],
          guidance: [
            "Hitung anak yang tinggal lebih dari 3 tahun tanpa tinjauan",
            "Count children staying over 3 years without review",
          ],
          weight: 2,
          scale: "coverage",
        },
      ],
    },
    {
      name: ["Kepuasan dan umpan balik", "Satisfaction and feedback"],
      indicators: [
        {
          key: "kepuasan_anak",
          text: [
            "Survei kepuasan anak dan keluarga dilakukan dan ditindaklanjuti",
            "Surveys of children's and families' satisfaction are run and acted on",
          ],
          guidance: ["Minta hasil survei dan tindak lanjutnya", "Ask for the results and follow-up"],
          weight: 1,
          scale: "practice",
        },
        {
          key: "pengaduan_selesai",
          text: [
            "Pengaduan diselesaikan dan pengadu mendapat jawaban",
            "Complaints are resolved and the complainant answered",
          ],
          guidance: ["Periksa buku pengaduan setahun terakhir", "Check the last year's complaints log"],
          weight: w(1, 2),
          scale: "practice",
        },
      ],
    },
  ];

  return { "1": standard1, "2": standard2, "3": standard3, "4": standard4, "5": standard5, "6": standard6 };
}

/** Component weights: the 2025 edition moves weight to the service process and outcomes. */
const WEIGHTS_2012 = { "1": 15, "2": 25, "3": 15, "4": 15, "5": 15, "6": 15 };
const WEIGHTS_2025 = { "1": 10, "2": 30, "3": 15, "4": 15, "5": 10, "6": 20 };

export const LKSA_2012 = buildInstrument({
  id: "lksa-2012-1",
  name: [
    "Instrumen akreditasi LKSA (draf bawaan, Permensos 17/2012)",
    "LKSA accreditation instrument (default draft, Permensos 17/2012)",
  ],
  regulation: "permensos-17-2012",
  lksTypes: ["LKSA"],
  spec: spec(2012),
  componentWeights: WEIGHTS_2012,
});

export const LKSA_2025 = buildInstrument({
  id: "lksa-2025-1",
  name: [
    "Instrumen akreditasi LKSA (draf bawaan, Permensos 8/2025)",
    "LKSA accreditation instrument (default draft, Permensos 8/2025)",
  ],
  regulation: "permensos-8-2025",
  lksTypes: ["LKSA"],
  spec: spec(2025),
  componentWeights: WEIGHTS_2025,
  from: LKSA_2012,
});
