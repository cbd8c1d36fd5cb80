//! Spesifikasi formulir per kalkulator: kolom, bagian, keluaran.

use super::*;
use app::Bahasa;

mod aksi_perubahan;
mod anggaran;
mod inovasi;
use rules::permenpanrb_1_2023::Jenjang;
use rules::permenpanrb_6_2022::{PredikatKinerjaPegawai, PredikatOrganisasi, RatingKinerja};

// ---------------------------------------------------------------------------
// Spesifikasi formulir dan keluaran setiap kalkulator
// ---------------------------------------------------------------------------

type Opsi = fn(Bahasa) -> Vec<(&'static str, String)>;

#[derive(Clone, Copy)]
pub(crate) enum Jenis {
    /// Angka desimal (dikirim sebagai teks JSON).
    Desimal,
    /// Bilangan bulat (dikirim sebagai teks JSON; aturan membaca teks digit).
    Bulat,
    /// Teks biasa (kode, NIP).
    Teks,
    /// Pilihan token.
    Pilihan(Opsi),
    /// Kotak centang; `selalu`: kirim `false` bila tidak dicentang (field wajib).
    Centang { selalu: bool },
}

#[derive(Clone, Copy)]
pub(crate) struct Kolom {
    pub(crate) kunci: &'static str,
    pub(crate) id: &'static str,
    pub(crate) en: &'static str,
    pub(crate) jenis: Jenis,
    pub(crate) bantuan: Option<(&'static str, &'static str)>,
}

pub(crate) const fn kol(
    kunci: &'static str,
    id: &'static str,
    en: &'static str,
    jenis: Jenis,
) -> Kolom {
    Kolom {
        kunci,
        id,
        en,
        jenis,
        bantuan: None,
    }
}

pub(crate) const fn kolb(
    kunci: &'static str,
    id: &'static str,
    en: &'static str,
    jenis: Jenis,
    bid: &'static str,
    ben: &'static str,
) -> Kolom {
    Kolom {
        kunci,
        id,
        en,
        jenis,
        bantuan: Some((bid, ben)),
    }
}

pub(crate) enum Bagian {
    /// Sekelompok isian biasa. `kunci`: field JSON induk untuk galat kelompok.
    Kolom {
        judul: Option<(&'static str, &'static str)>,
        kunci: &'static str,
        dua: bool,
        kolom: &'static [Kolom],
    },
    /// Daftar dengan [`BARIS`] baris tetap; baris kosong dilewati.
    Daftar {
        kunci: &'static str,
        butir: (&'static str, &'static str),
        dua: bool,
        kolom: &'static [Kolom],
    },
}

#[derive(Clone, Copy)]
pub(crate) enum Bentuk {
    /// Desimal 2 angka ("88.00"), ditampilkan dengan format bahasa.
    Angka,
    /// Seperti Angka, diberi tanda %.
    Persen,
    /// Bilangan bulat atau teks apa adanya.
    Polos,
    /// Token → label.
    Token,
    /// Tanggal ISO → "25 Februari 1989".
    Tanggal,
    /// Boolean kesesuaian kurva.
    Valid,
    /// Daftar objek dengan `pesan` (pelanggaran kurva).
    DaftarPesan,
    /// Seperti DaftarPesan, setiap pesan diawali label (id, en).
    DaftarPesanAwalan(&'static str, &'static str),
    /// Boolean dengan label ya/tidak (id, en).
    YaTidak {
        ya: (&'static str, &'static str),
        tidak: (&'static str, &'static str),
    },
    /// Nilai per kegiatan (SKP PP 46), satu baris per kegiatan.
    TabelKegiatan,
}

pub(crate) struct Keluaran {
    pub(crate) kunci: &'static str,
    pub(crate) id: &'static str,
    pub(crate) en: &'static str,
    pub(crate) bentuk: Bentuk,
}

pub(crate) const fn kel(
    kunci: &'static str,
    id: &'static str,
    en: &'static str,
    bentuk: Bentuk,
) -> Keluaran {
    Keluaran {
        kunci,
        id,
        en,
        bentuk,
    }
}

pub(crate) struct Spek {
    pub(crate) nama: &'static str,
    pub(crate) ringkas: (&'static str, &'static str),
    pub(crate) bagian: &'static [Bagian],
    pub(crate) keluaran: &'static [Keluaran],
}

pub(crate) fn opsi_rating(b: Bahasa) -> Vec<(&'static str, String)> {
    RatingKinerja::SEMUA
        .iter()
        .map(|r| (r.token(), r.label(b).to_string()))
        .collect()
}

pub(crate) fn opsi_predikat(b: Bahasa) -> Vec<(&'static str, String)> {
    PredikatKinerjaPegawai::SEMUA
        .iter()
        .map(|r| (r.token(), r.label(b).to_string()))
        .collect()
}

pub(crate) fn opsi_organisasi(b: Bahasa) -> Vec<(&'static str, String)> {
    PredikatOrganisasi::SEMUA
        .iter()
        .map(|r| (r.token(), r.label(b).to_string()))
        .collect()
}

pub(crate) fn opsi_jenjang(_: Bahasa) -> Vec<(&'static str, String)> {
    Jenjang::SEMUA
        .iter()
        .map(|j| (j.token(), judul_token(j.token())))
        .collect()
}

pub(crate) fn opsi_polaritas(b: Bahasa) -> Vec<(&'static str, String)> {
    vec![
        (
            "positif",
            app::teks::t(
                b,
                "Positif (makin tinggi makin baik)",
                "Positive (higher is better)",
            )
            .into(),
        ),
        (
            "negatif",
            app::teks::t(
                b,
                "Negatif (makin rendah makin baik)",
                "Negative (lower is better)",
            )
            .into(),
        ),
    ]
}

pub(crate) fn opsi_bobot(b: Bahasa) -> Vec<(&'static str, String)> {
    vec![
        (
            "70_30",
            app::teks::t(b, "70% SKP + 30% perilaku", "70% SKP + 30% behaviour").into(),
        ),
        (
            "60_40",
            app::teks::t(
                b,
                "60% SKP + 40% perilaku (dinilai juga oleh rekan dan bawahan)",
                "60% SKP + 40% behaviour (peers and subordinates rate too)",
            )
            .into(),
        ),
    ]
}

pub(crate) fn opsi_pembulatan(b: Bahasa) -> Vec<(&'static str, String)> {
    vec![
        (
            "terdekat",
            app::teks::t(b, "Ke bilangan terdekat", "To the nearest").into(),
        ),
        (
            "ke_atas",
            app::teks::t(b, "Selalu ke atas", "Always up").into(),
        ),
    ]
}

pub(crate) const D: Jenis = Jenis::Desimal;
pub(crate) const N: Jenis = Jenis::Bulat;

pub(crate) static SPEK: &[Spek] = &[
    Spek {
        nama: "predikat-kinerja",
        ringkas: (
            "Predikat pegawai dari rating hasil kerja dan rating perilaku kerja.",
            "Employee rating from the work-results rating and the behaviour rating.",
        ),
        bagian: &[Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: false,
            kolom: &[
                kol(
                    "hasil_kerja",
                    "Rating hasil kerja",
                    "Work-results rating",
                    Jenis::Pilihan(opsi_rating),
                ),
                kol(
                    "perilaku_kerja",
                    "Rating perilaku kerja",
                    "Work-behaviour rating",
                    Jenis::Pilihan(opsi_rating),
                ),
            ],
        }],
        keluaran: &[kel(
            "predikat",
            "Predikat kinerja",
            "Performance rating",
            Bentuk::Token,
        )],
    },
    Spek {
        nama: "kurva-distribusi",
        ringkas: (
            "Apakah sebaran predikat pegawai sesuai dengan predikat organisasinya.",
            "Whether the employees' ratings fit the organisation's rating.",
        ),
        bagian: &[
            Bagian::Kolom {
                judul: None,
                kunci: "",
                dua: false,
                kolom: &[kol(
                    "predikat_organisasi",
                    "Predikat organisasi",
                    "Organisation rating",
                    Jenis::Pilihan(opsi_organisasi),
                )],
            },
            Bagian::Kolom {
                judul: Some(("Jumlah pegawai per predikat", "Employees per rating")),
                kunci: "jumlah",
                dua: true,
                kolom: &[
                    kol("jumlah.sangat_baik", "Sangat Baik", "Very Good", N),
                    kol("jumlah.baik", "Baik", "Good", N),
                    kol(
                        "jumlah.butuh_perbaikan",
                        "Butuh Perbaikan",
                        "Needs Improvement",
                        N,
                    ),
                    kol("jumlah.kurang", "Kurang/Misconduct", "Poor/Misconduct", N),
                    kol("jumlah.sangat_kurang", "Sangat Kurang", "Very Poor", N),
                ],
            },
        ],
        keluaran: &[
            kel("valid", "Sebaran", "Distribution", Bentuk::Valid),
            kel(
                "pelanggaran",
                "Pelanggaran",
                "Violations",
                Bentuk::DaftarPesan,
            ),
        ],
    },
    Spek {
        nama: "capaian",
        ringkas: (
            "Capaian indikator (%) dari target dan realisasi, juga target rentang dan indikator negatif.",
            "Indicator achievement (%) from target and result, including range targets and lower-is-better indicators.",
        ),
        bagian: &[
            Bagian::Kolom {
                judul: None,
                kunci: "",
                dua: false,
                kolom: &[
                    kol(
                        "polaritas",
                        "Polaritas indikator",
                        "Indicator polarity",
                        Jenis::Pilihan(opsi_polaritas),
                    ),
                    kolb(
                        "target",
                        "Target",
                        "Target",
                        D,
                        "Isi target tunggal, atau rentang di bawah.",
                        "Fill a single target, or a range below.",
                    ),
                ],
            },
            Bagian::Kolom {
                judul: Some(("Atau target rentang", "Or a range target")),
                kunci: "",
                dua: true,
                kolom: &[
                    kol("target.min", "Batas bawah (min)", "Lower bound (min)", D),
                    kol("target.max", "Batas atas (max)", "Upper bound (max)", D),
                ],
            },
            Bagian::Kolom {
                judul: None,
                kunci: "",
                dua: false,
                kolom: &[kol("realisasi", "Realisasi", "Result", D)],
            },
        ],
        keluaran: &[kel(
            "capaian_persen",
            "Capaian",
            "Achievement",
            Bentuk::Persen,
        )],
    },
    Spek {
        nama: "nilai-capaian-iki",
        ringkas: (
            "Nilai 0–120 dan kategorinya dari capaian IKI (%).",
            "Score 0–120 and its category from the individual indicator's achievement (%).",
        ),
        bagian: &[Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: false,
            kolom: &[
                kolb(
                    "capaian_persen",
                    "Capaian IKI (%)",
                    "Indicator achievement (%)",
                    D,
                    "Mis. 97,89 atau 97.89",
                    "E.g. 97.89 or 97,89",
                ),
                kol(
                    "target_maksimal",
                    "Target sudah nilai maksimal yang mungkin (mis. 100%)",
                    "The target is the highest value possible (e.g. 100%)",
                    Jenis::Centang { selalu: false },
                ),
            ],
        }],
        keluaran: &[
            kel("nilai", "Nilai capaian", "Score", Bentuk::Angka),
            kel("kategori", "Kategori", "Category", Bentuk::Token),
        ],
    },
    Spek {
        nama: "skp-pp46",
        ringkas: (
            "Nilai SKP lama (kuantitas, kualitas, waktu, biaya) dan nilai prestasi kerja.",
            "Old-regime SKP score (quantity, quality, time, cost) and work-performance score.",
        ),
        bagian: &[
            Bagian::Daftar {
                kunci: "kegiatan",
                butir: ("Kegiatan", "Activity"),
                dua: true,
                kolom: &[
                    kol("target_output", "Target output", "Target output", D),
                    kol("realisasi_output", "Realisasi output", "Actual output", D),
                    kol("target_kualitas", "Target kualitas", "Target quality", D),
                    kol(
                        "realisasi_kualitas",
                        "Realisasi kualitas",
                        "Actual quality",
                        D,
                    ),
                    kol(
                        "target_waktu",
                        "Target waktu (bulan)",
                        "Target time (months)",
                        D,
                    ),
                    kol(
                        "realisasi_waktu",
                        "Realisasi waktu (bulan)",
                        "Actual time (months)",
                        D,
                    ),
                    kol(
                        "target_biaya",
                        "Target biaya (Rp, opsional)",
                        "Target cost (Rp, optional)",
                        D,
                    ),
                    kol(
                        "realisasi_biaya",
                        "Realisasi biaya (Rp)",
                        "Actual cost (Rp)",
                        D,
                    ),
                ],
            },
            Bagian::Kolom {
                judul: None,
                kunci: "",
                dua: false,
                kolom: &[kolb(
                    "nilai_perilaku",
                    "Nilai perilaku (0–100)",
                    "Behaviour score (0–100)",
                    D,
                    "Baris kegiatan yang kosong dilewati. Angka tanpa pemisah ribuan.",
                    "Empty activity rows are skipped. Numbers without thousands separators.",
                )],
            },
        ],
        keluaran: &[
            kel(
                "kegiatan",
                "Per kegiatan",
                "Per activity",
                Bentuk::TabelKegiatan,
            ),
            kel("nilai_skp", "Nilai SKP", "SKP score", Bentuk::Angka),
            kel(
                "kategori_skp",
                "Kategori SKP",
                "SKP category",
                Bentuk::Token,
            ),
            kel(
                "nilai_prestasi_kerja",
                "Nilai prestasi kerja",
                "Work-performance score",
                Bentuk::Angka,
            ),
            kel("kategori", "Kategori", "Category", Bentuk::Token),
        ],
    },
    Spek {
        nama: "nilai-kinerja-pp30",
        ringkas: (
            "Nilai kinerja PNS dari nilai SKP dan perilaku, dengan predikatnya.",
            "Civil-servant performance score from SKP and behaviour, with its rating.",
        ),
        bagian: &[Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: false,
            kolom: &[
                kol("nilai_skp", "Nilai SKP (0–120)", "SKP score (0–120)", D),
                kol(
                    "nilai_perilaku",
                    "Nilai perilaku (0–120)",
                    "Behaviour score (0–120)",
                    D,
                ),
                kol("bobot", "Bobot", "Weights", Jenis::Pilihan(opsi_bobot)),
                kol(
                    "ide_baru",
                    "Ada ide baru yang bermanfaat",
                    "Has a useful new idea",
                    Jenis::Centang { selalu: true },
                ),
            ],
        }],
        keluaran: &[
            kel(
                "nilai_kinerja",
                "Nilai kinerja",
                "Performance score",
                Bentuk::Angka,
            ),
            kel("predikat", "Predikat", "Rating", Bentuk::Token),
        ],
    },
    Spek {
        nama: "evaluasi-akip",
        ringkas: (
            "Nilai dan predikat (AA–D) evaluasi akuntabilitas kinerja instansi.",
            "Score and grade (AA–D) of the agency's performance-accountability evaluation.",
        ),
        bagian: &[Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: true,
            kolom: &[
                kol(
                    "perencanaan",
                    "Perencanaan (maks. 30)",
                    "Planning (max. 30)",
                    D,
                ),
                kol(
                    "pengukuran",
                    "Pengukuran (maks. 30)",
                    "Measurement (max. 30)",
                    D,
                ),
                kol(
                    "pelaporan",
                    "Pelaporan (maks. 15)",
                    "Reporting (max. 15)",
                    D,
                ),
                kol(
                    "evaluasi_internal",
                    "Evaluasi internal (maks. 25)",
                    "Internal evaluation (max. 25)",
                    D,
                ),
            ],
        }],
        keluaran: &[
            kel("nilai", "Nilai", "Score", Bentuk::Angka),
            kel("predikat", "Predikat", "Grade", Bentuk::Token),
        ],
    },
    Spek {
        nama: "beban-kerja",
        ringkas: (
            "Beban kerja setahun, kebutuhan pegawai dan efisiensi jabatan.",
            "Yearly workload, staff needed and job efficiency.",
        ),
        bagian: &[
            Bagian::Daftar {
                kunci: "tugas",
                butir: ("Tugas", "Task"),
                dua: true,
                kolom: &[
                    kol("volume", "Volume setahun", "Volume a year", D),
                    kol(
                        "norma_waktu_menit",
                        "Norma waktu (menit)",
                        "Time norm (minutes)",
                        D,
                    ),
                ],
            },
            Bagian::Kolom {
                judul: None,
                kunci: "",
                dua: false,
                kolom: &[
                    kol(
                        "jumlah_pegawai",
                        "Jumlah pegawai sekarang",
                        "Current staff",
                        N,
                    ),
                    kolb(
                        "jam_kerja_efektif",
                        "Jam kerja efektif setahun (opsional)",
                        "Effective hours a year (optional)",
                        D,
                        "Kosong = 1.250 jam.",
                        "Empty = 1,250 hours.",
                    ),
                    kolb(
                        "pembulatan",
                        "Pembulatan kebutuhan pegawai (opsional)",
                        "Rounding of staff needed (optional)",
                        Jenis::Pilihan(opsi_pembulatan),
                        "Kosong = ke terdekat.",
                        "Empty = to the nearest.",
                    ),
                ],
            },
        ],
        keluaran: &[
            kel(
                "beban_kerja_jam",
                "Beban kerja (jam setahun)",
                "Workload (hours a year)",
                Bentuk::Angka,
            ),
            kel(
                "kebutuhan_pegawai",
                "Kebutuhan pegawai",
                "Staff needed",
                Bentuk::Angka,
            ),
            kel(
                "kebutuhan_pegawai_dibulatkan",
                "Kebutuhan pegawai (dibulatkan)",
                "Staff needed (rounded)",
                Bentuk::Polos,
            ),
            kel(
                "efisiensi_jabatan",
                "Efisiensi jabatan",
                "Job efficiency",
                Bentuk::Angka,
            ),
            kel(
                "kategori_ej",
                "Kategori efisiensi jabatan",
                "Job-efficiency category",
                Bentuk::Token,
            ),
        ],
    },
    Spek {
        nama: "penyerapan",
        ringkas: (
            "Persentase realisasi anggaran terhadap pagu.",
            "Spending as a percentage of the budget ceiling.",
        ),
        bagian: &[Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: false,
            kolom: &[
                kolb(
                    "realisasi",
                    "Realisasi anggaran (Rp)",
                    "Spending (Rp)",
                    D,
                    "Angka tanpa pemisah ribuan, mis. 170395000",
                    "Numbers without thousands separators, e.g. 170395000",
                ),
                kol("pagu", "Pagu (Rp)", "Budget ceiling (Rp)", D),
            ],
        }],
        keluaran: &[kel(
            "penyerapan_persen",
            "Penyerapan",
            "Absorption",
            Bentuk::Persen,
        )],
    },
    Spek {
        nama: "efisiensi-anggaran",
        ringkas: (
            "Efisiensi: nilai keluaran yang dicapai dibanding realisasi anggarannya.",
            "Efficiency: value of the outputs achieved against what was spent.",
        ),
        bagian: &[
            Bagian::Daftar {
                kunci: "keluaran",
                butir: ("Keluaran", "Output"),
                dua: false,
                kolom: &[
                    kol("pagu", "Pagu keluaran (Rp)", "Output budget (Rp)", D),
                    kol(
                        "capaian_persen",
                        "Capaian keluaran (%)",
                        "Output achievement (%)",
                        D,
                    ),
                    kol(
                        "realisasi_anggaran",
                        "Realisasi anggaran (Rp)",
                        "Spending (Rp)",
                        D,
                    ),
                ],
            },
            Bagian::Kolom {
                judul: None,
                kunci: "",
                dua: false,
                kolom: &[kol(
                    "batasi_capaian",
                    "Batasi capaian keluaran di 100%",
                    "Cap output achievement at 100%",
                    Jenis::Centang { selalu: false },
                )],
            },
        ],
        keluaran: &[kel(
            "efisiensi_persen",
            "Efisiensi",
            "Efficiency",
            Bentuk::Persen,
        )],
    },
    anggaran::GERBANG,
    anggaran::NILAI_UANG,
    anggaran::KESELARASAN,
    aksi_perubahan::STATUS_AKSI,
    inovasi::PERINGKAT,
    Spek {
        nama: "angka-kredit",
        ringkas: (
            "Angka kredit setahun jabatan fungsional dari jenjang dan predikat kinerja.",
            "Yearly credit points of a functional position from level and rating.",
        ),
        bagian: &[Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: false,
            kolom: &[
                kol(
                    "jenjang",
                    "Jenjang jabatan",
                    "Position level",
                    Jenis::Pilihan(opsi_jenjang),
                ),
                kol(
                    "predikat",
                    "Predikat kinerja",
                    "Performance rating",
                    Jenis::Pilihan(opsi_predikat),
                ),
                kolb(
                    "bulan",
                    "Jumlah bulan (1–12, opsional)",
                    "Months (1–12, optional)",
                    N,
                    "Kosong = 12 bulan.",
                    "Empty = 12 months.",
                ),
            ],
        }],
        keluaran: &[kel(
            "angka_kredit",
            "Angka kredit",
            "Credit points",
            Bentuk::Angka,
        )],
    },
    Spek {
        nama: "kode-nomenklatur",
        ringkas: (
            "Membaca kode nomenklatur anggaran pemda atau K/L per tingkat.",
            "Reads a regional or ministry budget code level by level.",
        ),
        bagian: &[Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: false,
            kolom: &[kolb(
                "kode",
                "Kode",
                "Code",
                Jenis::Teks,
                "Mis. 1.02.02.2.01.0006 atau 005.01.WA.1066.EBA.994.001",
                "E.g. 1.02.02.2.01.0006 or 005.01.WA.1066.EBA.994.001",
            )],
        }],
        keluaran: &[
            kel("jenis", "Jenis kode", "Code type", Bentuk::Token),
            kel("urusan", "Urusan", "Affair", Bentuk::Polos),
            kel(
                "bidang_urusan",
                "Bidang urusan",
                "Affair field",
                Bentuk::Polos,
            ),
            kel(
                "bagian_anggaran",
                "Bagian anggaran",
                "Budget section",
                Bentuk::Polos,
            ),
            kel(
                "unit_eselon_1",
                "Unit eselon I",
                "Echelon I unit",
                Bentuk::Polos,
            ),
            kel("program", "Program", "Programme", Bentuk::Polos),
            kel("kegiatan", "Kegiatan", "Activity", Bentuk::Polos),
            kel(
                "sub_kegiatan",
                "Sub kegiatan",
                "Sub-activity",
                Bentuk::Polos,
            ),
            kel("kro", "KRO", "KRO", Bentuk::Polos),
            kel("ro", "RO", "RO", Bentuk::Polos),
            kel("komponen", "Komponen", "Component", Bentuk::Polos),
        ],
    },
    Spek {
        nama: "nip",
        ringkas: (
            "Membaca tanggal lahir, TMT, jenis kelamin dan jenis ASN dari NIP 18 digit.",
            "Reads birth date, appointment, sex and ASN type from an 18-digit NIP.",
        ),
        bagian: &[Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: false,
            kolom: &[kolb(
                "nip",
                "NIP",
                "NIP",
                Jenis::Teks,
                "18 digit, tanpa spasi.",
                "18 digits, no spaces.",
            )],
        }],
        keluaran: &[
            kel("jenis_asn", "Jenis ASN", "ASN type", Bentuk::Token),
            kel(
                "tanggal_lahir",
                "Tanggal lahir",
                "Date of birth",
                Bentuk::Tanggal,
            ),
            kel(
                "tmt",
                "TMT pengangkatan",
                "Appointment (TMT)",
                Bentuk::Polos,
            ),
            kel("jenis_kelamin", "Jenis kelamin", "Sex", Bentuk::Token),
            kel("nomor_urut", "Nomor urut", "Sequence number", Bentuk::Polos),
        ],
    },
];

pub(crate) fn spek(nama: &str) -> Option<&'static Spek> {
    SPEK.iter().find(|s| s.nama == nama)
}
