//! SKP (isu 11, PermenPANRB 6/2022): setiap pegawai punya rencana hasil
//! kerja (RHK) dengan indikator dan target, realisasi berkala dengan bukti,
//! umpan balik, evaluasi per periode dan predikat dalam kurva distribusi.
//!
//! - [`periode`]: membuka periode untuk seluruh instansi (idempoten).
//! - modul ini: SKP, RHK dan IKI, cascading, alur draf → diajukan →
//!   disetujui/dikembalikan, ekspektasi perilaku.
//! - [`realisasi`]: realisasi per indikator dan periode, bukti, umpan balik.
//! - [`evaluasi`]: rating, predikat, kalibrasi kurva per unit, finalisasi.
//!
//! Siapa boleh apa: `kebijakan::hak_skp` (satu tempat). Aturan murni:
//! `rules::skp` (periode, alur, penilai, pengelompokan kurva) dan
//! `rules::permenpanrb_6_2022` (predikat, kurva).

pub mod dasbor;
pub mod dokumen;
pub mod evaluasi;
pub mod impor;
pub mod pengingat;
pub mod periode;
pub mod realisasi;
pub mod rencana_berkas;
pub mod selaras;
pub mod templat;

use crate::galat::GalatKolom;
use crate::kebijakan::{self, HakSkp};
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::skp::{LangkahSkp, PelakuSkp, StatusSkp};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
pub use store::skp::{IndikatorSkp, Rhk, Skp};

pub const OBJEK_SKP: &str = "skp";
pub const OBJEK_RHK: &str = "rhk";
pub const OBJEK_REALISASI: &str = "realisasi_skp";
pub const OBJEK_EVALUASI: &str = "evaluasi_skp";
pub const OBJEK_KURVA: &str = "kurva_unit";

/// Aspek indikator kinerja individu.
pub const ASPEK: &[&str] = &["kuantitas", "kualitas", "waktu", "biaya"];
/// Perspektif RHK JPT (gaya Balanced Scorecard) [R].
pub const PERSPEKTIF: &[&str] = &[
    "penerima_layanan",
    "proses_bisnis",
    "penguatan_internal",
    "anggaran",
];
/// RHK per SKP dan indikator per RHK: batas kerja.
pub const MAKS_RHK: usize = 50;
pub const MAKS_INDIKATOR: usize = 10;
const MAKS_URAIAN: usize = 2_000;
const MAKS_CATATAN: usize = 4_000;

