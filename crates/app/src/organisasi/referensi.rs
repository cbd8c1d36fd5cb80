//! Data rujukan kepegawaian yang kecil dan stabil.

/// Golongan/ruang PNS dan pangkatnya.
/// Sumber: data/jabatan/anjab_master_reference_tables.json (master_golongan),
/// dari singgihadis/anjab; lihat data/SOURCES.md.
pub const GOLONGAN_PNS: &[(&str, &str)] = &[
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tk.I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tk.I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tk.I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tk.I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tk.I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tk.I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tk.I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
];

/// Golongan PPPK I–XVII (Perpres 98/2020).
pub const GOLONGAN_PPPK: &[&str] = &[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII",
];

pub fn pangkat(golongan: &str) -> Option<&'static str> {
    GOLONGAN_PNS
        .iter()
        .find(|(g, _)| *g == golongan)
        .map(|(_, p)| *p)
}

/// Jenis jabatan ASN (UU 20/2023): JPT, administrator, pengawas, pelaksana, fungsional.
pub const JENIS_JABATAN: &[&str] = &[
    "jpt",
    "administrator",
    "pengawas",
    "pelaksana",
    "fungsional",
    "pejabat_negara",
];

/// Jenjang jabatan fungsional (keterampilan dan keahlian).
pub const JENJANG_FUNGSIONAL: &[&str] = &[
    "pemula",
    "terampil",
    "mahir",
    "penyelia",
    "ahli_pertama",
    "ahli_muda",
    "ahli_madya",
    "ahli_utama",
];

/// Status kepegawaian. `diberhentikan_sementara`: pemberhentian sementara
/// PP 11/2017 (ditahan, proses pidana atau hukuman disiplin berat) — tanpa
/// SKP dan dihitung terpisah; akunnya tetap aktif (lihat `pegawai::simpan_ubah`).
pub const STATUS_PEGAWAI: &[&str] = &[
    "aktif",
    "cuti",
    "pensiun",
    "pindah",
    "berhenti",
    "diberhentikan_sementara",
];

/// Jenis ASN; `pejabat_negara` untuk puncak rantai tanpa NIP (gubernur, bupati).
pub const JENIS_ASN: &[&str] = &["pns", "pppk", "pejabat_negara"];

pub const JENIS_INSTANSI: &[&str] = &[
    "nasional",
    "kementerian",
    "lembaga",
    "provinsi",
    "kabupaten",
    "kota",
];

pub const ZONA_WAKTU: &[&str] = &["WIB", "WITA", "WIT"];

pub const JENIS_UNIT: &[&str] = &[
    "sekretariat_daerah",
    "perangkat_daerah",
    "sekretariat",
    "bidang",
    "bagian",
    "subbagian",
    "seksi",
    "uptd",
    "lainnya",
];

/// Zona waktu baku dari kode provinsi Kepmendagri (untuk instansi daerah).
pub fn zona_waktu_provinsi(kode_provinsi: &str) -> &'static str {
    match kode_provinsi {
        // Bali, NTB, NTT, Kalimantan Selatan/Timur/Utara, seluruh Sulawesi.
        "51" | "52" | "53" | "63" | "64" | "65" | "71" | "72" | "73" | "74" | "75" | "76" => "WITA",
        // Maluku, Maluku Utara, seluruh Papua.
        "81" | "82" | "91" | "92" | "93" | "94" | "95" | "96" => "WIT",
        _ => "WIB",
    }
}

/// Selisih jam dari UTC untuk zona waktu Indonesia.
pub fn selisih_utc(zona: &str) -> i8 {
    match zona {
        "WITA" => 8,
        "WIT" => 9,
        _ => 7,
    }
}
