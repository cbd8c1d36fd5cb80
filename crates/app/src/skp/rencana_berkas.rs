//! Rencana SKP (RHK dan IKI) dari dan ke XLSX/CSV: pegawai menyusun SKP di
//! Excel lalu mengunggahnya, dan BKD menyimpan berkas yang sama sebagai
//! templat per jabatan (`templat`). Satu baris per indikator (RHK tanpa
//! indikator = satu baris dengan sel indikator kosong); `rhk_no`
//! mengelompokkan baris satu RHK.
//!
//! Impor: berkas adalah rencana seluruhnya. RHK dicocokkan dengan uraiannya
//! (dipangkas, tanpa beda huruf besar/kecil) lalu diubah, yang baru
//! ditambahkan, indikator dicocokkan per (RHK, uraian indikator); RHK dan
//! indikator yang tidak ada di berkas dihapus — kecuali masih dirujuk
//! (diintervensi RHK bawahan, sudah berealisasi, tonggak aksi perubahan,
//! berasal dari Perjanjian Kinerja): impor ditolak dengan nama RHK-nya.
//! Semua atau tidak sama sekali, laporan per baris; impor ulang berkas
//! ekspor yang tidak diubah tidak mengubah apa pun.

use super::{MAKS_INDIKATOR, MAKS_RHK, MasukanIndikator, MasukanRhk, muat};
use crate::galat::GalatKolom;
use crate::impor::baca::{Bentuk, Tabel};
use crate::impor::{CatatanBaris, Format, Jenis, Kolom, LaporanImpor};
use crate::{Bahasa, Hasil, Konteks, Layanan};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use store::skp::{IndikatorSkp, Rhk, Skp};

/// Baris per berkas: 50 RHK × 10 indikator (satu baris per indikator).
pub const MAKS_BARIS: usize = MAKS_RHK * MAKS_INDIKATOR;

/// Kolom berkas rencana SKP, dalam urutan ekspor.
pub const KOLOM_RENCANA_SKP: &[Kolom] = &[
    Kolom {
        nama: "rhk_no",
        wajib: true,
        id: "Nomor RHK (1, 2, …): baris bernomor sama adalah satu RHK.",
        en: "Result number (1, 2, …): rows with the same number form one result.",
        pilihan: &[],
    },
    Kolom {
        nama: "jenis",
        wajib: true,
        id: "Jenis RHK: utama atau tambahan.",
        en: "Kind: utama (main) or tambahan (additional).",
        pilihan: &["utama", "tambahan"],
    },
    Kolom {
        nama: "rhk",
        wajib: true,
        id: "Rencana hasil kerja (uraian; pencocok RHK yang sudah ada).",
        en: "Planned result (text; matches an existing result).",
        pilihan: &[],
    },
    Kolom {
        nama: "rhk_atasan_id",
        wajib: false,
        id: "Id RHK pejabat penilai yang diintervensi (boleh kosong; diabaikan di templat).",
        en: "Id of the evaluator's result this one contributes to (may be empty; ignored in templates).",
        pilihan: &[],
    },
    Kolom {
        nama: "perspektif",
        wajib: false,
        id: "JPT: penerima_layanan, proses_bisnis, penguatan_internal, anggaran; selain JPT kosong.",
        en: "Senior executives: penerima_layanan, proses_bisnis, penguatan_internal, anggaran; otherwise empty.",
        pilihan: &[
            "penerima_layanan",
            "proses_bisnis",
            "penguatan_internal",
            "anggaran",
        ],
    },
    Kolom {
        nama: "jam_beban",
        wajib: false,
        id: "Jam kerja setahun untuk RHK ini (0–5000), boleh kosong.",
        en: "Yearly work hours for this result (0–5000), may be empty.",
        pilihan: &[],
    },
    Kolom {
        nama: "aspek",
        wajib: true,
        id: "Aspek indikator: kuantitas, kualitas, waktu, biaya.",
        en: "Indicator aspect: kuantitas, kualitas, waktu, biaya.",
        pilihan: &["kuantitas", "kualitas", "waktu", "biaya"],
    },
    Kolom {
        nama: "indikator",
        wajib: true,
        id: "Indikator kinerja individu (kosong: RHK tanpa indikator).",
        en: "Individual performance indicator (empty: result without indicator).",
        pilihan: &[],
    },
    Kolom {
        nama: "target",
        wajib: true,
        id: "Target tahunan, angka (12 atau 95,5).",
        en: "Yearly target, a number (12 or 95.5).",
        pilihan: &[],
    },
    Kolom {
        nama: "satuan",
        wajib: true,
        id: "Satuan target, mis. dokumen, persen.",
        en: "Target unit, e.g. documents, percent.",
        pilihan: &[],
    },
];

