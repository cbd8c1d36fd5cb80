//! Bahan demo: perangkat daerah yang lazim di pemerintah provinsi dan kota,
//! dan nama-nama Indonesia (termasuk marga Maluku). Semua fiktif.

/// (nama perangkat daerah, singkatan, bidang-bidangnya)
pub const PERANGKAT_DAERAH_PROVINSI: &[(&str, &str, &[&str])] = &[
    (
        "Sekretariat Daerah",
        "Setda",
        &[
            "Biro Pemerintahan",
            "Biro Hukum",
            "Biro Perekonomian",
            "Biro Organisasi",
            "Biro Umum",
        ],
    ),
    (
        "Sekretariat DPRD",
        "Setwan",
        &["Bagian Persidangan", "Bagian Keuangan", "Bagian Umum"],
    ),
    (
        "Inspektorat Daerah",
        "Inspektorat",
        &[
            "Inspektur Pembantu Wilayah I",
            "Inspektur Pembantu Wilayah II",
            "Inspektur Pembantu Wilayah III",
            "Inspektur Pembantu Khusus",
        ],
    ),
    (
        "Badan Perencanaan Pembangunan Daerah",
        "Bappeda",
        &[
            "Bidang Pemerintahan dan Pembangunan Manusia",
            "Bidang Perekonomian dan Sumber Daya Alam",
            "Bidang Infrastruktur dan Kewilayahan",
            "Bidang Perencanaan, Pengendalian dan Evaluasi",
        ],
    ),
    (
        "Badan Kepegawaian Daerah",
        "BKD",
        &[
            "Bidang Pengadaan, Pemberhentian dan Informasi",
            "Bidang Mutasi dan Promosi",
            "Bidang Penilaian Kinerja dan Penghargaan",
        ],
    ),
    (
        "Badan Pengembangan Sumber Daya Manusia",
        "BPSDM",
        &[
            "Bidang Pengembangan Kompetensi Manajerial",
            "Bidang Pengembangan Kompetensi Teknis",
            "Bidang Sertifikasi Kompetensi",
        ],
    ),
    (
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "BPKAD",
        &[
            "Bidang Anggaran",
            "Bidang Perbendaharaan",
            "Bidang Akuntansi",
            "Bidang Aset",
        ],
    ),
    (
        "Badan Pendapatan Daerah",
        "Bapenda",
        &[
            "Bidang Pajak Daerah",
            "Bidang Retribusi dan Pendapatan Lain",
        ],
    ),
    (
        "Dinas Kesehatan",
        "Dinkes",
        &[
            "Bidang Kesehatan Masyarakat",
            "Bidang Pencegahan dan Pengendalian Penyakit",
            "Bidang Pelayanan Kesehatan",
            "Bidang Sumber Daya Kesehatan",
        ],
    ),
    (
        "Dinas Pendidikan dan Kebudayaan",
        "Dikbud",
        &[
            "Bidang Pembinaan SMA",
            "Bidang Pembinaan SMK",
            "Bidang Pendidikan Khusus",
            "Bidang Kebudayaan",
        ],
    ),
    (
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "PUPR",
        &[
            "Bidang Bina Marga",
            "Bidang Sumber Daya Air",
            "Bidang Cipta Karya",
            "Bidang Penataan Ruang",
        ],
    ),
    (
        "Dinas Kelautan dan Perikanan",
        "DKP",
        &[
            "Bidang Perikanan Tangkap",
            "Bidang Perikanan Budidaya",
            "Bidang Pengelolaan Ruang Laut",
            "Bidang Daya Saing Produk Perikanan",
        ],
    ),
    (
        "Dinas Sosial",
        "Dinsos",
        &[
            "Bidang Rehabilitasi Sosial",
            "Bidang Perlindungan dan Jaminan Sosial",
            "Bidang Pemberdayaan Sosial",
        ],
    ),
    (
        "Dinas Perhubungan",
        "Dishub",
        &[
            "Bidang Perhubungan Laut",
            "Bidang Perhubungan Darat",
            "Bidang Perhubungan Udara",
        ],
    ),
    (
        "Dinas Komunikasi, Informatika dan Persandian",
        "Diskominfo",
        &[
            "Bidang Aplikasi Informatika",
            "Bidang Informasi dan Komunikasi Publik",
            "Bidang Persandian dan Statistik",
        ],
    ),
    (
        "Dinas Pertanian",
        "Distan",
        &[
            "Bidang Tanaman Pangan",
            "Bidang Hortikultura dan Perkebunan",
            "Bidang Penyuluhan",
        ],
    ),
    (
        "Dinas Lingkungan Hidup",
        "DLH",
        &["Bidang Tata Lingkungan", "Bidang Pengendalian Pencemaran"],
    ),
    (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        &[
            "Bidang Pelayanan Perizinan",
            "Bidang Promosi Penanaman Modal",
        ],
    ),
];

pub const PERANGKAT_DAERAH_KOTA: &[(&str, &str, &[&str])] = &[
    (
        "Sekretariat Daerah",
        "Setda",
        &["Bagian Pemerintahan", "Bagian Organisasi", "Bagian Umum"],
    ),
    (
        "Inspektorat",
        "Inspektorat",
        &["Inspektur Pembantu I", "Inspektur Pembantu II"],
    ),
    (
        "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
        "Bappeda",
        &["Bidang Perencanaan", "Bidang Riset dan Inovasi"],
    ),
    (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "BKPSDM",
        &["Bidang Mutasi", "Bidang Pengembangan Kompetensi"],
    ),
    (
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "BPKAD",
        &["Bidang Anggaran", "Bidang Akuntansi"],
    ),
    (
        "Dinas Kesehatan",
        "Dinkes",
        &["Bidang Kesehatan Masyarakat", "Bidang Pelayanan Kesehatan"],
    ),
    (
        "Dinas Pendidikan",
        "Disdik",
        &["Bidang Pembinaan SD", "Bidang Pembinaan SMP"],
    ),
    (
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "PUPR",
        &["Bidang Bina Marga", "Bidang Cipta Karya"],
    ),
    (
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Disdukcapil",
        &[
            "Bidang Pelayanan Pendaftaran Penduduk",
            "Bidang Pencatatan Sipil",
        ],
    ),
];

