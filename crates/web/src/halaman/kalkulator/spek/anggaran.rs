//! Formulir kalkulator anggaran (isu 9): gerbang anggaran, nilai uang,
//! keselarasan program. Satu baris daftar = satu sub kegiatan; indikator dan
//! baris belanja di dalamnya memakai jalur bertitik (`indikator.0.target`,
//! `belanja.2.jumlah`), yang dijadikan daftar JSON oleh `sisipkan`.

use super::{Bagian, Bentuk, D, Jenis, Kolom, N, Spek, kel, kol, kolb, opsi_polaritas};
use app::Bahasa;

pub(crate) fn opsi_jenis_subkegiatan(b: Bahasa) -> Vec<(&'static str, String)> {
    vec![
        ("layanan", app::teks::t(b, "Layanan", "Service").into()),
        (
            "aktifitas",
            app::teks::t(b, "Aktifitas (pendukung)", "Activity (support)").into(),
        ),
    ]
}

const T: Jenis = Jenis::Teks;

pub(crate) const GERBANG: Spek = Spek {
    nama: "gerbang-anggaran",
    ringkas: (
        "Sebelum diberi anggaran: apakah setiap sub kegiatan jelas keluaran, target, penanggung jawab, program dan pagunya.",
        "Before funding: whether each sub-activity has a clear output, targets, owner, programme and budget ceiling.",
    ),
    bagian: &[Bagian::Daftar {
        kunci: "subkegiatan",
        butir: ("Sub kegiatan", "Sub-activity"),
        dua: true,
        kolom: &[
            kolb(
                "kode",
                "Kode sub kegiatan",
                "Sub-activity code",
                T,
                "Mis. 1.02.02.2.02.0015",
                "E.g. 1.02.02.2.02.0015",
            ),
            kol("program_kode", "Kode program", "Programme code", T),
            kol("unit", "Unit penanggung jawab", "Responsible unit", T),
            kol("pagu", "Pagu (Rp)", "Budget ceiling (Rp)", D),
            kol(
                "indikator.0.nama",
                "Indikator keluaran",
                "Output indicator",
                T,
            ),
            kol("indikator.0.satuan", "Satuan", "Unit of measure", T),
            kol(
                "indikator.0.polaritas",
                "Polaritas",
                "Polarity",
                Jenis::Pilihan(opsi_polaritas),
            ),
            kol("indikator.0.target", "Target tahunan", "Annual target", D),
            kolb(
                "indikator.0.target_triwulan.0",
                "Target s.d. triwulan I",
                "Target to quarter I",
                D,
                "Kumulatif: triwulan IV = target tahunan.",
                "Cumulative: quarter IV = annual target.",
            ),
            kol(
                "indikator.0.target_triwulan.1",
                "Target s.d. triwulan II",
                "Target to quarter II",
                D,
            ),
            kol(
                "indikator.0.target_triwulan.2",
                "Target s.d. triwulan III",
                "Target to quarter III",
                D,
            ),
            kol(
                "indikator.0.target_triwulan.3",
                "Target s.d. triwulan IV",
                "Target to quarter IV",
                D,
            ),
        ],
    }],
    keluaran: &[
        kel(
            "lolos",
            "Gerbang anggaran",
            "Budget gate",
            Bentuk::YaTidak {
                ya: ("Lolos: siap diberi anggaran", "Passed: ready for funding"),
                tidak: ("Belum lolos", "Not yet"),
            },
        ),
        kel(
            "kekurangan",
            "Kekurangan",
            "Shortcomings",
            Bentuk::DaftarPesan,
        ),
    ],
};