const BENTUK: Bentuk = Bentuk {
    kode: "rencana_skp",
    kolom: KOLOM_RENCANA_SKP,
};

/// Satu RHK dalam berkas (dan dalam isi templat, JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RhkBerkas {
    /// `utama` atau `tambahan`.
    pub jenis: String,
    pub uraian: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhk_atasan_id: Option<String>,
    #[serde(default)]
    pub perspektif: Option<String>,
    /// Desimal kanonis.
    #[serde(default)]
    pub jam_beban: Option<String>,
    #[serde(default)]
    pub indikator: Vec<IndikatorBerkas>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IndikatorBerkas {
    pub aspek: String,
    pub uraian: String,
    /// Desimal kanonis.
    pub target: String,
    pub satuan: String,
}

/// Laporan impor rencana SKP (juga unggah templat).
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct LaporanRencanaSkp {
    pub nama_berkas: String,
    pub baris_data: usize,
    /// false: tidak ada yang disimpan; `galat` memuat kesalahannya.
    pub diterima: bool,
    /// false: berkas sama dengan rencana yang tersimpan (tidak ada yang ditulis).
    pub berubah: bool,
    pub rhk_dibuat: usize,
    pub rhk_diubah: usize,
    pub rhk_dihapus: usize,
    pub indikator_dibuat: usize,
    pub indikator_diubah: usize,
    pub indikator_dihapus: usize,
    /// RHK yang tidak berubah (beserta indikatornya).
    pub tidak_berubah: usize,
    pub jumlah_galat: usize,
    pub galat: Vec<CatatanBaris>,
}

impl LaporanRencanaSkp {
    fn tolak(mut self, mut galat: Vec<CatatanBaris>) -> Self {
        self.jumlah_galat = galat.len();
        galat.truncate(crate::impor::BATAS_GALAT_LAPORAN);
        self.galat = galat;
        self.diterima = false;
        self
    }
}

fn pilih(k: &Konteks, id: String, en: String) -> String {
    match k.bahasa {
        Bahasa::Id => id,
        Bahasa::En => en,
    }
}

/// Pembanding uraian: dipangkas, huruf kecil.
pub(crate) fn normal(s: &str) -> String {
    s.trim().to_lowercase()
}

// ---------- ekspor ----------

/// Rencana satu SKP sebagai baris berkas (urutan tampilan SKP).
pub(crate) async fn rencana_skp(l: &Layanan, s: &Skp) -> Hasil<Vec<RhkBerkas>> {
    let rhk = store::skp::rhk_skp(l.pool(), &s.instansi_id, &s.id).await?;
    let mut per_rhk: HashMap<String, Vec<IndikatorBerkas>> = HashMap::new();
    for i in store::skp::indikator_skp(l.pool(), &s.instansi_id, &s.id).await? {
        per_rhk.entry(i.rhk_id).or_default().push(IndikatorBerkas {
            aspek: i.aspek,
            uraian: i.uraian,
            target: i.target,
            satuan: i.satuan,
        });
    }
    Ok(rhk
        .into_iter()
        .map(|r| RhkBerkas {
            indikator: per_rhk.remove(&r.id).unwrap_or_default(),
            jenis: r.jenis,
            uraian: r.uraian,
            rhk_atasan_id: r.rhk_atasan_id,
            perspektif: r.perspektif,
            jam_beban: r.jam_beban,
        })
        .collect())
}

