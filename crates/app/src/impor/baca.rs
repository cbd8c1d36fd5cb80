//! Membaca CSV dan XLSX menjadi tabel sel, dengan nomor baris seperti di
//! spreadsheet. Jenis berkas dikenali dari isinya (XLSX adalah ZIP:
//! `PK\x03\x04`), bukan dari namanya saja.

use super::{
    BARIS_DI_ATAS_DATA, BATAS_BARIS, BATAS_ENTRI_ZIP, BATAS_ISI_ZIP, BATAS_KOLOM, BATAS_SEL,
    BATAS_TEKS_BERSAMA, CatatanBaris, Format, Jenis, pilih,
};
use crate::Konteks;
use calamine::{DataRef, Reader};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::io::Cursor;

/// Satu sel seperti yang tersimpan di berkas.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Sel {
    Kosong,
    Teks(String),
    /// Sel angka XLSX; `tampil` seperti yang ditampilkan Excel (15 digit bermakna).
    Angka {
        nilai: f64,
        tampil: String,
    },
    /// Sel tanggal XLSX sebagai TTTT-BB-HH.
    Tanggal(String),
}

impl Sel {
    /// Isi sel sebagai teks yang sudah dipangkas; `None` bila kosong.
    pub fn teks(&self) -> Option<String> {
        match self {
            Sel::Kosong => None,
            Sel::Teks(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Sel::Angka { tampil, .. } => Some(tampil.clone()),
            Sel::Tanggal(s) => Some(s.clone()),
        }
    }
}

pub(crate) struct Baris {
    /// Nomor baris di spreadsheet (mulai 1).
    pub nomor: usize,
    pub sel: Vec<Sel>,
}

pub(crate) struct Tabel {
    pub format: Format,
    pub pemisah: Option<char>,
    /// Angka memakai koma desimal (CSV berpemisah `;`, kebiasaan Excel Indonesia).
    pub desimal_koma: bool,
    /// Judul kolom yang dinormalkan (huruf kecil, spasi menjadi `_`).
    pub kepala: Vec<String>,
    pub baris_kepala: usize,
    /// Indeks kolom pertama di lembar (untuk huruf kolom XLSX).
    pub kolom_awal: usize,
    pub baris: Vec<Baris>,
    pub info: Vec<CatatanBaris>,
    indeks: std::collections::HashMap<String, usize>,
}

static KOSONG: Sel = Sel::Kosong;

/// Bentuk berkas yang dibaca: nama lembar XLSX yang dicari dan kolomnya (kolom
/// wajib menandai baris judul). Impor lain (mis. peserta aksi perubahan)
/// memakai pembaca yang sama tanpa menambah varian `Jenis`.
#[derive(Clone, Copy)]
pub(crate) struct Bentuk {
    pub kode: &'static str,
    pub kolom: &'static [super::Kolom],
}

impl From<Jenis> for Bentuk {
    fn from(j: Jenis) -> Self {
        Bentuk {
            kode: j.kode(),
            kolom: j.kolom(),
        }
    }
}

impl Tabel {
    pub(crate) fn baru(
        format: Format,
        pemisah: Option<char>,
        kepala: Vec<String>,
        baris_kepala: usize,
        kolom_awal: usize,
    ) -> Self {
        let mut indeks = std::collections::HashMap::new();
        for (i, h) in kepala.iter().enumerate() {
            indeks.entry(h.clone()).or_insert(i);
        }
        Tabel {
            format,
            pemisah,
            desimal_koma: pemisah == Some(';'),
            kepala,
            baris_kepala,
            kolom_awal,
            baris: Vec::new(),
            info: Vec::new(),
            indeks,
        }
    }

    pub fn ada(&self, kolom: &str) -> bool {
        self.indeks.contains_key(kolom)
    }

    /// Sel pada kolom bernama; kosong bila kolom tidak ada atau baris pendek.
    pub fn sel<'a>(&'a self, b: &'a Baris, kolom: &str) -> &'a Sel {
        match self.indeks.get(kolom) {
            Some(i) => b.sel.get(*i).unwrap_or(&KOSONG),
            None => &KOSONG,
        }
    }