/// Tujuh nilai dasar BerAKHLAK (SE MenPANRB 20/2021; data/skp/berakhlak.json):
/// (kode, nama, panduan perilaku).
pub fn berakhlak() -> &'static [(String, String, Vec<String>)] {
    static DATA: std::sync::OnceLock<Vec<(String, String, Vec<String>)>> =
        std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let v: serde_json::Value =
            serde_json::from_str(include_str!("../../../../data/skp/berakhlak.json"))
                .unwrap_or_default();
        v["values"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|x| {
                        let nama = x["nilai"].as_str().unwrap_or_default().to_string();
                        let kode = nama.to_lowercase().replace(' ', "_");
                        let panduan = x["panduan_perilaku"]
                            .as_array()
                            .map(|p| {
                                p.iter()
                                    .filter_map(|s| s.as_str().map(str::to_string))
                                    .collect()
                            })
                            .unwrap_or_default();
                        (kode, nama, panduan)
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

// ---------- tampilan (kontrak isu 11) ----------

/// `GET /api/v1/instansi/{iid}/skp?tahun=&pegawai_id=`.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TampilanSkp {
    pub id: String,
    pub pegawai_id: String,
    pub tahun: i64,
    /// `draf`, `diajukan`, `disetujui`, `dikembalikan`.
    pub status: String,
    pub rhk: Vec<TampilanRhk>,
    pub unit_id: String,
    pub jpt: bool,
    pub penilai_id: Option<String>,
    pub atasan_penilai_id: Option<String>,
    /// Pemetaan penilai yang perlu dibetulkan BKD (`tanpa_atasan`, …).
    pub masalah_penilai: Option<String>,
    pub aktif: bool,
    pub versi: i64,
    /// Ekspektasi khusus pimpinan per nilai BerAKHLAK.
    pub ekspektasi: Vec<Ekspektasi>,
    /// Hak pembaca atas SKP ini (untuk halaman dan klien).
    pub hak: HakSkp,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TampilanRhk {
    pub id: String,
    /// `utama` atau `tambahan`.
    pub jenis: String,
    pub uraian: String,
    pub indikator: Vec<TampilanIndikator>,
    /// RHK atasan yang diintervensi (id, tidak disarangkan).
    pub rhk_atasan_id: Option<String>,
    pub perspektif: Option<String>,
    pub jam_beban: Option<String>,
    pub versi: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TampilanIndikator {
    pub id: String,
    /// `kuantitas`, `kualitas`, `waktu`, `biaya`.
    pub aspek: String,
    pub uraian: String,
    pub target: String,
    pub satuan: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Ekspektasi {
    /// Kode nilai BerAKHLAK, mis. `berorientasi_pelayanan`.
    pub nilai: String,
    pub ekspektasi: String,
}

// ---------- masukan ----------

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanIndikator {
    /// `kuantitas`, `kualitas`, `waktu`, `biaya`.
    #[schema(max_length = 20)]
    pub aspek: String,
    #[schema(max_length = 2000)]
    pub uraian: String,
    /// Desimal, mis. `12` atau `95,5`.
    #[schema(max_length = 40)]
    pub target: String,
    #[schema(max_length = 100)]
    pub satuan: String,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanRhk {
    /// `utama` atau `tambahan`.
    #[schema(max_length = 20)]
    pub jenis: String,
    #[schema(max_length = 2000)]
    pub uraian: String,
    /// RHK pejabat penilai yang diintervensi; boleh kosong dahulu (ditautkan kelak).
    #[schema(max_length = 64)]
    pub rhk_atasan_id: Option<String>,
    /// JPT: `penerima_layanan`, `proses_bisnis`, `penguatan_internal`, `anggaran`.
    #[schema(max_length = 40)]
    pub perspektif: Option<String>,
    /// Jam kerja setahun untuk RHK ini (analisis beban kerja).
    #[schema(max_length = 20)]
    pub jam_beban: Option<String>,
    #[schema(max_items = 10)]
    #[serde(default)]
    pub indikator: Vec<MasukanIndikator>,
    /// Versi SKP yang dilihat pengubah.
    pub versi: Option<i64>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanLangkah {
    /// `ajukan` (pemilik), `setujui`, `kembalikan`, `buka_revisi` (penilai).
    pub langkah: LangkahSkp,
    /// Wajib saat mengembalikan.
    #[schema(max_length = 4000)]
    pub catatan: Option<String>,
    pub versi: Option<i64>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanTurunkan {
    /// SKP bawahan yang menerima RHK ini (penilainya harus Anda).
    #[schema(max_items = 200)]
    pub skp_id: Vec<String>,
    /// Uraian RHK bawahan; kosong: sama dengan RHK Anda.
    #[schema(max_length = 2000)]
    pub uraian: Option<String>,
    #[schema(max_items = 10)]
    #[serde(default)]
    pub indikator: Vec<MasukanIndikator>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanEkspektasi {
    #[schema(max_items = 7)]
    pub ekspektasi: Vec<Ekspektasi>,
}

// ---------- pemuatan dan hak ----------

pub(crate) fn tidak_ditemukan(k: &Konteks) -> Galat {
    Galat::TidakDitemukan(
        k.t("SKP tidak ditemukan.", "Performance plan not found.")
            .into(),
    )
}

pub(crate) fn galat_status(kode: &str, pesan: impl Into<String>) -> Galat {
    Galat::Status {
        kode: kode.into(),
        pesan: pesan.into(),
        fields: Default::default(),
    }
}

pub(crate) fn konflik(k: &Konteks) -> Galat {
    Galat::Konflik(
        k.t(
            "Data ini baru saja diubah orang lain; muat ulang halaman lalu simpan lagi.",
            "Someone else just changed this; reload the page and save again.",
        )
        .into(),
    )
}

/// SKP dengan hak pembaca; 404 bila tidak ada, 403 bila tidak boleh dibaca.
pub async fn muat(l: &Layanan, k: &Konteks, instansi_id: &str, id: &str) -> Hasil<(Skp, HakSkp)> {
    kebijakan::wajib(
        k,
        kebijakan::Aksi::Baca,
        kebijakan::Sumber::Skp(instansi_id),
    )?;
    let s = store::skp::skp(l.pool(), instansi_id, id)
        .await?
        .ok_or_else(|| tidak_ditemukan(k))?;
    let hak = kebijakan::hak_skp(l, k, &s).await?;
    if !hak.baca {
        return Err(k.dilarang());
    }
    Ok((s, hak))
}

/// Tampilan lengkap satu SKP.
pub async fn tampilkan(l: &Layanan, s: &Skp, hak: HakSkp) -> Hasil<TampilanSkp> {
    let rhk = store::skp::rhk_skp(l.pool(), &s.instansi_id, &s.id).await?;
    let ind = store::skp::indikator_skp(l.pool(), &s.instansi_id, &s.id).await?;
    let mut per_rhk: HashMap<&str, Vec<TampilanIndikator>> = HashMap::new();
    for i in &ind {
        per_rhk
            .entry(i.rhk_id.as_str())
            .or_default()
            .push(TampilanIndikator {
                id: i.id.clone(),
                aspek: i.aspek.clone(),
                uraian: i.uraian.clone(),
                target: i.target.clone(),
                satuan: i.satuan.clone(),
            });
    }
    let ekspektasi = store::skp::ekspektasi_skp(l.pool(), &s.instansi_id, &s.id)
        .await?
        .into_iter()
        .map(|(nilai, ekspektasi)| Ekspektasi { nilai, ekspektasi })
        .collect();
    Ok(TampilanSkp {
        id: s.id.clone(),
        pegawai_id: s.pegawai_id.clone(),
        tahun: s.tahun,
        status: s.status.clone(),
        rhk: rhk
            .into_iter()
            .map(|r| TampilanRhk {
                indikator: per_rhk.remove(r.id.as_str()).unwrap_or_default(),
                id: r.id,
                jenis: r.jenis,
                uraian: r.uraian,
                rhk_atasan_id: r.rhk_atasan_id,
                perspektif: r.perspektif,
                jam_beban: r.jam_beban,
                versi: r.versi,
            })
            .collect(),
        unit_id: s.unit_id.clone(),
        jpt: s.jpt != 0,
        penilai_id: s.penilai_id.clone(),
        atasan_penilai_id: s.atasan_penilai_id.clone(),
        masalah_penilai: s.masalah_penilai.clone(),
        aktif: s.aktif != 0,
        versi: s.versi,
        ekspektasi,
        hak,
    })
}

/// SKP seorang pegawai pada satu tahun (yang aktif; bila sudah ditutup, yang terakhir).
pub async fn skp_pegawai(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    pegawai_id: &str,
) -> Hasil<TampilanSkp> {
    kebijakan::wajib(
        k,
        kebijakan::Aksi::Baca,
        kebijakan::Sumber::Skp(instansi_id),
    )?;
    crate::perencanaan::periksa_tahun(k, tahun)?;
    let s = store::skp::skp_pegawai(l.pool(), instansi_id, tahun, pegawai_id)
        .await?
        .ok_or_else(|| tidak_ditemukan(k))?;
    let hak = kebijakan::hak_skp(l, k, &s).await?;
    if !hak.baca {
        return Err(k.dilarang());
    }
    tampilkan(l, &s, hak).await
}

/// Satu SKP menurut id.
pub async fn skp_satu(l: &Layanan, k: &Konteks, instansi_id: &str, id: &str) -> Hasil<TampilanSkp> {
    let (s, hak) = muat(l, k, instansi_id, id).await?;
    tampilkan(l, &s, hak).await
}

/// SKP yang dinilai aktor (bawahan langsung atau lewat Plt./Plh.).
pub async fn dinilai_saya(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<Skp>> {
    let a = kebijakan::wajib(
        k,
        kebijakan::Aksi::Baca,
        kebijakan::Sumber::Skp(instansi_id),
    )?;
    let Some(pid) = a
        .pegawai_id
        .as_deref()
        .filter(|_| a.instansi_id == instansi_id)
    else {
        return Ok(Vec::new());
    };
    Ok(store::skp::daftar_skp(l.pool(), instansi_id, tahun, Some(pid)).await?)
}

// ---------- RHK dan indikator ----------

fn wajib_pemilik_draf(k: &Konteks, s: &Skp, hak: HakSkp) -> Hasil<()> {
    if !hak.pemilik {
        return Err(Galat::Dilarang(
            k.t(
                "Hanya pegawai pemilik SKP yang menyusun rencananya.",
                "Only the employee who owns the plan may edit it.",
            )
            .into(),
        ));
    }
    let st = StatusSkp::dari_token(&s.status).unwrap_or(StatusSkp::Draf);
    if !rules::skp::boleh_ubah_isi(st) || s.aktif == 0 {
        return Err(galat_status(
            "skp_terkunci",
            k.t(
                "SKP yang sedang diajukan atau sudah disetujui tidak dapat diubah; minta penilai membuka revisi.",
                "A submitted or approved plan cannot be edited; ask your evaluator to reopen it.",
            ),
        ));
    }
    Ok(())
}

fn wajib_versi(k: &Konteks, versi: Option<i64>, sekarang: i64) -> Hasil<()> {
    match versi {
        None => Err(Galat::VersiWajib(
            k.t(
                "Sertakan versi SKP yang Anda lihat (field `versi`).",
                "Include the plan version you saw (field `versi`).",
            )
            .into(),
        )),
        Some(v) if v != sekarang => Err(konflik(k)),
        Some(_) => Ok(()),
    }
}

/// Memeriksa indikator; kunci kolom `indikator.{n}.{field}`.
fn periksa_indikator(
    k: &Konteks,
    f: &mut GalatKolom,
    daftar: &[MasukanIndikator],
) -> Vec<(String, String, String, String)> {
    if daftar.len() > MAKS_INDIKATOR {
        f.tambah(
            "indikator",
            match k.bahasa {
                crate::Bahasa::Id => format!("Paling banyak {MAKS_INDIKATOR} indikator per RHK."),
                crate::Bahasa::En => format!("At most {MAKS_INDIKATOR} indicators per result."),
            },
        );
        return Vec::new();
    }
    let mut hasil = Vec::new();
    for (n, i) in daftar.iter().enumerate() {
        let kol = |x: &str| format!("indikator.{n}.{x}");
        if !ASPEK.contains(&i.aspek.as_str()) {
            f.tambah(
                &kol("aspek"),
                k.t(
                    "Aspek: kuantitas, kualitas, waktu atau biaya.",
                    "Aspect: kuantitas, kualitas, waktu or biaya.",
                ),
            );
        }
        let uraian = i.uraian.trim();
        if uraian.is_empty() {
            f.tambah(
                &kol("uraian"),
                k.t("Tulis indikatornya.", "Describe the indicator."),
            );
        }
        validasi::periksa(
            f,
            k.bahasa,
            &kol("uraian"),
            uraian,
            MAKS_URAIAN,
            JenisTeks::Bebas,
        );
        let satuan = i.satuan.trim();
        if satuan.is_empty() {
            f.tambah(&kol("satuan"), k.t("Tulis satuannya.", "Give the unit."));
        }
        validasi::periksa(f, k.bahasa, &kol("satuan"), satuan, 100, JenisTeks::Nama);
        let target = rules::angka::baca_desimal_tepat(i.target.trim()).ok();
        if target.is_none() || i.target.len() > 40 {
            f.tambah(
                &kol("target"),
                k.t(
                    "Target berupa angka, mis. 12 atau 95,5.",
                    "The target is a number, e.g. 12 or 95.5.",
                ),
            );
        }
        hasil.push((
            i.aspek.clone(),
            uraian.to_string(),
            target.map(crate::perencanaan::kanonis).unwrap_or_default(),
            satuan.to_string(),
        ));
    }
    hasil
}

/// Memeriksa RHK atasan yang diintervensi: RHK di SKP pejabat penilai, tahun yang sama.
async fn periksa_rhk_atasan(
    l: &Layanan,
    k: &Konteks,
    f: &mut GalatKolom,
    s: &Skp,
    rhk_atasan_id: Option<&str>,
) -> Hasil<()> {
    let Some(id) = rhk_atasan_id.filter(|x| !x.is_empty()) else {
        return Ok(());
    };
    let sah = match store::skp::rhk(l.pool(), &s.instansi_id, id).await? {
        Some(r) => match store::skp::skp(l.pool(), &s.instansi_id, &r.skp_id).await? {
            Some(sa) => {
                sa.tahun == s.tahun
                    && s.penilai_id.as_deref() == Some(sa.pegawai_id.as_str())
                    && sa.id != s.id
            }
            None => false,
        },
        None => false,
    };
    if !sah {
        f.tambah(
            "rhk_atasan_id",
            k.t(
                "RHK yang diintervensi harus RHK pejabat penilai Anda pada tahun yang sama.",
                "The result you contribute to must be your evaluator's, in the same year.",
            ),
        );
    }
    Ok(())
}

fn periksa_rhk_dasar(k: &Konteks, f: &mut GalatKolom, m: &MasukanRhk) -> String {
    if m.jenis != "utama" && m.jenis != "tambahan" {
        f.tambah(
            "jenis",
            k.t(
                "Jenis RHK: utama atau tambahan.",
                "Kind: utama or tambahan.",
            ),
        );
    }
    let uraian = m.uraian.trim().to_string();
    if uraian.is_empty() {
        f.tambah(
            "uraian",
            k.t(
                "Tulis rencana hasil kerjanya.",
                "Describe the planned result.",
            ),
        );
    }
    validasi::periksa(
        f,
        k.bahasa,
        "uraian",
        &uraian,
        MAKS_URAIAN,
        JenisTeks::Bebas,
    );
    if let Some(p) = m.perspektif.as_deref().filter(|p| !p.is_empty()) {
        if !PERSPEKTIF.contains(&p) {
            f.tambah(
                "perspektif",
                k.t(
                    "Perspektif: penerima_layanan, proses_bisnis, penguatan_internal atau anggaran.",
                    "Perspective: penerima_layanan, proses_bisnis, penguatan_internal or anggaran.",
                ),
            );
        }
    }
    if let Some(j) = m.jam_beban.as_deref().filter(|j| !j.trim().is_empty()) {
        let ok = rules::angka::baca_desimal_tepat(j.trim())
            .ok()
            .is_some_and(|d| {
                d >= rust_decimal::Decimal::ZERO && d <= rust_decimal::Decimal::from(5000)
            });
        if !ok {
            f.tambah(
                "jam_beban",
                k.t(
                    "Jam beban kerja setahun: angka 0–5000.",
                    "Yearly workload hours: a number 0–5000.",
                ),
            );
        }
    }
    uraian
}

fn jam(m: &Option<String>) -> Option<String> {
    m.as_deref()
        .filter(|j| !j.trim().is_empty())
        .and_then(|j| rules::angka::baca_desimal_tepat(j.trim()).ok())
        .map(crate::perencanaan::kanonis)
}

fn indikator_baru(
    s: &Skp,
    rhk_id: &str,
    isi: Vec<(String, String, String, String)>,
) -> Vec<IndikatorSkp> {
    isi.into_iter()
        .enumerate()
        .map(|(n, (aspek, uraian, target, satuan))| IndikatorSkp {
            instansi_id: s.instansi_id.clone(),
            id: store::id_baru(),
            rhk_id: rhk_id.to_string(),
            skp_id: s.id.clone(),
            aspek,
            uraian,
            target,
            satuan,
            urutan: n as i64,
        })
        .collect()
}

/// Pemilik menambah satu RHK beserta indikatornya.
pub async fn tambah_rhk(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
    m: MasukanRhk,
) -> Hasil<TampilanSkp> {
    let (s, r, indikator) = siapkan_rhk(l, k, instansi_id, skp_id, m).await?;
    let mut tx = l.db.mulai().await?;
    tulis_rhk(&mut tx, k, &s, &r, &indikator).await?;
    tx.commit().await?;
    skp_satu(l, k, instansi_id, skp_id).await
}

/// Memeriksa RHK baru milik pemilik SKP draf (hak, versi, isi) tanpa
/// menulis; `tulis_rhk` menulisnya di transaksi pemanggil (dipakai juga
/// oleh aksi perubahan: tonggak menjadi RHK dalam satu transaksi).
pub(crate) async fn siapkan_rhk(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
    m: MasukanRhk,
) -> Hasil<(Skp, Rhk, Vec<IndikatorSkp>)> {
    let (s, hak) = muat(l, k, instansi_id, skp_id).await?;
    wajib_pemilik_draf(k, &s, hak)?;
    wajib_versi(k, m.versi, s.versi)?;
    let mut f = GalatKolom::default();
    let uraian = periksa_rhk_dasar(k, &mut f, &m);
    let ind = periksa_indikator(k, &mut f, &m.indikator);
    periksa_rhk_atasan(l, k, &mut f, &s, m.rhk_atasan_id.as_deref()).await?;
    let ada = store::skp::rhk_skp(l.pool(), instansi_id, skp_id).await?;
    if ada.len() >= MAKS_RHK {
        f.tambah(
            "uraian",
            k.t(
                "SKP sudah memuat 50 RHK.",
                "The plan already holds 50 results.",
            ),
        );
    }
    f.jadi_galat(k.t("Periksa kembali RHK.", "Please check the result."))?;
    let w = store::sekarang();
    let r = Rhk {
        instansi_id: instansi_id.into(),
        id: store::id_baru(),
        skp_id: s.id.clone(),
        jenis: m.jenis.clone(),
        uraian,
        rhk_atasan_id: m.rhk_atasan_id.filter(|x| !x.is_empty()),
        perspektif: m.perspektif.filter(|x| !x.is_empty()),
        sumber_pk: None,
        jam_beban: jam(&m.jam_beban),
        urutan: ada.len() as i64,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    };
    let indikator = indikator_baru(&s, &r.id, ind);
    Ok((s, r, indikator))
}

/// Menulis RHK yang sudah diperiksa `siapkan_rhk` (SKP disentuh dengan
/// versinya: perubahan orang lain di antaranya = konflik).
pub(crate) async fn tulis_rhk(
    tx: &mut store::Transaksi<'_>,
    k: &Konteks,
    s: &Skp,
    r: &Rhk,
    indikator: &[IndikatorSkp],
) -> Hasil<()> {
    if !store::skp::sentuh_skp(tx, &s.instansi_id, &s.id, s.versi, &r.dibuat_pada).await? {
        return Err(konflik(k));
    }
    store::skp::sisipkan_rhk(tx, r).await?;
    for i in indikator {
        store::skp::sisipkan_indikator(tx, i).await?;
    }
    crate::audit::catat(
        tx,
        k,
        &s.instansi_id,
        "buat",
        OBJEK_RHK,
        &r.id,
        None,
        Some(&(r, indikator)),
    )
    .await?;
    Ok(())
}

/// Pemilik mengganti isi satu RHK (uraian, tautan, indikator diganti seluruhnya).
pub async fn ubah_rhk(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
    rhk_id: &str,
    m: MasukanRhk,
) -> Hasil<TampilanSkp> {
    let (s, hak) = muat(l, k, instansi_id, skp_id).await?;
    wajib_pemilik_draf(k, &s, hak)?;
    wajib_versi(k, m.versi, s.versi)?;
    let lama = store::skp::rhk(l.pool(), instansi_id, rhk_id)
        .await?
        .filter(|r| r.skp_id == s.id)
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("RHK tidak ditemukan.", "Result not found.").into())
        })?;
    let mut f = GalatKolom::default();
    let uraian = periksa_rhk_dasar(k, &mut f, &m);
    let ind = periksa_indikator(k, &mut f, &m.indikator);
    periksa_rhk_atasan(l, k, &mut f, &s, m.rhk_atasan_id.as_deref()).await?;
    f.jadi_galat(k.t("Periksa kembali RHK.", "Please check the result."))?;
    let w = store::sekarang();
    let mut baru = lama.clone();
    baru.jenis = m.jenis.clone();
    baru.uraian = uraian;
    baru.rhk_atasan_id = m.rhk_atasan_id.filter(|x| !x.is_empty());
    baru.perspektif = m.perspektif.filter(|x| !x.is_empty());
    baru.jam_beban = jam(&m.jam_beban);
    baru.versi = lama.versi + 1;
    baru.diubah_pada = w.clone();
    let indikator = indikator_baru(&s, rhk_id, ind);
    let mut tx = l.db.mulai().await?;
    if !store::skp::sentuh_skp(&mut tx, instansi_id, &s.id, s.versi, &w).await?
        || !store::skp::ubah_rhk(&mut tx, &baru, lama.versi).await?
    {
        return Err(konflik(k));
    }
    // Indikator yang sudah punya realisasi dipertahankan (riwayat bukti);
    // yang baru ditambahkan bila uraiannya belum ada.
    let lama_ind = store::skp::indikator_skp(l.pool(), instansi_id, &s.id)
        .await?
        .into_iter()
        .filter(|i| i.rhk_id == rhk_id)
        .collect::<Vec<_>>();
    let terpakai = store::skp::indikator_berrealisasi(l.pool(), instansi_id, &s.id).await?;
    for i in &lama_ind {
        if !terpakai.contains(&i.id) {
            store::skp::hapus_indikator(&mut tx, instansi_id, &i.id).await?;
        }
    }
    for i in &indikator {
        let sudah = lama_ind
            .iter()
            .any(|x| terpakai.contains(&x.id) && x.uraian == i.uraian && x.aspek == i.aspek);
        if !sudah {
            store::skp::sisipkan_indikator(&mut tx, i).await?;
        }
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        OBJEK_RHK,
        rhk_id,
        Some(&(&lama, &lama_ind)),
        Some(&(&baru, &indikator)),
    )
    .await?;
    tx.commit().await?;
    skp_satu(l, k, instansi_id, skp_id).await
}

/// Pemilik menghapus satu RHK (RHK bawahan yang mengintervensinya kehilangan tautan).
pub async fn hapus_rhk(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
    rhk_id: &str,
    versi: Option<i64>,
) -> Hasil<TampilanSkp> {
    let (s, hak) = muat(l, k, instansi_id, skp_id).await?;
    wajib_pemilik_draf(k, &s, hak)?;
    wajib_versi(k, versi, s.versi)?;
    let lama = store::skp::rhk(l.pool(), instansi_id, rhk_id)
        .await?
        .filter(|r| r.skp_id == s.id)
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("RHK tidak ditemukan.", "Result not found.").into())
        })?;
    let terpakai = store::skp::indikator_berrealisasi(l.pool(), instansi_id, &s.id).await?;
    let ind = store::skp::indikator_skp(l.pool(), instansi_id, &s.id).await?;
    if ind
        .iter()
        .any(|i| i.rhk_id == rhk_id && terpakai.contains(&i.id))
    {
        return Err(galat_status(
            "rhk_berealisasi",
            k.t(
                "RHK ini sudah punya realisasi dan bukti; ubah uraiannya, jangan dihapus.",
                "This result already has reported progress; edit it instead of deleting.",
            ),
        ));
    }
    let w = store::sekarang();
    let mut tx = l.db.mulai().await?;
    if !store::skp::sentuh_skp(&mut tx, instansi_id, &s.id, s.versi, &w).await? {
        return Err(konflik(k));
    }
    store::skp::hapus_rhk(&mut tx, instansi_id, rhk_id).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "hapus",
        OBJEK_RHK,
        rhk_id,
        Some(&lama),
        None,
    )
    .await?;
    tx.commit().await?;
    skp_satu(l, k, instansi_id, skp_id).await
}

/// Pejabat penilai menurunkan satu RHK-nya ke beberapa bawahan sekaligus:
/// setiap SKP bawahan (penilainya aktor, masih dapat diubah) mendapat RHK
/// yang mengintervensi RHK ini. Semua atau tidak sama sekali.
pub async fn turunkan_rhk(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    rhk_id: &str,
    m: MasukanTurunkan,
) -> Hasil<Vec<String>> {
    let sumber = store::skp::rhk(l.pool(), instansi_id, rhk_id)
        .await?
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("RHK tidak ditemukan.", "Result not found.").into())
        })?;
    let (s_atasan, hak) = muat(l, k, instansi_id, &sumber.skp_id).await?;
    if !hak.pemilik {
        return Err(Galat::Dilarang(
            k.t(
                "Hanya pemilik RHK yang menurunkannya ke bawahan.",
                "Only the owner of a result may cascade it.",
            )
            .into(),
        ));
    }
    let mut f = GalatKolom::default();
    if m.skp_id.is_empty() || m.skp_id.len() > 200 {
        f.tambah(
            "skp_id",
            k.t(
                "Pilih 1–200 SKP bawahan.",
                "Choose 1–200 subordinate plans.",
            ),
        );
    }
    let uraian = m
        .uraian
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .unwrap_or(&sumber.uraian)
        .to_string();
    validasi::periksa(
        &mut f,
        k.bahasa,
        "uraian",
        &uraian,
        MAKS_URAIAN,
        JenisTeks::Bebas,
    );
    let ind = periksa_indikator(k, &mut f, &m.indikator);
    let mut sasaran = Vec::new();
    for (n, id) in m.skp_id.iter().take(200).enumerate() {
        match store::skp::skp(l.pool(), instansi_id, id).await? {
            Some(b)
                if b.tahun == s_atasan.tahun
                    && b.penilai_id.as_deref() == Some(s_atasan.pegawai_id.as_str())
                    && b.aktif == 1
                    && rules::skp::boleh_ubah_isi(
                        StatusSkp::dari_token(&b.status).unwrap_or(StatusSkp::Draf),
                    ) =>
            {
                sasaran.push(b)
            }
            _ => f.tambah(
                &format!("skp_id.{n}"),
                k.t(
                    "Bukan SKP bawahan Anda tahun ini, atau sedang diajukan/disetujui.",
                    "Not your subordinate's plan this year, or it is submitted/approved.",
                ),
            ),
        }
    }
    f.jadi_galat(k.t(
        "Periksa kembali penurunan RHK.",
        "Please check the cascade.",
    ))?;
    let w = store::sekarang();
    let mut dibuat = Vec::new();
    let mut tx = l.db.mulai().await?;
    for b in &sasaran {
        let urutan = store::skp::rhk_skp(l.pool(), instansi_id, &b.id)
            .await?
            .len() as i64;
        let r = Rhk {
            instansi_id: instansi_id.into(),
            id: store::id_baru(),
            skp_id: b.id.clone(),
            jenis: "utama".into(),
            uraian: uraian.clone(),
            rhk_atasan_id: Some(sumber.id.clone()),
            perspektif: None,
            sumber_pk: None,
            jam_beban: None,
            urutan,
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        };
        let indikator = indikator_baru(b, &r.id, ind.clone());
        if !store::skp::sentuh_skp(&mut tx, instansi_id, &b.id, b.versi, &w).await? {
            return Err(konflik(k));
        }
        store::skp::sisipkan_rhk(&mut tx, &r).await?;
        for i in &indikator {
            store::skp::sisipkan_indikator(&mut tx, i).await?;
        }
        crate::audit::catat(
            &mut tx,
            k,
            instansi_id,
            "buat",
            OBJEK_RHK,
            &r.id,
            None,
            Some(&(&r, &indikator)),
        )
        .await?;
        dibuat.push(r.id);
    }
    tx.commit().await?;
    Ok(dibuat)
}