/// Berkas (XLSX/CSV) dari baris rencana.
pub(crate) fn tulis(k: &Konteks, rencana: &[RhkBerkas], format: Format) -> Hasil<Vec<u8>> {
    let mut baris = Vec::new();
    for (n, r) in rencana.iter().enumerate() {
        let kepala = [
            (n + 1).to_string(),
            r.jenis.clone(),
            r.uraian.clone(),
            r.rhk_atasan_id.clone().unwrap_or_default(),
            r.perspektif.clone().unwrap_or_default(),
            r.jam_beban.clone().unwrap_or_default(),
        ];
        if r.indikator.is_empty() {
            let mut b = kepala.to_vec();
            b.extend(std::iter::repeat_n(String::new(), 4));
            baris.push(b);
        }
        for i in &r.indikator {
            let mut b = kepala.to_vec();
            b.extend([
                i.aspek.clone(),
                i.uraian.clone(),
                i.target.clone(),
                i.satuan.clone(),
            ]);
            baris.push(b);
        }
    }
    match format {
        Format::Csv => crate::impor::tulis::csv(KOLOM_RENCANA_SKP, &baris),
        Format::Xlsx => {
            crate::impor::tulis::xlsx_tabel(k.bahasa, "rencana_skp", KOLOM_RENCANA_SKP, &baris)
        }
    }
}

/// Ekspor rencana satu SKP (siapa pun yang boleh membaca SKP itu).
pub async fn ekspor(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    skp_id: &str,
    format: Format,
) -> Hasil<Vec<u8>> {
    let (s, _) = muat(l, k, iid, skp_id).await?;
    let rencana = rencana_skp(l, &s).await?;
    tulis(k, &rencana, format)
}

// ---------- membaca berkas ----------

/// Satu RHK yang terbaca dengan nomor baris pertamanya (untuk laporan).
pub(crate) struct RhkTerbaca {
    pub baris: usize,
    pub rhk: RhkBerkas,
}

/// Membaca dan memeriksa berkas rencana tanpa basis data (pemeriksaan yang
/// sama dengan formulir RHK). `dengan_atasan`: false untuk templat (kolom
/// `rhk_atasan_id` diabaikan). Tabel None: galat tingkat berkas ada di `lap`.
pub(crate) async fn baca(
    k: &Konteks,
    nama_berkas: &str,
    bytes: &[u8],
    dengan_atasan: bool,
) -> Hasil<(LaporanRencanaSkp, Option<Vec<RhkTerbaca>>)> {
    let mut sementara = LaporanImpor::baru(Jenis::Rencana, nama_berkas);
    let tabel = crate::impor::baca_berkas(k, BENTUK, nama_berkas, bytes, &mut sementara).await?;
    let lap = LaporanRencanaSkp {
        nama_berkas: sementara.nama_berkas.clone(),
        baris_data: sementara.baris_data,
        jumlah_galat: sementara.jumlah_galat.max(sementara.galat.len()),
        galat: sementara.galat,
        ..Default::default()
    };
    let Some(tabel) = tabel else {
        return Ok((lap, None));
    };
    if tabel.baris.len() > MAKS_BARIS {
        let g = vec![CatatanBaris::baru(
            0,
            "",
            pilih(
                k,
                format!("Paling banyak {MAKS_BARIS} baris per berkas."),
                format!("At most {MAKS_BARIS} rows per file."),
            ),
        )];
        return Ok((lap.tolak(g), None));
    }
    let mut galat = Vec::new();
    let rencana = urai(k, &tabel, dengan_atasan, &mut galat);
    if !galat.is_empty() {
        return Ok((lap.tolak(galat), None));
    }
    Ok((lap, Some(rencana)))
}

struct Kelompok {
    no: u32,
    baris: usize,
    jenis: String,
    uraian: String,
    atasan: String,
    perspektif: String,
    jam: String,
    /// (nomor baris, indikator).
    indikator: Vec<(usize, MasukanIndikator)>,
}