    /// Huruf kolom spreadsheet untuk indeks kolom tabel (A, B, …, AA).
    pub fn huruf(&self, i: usize) -> String {
        huruf_kolom(self.kolom_awal + i)
    }
}

pub(crate) fn huruf_kolom(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn normal_kepala(s: &str) -> String {
    let s = s
        .trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase();
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Membaca berkas; galat tingkat berkas sebagai catatan baris 0.
pub(crate) fn baca(
    k: &Konteks,
    jenis: impl Into<Bentuk>,
    nama_berkas: &str,
    bytes: &[u8],
) -> Result<Tabel, CatatanBaris> {
    let jenis: Bentuk = jenis.into();
    let galat = |id: String, en: String| CatatanBaris::baru(0, "", pilih(k, id, en));
    if bytes.is_empty() {
        return Err(galat("Berkas kosong.".into(), "The file is empty.".into()));
    }
    let nama = nama_berkas.to_lowercase();
    let zip = bytes.starts_with(b"PK\x03\x04");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if zip || ole {
        return baca_lembar(k, jenis, bytes, zip);
    }
    if nama.ends_with(".xlsx") || nama.ends_with(".xls") || nama.ends_with(".ods") {
        return Err(galat(
            "Nama berkas berakhiran spreadsheet, tetapi isinya bukan XLSX. Simpan ulang sebagai Excel Workbook (.xlsx) atau CSV.".into(),
            "The file name says spreadsheet, but the content is not XLSX. Save it again as Excel Workbook (.xlsx) or CSV.".into(),
        ));
    }
    if bytes.contains(&0) {
        return Err(galat(
            "Berkas ini bukan CSV atau XLSX. Unggah berkas .csv atau .xlsx (pakai templat).".into(),
            "This file is neither CSV nor XLSX. Upload a .csv or .xlsx file (use the template)."
                .into(),
        ));
    }
    baca_csv(k, jenis, bytes)
}

// ---------- CSV ----------

fn baca_csv(k: &Konteks, jenis: Bentuk, bytes: &[u8]) -> Result<Tabel, CatatanBaris> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut info = Vec::new();
    let teks: Cow<str> = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            info.push(CatatanBaris::baru(
                0,
                "",
                k.t(
                    "Berkas bukan UTF-8; dibaca sebagai Windows-1252 (CSV Excel lama). Periksa huruf beraksen; lebih aman simpan sebagai “CSV UTF-8”.",
                    "The file is not UTF-8; it was read as Windows-1252 (older Excel CSV). Check accented letters; saving as “CSV UTF-8” is safer.",
                ),
            ));
            Cow::Owned(windows_1252(bytes))
        }
    };
    // Akhir baris CRLF dan CR dijadikan LF: nomor baris dari pustaka csv meleset
    // satu per baris pada CRLF.
    let teks: Cow<str> = if teks.contains('\r') {
        Cow::Owned(teks.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        teks
    };
    let mut isi: &str = &teks;
    // Petunjuk Excel "sep=;" di baris pertama (Excel tidak menampilkannya sebagai baris).
    let mut pemisah = None;
    let baris1 = isi.lines().next().unwrap_or("");
    if baris1.trim().len() == 5 && baris1.trim().to_ascii_lowercase().starts_with("sep=") {
        pemisah = baris1.trim().chars().nth(4);
        isi = isi.split_once('\n').map(|(_, s)| s).unwrap_or("");
    }
    let pemisah = pemisah.unwrap_or_else(|| kenali_pemisah(isi));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(pemisah as u8)
        .from_reader(isi.as_bytes());
    let mut baris: Vec<Baris> = Vec::new();
    // Baris baru di dalam sel bertanda petik tidak menambah baris spreadsheet.
    let mut di_dalam_sel = 0usize;
    let mut lewat_kolom: Option<usize> = None;
    for r in rdr.records() {
        let r = match r {
            Ok(r) => r,
            Err(e) => {
                let baris = e.position().map(|p| p.line() as usize).unwrap_or(0);
                return Err(CatatanBaris::baru(
                    baris,
                    "",
                    pilih(
                        k,
                        format!("CSV tidak dapat dibaca: {e}"),
                        format!("The CSV cannot be read: {e}"),
                    ),
                ));
            }
        };
        // Posisi dari pustaka csv menunjuk awal baris kosong yang dilewati sebelum rekaman.
        let (baris_mulai, bita) = r
            .position()
            .map(|p| (p.line() as usize, p.byte() as usize))
            .unwrap_or((0, 0));
        let kosong = isi
            .as_bytes()
            .get(bita..)
            .map(|b| b.iter().take_while(|c| **c == b'\n').count())
            .unwrap_or(0);
        let nomor = (baris_mulai + kosong).saturating_sub(di_dalam_sel);
        di_dalam_sel += r.iter().map(|s| s.matches('\n').count()).sum::<usize>();
        if r.iter().all(|s| s.trim().is_empty()) {
            continue;
        }
        if baris.len() > BATAS_BARIS + BARIS_DI_ATAS_DATA {
            return Err(terlalu_banyak_baris(k));
        }
        if lewat_kolom.is_none() && r.iter().skip(BATAS_KOLOM).any(|s| !s.trim().is_empty()) {
            lewat_kolom = Some(nomor);
        }
        let sel = r
            .iter()
            .take(BATAS_KOLOM)
            .map(|s| {
                let s = super::tulis::buka_lindung(buka_rumus_teks(s));
                if s.trim().is_empty() {
                    Sel::Kosong
                } else {
                    Sel::Teks(s.to_string())
                }
            })
            .collect();
        baris.push(Baris { nomor, sel });
    }
    if let Some(n) = lewat_kolom {
        info.push(CatatanBaris::baru(
            n,
            "",
            pilih(
                k,
                format!("Ada nilai di luar {BATAS_KOLOM} kolom pertama (pertama di baris {n}); nilai itu tidak diimpor."),
                format!("Some values lie beyond the first {BATAS_KOLOM} columns (first at row {n}); they were not imported."),
            ),
        ));
    }
    susun_tabel(k, jenis, Format::Csv, Some(pemisah), 0, baris, info)
}

/// Baris judul: baris pertama (di antara 20 baris pertama) yang memuat semua
/// kolom wajib, agar judul laporan di atasnya tidak mengganggu; bila tidak
/// ada, baris tidak kosong pertama (lalu kolom wajib dilaporkan hilang).
fn susun_tabel(
    k: &Konteks,
    jenis: Bentuk,
    format: Format,
    pemisah: Option<char>,
    kolom_awal: usize,
    mut baris: Vec<Baris>,
    mut info: Vec<CatatanBaris>,
) -> Result<Tabel, CatatanBaris> {
    if baris.is_empty() {
        return Err(CatatanBaris::baru(
            0,
            "",
            k.t(
                "Berkas tidak berisi baris judul kolom.",
                "The file has no header row.",
            ),
        ));
    }
    let wajib: Vec<&str> = jenis
        .kolom
        .iter()
        .filter(|x| x.wajib)
        .map(|x| x.nama)
        .collect();
    let kepala_dari = |b: &Baris| -> Vec<String> {
        b.sel
            .iter()
            .map(|s| normal_kepala(&s.teks().unwrap_or_default()))
            .collect()
    };
    let i = baris
        .iter()
        .take(20)
        .position(|b| {
            let h = kepala_dari(b);
            wajib.iter().all(|w| h.iter().any(|x| x == w))
        })
        .unwrap_or(0);
    if i > 0 {
        info.push(CatatanBaris::baru(
            baris[0].nomor,
            "",
            pilih(
                k,
                format!(
                    "Baris {}–{} di atas baris judul kolom diabaikan.",
                    baris[0].nomor,
                    baris[i - 1].nomor
                ),
                format!(
                    "Rows {}–{} above the header row were ignored.",
                    baris[0].nomor,
                    baris[i - 1].nomor
                ),
            ),
        ));
    }
    let data = baris.split_off(i + 1);
    if data.len() > BATAS_BARIS {
        return Err(terlalu_banyak_baris(k));
    }
    let kepala_baris = baris.pop().expect("baris judul");
    let kepala = kepala_dari(&kepala_baris);
    let mut t = Tabel::baru(format, pemisah, kepala, kepala_baris.nomor, kolom_awal);
    // Nilai di kolom tanpa judul tidak dapat diimpor: sebut agar tidak hilang diam-diam.
    let tanpa_judul = data.iter().find_map(|b| {
        b.sel
            .iter()
            .enumerate()
            .find(|(j, s)| s.teks().is_some() && t.kepala.get(*j).is_none_or(|h| h.is_empty()))
            .map(|(j, _)| (b.nomor, j))
    });
    if let Some((n, j)) = tanpa_judul {
        let huruf = t.huruf(j);
        info.push(CatatanBaris::baru(
            n,
            "",
            pilih(
                k,
                format!("Ada nilai di kolom tanpa judul (pertama di baris {n}, kolom {huruf}); nilai itu tidak diimpor."),
                format!("Some values sit in columns without a name (first at row {n}, column {huruf}); they were not imported."),
            ),
        ));
    }
    t.baris = data;
    t.info = info;
    Ok(t)
}

/// Pemisah: yang terbanyak di antara `,`, `;` dan tab (di luar tanda petik) pada sepuluh baris pertama.
fn kenali_pemisah(isi: &str) -> char {
    let mut hitung = [0usize; 3];
    for baris in isi.lines().filter(|l| !l.trim().is_empty()).take(10) {
        let mut petik = false;
        for c in baris.chars() {
            match c {
                '"' => petik = !petik,
                ',' if !petik => hitung[0] += 1,
                ';' if !petik => hitung[1] += 1,
                '\t' if !petik => hitung[2] += 1,
                _ => {}
            }
        }
    }
    let calon = [',', ';', '\t'];
    let mut terbaik = 0;
    for i in 1..3 {
        if hitung[i] > hitung[terbaik] {
            terbaik = i;
        }
    }
    calon[terbaik]
}

/// `="0812…"` (cara lama Excel memaksa teks di CSV) menjadi isinya.
fn buka_rumus_teks(s: &str) -> &str {
    let t = s.trim();
    if t.len() >= 3 && t.starts_with("=\"") && t.ends_with('"') {
        &t[2..t.len() - 1]
    } else {
        s
    }
}

fn windows_1252(bytes: &[u8]) -> String {
    const TENGAH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| {
            if (0x80..0xA0).contains(&b) {
                TENGAH[(b - 0x80) as usize]
            } else {
                b as char
            }
        })
        .collect()
}