const KOLOM_NILAI_UANG: &[Kolom] = &[
    kolb(
        "pagu",
        "Pagu (Rp)",
        "Budget ceiling (Rp)",
        D,
        "Angka tanpa pemisah ribuan, mis. 1000000000",
        "Numbers without thousands separators, e.g. 1000000000",
    ),
    kol(
        "realisasi_anggaran",
        "Realisasi anggaran (Rp)",
        "Spending (Rp)",
        D,
    ),
    kol(
        "polaritas",
        "Polaritas indikator keluaran",
        "Output indicator polarity",
        Jenis::Pilihan(opsi_polaritas),
    ),
    kolb(
        "target",
        "Target keluaran",
        "Output target",
        D,
        "Isi target tunggal, atau rentang di bawah.",
        "Fill a single target, or a range below.",
    ),
];

pub(crate) const NILAI_UANG: Spek = Spek {
    nama: "nilai-uang",
    ringkas: (
        "Serapan anggaran dibandingkan dengan keluaran yang dicapai: uang habis, hasilnya apa?",
        "Spending against the outputs achieved: the money is spent, but what did it produce?",
    ),
    bagian: &[
        Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: true,
            kolom: KOLOM_NILAI_UANG,
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
            dua: true,
            kolom: &[
                kol(
                    "realisasi_keluaran",
                    "Realisasi keluaran",
                    "Output achieved",
                    D,
                ),
                kolb(
                    "baseline",
                    "Baseline (opsional)",
                    "Baseline (optional)",
                    D,
                    "Kondisi awal indikator.",
                    "The indicator's starting value.",
                ),
                kolb(
                    "bulan",
                    "Bulan berjalan (1–12)",
                    "Months elapsed (1–12)",
                    N,
                    "Mis. 6 untuk akhir Juni.",
                    "E.g. 6 at the end of June.",
                ),
                kol(
                    "ada_bukti",
                    "Ada bukti keluaran",
                    "Evidence of the output exists",
                    Jenis::Centang { selalu: true },
                ),
            ],
        },
        Bagian::Kolom {
            judul: Some(("Ambang (opsional)", "Thresholds (optional)")),
            kunci: "",
            dua: true,
            kolom: &[
                kolb(
                    "ambang_penyerapan",
                    "Penyerapan paling sedikit (%)",
                    "Absorption at least (%)",
                    D,
                    "Kosong = 90.",
                    "Empty = 90.",
                ),
                kolb(
                    "ambang_capaian",
                    "Capaian paling banyak (%)",
                    "Achievement at most (%)",
                    D,
                    "Kosong = 50.",
                    "Empty = 50.",
                ),
                kolb(
                    "ambang_tertinggal",
                    "Tertinggal lebih dari (poin)",
                    "Behind by more than (points)",
                    D,
                    "Kosong = 25.",
                    "Empty = 25.",
                ),
            ],
        },
    ],
    keluaran: &[
        kel(
            "penyerapan_persen",
            "Penyerapan",
            "Absorption",
            Bentuk::Persen,
        ),
        kel(
            "capaian_persen",
            "Capaian keluaran",
            "Output achievement",
            Bentuk::Persen,
        ),
        kel(
            "ekspektasi_waktu_persen",
            "Ekspektasi waktu",
            "Time expectation",
            Bentuk::Persen,
        ),
        kel(
            "biaya_per_satuan",
            "Biaya per satuan keluaran (Rp)",
            "Cost per unit of output (Rp)",
            Bentuk::Angka,
        ),
        kel("tanda", "Tanda", "Flags", Bentuk::DaftarPesan),
    ],
};