fn urai(
    k: &Konteks,
    tabel: &Tabel,
    dengan_atasan: bool,
    galat: &mut Vec<CatatanBaris>,
) -> Vec<RhkTerbaca> {
    let mut kelompok: Vec<Kelompok> = Vec::new();
    let mut indeks: HashMap<u32, usize> = HashMap::new();
    for b in &tabel.baris {
        let teks = |kolom: &str| tabel.sel(b, kolom).teks().unwrap_or_default();
        let sel: Vec<String> = KOLOM_RENCANA_SKP.iter().map(|x| teks(x.nama)).collect();
        if sel.iter().all(|x| x.is_empty()) {
            continue;
        }
        let salah = |kolom: &str, id: &'static str, en: &'static str| {
            CatatanBaris::baru(b.nomor, kolom, k.t(id, en))
        };
        let no = match teks("rhk_no").trim().parse::<u32>() {
            Ok(n) if n >= 1 => n,
            _ => {
                galat.push(salah(
                    "rhk_no",
                    "Nomor RHK berupa bilangan bulat 1, 2, …",
                    "The result number is a whole number 1, 2, …",
                ));
                continue;
            }
        };
        let atasan = if dengan_atasan {
            teks("rhk_atasan_id")
        } else {
            String::new()
        };
        let isi = [
            ("jenis", teks("jenis").to_lowercase()),
            ("rhk", teks("rhk")),
            ("rhk_atasan_id", atasan),
            ("perspektif", teks("perspektif").to_lowercase()),
            ("jam_beban", teks("jam_beban")),
        ];
        let i = match indeks.get(&no) {
            Some(i) => {
                // Baris berikut RHK yang sama: sel RHK kosong atau sama.
                let g = &kelompok[*i];
                let lama = [&g.jenis, &g.uraian, &g.atasan, &g.perspektif, &g.jam];
                for ((kolom, baru), lama) in isi.iter().zip(lama) {
                    if !baru.is_empty() && normal(baru) != normal(lama) {
                        galat.push(salah(
                            kolom,
                            "Baris dengan rhk_no yang sama harus sama isi kolom RHK-nya; kosongkan atau salin dari baris pertama RHK ini.",
                            "Rows with the same rhk_no must repeat the result's columns; leave them empty or copy the first row of this result.",
                        ));
                    }
                }
                *i
            }
            None => {
                indeks.insert(no, kelompok.len());
                let [jenis, uraian, atasan, perspektif, jam] = isi.map(|(_, x)| x);
                kelompok.push(Kelompok {
                    no,
                    baris: b.nomor,
                    jenis,
                    uraian,
                    atasan,
                    perspektif,
                    jam,
                    indikator: Vec::new(),
                });
                kelompok.len() - 1
            }
        };
        let (aspek, ind, target, satuan) = (
            teks("aspek").to_lowercase(),
            teks("indikator"),
            teks("target"),
            teks("satuan"),
        );
        if [&aspek, &ind, &target, &satuan]
            .iter()
            .any(|x| !x.is_empty())
        {
            kelompok[i].indikator.push((
                b.nomor,
                MasukanIndikator {
                    aspek,
                    uraian: ind,
                    target,
                    satuan,
                },
            ));
        }
    }
    if kelompok.len() > MAKS_RHK {
        galat.push(CatatanBaris::baru(
            0,
            "rhk_no",
            pilih(
                k,
                format!("Paling banyak {MAKS_RHK} RHK per SKP."),
                format!("At most {MAKS_RHK} results per plan."),
            ),
        ));
        return Vec::new();
    }
    let mut hasil = Vec::new();
    let mut uraian_rhk: HashMap<String, u32> = HashMap::new();
    for g in &kelompok {
        let m = MasukanRhk {
            jenis: g.jenis.clone(),
            uraian: g.uraian.clone(),
            rhk_atasan_id: None,
            perspektif: Some(g.perspektif.clone()).filter(|x| !x.is_empty()),
            jam_beban: Some(g.jam.clone()).filter(|x| !x.is_empty()),
            indikator: g.indikator.iter().map(|(_, i)| i.clone()).collect(),
            versi: None,
        };
        let mut f = GalatKolom::default();
        let uraian = super::periksa_rhk_dasar(k, &mut f, &m);
        let ind = super::periksa_indikator(k, &mut f, &m.indikator);
        // Kunci galat formulir → (baris, kolom berkas).
        for (kunci, pesan) in f.0 {
            let (baris, kolom) = match kunci.split('.').collect::<Vec<_>>().as_slice() {
                ["indikator", n, x] => {
                    let baris = n
                        .parse::<usize>()
                        .ok()
                        .and_then(|n| g.indikator.get(n))
                        .map_or(g.baris, |(b, _)| *b);
                    (baris, if *x == "uraian" { "indikator" } else { x })
                }
                ["uraian"] => (g.baris, "rhk"),
                [x] => (g.baris, *x),
                _ => (g.baris, ""),
            };
            galat.push(CatatanBaris::baru(baris, kolom, pesan));
        }
        if let Some(lain) = uraian_rhk.insert(normal(&uraian), g.no) {
            galat.push(CatatanBaris::baru(
                g.baris,
                "rhk",
                pilih(
                    k,
                    format!("Uraian RHK ini sama dengan RHK nomor {lain}; setiap RHK harus berbeda."),
                    format!("This result has the same text as result number {lain}; each result must differ."),
                ),
            ));
        }
        let mut uraian_ind = HashSet::new();
        for (b, i) in &g.indikator {
            if !uraian_ind.insert(normal(&i.uraian)) {
                galat.push(CatatanBaris::baru(
                    *b,
                    "indikator",
                    k.t(
                        "Indikator ini sudah ada di RHK yang sama.",
                        "This indicator already appears in the same result.",
                    ),
                ));
            }
        }
        hasil.push(RhkTerbaca {
            baris: g.baris,
            rhk: RhkBerkas {
                jenis: g.jenis.clone(),
                uraian,
                rhk_atasan_id: Some(g.atasan.trim().to_string()).filter(|x| !x.is_empty()),
                perspektif: m.perspektif.clone(),
                jam_beban: super::jam(&m.jam_beban),
                indikator: ind
                    .into_iter()
                    .map(|(aspek, uraian, target, satuan)| IndikatorBerkas {
                        aspek,
                        uraian,
                        target,
                        satuan,
                    })
                    .collect(),
            },
        });
    }
    hasil
}