// ---------- XLSX (lewat calamine, sel demi sel) ----------

/// Pesan "terlalu besar" untuk berkas yang melampaui batas templat.
fn terlalu_besar(k: &Konteks, id: String, en: String) -> CatatanBaris {
    CatatanBaris::baru(0, "", pilih(k, id, en))
}

/// Membaca lembar XLSX dengan kerja terbatas: ukuran isi ZIP, jumlah teks
/// bersama dan jumlah sel diperiksa sebelum dibuka, lalu sel dibaca satu per
/// satu (tanpa `Range`, yang mengalokasikan seluruh kotak dari sel pertama
/// sampai sel terakhir: satu sel di XFD1048576 berarti 512 GB).
fn baca_lembar(k: &Konteks, jenis: Bentuk, bytes: &[u8], zip: bool) -> Result<Tabel, CatatanBaris> {
    // calamine dapat panik pada berkas rusak (fuzz: tumpah aritmetika pada
    // referensi sel atau dimensi yang mustahil); itu berkas rusak, bukan
    // galat server.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        baca_lembar_tanpa_jaring(k, jenis, bytes, zip)
    })) {
        Ok(hasil) => hasil,
        Err(_) => Err(CatatanBaris::baru(
            0,
            "",
            k.t(
                "Spreadsheet tidak dapat dibuka (isinya rusak). Simpan ulang sebagai Excel Workbook (.xlsx) atau CSV.",
                "The spreadsheet cannot be opened (its content is damaged). Save it again as Excel Workbook (.xlsx) or CSV.",
            ),
        )),
    }
}