pub(crate) const KESELARASAN: Spek = Spek {
    nama: "keselarasan-program",
    ringkas: (
        "Apakah sub kegiatan dan belanjanya nyambung dengan programnya, atau habis untuk honor, perjalanan dinas dan rapat.",
        "Whether the sub-activities and their spending fit the programme, or go to honoraria, travel and meetings.",
    ),
    bagian: &[
        Bagian::Kolom {
            judul: Some(("Program", "Programme")),
            kunci: "program",
            dua: true,
            kolom: &[
                kolb(
                    "program.kode",
                    "Kode program",
                    "Programme code",
                    T,
                    "Mis. 1.02.02",
                    "E.g. 1.02.02",
                ),
                kol("program.nama", "Nama program", "Programme name", T),
            ],
        },
        Bagian::Daftar {
            kunci: "subkegiatan",
            butir: ("Sub kegiatan", "Sub-activity"),
            dua: true,
            kolom: &[
                kol("kode", "Kode sub kegiatan", "Sub-activity code", T),
                kol("nama", "Nama sub kegiatan", "Sub-activity name", T),
                kolb(
                    "jenis",
                    "Jenis (opsional)",
                    "Kind (optional)",
                    Jenis::Pilihan(opsi_jenis_subkegiatan),
                    "Kosong = menurut nomenklatur Kemendagri.",
                    "Empty = from the Kemendagri nomenclature.",
                ),
                kol(
                    "indikator.0.nama",
                    "Indikator keluaran",
                    "Output indicator",
                    T,
                ),
                kol("indikator.0.satuan", "Satuan", "Unit of measure", T),
                kolb(
                    "belanja.0.kode_rekening",
                    "Belanja 1: kode rekening",
                    "Spending 1: account code",
                    T,
                    "Mis. 5.1.02.04.01.0001",
                    "E.g. 5.1.02.04.01.0001",
                ),
                kol(
                    "belanja.0.uraian",
                    "Belanja 1: uraian",
                    "Spending 1: description",
                    T,
                ),
                kol(
                    "belanja.0.jumlah",
                    "Belanja 1: jumlah (Rp)",
                    "Spending 1: amount (Rp)",
                    D,
                ),
                kol(
                    "belanja.1.kode_rekening",
                    "Belanja 2: kode rekening",
                    "Spending 2: account code",
                    T,
                ),
                kol(
                    "belanja.1.uraian",
                    "Belanja 2: uraian",
                    "Spending 2: description",
                    T,
                ),
                kol(
                    "belanja.1.jumlah",
                    "Belanja 2: jumlah (Rp)",
                    "Spending 2: amount (Rp)",
                    D,
                ),
                kol(
                    "belanja.2.kode_rekening",
                    "Belanja 3: kode rekening",
                    "Spending 3: account code",
                    T,
                ),
                kol(
                    "belanja.2.uraian",
                    "Belanja 3: uraian",
                    "Spending 3: description",
                    T,
                ),
                kol(
                    "belanja.2.jumlah",
                    "Belanja 3: jumlah (Rp)",
                    "Spending 3: amount (Rp)",
                    D,
                ),
                kol(
                    "belanja.3.kode_rekening",
                    "Belanja 4: kode rekening",
                    "Spending 4: account code",
                    T,
                ),
                kol(
                    "belanja.3.uraian",
                    "Belanja 4: uraian",
                    "Spending 4: description",
                    T,
                ),
                kol(
                    "belanja.3.jumlah",
                    "Belanja 4: jumlah (Rp)",
                    "Spending 4: amount (Rp)",
                    D,
                ),
            ],
        },
        Bagian::Kolom {
            judul: None,
            kunci: "",
            dua: false,
            kolom: &[kolb(
                "ambang_belanja_penunjang_persen",
                "Ambang belanja penunjang (%, opsional)",
                "Overhead threshold (%, optional)",
                D,
                "Kosong = 30.",
                "Empty = 30.",
            )],
        },
    ],
    keluaran: &[
        kel(
            "selaras",
            "Keselarasan",
            "Alignment",
            Bentuk::YaTidak {
                ya: ("Selaras dengan program", "Fits the programme"),
                tidak: ("Tidak selaras", "Does not fit"),
            },
        ),
        kel(
            "porsi_belanja_penunjang_persen",
            "Porsi belanja penunjang",
            "Overhead share",
            Bentuk::Persen,
        ),
        kel("alasan", "Alasan", "Reasons", Bentuk::DaftarPesan),
        kel(
            "peringatan",
            "Peringatan",
            "Warnings",
            Bentuk::DaftarPesanAwalan("Peringatan:", "Warning:"),
        ),
    ],
};