/// Langkah alur: pemilik mengajukan; penilai menyetujui, mengembalikan
/// (dengan catatan) atau membuka revisi. Riwayat disimpan di `langkah_skp`.
pub async fn langkah(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
    m: MasukanLangkah,
) -> Hasil<TampilanSkp> {
    let (s, hak) = muat(l, k, instansi_id, skp_id).await?;
    let pelaku = match m.langkah {
        LangkahSkp::Ajukan => PelakuSkp::Pegawai,
        _ => PelakuSkp::Penilai,
    };
    let boleh = match pelaku {
        PelakuSkp::Pegawai => hak.pemilik,
        PelakuSkp::Penilai => hak.penilai,
    };
    if !boleh {
        return Err(Galat::Dilarang(
            k.t(
                "Langkah ini bukan hak Anda atas SKP ini.",
                "This step is not yours to take on this plan.",
            )
            .into(),
        ));
    }
    if s.aktif == 0 {
        return Err(galat_status(
            "skp_ditutup",
            k.t("SKP ini sudah ditutup.", "This plan is closed."),
        ));
    }
    wajib_versi(k, m.versi, s.versi)?;
    let dari = StatusSkp::dari_token(&s.status).unwrap_or(StatusSkp::Draf);
    let ke = rules::skp::transisi(dari, m.langkah, pelaku)
        .map_err(|t| galat_status(t.token(), t.pesan(k.bahasa, dari, m.langkah)))?;
    let catatan = m
        .catatan
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let mut f = GalatKolom::default();
    validasi::periksa_opsional(
        &mut f,
        k.bahasa,
        "catatan",
        catatan,
        MAKS_CATATAN,
        JenisTeks::Bebas,
    );
    if m.langkah == LangkahSkp::Kembalikan && catatan.is_none() {
        f.tambah(
            "catatan",
            k.t(
                "Tulis apa yang perlu diperbaiki.",
                "Say what needs to change.",
            ),
        );
    }
    if m.langkah == LangkahSkp::Ajukan {
        let rhk = store::skp::rhk_skp(l.pool(), instansi_id, &s.id).await?;
        let ind = store::skp::indikator_skp(l.pool(), instansi_id, &s.id).await?;
        if !rhk.iter().any(|r| r.jenis == "utama") {
            f.tambah(
                "rhk",
                k.t(
                    "SKP belum memuat RHK utama.",
                    "The plan has no main result yet.",
                ),
            );
        }
        for r in &rhk {
            if !ind.iter().any(|i| i.rhk_id == r.id) {
                f.tambah(
                    &format!("rhk.{}", r.id),
                    k.t(
                        "RHK ini belum punya indikator.",
                        "This result has no indicator yet.",
                    ),
                );
            }
        }
        if s.penilai_id.is_none() {
            f.tambah(
                "penilai_id",
                k.t(
                    "SKP belum punya pejabat penilai; minta BKD membetulkan atasan Anda.",
                    "The plan has no evaluator yet; ask the personnel agency to fix your supervisor.",
                ),
            );
        }
    }
    f.jadi_galat(k.t(
        "SKP belum dapat diproses.",
        "The plan cannot be processed yet.",
    ))?;
    let w = store::sekarang();
    let a = k.aktor()?;
    let catat = store::skp::RiwayatLangkah {
        instansi_id: instansi_id.into(),
        id: store::id_baru(),
        skp_id: s.id.clone(),
        langkah: m.langkah.token().into(),
        dari: dari.token().into(),
        ke: ke.token().into(),
        pengguna_id: Some(a.pengguna_id.clone()),
        catatan: catatan.map(str::to_string),
        pada: w.clone(),
    };
    let mut tx = l.db.mulai().await?;
    if !store::skp::ubah_status_skp(&mut tx, instansi_id, &s.id, ke.token(), s.versi, &w).await? {
        return Err(konflik(k));
    }
    store::skp::sisipkan_langkah(&mut tx, &catat).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        m.langkah.token(),
        OBJEK_SKP,
        &s.id,
        Some(&s.status),
        Some(&ke.token().to_string()),
    )
    .await?;
    tx.commit().await?;
    skp_satu(l, k, instansi_id, skp_id).await
}