fn baca_lembar_tanpa_jaring(
    k: &Konteks,
    jenis: Bentuk,
    bytes: &[u8],
    zip: bool,
) -> Result<Tabel, CatatanBaris> {
    let rusak = |e: String| {
        CatatanBaris::baru(
            0,
            "",
            pilih(
                k,
                format!(
                    "Spreadsheet tidak dapat dibuka ({e}). Simpan ulang sebagai Excel Workbook (.xlsx) atau CSV."
                ),
                format!(
                    "The spreadsheet cannot be opened ({e}). Save it again as Excel Workbook (.xlsx) or CSV."
                ),
            ),
        )
    };
    if !zip {
        // XLS lama (OLE): pembacanya membangun seluruh kotak sel tanpa batas.
        return Err(CatatanBaris::baru(
            0,
            "",
            k.t(
                "Format Excel lama (.xls) tidak diterima. Simpan ulang sebagai Excel Workbook (.xlsx) atau CSV.",
                "The old Excel format (.xls) is not accepted. Save it again as Excel Workbook (.xlsx) or CSV.",
            ),
        ));
    }
    let entri = daftar_isi_zip(bytes).ok_or_else(|| rusak("ZIP".into()))?;
    // Jumlah jenuh: ukuran yang diakui berkas bisa sampai 2^64 (fuzz: tumpah).
    let total: u64 = entri.iter().fold(0u64, |t, e| t.saturating_add(e.1));
    if entri.len() > BATAS_ENTRI_ZIP || total > BATAS_ISI_ZIP {
        return Err(terlalu_besar(
            k,
            "Isi XLSX ini terlalu besar setelah dibuka. Bagi menjadi beberapa berkas atau pakai CSV.".into(),
            "This XLSX is too large once unpacked. Split it into several files or use CSV.".into(),
        ));
    }
    periksa_teks_bersama(k, bytes, &entri)?;
    let mut wb = calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes))
        .map_err(|e| match e {
            calamine::XlsxError::FileNotFound(_) => rusak(pilih(
                k,
                "bukan XLSX; berkas ODS atau ZIP lain?".into(),
                "not XLSX; an ODS or other ZIP file?".into(),
            )),
            e => rusak(e.to_string()),
        })?;
    let nama_lembar = {
        let nama = wb.sheet_names();
        nama.iter()
            .find(|n| n.trim().eq_ignore_ascii_case(jenis.kode))
            .or_else(|| nama.first())
            .cloned()
            .ok_or_else(|| rusak(pilih(k, "tanpa lembar".into(), "no sheet".into())))?
    };
    let mut pembaca = wb
        .worksheet_cells_reader(&nama_lembar)
        .map_err(|e| rusak(e.to_string()))?;
    // Baris (indeks 0) → sel (kolom, isi); hanya sel berisi yang disimpan.
    let mut per_baris: std::collections::BTreeMap<u32, Vec<(u32, Sel)>> = Default::default();
    let mut jumlah_sel = 0usize;
    let mut lewat_kolom: Option<(u32, u32)> = None;
    while let Some(c) = pembaca.next_cell().map_err(|e| rusak(e.to_string()))? {
        let (r, kol) = c.get_position();
        let s = sel_lembar(c.get_value());
        if s.teks().is_none() {
            continue;
        }
        if kol as usize >= BATAS_KOLOM {
            lewat_kolom.get_or_insert((r, kol));
            continue;
        }
        jumlah_sel += 1;
        if !per_baris.contains_key(&r) && per_baris.len() > BATAS_BARIS + BARIS_DI_ATAS_DATA {
            return Err(terlalu_banyak_baris(k));
        }
        if jumlah_sel > BATAS_SEL {
            return Err(terlalu_besar(
                k,
                format!(
                    "Berkas ini berisi lebih dari {BATAS_SEL} sel. Bagi menjadi beberapa berkas."
                ),
                format!(
                    "This file holds more than {BATAS_SEL} cells. Split it into several files."
                ),
            ));
        }
        per_baris.entry(r).or_default().push((kol, s));
    }
    drop(pembaca);
    let kolom0 = per_baris
        .values()
        .flat_map(|v| v.iter().map(|(c, _)| *c))
        .min();
    let Some(kolom0) = kolom0 else {
        return Err(CatatanBaris::baru(
            0,
            "",
            k.t("Lembar pertama kosong.", "The first sheet is empty."),
        ));
    };
    let baris: Vec<Baris> = per_baris
        .into_iter()
        .map(|(r, sel_baris)| {
            let lebar = sel_baris
                .iter()
                .map(|(c, _)| (c - kolom0) as usize + 1)
                .max()
                .unwrap_or(0);
            let mut sel = vec![Sel::Kosong; lebar];
            for (c, s) in sel_baris {
                sel[(c - kolom0) as usize] = s;
            }
            Baris {
                nomor: r as usize + 1,
                sel,
            }
        })
        .collect();
    let mut info = Vec::new();
    if let Some((r, kol)) = lewat_kolom {
        let huruf = huruf_kolom(kol as usize);
        let n = r as usize + 1;
        info.push(CatatanBaris::baru(
            n,
            "",
            pilih(
                k,
                format!("Ada nilai di luar {BATAS_KOLOM} kolom pertama (pertama di baris {n}, kolom {huruf}); nilai itu tidak diimpor."),
                format!("Some values lie beyond the first {BATAS_KOLOM} columns (first at row {n}, column {huruf}); they were not imported."),
            ),
        ));
    }
    susun_tabel(k, jenis, Format::Xlsx, None, kolom0 as usize, baris, info)
}