// ---------- impor ----------

/// Impor rencana satu SKP oleh pemiliknya (selama draf/dikembalikan): semua
/// atau tidak sama sekali. Berkas = rencana seluruhnya.
pub async fn impor(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    skp_id: &str,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanRencanaSkp> {
    let (s, hak) = muat(l, k, iid, skp_id).await?;
    super::wajib_pemilik_draf(k, &s, hak)?;
    let _giliran = crate::impor::giliran_impor().await?;
    let (mut lap, rencana) = baca(k, nama_berkas, bytes, true).await?;
    let Some(rencana) = rencana else {
        return Ok(lap);
    };
    let pool = l.pool();
    let mut galat = Vec::new();
    let lama_rhk = store::skp::rhk_skp(pool, iid, &s.id).await?;
    // Tautan yang sudah tersimpan pada RHK yang sama tidak diperiksa ulang
    // (berkas ekspor tetap dapat diimpor ulang walau penilai berganti).
    let tautan_lama: HashSet<(String, &str)> = lama_rhk
        .iter()
        .filter_map(|r| Some((normal(&r.uraian), r.rhk_atasan_id.as_deref()?)))
        .collect();
    // RHK atasan: pemeriksaan yang sama dengan formulir RHK (sekali per id).
    let mut sah: HashMap<String, bool> = HashMap::new();
    for r in &rencana {
        let Some(id) = r.rhk.rhk_atasan_id.as_deref() else {
            continue;
        };
        if tautan_lama.contains(&(normal(&r.rhk.uraian), id)) {
            continue;
        }
        let ok = match sah.get(id) {
            Some(x) => *x,
            None => {
                let mut f = GalatKolom::default();
                super::periksa_rhk_atasan(l, k, &mut f, &s, Some(id)).await?;
                sah.insert(id.to_string(), f.kosong());
                f.kosong()
            }
        };
        if !ok {
            galat.push(CatatanBaris::baru(
                r.baris,
                "rhk_atasan_id",
                k.t(
                    "RHK yang diintervensi harus RHK pejabat penilai Anda pada tahun yang sama.",
                    "The result you contribute to must be your evaluator's, in the same year.",
                ),
            ));
        }
    }
    let lama_ind = store::skp::indikator_skp(pool, iid, &s.id).await?;
    let berealisasi = store::skp::indikator_berrealisasi(pool, iid, &s.id).await?;
    let diintervensi = store::skp::rhk_diintervensi(pool, iid, &s.id).await?;
    let tonggak = store::skp::rhk_dirujuk_tonggak(pool, iid, &s.id).await?;
    let mut cocok: HashMap<String, &Rhk> = HashMap::new();
    for r in &lama_rhk {
        cocok.entry(normal(&r.uraian)).or_insert(r);
    }
    let w = store::sekarang();
    let mut terpakai: HashSet<&str> = HashSet::new();
    let mut rhk_baru: Vec<Rhk> = Vec::new();
    let mut rhk_ubah: Vec<(Rhk, i64)> = Vec::new();
    let mut ind_baru: Vec<IndikatorSkp> = Vec::new();
    let mut ind_ubah: Vec<IndikatorSkp> = Vec::new();
    let mut ind_hapus: Vec<String> = Vec::new();
    let mut urutan = lama_rhk.iter().map(|r| r.urutan + 1).max().unwrap_or(0);
    for t in &rencana {
        let f = &t.rhk;
        let Some(lama) = cocok.get(&normal(&f.uraian)).copied() else {
            let id = store::id_baru();
            for (n, i) in f.indikator.iter().enumerate() {
                ind_baru.push(indikator(&s, &id, i, n as i64));
            }
            rhk_baru.push(Rhk {
                instansi_id: iid.into(),
                id,
                skp_id: s.id.clone(),
                jenis: f.jenis.clone(),
                uraian: f.uraian.clone(),
                rhk_atasan_id: f.rhk_atasan_id.clone(),
                perspektif: f.perspektif.clone(),
                sumber_pk: None,
                jam_beban: f.jam_beban.clone(),
                urutan,
                versi: 1,
                dibuat_pada: w.clone(),
                diubah_pada: w.clone(),
            });
            urutan += 1;
            continue;
        };
        terpakai.insert(lama.id.as_str());
        let mut baru = lama.clone();
        baru.jenis = f.jenis.clone();
        baru.uraian = f.uraian.clone();
        baru.rhk_atasan_id = f.rhk_atasan_id.clone();
        baru.perspektif = f.perspektif.clone();
        baru.jam_beban = f.jam_beban.clone();
        let rhk_berubah = baru != *lama;
        // Indikator RHK ini: cocok menurut uraian.
        let milik: Vec<&IndikatorSkp> = lama_ind.iter().filter(|i| i.rhk_id == lama.id).collect();
        let mut ind_cocok: HashMap<String, &IndikatorSkp> = HashMap::new();
        for i in &milik {
            ind_cocok.entry(normal(&i.uraian)).or_insert(i);
        }
        let mut ind_terpakai: HashSet<&str> = HashSet::new();
        let mut urut_ind = milik.iter().map(|i| i.urutan + 1).max().unwrap_or(0);
        let mut ind_berubah = false;
        for i in &f.indikator {
            match ind_cocok.get(&normal(&i.uraian)) {
                Some(x) => {
                    ind_terpakai.insert(x.id.as_str());
                    let mut y = (*x).clone();
                    y.aspek = i.aspek.clone();
                    y.uraian = i.uraian.clone();
                    y.target = i.target.clone();
                    y.satuan = i.satuan.clone();
                    if y != **x {
                        ind_ubah.push(y);
                        ind_berubah = true;
                    }
                }
                None => {
                    ind_baru.push(indikator(&s, &lama.id, i, urut_ind));
                    urut_ind += 1;
                    ind_berubah = true;
                }
            }
        }
        for i in milik
            .iter()
            .filter(|i| !ind_terpakai.contains(i.id.as_str()))
        {
            if berealisasi.contains(&i.id) {
                galat.push(CatatanBaris::baru(
                    t.baris,
                    "indikator",
                    pilih(
                        k,
                        format!(
                            "Indikator “{}” pada RHK “{}” tidak ada di berkas tetapi sudah punya realisasi; tidak dapat dihapus. Tambahkan lagi barisnya.",
                            i.uraian, lama.uraian
                        ),
                        format!(
                            "Indicator “{}” of result “{}” is missing from the file but already has reported progress; it cannot be removed. Add its row back.",
                            i.uraian, lama.uraian
                        ),
                    ),
                ));
            }
            ind_hapus.push(i.id.clone());
            ind_berubah = true;
        }
        if rhk_berubah {
            baru.diubah_pada = w.clone();
            rhk_ubah.push((baru, lama.versi));
        } else if !ind_berubah {
            lap.tidak_berubah += 1;
        }
    }
    let mut rhk_hapus: Vec<&Rhk> = Vec::new();
    for r in lama_rhk
        .iter()
        .filter(|r| !terpakai.contains(r.id.as_str()))
    {
        let alasan = if diintervensi.contains(&r.id) {
            Some((
                "diintervensi RHK bawahan",
                "subordinates' results contribute to it",
            ))
        } else if lama_ind
            .iter()
            .any(|i| i.rhk_id == r.id && berealisasi.contains(&i.id))
        {
            Some(("sudah punya realisasi", "it already has reported progress"))
        } else if tonggak.contains(&r.id) {
            Some((
                "dirujuk tonggak aksi perubahan",
                "a change-project milestone refers to it",
            ))
        } else if r.sumber_pk.is_some() {
            Some((
                "berasal dari Perjanjian Kinerja",
                "it comes from the performance agreement",
            ))
        } else {
            None
        };
        match alasan {
            Some((id, en)) => galat.push(CatatanBaris::baru(
                0,
                "rhk",
                pilih(
                    k,
                    format!(
                        "RHK “{}” tidak ada di berkas tetapi {id}; tidak dapat dihapus. Tambahkan lagi barisnya.",
                        r.uraian
                    ),
                    format!(
                        "Result “{}” is missing from the file but {en}; it cannot be removed. Add its rows back.",
                        r.uraian
                    ),
                ),
            )),
            None => rhk_hapus.push(r),
        }
    }
    if !galat.is_empty() {
        galat.sort_by_key(|g| g.baris);
        let nama = lap.nama_berkas.clone();
        let baris = lap.baris_data;
        return Ok(LaporanRencanaSkp {
            nama_berkas: nama,
            baris_data: baris,
            ..Default::default()
        }
        .tolak(galat));
    }
    lap.diterima = true;
    lap.rhk_dibuat = rhk_baru.len();
    lap.rhk_diubah = rhk_ubah.len();
    lap.rhk_dihapus = rhk_hapus.len();
    lap.indikator_dibuat = ind_baru.len();
    lap.indikator_diubah = ind_ubah.len();
    lap.indikator_dihapus = ind_hapus.len()
        + lama_ind
            .iter()
            .filter(|i| rhk_hapus.iter().any(|r| r.id == i.rhk_id))
            .count();
    lap.berubah = lap.rhk_dibuat
        + lap.rhk_diubah
        + lap.rhk_dihapus
        + lap.indikator_dibuat
        + lap.indikator_diubah
        + lap.indikator_dihapus
        > 0;
    if !lap.berubah {
        return Ok(lap);
    }
    let mut tx = l.db.mulai().await?;
    if !store::skp::sentuh_skp(&mut tx, iid, &s.id, s.versi, &w).await? {
        return Err(super::konflik(k));
    }
    for id in &ind_hapus {
        store::skp::hapus_indikator(&mut tx, iid, id).await?;
    }
    for r in &rhk_hapus {
        store::skp::hapus_rhk(&mut tx, iid, &r.id).await?;
    }
    for (r, versi) in &rhk_ubah {
        if !store::skp::ubah_rhk(&mut tx, r, *versi).await? {
            return Err(super::konflik(k));
        }
    }
    for i in &ind_ubah {
        store::skp::ubah_indikator(&mut tx, i).await?;
    }
    store::skp::sisipkan_rhk_banyak(&mut tx, &rhk_baru).await?;
    store::skp::sisipkan_indikator_banyak(&mut tx, &ind_baru).await?;
    crate::audit::catat(
        &mut tx,
        k,
        iid,
        "impor_rencana",
        super::OBJEK_SKP,
        &s.id,
        None,
        Some(&serde_json::json!({
            "berkas": nama_berkas,
            "rhk_dibuat": lap.rhk_dibuat,
            "rhk_diubah": lap.rhk_diubah,
            "rhk_dihapus": rhk_hapus.iter().map(|r| &r.uraian).collect::<Vec<_>>(),
            "indikator_dibuat": lap.indikator_dibuat,
            "indikator_diubah": lap.indikator_diubah,
            "indikator_dihapus": lap.indikator_dihapus,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(lap)
}

fn indikator(s: &Skp, rhk_id: &str, i: &IndikatorBerkas, urutan: i64) -> IndikatorSkp {
    IndikatorSkp {
        instansi_id: s.instansi_id.clone(),
        id: store::id_baru(),
        rhk_id: rhk_id.to_string(),
        skp_id: s.id.clone(),
        aspek: i.aspek.clone(),
        uraian: i.uraian.clone(),
        target: i.target.clone(),
        satuan: i.satuan.clone(),
        urutan,
    }
}