/// Riwayat langkah alur satu SKP.
pub async fn riwayat_langkah(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<Vec<store::skp::RiwayatLangkah>> {
    let (s, _) = muat(l, k, instansi_id, skp_id).await?;
    Ok(store::skp::langkah_skp(l.pool(), instansi_id, &s.id).await?)
}

/// Pejabat penilai menetapkan ekspektasi khusus per nilai BerAKHLAK.
pub async fn simpan_ekspektasi(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
    m: MasukanEkspektasi,
) -> Hasil<TampilanSkp> {
    let (s, hak) = muat(l, k, instansi_id, skp_id).await?;
    if !hak.penilai {
        return Err(Galat::Dilarang(
            k.t(
                "Ekspektasi perilaku ditetapkan pejabat penilai.",
                "Behaviour expectations are set by the evaluator.",
            )
            .into(),
        ));
    }
    let mut f = GalatKolom::default();
    let kode: Vec<&str> = berakhlak().iter().map(|(k, _, _)| k.as_str()).collect();
    for (n, e) in m.ekspektasi.iter().enumerate() {
        if !kode.contains(&e.nilai.as_str()) {
            f.tambah(
                &format!("ekspektasi.{n}.nilai"),
                k.t("Nilai BerAKHLAK tidak dikenal.", "Unknown BerAKHLAK value."),
            );
        }
        validasi::periksa(
            &mut f,
            k.bahasa,
            &format!("ekspektasi.{n}.ekspektasi"),
            e.ekspektasi.trim(),
            MAKS_URAIAN,
            JenisTeks::Bebas,
        );
    }
    if m.ekspektasi.len() > 7 {
        f.tambah(
            "ekspektasi",
            k.t("Paling banyak tujuh nilai.", "At most seven values."),
        );
    }
    f.jadi_galat(k.t(
        "Periksa kembali ekspektasi.",
        "Please check the expectations.",
    ))?;
    let mut tx = l.db.mulai().await?;
    for e in &m.ekspektasi {
        store::skp::simpan_ekspektasi(&mut tx, instansi_id, &s.id, &e.nilai, e.ekspektasi.trim())
            .await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "ekspektasi_perilaku",
        &s.id,
        None,
        Some(&m.ekspektasi),
    )
    .await?;
    tx.commit().await?;
    skp_satu(l, k, instansi_id, skp_id).await
}

/// Hasil mengambil RHK dari Perjanjian Kinerja.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct HasilDariPk {
    /// RHK baru (satu per sasaran PK).
    pub rhk_dibuat: usize,
    /// Sasaran yang sudah ada di SKP (diambil sebelumnya).
    pub sudah_ada: usize,
    pub skp: TampilanSkp,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanDariPk {
    /// Perspektif RHK baru (bawaan `penerima_layanan`); dapat diubah per RHK kemudian.
    #[schema(max_length = 40)]
    pub perspektif: Option<String>,
    pub versi: Option<i64>,
}

/// RHK pejabat pimpinan tinggi (dan pimpinan unit lain yang berjanji) dari
/// Perjanjian Kinerja yang disetujui tahun itu: satu RHK utama per sasaran PK,
/// indikator dan targetnya dari baris PK (target rentang memakai batas atas
/// [R]), perspektif bawaan "penerima layanan". Idempoten per sasaran.
pub async fn rhk_dari_pk(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
    m: MasukanDariPk,
) -> Hasil<HasilDariPk> {
    let (s, hak) = muat(l, k, instansi_id, skp_id).await?;
    wajib_pemilik_draf(k, &s, hak)?;
    wajib_versi(k, m.versi, s.versi)?;
    let perspektif = m
        .perspektif
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "penerima_layanan".into());
    if !PERSPEKTIF.contains(&perspektif.as_str()) {
        return Err(Galat::input(
            k.t("Perspektif tidak dikenal.", "Unknown perspective."),
            [(
                "perspektif".to_string(),
                k.t(
                    "Perspektif: penerima_layanan, proses_bisnis, penguatan_internal atau anggaran.",
                    "Perspective: penerima_layanan, proses_bisnis, penguatan_internal or anggaran.",
                )
                .to_string(),
            )]
            .into(),
        ));
    }
    let pool = l.pool();
    let pk = store::sakip::pk_tahun(pool, instansi_id, s.tahun)
        .await?
        .into_iter()
        .filter(|p| p.status == "disetujui" && p.pihak_pertama_id.as_deref() == Some(s.pegawai_id.as_str()))
        .max_by_key(|p| p.revisi)
        .ok_or_else(|| {
            galat_status(
                "pk_tidak_ada",
                k.t(
                    "Belum ada Perjanjian Kinerja yang disetujui dengan Anda sebagai pihak pertama tahun ini.",
                    "No approved performance agreement with you as the first party this year.",
                ),
            )
        })?;
    let baris: Vec<store::sakip::BarisPk> =
        store::sakip::baris_pk_tahun(pool, instansi_id, s.tahun)
            .await?
            .into_iter()
            .filter(|b| b.pk_id == pk.id)
            .collect();
    let ada = store::skp::rhk_skp(pool, instansi_id, &s.id).await?;
    let sudah: HashSet<String> = ada
        .iter()
        .filter_map(|r| r.sumber_pk.as_deref())
        .filter_map(|x| x.split_once('|').map(|(_, sasaran)| sasaran.to_string()))
        .collect();
    let mut urut: Vec<&str> = Vec::new();
    let mut per_sasaran: HashMap<&str, Vec<&store::sakip::BarisPk>> = HashMap::new();
    for b in &baris {
        if !per_sasaran.contains_key(b.sasaran.as_str()) {
            urut.push(b.sasaran.as_str());
        }
        per_sasaran.entry(b.sasaran.as_str()).or_default().push(b);
    }
    let w = store::sekarang();
    let mut rhk = Vec::new();
    let mut indikator = Vec::new();
    let mut sudah_ada = 0;
    for (n, sasaran) in urut.iter().enumerate() {
        if sudah.contains(*sasaran) {
            sudah_ada += 1;
            continue;
        }
        let r = Rhk {
            instansi_id: instansi_id.into(),
            id: store::id_baru(),
            skp_id: s.id.clone(),
            jenis: "utama".into(),
            uraian: sasaran.chars().take(MAKS_URAIAN).collect(),
            rhk_atasan_id: None,
            perspektif: Some(perspektif.clone()),
            sumber_pk: Some(format!("{}|{sasaran}", pk.id)),
            jam_beban: None,
            urutan: (ada.len() + n) as i64,
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        };
        for (i, b) in per_sasaran[sasaran].iter().take(MAKS_INDIKATOR).enumerate() {
            let target = match crate::sakip::baca_target(&b.target) {
                Some(rules::permenpanrb_8_2021::Target::Tunggal(x)) => x,
                Some(rules::permenpanrb_8_2021::Target::Rentang { max, .. }) => max,
                None => continue,
            };
            indikator.push(IndikatorSkp {
                instansi_id: instansi_id.into(),
                id: store::id_baru(),
                rhk_id: r.id.clone(),
                skp_id: s.id.clone(),
                aspek: "kuantitas".into(),
                uraian: b.indikator.chars().take(MAKS_URAIAN).collect(),
                target: crate::perencanaan::kanonis(target),
                satuan: b.satuan.clone().unwrap_or_else(|| "-".into()),
                urutan: i as i64,
            });
        }
        rhk.push(r);
    }
    if ada.len() + rhk.len() > MAKS_RHK {
        return Err(galat_status(
            "rhk_terlalu_banyak",
            k.t(
                "SKP akan memuat lebih dari 50 RHK.",
                "The plan would hold more than 50 results.",
            ),
        ));
    }
    let mut tx = l.db.mulai().await?;
    if !store::skp::sentuh_skp(&mut tx, instansi_id, &s.id, s.versi, &w).await? {
        return Err(konflik(k));
    }
    store::skp::sisipkan_rhk_banyak(&mut tx, &rhk).await?;
    store::skp::sisipkan_indikator_banyak(&mut tx, &indikator).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "rhk_dari_pk",
        OBJEK_SKP,
        &s.id,
        None,
        Some(&(&pk.id, rhk.len())),
    )
    .await?;
    tx.commit().await?;
    Ok(HasilDariPk {
        rhk_dibuat: rhk.len(),
        sudah_ada,
        skp: skp_satu(l, k, instansi_id, skp_id).await?,
    })
}