fn terlalu_banyak_baris(k: &Konteks) -> CatatanBaris {
    terlalu_besar(
        k,
        format!(
            "Berkas ini berisi lebih dari {BATAS_BARIS} baris data. Bagi menjadi beberapa berkas."
        ),
        format!("This file holds more than {BATAS_BARIS} data rows. Split it into several files."),
    )
}

/// `sharedStrings.xml` menyebut jumlah teksnya di awal, dan calamine
/// memesan tempat sebanyak itu sebelum membaca: jumlah yang mustahil
/// (lebih dari sel yang boleh ada, atau lebih dari yang muat di ukurannya)
/// ditolak lebih dulu.
fn periksa_teks_bersama(
    k: &Konteks,
    bytes: &[u8],
    entri: &[(String, u64)],
) -> Result<(), CatatanBaris> {
    use std::io::Read;
    let besar = || {
        terlalu_besar(
            k,
            "Daftar teks di XLSX ini terlalu besar. Bagi menjadi beberapa berkas atau pakai CSV."
                .into(),
            "The text table of this XLSX is too large. Split it into several files or use CSV."
                .into(),
        )
    };
    if entri.iter().any(|(nama, ukuran)| {
        nama.to_ascii_lowercase().ends_with("sharedstrings.xml") && *ukuran > BATAS_TEKS_BERSAMA
    }) {
        return Err(besar());
    }
    let Ok(mut arsip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    // Setiap entri yang mungkin dibaca calamine sebagai tabel teks (nama
    // kembar pun), dibaca dengan pengurai XML yang sama: elemen `sst` pertama
    // dan atributnya, apa pun tanda petik, spasi atau komentar di depannya.
    for i in 0..arsip.len().min(BATAS_ENTRI_ZIP) {
        let Ok(f) = arsip.by_index(i) else { continue };
        let Some(nama) = f.name().ok().map(|n| n.to_ascii_lowercase()) else {
            continue;
        };
        if !nama.ends_with("sharedstrings.xml") {
            continue;
        }
        let ukuran = f.size();
        let mut xml =
            quick_xml::Reader::from_reader(std::io::BufReader::new(f.take(BATAS_TEKS_BERSAMA)));
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e))
                    if e.local_name().as_ref() == "sst" =>
                {
                    for atribut in ["uniqueCount", "count"] {
                        if let Ok(Some(a)) = e.try_get_attribute(atribut) {
                            let v: &str = a.value.as_ref();
                            let v = v.strip_prefix('+').unwrap_or(v);
                            let digit = v.bytes().take_while(|c| c.is_ascii_digit()).count();
                            let n = v[..digit].parse::<u64>().ok().unwrap_or(if digit > 0 {
                                u64::MAX
                            } else {
                                0
                            });
                            if n > BATAS_SEL as u64 || n > ukuran / 5 + 1 {
                                return Err(besar());
                            }
                        }
                    }
                    break;
                }
                Ok(quick_xml::events::Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
    }
    Ok(())
}