/// Nama seksi/subbidang di bawah setiap bidang (dua per bidang).
pub fn nama_seksi(bidang: &str, urut: usize) -> String {
    let inti = bidang
        .trim_start_matches("Bidang ")
        .trim_start_matches("Biro ")
        .trim_start_matches("Bagian ")
        .trim_start_matches("Inspektur Pembantu ");
    let awal = if bidang.starts_with("Biro") || bidang.starts_with("Bagian") {
        "Subbagian"
    } else if bidang.starts_with("Inspektur") {
        "Kelompok Pengawasan"
    } else {
        "Seksi"
    };
    match urut {
        0 => format!("{awal} Perencanaan dan Evaluasi {inti}"),
        _ => format!("{awal} Pembinaan dan Pelaksanaan {inti}"),
    }
}

pub const SUBBAGIAN_SEKRETARIAT: &[&str] = &[
    "Subbagian Umum dan Kepegawaian",
    "Subbagian Keuangan",
    "Subbagian Perencanaan dan Pelaporan",
];

pub const NAMA_DEPAN_L: &[&str] = &[
    "Abdul",
    "Ahmad",
    "Agus",
    "Arief",
    "Budi",
    "Daniel",
    "Dedi",
    "Eko",
    "Fransiskus",
    "Hendrik",
    "Ismail",
    "Johanis",
    "Jacob",
    "Kornelis",
    "Lukas",
    "Marthen",
    "Muhammad",
    "Nicolaas",
    "Oktavianus",
    "Petrus",
    "Rahmat",
    "Ridwan",
    "Samuel",
    "Stevanus",
    "Taufik",
    "Umar",
    "Victor",
    "Wahyu",
    "Yohanes",
    "Yusuf",
    "Zainal",
    "Rizal",
    "Hasan",
    "Benny",
    "Ferry",
];

pub const NAMA_DEPAN_P: &[&str] = &[
    "Agustina",
    "Anita",
    "Bernadetha",
    "Christina",
    "Dewi",
    "Elisabeth",
    "Fatima",
    "Fransina",
    "Grace",
    "Helena",
    "Ina",
    "Juliana",
    "Kartini",
    "Lestari",
    "Maria",
    "Marlin",
    "Nurhayati",
    "Olivia",
    "Paulina",
    "Rachel",
    "Ratna",
    "Sarah",
    "Siti",
    "Susana",
    "Theresia",
    "Wulan",
    "Yuliana",
    "Zahra",
    "Novita",
    "Halima",
];

pub const NAMA_BELAKANG: &[&str] = &[
    "Latuconsina",
    "Tuasikal",
    "Pattiasina",
    "Wattimena",
    "Tuhumury",
    "Sahetapy",
    "Latumahina",
    "Manuhutu",
    "Ohorella",
    "Tuanaya",
    "Marasabessy",
    "Soplanit",
    "Leiwakabessy",
    "Hehanussa",
    "Pelupessy",
    "Matakena",
    "Loppies",
    "Siahaya",
    "Tupamahu",
    "Lewerissa",
    "Sopacua",
    "Nanlohy",
    "Hukom",
    "Latupeirissa",
    "Salakory",
    "Assagaff",
    "Tamher",
    "Rumatiga",
    "Kaliky",
    "Rahayaan",
    "Renwarin",
    "Ngabalin",
    "Santoso",
    "Wibowo",
    "Hidayat",
    "Kusuma",
    "Saputra",
    "Rahman",
    "Lubis",
    "Sitompul",
    "Pakpahan",
    "Rumbekwan",
    "Maturbongs",
    "Ubro",
    "Kilikily",
    "Sialana",
];

pub const GELAR_S1: &[&str] = &[
    "S.Sos.", "S.E.", "S.T.", "S.Kom.", "S.H.", "S.Pd.", "S.Pi.", "S.P.", "S.K.M.", "S.Kep.",
    "S.A.P.",
];
pub const GELAR_S2: &[&str] = &["M.Si.", "M.M.", "M.T.", "M.Kes.", "M.H.", "M.A.P.", "M.Pd."];

/// Jabatan fungsional yang lazim di perangkat daerah.
pub const JABATAN_FUNGSIONAL: &[(&str, &str)] = &[
    ("Analis Sumber Daya Manusia Aparatur", "ahli_pertama"),
    ("Perencana", "ahli_muda"),
    ("Analis Kebijakan", "ahli_muda"),
    ("Pranata Komputer", "terampil"),
    ("Analis Keuangan Pusat dan Daerah", "ahli_pertama"),
    ("Auditor", "ahli_muda"),
    ("Arsiparis", "terampil"),
    ("Pranata Hubungan Masyarakat", "ahli_pertama"),
];

pub const JABATAN_PELAKSANA: &[&str] = &[
    "Pengadministrasi Perkantoran",
    "Penata Layanan Operasional",
    "Pengolah Data dan Informasi",
    "Pengelola Layanan Kepegawaian",
    "Operator Layanan Operasional",
    "Penelaah Teknis Kebijakan",
];