fn sel_lembar(d: &DataRef) -> Sel {
    let teks = |s: &str| {
        if s.trim().is_empty() {
            Sel::Kosong
        } else {
            Sel::Teks(s.to_string())
        }
    };
    match d {
        DataRef::Empty => Sel::Kosong,
        DataRef::String(s) => teks(s),
        DataRef::SharedString(s) => teks(s),
        DataRef::Int(i) => Sel::Angka {
            nilai: *i as f64,
            tampil: i.to_string(),
        },
        DataRef::Float(f) => Sel::Angka {
            nilai: *f,
            tampil: tampil_angka(*f),
        },
        DataRef::Bool(b) => Sel::Teks(if *b { "TRUE" } else { "FALSE" }.into()),
        DataRef::DateTime(dt) => {
            if dt.is_datetime() {
                let (th, bl, hr, ..) = dt.to_ymd_hms_milli();
                Sel::Tanggal(format!("{th:04}-{bl:02}-{hr:02}"))
            } else {
                Sel::Angka {
                    nilai: dt.as_f64(),
                    tampil: tampil_angka(dt.as_f64()),
                }
            }
        }
        DataRef::DateTimeIso(s) => Sel::Tanggal(s.chars().take(10).collect()),
        DataRef::DurationIso(s) => Sel::Teks(s.clone()),
        DataRef::Error(e) => Sel::Teks(format!("{e}")),
    }
}

/// Angka seperti ditampilkan Excel: bilangan bulat dengan paling banyak 15
/// digit bermakna (198503152010011002 → 198503152010011000).
pub(crate) fn tampil_angka(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{f:.0}");
    }
    if f.fract() == 0.0 {
        let s = format!("{:.14e}", f.abs());
        if let Some((mantisa, pangkat)) = s.split_once('e') {
            let digit: String = mantisa.chars().filter(|c| c.is_ascii_digit()).collect();
            let digit = digit.trim_end_matches('0');
            let pangkat: usize = pangkat.parse().unwrap_or(0);
            let mut out = String::new();
            if f < 0.0 {
                out.push('-');
            }
            out.push_str(digit);
            for _ in digit.len()..=pangkat {
                out.push('0');
            }
            return out;
        }
    }
    f.to_string()
}

/// Nama dan ukuran setiap isi ZIP menurut direktori pusatnya; `None` bila
/// tidak terbaca. Dibaca dengan pustaka `zip` yang sama dengan yang dipakai
/// calamine, agar berkas yang diperiksa di sini adalah berkas yang nanti
/// dibuka (fuzz: ZIP dengan beberapa rekaman akhir dan sampah di depan dulu
/// lolos pemeriksaan teks bersama). Paling banyak `BATAS_ENTRI_ZIP + 1`
/// entri dikembalikan; pemanggil menolak yang lebih.
pub(crate) fn daftar_isi_zip(b: &[u8]) -> Option<Vec<(String, u64)>> {
    let mut arsip = zip::ZipArchive::new(Cursor::new(b)).ok()?;
    let jumlah = arsip.len().min(BATAS_ENTRI_ZIP + 1);
    let mut isi = Vec::with_capacity(jumlah);
    for i in 0..jumlah {
        let f = arsip.by_index_raw(i).ok()?;
        isi.push((f.name().ok()?.into_owned(), f.size()));
    }
    Some(isi)
}

// ---------- nilai sel ----------

/// NIP dari sel: sel angka atau teks yang tampak hasil konversi angka
/// (notasi ilmiah, `.0`) ditolak dengan penjelasan 15 digit.
pub(crate) fn nip(k: &Konteks, kolom: &str, s: &Sel) -> Result<Option<String>, String> {
    match s {
        Sel::Kosong => Ok(None),
        Sel::Angka { tampil, .. } => Err(super::pesan_nip_angka(k, kolom, tampil)),
        Sel::Tanggal(t) => Ok(Some(t.clone())),
        Sel::Teks(t) => {
            let t = t.trim();
            let t = t.strip_prefix('\'').unwrap_or(t).trim();
            if t.is_empty() {
                return Ok(None);
            }
            if tampak_angka_terkonversi(t) {
                return Err(super::pesan_nip_angka(k, kolom, t));
            }
            Ok(Some(t.to_string()))
        }
    }
}

/// `1.98503E+17`, `1,98503152010011E+17`, `198503152010011000.0`, `…,00`.
fn tampak_angka_terkonversi(t: &str) -> bool {
    let t = t.replace(' ', "");
    let (dasar, pangkat) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t.as_str(), None),
    };
    let dasar_angka = |s: &str| {
        let mut pisah = 0;
        !s.is_empty()
            && s.chars().all(|c| {
                if c == '.' || c == ',' {
                    pisah += 1;
                    true
                } else {
                    c.is_ascii_digit()
                }
            })
            && pisah <= 1
            && s.chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    match pangkat {
        Some(p) => {
            let p = p.strip_prefix('+').unwrap_or(p);
            dasar_angka(dasar) && !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())
        }
        None => {
            dasar_angka(dasar) && (dasar.contains('.') || dasar.contains(',')) && dasar.len() >= 12
        }
    }
}

/// Bilangan bulat dari sel; koma desimal diterima (`3,0`), begitu pula
/// pemisah ribuan titik pada CSV berpemisah `;` (`1.200`). `Err` bila bukan
/// bilangan bulat.
pub(crate) fn bilangan_bulat(s: &Sel, desimal_koma: bool) -> Result<Option<i64>, ()> {
    match s {
        Sel::Kosong => Ok(None),
        Sel::Angka { nilai, .. } => {
            if nilai.fract() == 0.0 && nilai.abs() < 9.0e15 {
                Ok(Some(*nilai as i64))
            } else {
                Err(())
            }
        }
        Sel::Tanggal(_) => Err(()),
        Sel::Teks(t) => {
            let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            if t.is_empty() {
                return Ok(None);
            }
            let d = angka_desimal(&t, desimal_koma).ok_or(())?;
            if d.fract().is_zero() {
                i64::try_from(d.trunc()).map(Some).map_err(|_| ())
            } else {
                Err(())
            }
        }
    }
}

/// Angka desimal dengan koma atau titik desimal. Bila keduanya muncul, yang
/// terakhir adalah pemisah desimal. Satu titik dengan tepat tiga digit di
/// belakangnya pada CSV ber-`;` dibaca sebagai pemisah ribuan.
pub(crate) fn angka_desimal(t: &str, desimal_koma: bool) -> Option<Decimal> {
    let koma = t.rfind(',');
    let titik = t.rfind('.');
    let normal = match (koma, titik) {
        (Some(k), Some(p)) if k > p => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (Some(_), None) => {
            if t.matches(',').count() > 1 {
                return None;
            }
            t.replace(',', ".")
        }
        (None, Some(_)) => {
            let ribuan = desimal_koma
                && t.split('.')
                    .skip(1)
                    .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
            if ribuan {
                t.replace('.', "")
            } else {
                t.to_string()
            }
        }
        (None, None) => t.to_string(),
    };
    // Tepat atau ditolak: lebih dari 28 digit bermakna tidak dibulatkan diam-diam.
    rules::angka::baca_desimal_tepat(&normal).ok()
}

/// Tanggal TTTT-BB-HH dari sel tanggal, teks ISO, atau HH/BB/TTTT (dan HH-BB-TTTT, HH.BB.TTTT).
pub(crate) fn tanggal(s: &Sel) -> Option<String> {
    match s {
        Sel::Tanggal(t) => Some(t.clone()),
        Sel::Kosong => None,
        Sel::Angka { tampil, .. } => Some(tampil.clone()),
        Sel::Teks(t) => {
            let t = t.trim();
            if t.is_empty() {
                return None;
            }
            let bagian: Vec<&str> = t.split(['/', '-', '.']).collect();
            if bagian.len() == 3
                && bagian[2].len() == 4
                && bagian[0].len() <= 2
                && bagian[1].len() <= 2
            {
                let ok = bagian
                    .iter()
                    .all(|b| !b.is_empty() && b.chars().all(|c| c.is_ascii_digit()));
                if ok {
                    return Some(format!("{}-{:0>2}-{:0>2}", bagian[2], bagian[1], bagian[0]));
                }
            }
            let jam = t.len() > 10 && matches!(t.as_bytes()[10], b'T' | b' ');
            Some(if jam {
                t.chars().take(10).collect()
            } else {
                t.to_string()
            })
        }
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn angka_seperti_excel() {
        assert_eq!(tampil_angka(198503152010011002.0), "198503152010011000");
        assert_eq!(tampil_angka(12.0), "12");
        assert_eq!(tampil_angka(81234567.0), "81234567");
    }

    #[test]
    fn nip_terkonversi() {
        for t in [
            "1.98503E+17",
            "1,98503152010011E+17",
            "198503152010011000.0",
            "198503152010011002,00",
            "1.98503E17",
        ] {
            assert!(tampak_angka_terkonversi(t), "{t}");
        }
        for t in [
            "198503152010011002",
            "19850315 201001 1 002",
            "1985031520100110",
            "abc",
            "1.5",
        ] {
            assert!(!tampak_angka_terkonversi(t), "{t}");
        }
    }

    #[test]
    fn bilangan_dengan_koma_desimal() {
        let t = |s: &str| Sel::Teks(s.into());
        assert_eq!(bilangan_bulat(&t("3,0"), true), Ok(Some(3)));
        assert_eq!(bilangan_bulat(&t("3,00"), false), Ok(Some(3)));
        assert_eq!(bilangan_bulat(&t("1.200"), true), Ok(Some(1200)));
        assert_eq!(bilangan_bulat(&t("1.200,0"), true), Ok(Some(1200)));
        assert_eq!(bilangan_bulat(&t("12"), false), Ok(Some(12)));
        assert_eq!(bilangan_bulat(&t("2,5"), true), Err(()));
        assert_eq!(bilangan_bulat(&t("x"), true), Err(()));
        assert_eq!(
            angka_desimal("1.234,56", true),
            "1234.56".parse::<Decimal>().ok()
        );
        assert_eq!(
            angka_desimal("1,234.56", false),
            "1234.56".parse::<Decimal>().ok()
        );
    }

    #[test]
    fn tanggal_indonesia() {
        assert_eq!(
            tanggal(&Sel::Teks("15/03/2024".into())).as_deref(),
            Some("2024-03-15")
        );
        assert_eq!(
            tanggal(&Sel::Teks("1-3-2024".into())).as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            tanggal(&Sel::Teks("2024-03-15".into())).as_deref(),
            Some("2024-03-15")
        );
        assert_eq!(
            tanggal(&Sel::Teks("2024-03-15T00:00:00".into())).as_deref(),
            Some("2024-03-15")
        );
    }

    #[test]
    fn nomor_baris_seperti_spreadsheet() {
        let k = Konteks::sistem();
        for isi in [
            "a,b\r\n\r\n1,2\r\n\"x\r\ny\",4\r\n5,6\r\n",
            "a,b\n\n1,2\n\"x\ny\",4\n5,6",
            "sep=;\na;b\n\n1;2\n\"x\ny\";4\n5;6",
        ] {
            let t = baca(&k, Jenis::Pegawai, "a.csv", isi.as_bytes()).unwrap();
            assert_eq!(t.baris_kepala, 1);
            assert_eq!(
                t.baris.iter().map(|b| b.nomor).collect::<Vec<_>>(),
                vec![3, 4, 5],
                "{isi:?}"
            );
            assert_eq!(t.baris[1].sel[0], Sel::Teks("x\ny".into()));
        }
    }

    #[test]
    fn judul_laporan_di_atas_baris_judul_dilewati() {
        let k = Konteks::sistem();
        let isi =
            "Daftar Pegawai Dinas Kesehatan\n\nnip;nama;jenis_asn;unit\n1;Budi;pns;Dinkes;lebih\n";
        let t = baca(&k, Jenis::Pegawai, "a.csv", isi.as_bytes()).unwrap();
        assert_eq!(t.pemisah, Some(';'));
        assert_eq!(t.baris_kepala, 3);
        assert_eq!(t.baris.len(), 1);
        assert_eq!(t.baris[0].nomor, 4);
        assert_eq!(t.info.len(), 2, "{:?}", t.info);
        assert!(t.info[1].pesan.contains("kolom E"), "{:?}", t.info);
    }

    #[test]
    fn pemisah_dan_huruf() {
        assert_eq!(kenali_pemisah("nip;nama;\"a,b\"\n"), ';');
        assert_eq!(kenali_pemisah("nip,nama\n"), ',');
        assert_eq!(kenali_pemisah("nip\tnama\n"), '\t');
        assert_eq!(huruf_kolom(0), "A");
        assert_eq!(huruf_kolom(25), "Z");
        assert_eq!(huruf_kolom(26), "AA");
        assert_eq!(buka_rumus_teks("=\"0812\""), "0812");
        assert_eq!(normal_kepala("\u{feff} NIP Atasan "), "nip_atasan");
        assert_eq!(windows_1252(b"Jos\xe9 \x80"), "José €");
    }
}
