//! Evaluasi per periode: pejabat penilai memberi rating hasil kerja dan
//! perilaku kerja; predikat dari matriks `rules::permenpanrb_6_2022`.
//! Kurva distribusi berlaku per unit (unit kecil digabung ke induknya,
//! `rules::skp::kelompok_kurva`); atasan pejabat penilai menetapkan predikat
//! organisasi unit (disarankan SAKIP) dan memfinalkan bila kurva terpenuhi
//! atau dengan alasan pengecualian yang diaudit. Sesudah final, rating unit
//! itu terkunci.

use super::{galat_status, konflik, muat};
use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi, Sumber};
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::permenpanrb_6_2022::{
    JumlahPredikat, KebijakanKurva, PredikatKinerjaPegawai, PredikatOrganisasi, RatingKinerja,
    periksa_kurva, predikat_kinerja,
};
use rules::skp::{Periode, UnitDinilai, kelompok_kurva, rating_dari_predikat_organisasi};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
pub use store::skp::EvaluasiSkp;

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanEvaluasi {
    /// Kode periode, mis. `2027-TW1` atau `2027-TAHUNAN`.
    #[schema(max_length = 20)]
    pub periode: String,
    pub rating_hasil: RatingKinerja,
    pub rating_perilaku: RatingKinerja,
    #[schema(max_length = 4000)]
    pub catatan: Option<String>,
    /// Versi evaluasi yang dilihat penilai; kosong hanya untuk evaluasi pertama.
    pub versi: Option<i64>,
}

/// Jawaban evaluasi: rekaman dan predikat yang dihasilkan aturan.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TampilanEvaluasi {
    pub skp_id: String,
    pub periode: String,
    pub rating_hasil: String,
    pub rating_perilaku: String,
    pub predikat: String,
    pub predikat_label: String,
    pub catatan: Option<String>,
    pub versi: i64,
    /// Jabatan fungsional: angka kredit periode ini (PermenPANRB 1/2023,
    /// koefisien jenjang × pengali predikat × bulan/12), dua desimal.
    pub angka_kredit: Option<String>,
}

/// Jenjang jabatan fungsional pemilik SKP (None bila bukan fungsional).
async fn jenjang_fungsional(
    l: &Layanan,
    s: &store::skp::Skp,
) -> Hasil<Option<rules::permenpanrb_1_2023::Jenjang>> {
    let Some(j) = &s.jabatan_id else {
        return Ok(None);
    };
    Ok(store::organisasi::jabatan(l.pool(), &s.instansi_id, j)
        .await?
        .filter(|j| j.jenis == "fungsional")
        .and_then(|j| j.jenjang)
        .and_then(|x| rules::permenpanrb_1_2023::Jenjang::dari_token(&x)))
}

fn angka_kredit(
    e: &EvaluasiSkp,
    jenjang: Option<rules::permenpanrb_1_2023::Jenjang>,
) -> Option<String> {
    let jenjang = jenjang?;
    let predikat = PredikatKinerjaPegawai::dari_token(&e.predikat)?;
    let p = Periode::urai(&e.periode).ok()?;
    let bulan = (p.selesai().month() as u8).saturating_sub(p.mulai().month() as u8) + 1;
    let h = rules::permenpanrb_1_2023::angka_kredit(jenjang, predikat, bulan, &Default::default())
        .ok()?;
    Some(rules::angka::teks_2(h.angka_kredit))
}

fn tampil(
    e: &EvaluasiSkp,
    k: &Konteks,
    jenjang: Option<rules::permenpanrb_1_2023::Jenjang>,
) -> TampilanEvaluasi {
    TampilanEvaluasi {
        angka_kredit: angka_kredit(e, jenjang),
        skp_id: e.skp_id.clone(),
        periode: e.periode.clone(),
        rating_hasil: e.rating_hasil.clone(),
        rating_perilaku: e.rating_perilaku.clone(),
        predikat: e.predikat.clone(),
        predikat_label: PredikatKinerjaPegawai::dari_token(&e.predikat)
            .map(|p| p.label(k.bahasa).to_string())
            .unwrap_or_default(),
        catatan: e.catatan.clone(),
        versi: e.versi,
    }
}

/// Periode evaluasi: periode berkala instansi tahun itu (menurut
/// frekuensinya) atau `TAHUNAN`.
async fn periksa_periode(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    teks: &str,
    tahun: i64,
) -> Hasil<Periode> {
    let frek = store::skp::periode(l.pool(), instansi_id, tahun)
        .await?
        .and_then(|p| rules::skp::Frekuensi::dari_token(&p.frekuensi))
        .unwrap_or(rules::skp::Frekuensi::Triwulanan);
    match Periode::urai(teks.trim()) {
        Ok(p)
            if i64::from(p.tahun) == tahun
                && (p.frekuensi().is_none() || p.frekuensi() == Some(frek)) =>
        {
            Ok(p)
        }
        _ => Err(Galat::input(
            k.t("Periode tidak sah.", "Invalid period."),
            [(
                "periode".to_string(),
                match k.bahasa {
                    crate::Bahasa::Id => {
                        format!("Periode tahun {tahun}, mis. {tahun}-TW1 atau {tahun}-TAHUNAN.")
                    }
                    crate::Bahasa::En => {
                        format!("A period of {tahun}, e.g. {tahun}-TW1 or {tahun}-TAHUNAN.")
                    }
                },
            )]
            .into(),
        )),
    }
}

/// Evaluasi satu SKP (semua periode), bagi pembaca SKP itu.
pub async fn daftar(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
) -> Hasil<Vec<TampilanEvaluasi>> {
    let (s, _) = muat(l, k, instansi_id, skp_id).await?;
    let jenjang = jenjang_fungsional(l, &s).await?;
    Ok(store::skp::evaluasi_skp(l.pool(), instansi_id, &s.id)
        .await?
        .iter()
        .map(|e| tampil(e, k, jenjang))
        .collect())
}

/// Pejabat penilai menyimpan rating satu periode. Dua penilai menyimpan
/// bersamaan: yang kedua mendapat 409 (tidak ada perubahan yang hilang).
pub async fn nilai(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    skp_id: &str,
    m: MasukanEvaluasi,
) -> Hasil<TampilanEvaluasi> {
    let (s, hak) = muat(l, k, instansi_id, skp_id).await?;
    if !hak.penilai {
        return Err(Galat::Dilarang(
            k.t(
                "Rating diberikan pejabat penilai SKP ini.",
                "Ratings are given by this plan's evaluator.",
            )
            .into(),
        ));
    }
    let periode = periksa_periode(l, k, instansi_id, &m.periode, s.tahun).await?;
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
        4_000,
        JenisTeks::Bebas,
    );
    f.jadi_galat(k.t("Periksa kembali evaluasi.", "Please check the evaluation."))?;
    // Kurva yang sudah final mengunci rating unitnya.
    let kelompok = kelompok_unit(l, instansi_id, s.tahun, &s.unit_id).await?;
    let kurva = store::skp::kurva_unit(l.pool(), instansi_id, &periode.kode()).await?;
    if kurva
        .iter()
        .any(|u| u.unit_id == kelompok.unit_id && u.difinalkan == 1)
    {
        return Err(galat_status(
            "kurva_final",
            k.t(
                "Kurva unit ini sudah difinalkan; rating tidak dapat diubah.",
                "This unit's curve is final; ratings can no longer change.",
            ),
        ));
    }
    // Pimpinan unit: rating hasil kerja = predikat organisasi unitnya [S].
    let org = kurva
        .iter()
        .find(|u| u.unit_id == kelompok.unit_id)
        .and_then(|u| u.predikat_organisasi.as_deref())
        .and_then(PredikatOrganisasi::dari_token);
    if let Some(org) = org {
        let wajib = rating_dari_predikat_organisasi(org);
        if m.rating_hasil != wajib
            && pimpinan_unit(l, instansi_id, &s.unit_id).await?.as_deref()
                == Some(s.pegawai_id.as_str())
        {
            return Err(Galat::input(
                k.t("Periksa kembali evaluasi.", "Please check the evaluation."),
                [("rating_hasil".to_string(), pesan_pimpinan(k.bahasa, org))].into(),
            ));
        }
    }
    let predikat = predikat_kinerja(m.rating_hasil, m.rating_perilaku);
    let a = k.aktor()?;
    let lama = store::skp::evaluasi(l.pool(), instansi_id, &s.id, &periode.kode()).await?;
    let mut e = EvaluasiSkp {
        instansi_id: instansi_id.to_string(),
        skp_id: s.id.clone(),
        periode: periode.kode(),
        rating_hasil: m.rating_hasil.token().into(),
        rating_perilaku: m.rating_perilaku.token().into(),
        predikat: predikat.token().into(),
        catatan: catatan.map(str::to_string),
        pengguna_id: Some(a.pengguna_id.clone()),
        versi: 1,
        diubah_pada: store::sekarang(),
    };
    let mut tx = l.db.mulai().await?;
    match &lama {
        None => {
            if m.versi.is_some_and(|v| v != 0) {
                return Err(konflik(k));
            }
            if let Err(g) = store::skp::sisipkan_evaluasi(&mut tx, &e).await {
                return Err(if g.pelanggaran_unik() {
                    konflik(k)
                } else {
                    g.into()
                });
            }
        }
        Some(x) => {
            let Some(v) = m.versi else {
                return Err(Galat::VersiWajib(
                    k.t(
                        "Periode ini sudah dinilai; sertakan versi yang Anda lihat (field `versi`).",
                        "This period is already rated; include the version you saw (field `versi`).",
                    )
                    .into(),
                ));
            };
            e.versi = x.versi + 1;
            if !store::skp::ubah_evaluasi(&mut tx, &e, v).await? {
                return Err(konflik(k));
            }
        }
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "nilai",
        super::OBJEK_EVALUASI,
        &format!("{}:{}", s.id, e.periode),
        lama.as_ref(),
        Some(&e),
    )
    .await?;
    tx.commit().await?;
    Ok(tampil(&e, k, jenjang_fungsional(l, &s).await?))
}

// ---------- kalibrasi ----------

/// Kelompok kurva tempat suatu unit berada.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct KelompokUnit {
    /// Unit yang kurvanya berlaku (unit itu sendiri, atau induk penggabung).
    pub unit_id: String,
    pub anggota: Vec<String>,
    pub jumlah: u64,
    /// Unit kecil digabung ke induknya.
    pub digabung: bool,
}

async fn kelompok_semua(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
    baris: &[store::skp::BarisKalibrasi],
) -> Hasil<Vec<KelompokUnit>> {
    let mut jumlah: HashMap<String, u64> = HashMap::new();
    for b in baris {
        *jumlah.entry(b.unit_id.clone()).or_default() += 1;
    }
    kelompok_dari_jumlah(l, instansi_id, tahun, &jumlah).await
}

/// Kelompok kurva dari banyaknya SKP aktif per unit.
async fn kelompok_dari_jumlah(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
    jumlah: &HashMap<String, u64>,
) -> Hasil<Vec<KelompokUnit>> {
    let ambang = store::skp::periode(l.pool(), instansi_id, tahun)
        .await?
        .map(|p| p.ambang_kurva)
        .unwrap_or(super::periode::AMBANG_KURVA_BAWAAN)
        .max(1) as u64;
    let unit = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
    let dinilai: Vec<UnitDinilai> = unit
        .iter()
        .map(|u| UnitDinilai {
            unit_id: u.id.clone(),
            induk_id: u.induk_id.clone(),
            jumlah: jumlah.get(u.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    Ok(kelompok_kurva(&dinilai, ambang)
        .into_iter()
        .map(|g| KelompokUnit {
            unit_id: g.unit_id,
            anggota: g.anggota,
            jumlah: g.jumlah,
            digabung: g.digabung,
        })
        .collect())
}

async fn kelompok_unit(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
    unit_id: &str,
) -> Hasil<KelompokUnit> {
    // Hanya jumlah SKP aktif per unit yang dibutuhkan (GROUP BY, bukan satu
    // baris per pegawai): dipanggil setiap rating disimpan.
    let mut jumlah: HashMap<String, u64> = HashMap::new();
    for (u, _, n) in
        store::skp::jumlah_kalibrasi(l.pool(), instansi_id, tahun, &format!("{tahun}-TAHUNAN"))
            .await?
    {
        *jumlah.entry(u).or_default() += n.max(0) as u64;
    }
    let semua = kelompok_dari_jumlah(l, instansi_id, tahun, &jumlah).await?;
    Ok(semua
        .into_iter()
        .find(|g| g.anggota.iter().any(|a| a == unit_id))
        .unwrap_or(KelompokUnit {
            unit_id: unit_id.to_string(),
            anggota: vec![unit_id.to_string()],
            jumlah: 0,
            digabung: false,
        }))
}

/// Baris kurva kelompok unit tempat sebuah unit berada (tanpa pemeriksaan
/// hak: pemanggil sudah berhak atas SKP di unit itu).
pub(crate) async fn kurva_kelompok(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
    periode: &str,
    unit_id: &str,
) -> Hasil<Option<store::skp::KurvaUnit>> {
    let g = kelompok_unit(l, instansi_id, tahun, unit_id).await?;
    Ok(store::skp::kurva_unit(l.pool(), instansi_id, periode)
        .await?
        .into_iter()
        .find(|u| u.unit_id == g.unit_id))
}

/// Satu aturan kurva yang dilanggar.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PelanggaranKalibrasi {
    /// Kode aturan (`baik_maksimal`, …) atau `predikat_organisasi_belum_ditetapkan`,
    /// `belum_ada_penilaian`.
    pub aturan: String,
    pub pesan: String,
    pub ditemukan: Option<u64>,
    pub batas: Option<u64>,
    /// `maksimal` atau `minimal`.
    pub jenis: Option<String>,
}

/// `GET …/skp/kalibrasi?tahun=&periode=&unit_id=`.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct HasilKalibrasi {
    pub memenuhi: bool,
    pub pelanggaran: Vec<PelanggaranKalibrasi>,
    /// Banyaknya pegawai per predikat (yang sudah dinilai).
    pub distribusi: JumlahPredikatJson,
    pub periode: String,
    pub kelompok: KelompokUnit,
    /// Predikat organisasi yang ditetapkan (token), bila ada.
    pub predikat_organisasi: Option<String>,
    /// Saran dari capaian Perjanjian Kinerja (SAKIP), bila terbaca.
    pub saran_predikat_organisasi: Option<String>,
    pub saran_alasan: Option<String>,
    /// SKP aktif di kelompok yang belum dinilai periode ini.
    pub belum_dinilai: u64,
    #[serde(rename = "final")]
    pub final_: bool,
    pub alasan_pengecualian: Option<String>,
    /// Versi baris kurva (untuk menetapkan/memfinalkan), 0 bila belum ada.
    pub versi: i64,
    /// Aktor boleh menetapkan predikat organisasi dan memfinalkan.
    pub boleh_tetapkan: bool,
}

#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct JumlahPredikatJson {
    pub sangat_baik: u64,
    pub baik: u64,
    pub butuh_perbaikan: u64,
    pub kurang: u64,
    pub sangat_kurang: u64,
}

impl From<&JumlahPredikat> for JumlahPredikatJson {
    fn from(j: &JumlahPredikat) -> Self {
        JumlahPredikatJson {
            sangat_baik: j.sangat_baik,
            baik: j.baik,
            butuh_perbaikan: j.butuh_perbaikan,
            kurang: j.kurang,
            sangat_kurang: j.sangat_kurang,
        }
    }
}

/// Pelanggaran kurva satu kelompok (predikat organisasi belum ada, belum ada
/// penilaian, atau aturan `kurva-distribusi` yang dilanggar).
fn periksa_kelompok(
    k: &Konteks,
    predikat_org: Option<PredikatOrganisasi>,
    jumlah: &JumlahPredikat,
) -> Hasil<Vec<PelanggaranKalibrasi>> {
    let mut pelanggaran = Vec::new();
    let total = jumlah.total().unwrap_or(0);
    match (predikat_org, total) {
        (None, _) => pelanggaran.push(PelanggaranKalibrasi {
            aturan: "predikat_organisasi_belum_ditetapkan".into(),
            pesan: k
                .t(
                    "Predikat organisasi unit ini belum ditetapkan atasan pejabat penilai.",
                    "The unit's organisation predicate has not been set yet.",
                )
                .into(),
            ditemukan: None,
            batas: None,
            jenis: None,
        }),
        (Some(_), 0) => pelanggaran.push(PelanggaranKalibrasi {
            aturan: "belum_ada_penilaian".into(),
            pesan: k
                .t(
                    "Belum ada pegawai yang dinilai pada periode ini.",
                    "No employee has been rated in this period yet.",
                )
                .into(),
            ditemukan: Some(0),
            batas: None,
            jenis: None,
        }),
        (Some(org), _) => {
            let h = periksa_kurva(org, jumlah, &KebijakanKurva::default())
                .map_err(|g| Galat::Internal(format!("kurva: {g:?}")))?;
            for p in h.pelanggaran() {
                pelanggaran.push(PelanggaranKalibrasi {
                    aturan: p.aturan.token().into(),
                    pesan: p.pesan(k.bahasa),
                    ditemukan: Some(p.ditemukan),
                    batas: Some(p.batas),
                    jenis: Some(p.jenis.token().into()),
                });
            }
        }
    }
    Ok(pelanggaran)
}

/// Satu baris ringkasan kalibrasi instansi.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RingkasKelompok {
    pub unit_id: String,
    pub jumlah: u64,
    pub belum_dinilai: u64,
    pub digabung: bool,
    pub predikat_organisasi: Option<String>,
    pub memenuhi: bool,
    pub pelanggaran: Vec<String>,
    #[serde(rename = "final")]
    pub final_: bool,
}

/// Semua kelompok kurva satu periode yang boleh dilihat aktor: BKD semuanya;
/// penilai dan atasan penilai kelompok yang memuat SKP yang mereka nilai.
/// Jumlah per (unit, predikat) dan unit yang dinilai aktor dari basis data;
/// kelompok dan kurva dihitung di memori.
pub async fn ringkasan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    periode: &str,
) -> Hasil<Vec<RingkasKelompok>> {
    let a = kebijakan::wajib(k, Aksi::Baca, Sumber::Skp(instansi_id))?;
    crate::perencanaan::periksa_tahun(k, tahun)?;
    let periode = periksa_periode(l, k, instansi_id, periode, tahun).await?;
    let bkd = kebijakan::putuskan(Some(a), Aksi::Baca, Sumber::Skp(instansi_id))
        == kebijakan::Akses::Penuh;
    let saya = a
        .pegawai_id
        .clone()
        .filter(|_| a.instansi_id == instansi_id);
    // Jumlah per (unit, predikat) dihitung basis data: ±300 baris, bukan
    // satu baris per pegawai (docs/tolok-ukur.md, SKP batang 3).
    let per_unit =
        store::skp::jumlah_kalibrasi(l.pool(), instansi_id, tahun, &periode.kode()).await?;
    let mut jumlah_unit: HashMap<String, u64> = HashMap::new();
    for (u, _, n) in &per_unit {
        *jumlah_unit.entry(u.clone()).or_default() += (*n).max(0) as u64;
    }
    let kelompok = kelompok_dari_jumlah(l, instansi_id, tahun, &jumlah_unit).await?;
    let kurva: HashMap<String, store::skp::KurvaUnit> =
        store::skp::kurva_unit(l.pool(), instansi_id, &periode.kode())
            .await?
            .into_iter()
            .map(|u| (u.unit_id.clone(), u))
            .collect();
    let mut ke_kelompok: HashMap<&str, usize> = HashMap::new();
    for (i, g) in kelompok.iter().enumerate() {
        for u in &g.anggota {
            ke_kelompok.insert(u.as_str(), i);
        }
    }
    let mut jumlah = vec![JumlahPredikat::default(); kelompok.len()];
    let mut belum = vec![0u64; kelompok.len()];
    let mut terlihat = vec![bkd; kelompok.len()];
    for (u, predikat, n) in &per_unit {
        let Some(&i) = ke_kelompok.get(u.as_str()) else {
            continue;
        };
        let n = (*n).max(0) as u64;
        match predikat
            .as_deref()
            .and_then(PredikatKinerjaPegawai::dari_token)
        {
            Some(p) => *jumlah[i].jumlah_mut(p) += n,
            None => belum[i] += n,
        }
    }
    if let (false, Some(s)) = (bkd, &saya) {
        for u in store::skp::unit_dinilai_oleh(l.pool(), instansi_id, tahun, s).await? {
            if let Some(&i) = ke_kelompok.get(u.as_str()) {
                terlihat[i] = true;
            }
        }
    }
    let mut hasil = Vec::new();
    for (i, g) in kelompok.into_iter().enumerate() {
        if !terlihat[i] {
            continue;
        }
        let u = kurva.get(&g.unit_id);
        let org = u
            .and_then(|u| u.predikat_organisasi.as_deref())
            .and_then(PredikatOrganisasi::dari_token);
        let p = periksa_kelompok(k, org, &jumlah[i])?;
        hasil.push(RingkasKelompok {
            memenuhi: p.is_empty(),
            pelanggaran: p.into_iter().map(|x| x.pesan).collect(),
            unit_id: g.unit_id,
            jumlah: g.jumlah,
            belum_dinilai: belum[i],
            digabung: g.digabung,
            predikat_organisasi: org.map(|o| o.token().to_string()),
            final_: u.is_some_and(|u| u.difinalkan == 1),
        });
    }
    Ok(hasil)
}

/// Kalibrasi satu unit pada satu periode lewat aturan `kurva-distribusi`.
pub async fn kalibrasi(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    periode: &str,
    unit_id: &str,
) -> Hasil<HasilKalibrasi> {
    kebijakan::wajib(k, Aksi::Baca, Sumber::Skp(instansi_id))?;
    crate::perencanaan::periksa_tahun(k, tahun)?;
    let periode = periksa_periode(l, k, instansi_id, periode, tahun).await?;
    if store::organisasi::unit(l.pool(), instansi_id, unit_id)
        .await?
        .is_none()
    {
        return Err(Galat::TidakDitemukan(
            k.t("Unit kerja tidak ditemukan.", "Unit not found.").into(),
        ));
    }
    let baris = store::skp::baris_kalibrasi(l.pool(), instansi_id, tahun, &periode.kode()).await?;
    let kelompok = kelompok_semua(l, instansi_id, tahun, &baris)
        .await?
        .into_iter()
        .find(|g| g.anggota.iter().any(|a| a == unit_id))
        .unwrap_or(KelompokUnit {
            unit_id: unit_id.to_string(),
            anggota: vec![unit_id.to_string()],
            jumlah: 0,
            digabung: false,
        });
    let anggota: HashSet<&str> = kelompok.anggota.iter().map(String::as_str).collect();
    let di_kelompok: Vec<&store::skp::BarisKalibrasi> = baris
        .iter()
        .filter(|b| anggota.contains(b.unit_id.as_str()))
        .collect();
    let hak = kebijakan::hak_kurva(
        l,
        k,
        instansi_id,
        &kelompok.unit_id,
        &kelompok.anggota,
        &baris,
    )
    .await?;
    if !hak.lihat {
        return Err(k.dilarang());
    }
    let mut jumlah = JumlahPredikat::default();
    let mut belum = 0u64;
    for b in &di_kelompok {
        match b
            .predikat
            .as_deref()
            .and_then(PredikatKinerjaPegawai::dari_token)
        {
            Some(p) => *jumlah.jumlah_mut(p) += 1,
            None => belum += 1,
        }
    }
    let kurva = store::skp::kurva_unit(l.pool(), instansi_id, &periode.kode())
        .await?
        .into_iter()
        .find(|u| u.unit_id == kelompok.unit_id);
    let predikat_org = kurva
        .as_ref()
        .and_then(|u| u.predikat_organisasi.as_deref())
        .and_then(PredikatOrganisasi::dari_token);
    let saran = crate::sakip::perjanjian::saran_predikat(l, k, instansi_id, tahun)
        .await
        .ok()
        .and_then(|v| v.into_iter().find(|s| s.unit_id == kelompok.unit_id));
    let pelanggaran = periksa_kelompok(k, predikat_org, &jumlah)?;
    Ok(HasilKalibrasi {
        memenuhi: pelanggaran.is_empty(),
        pelanggaran,
        distribusi: (&jumlah).into(),
        periode: periode.kode(),
        predikat_organisasi: predikat_org.map(|p| p.token().to_string()),
        saran_predikat_organisasi: saran.as_ref().and_then(|s| s.predikat.clone()),
        saran_alasan: saran.map(|s| s.alasan),
        belum_dinilai: belum,
        final_: kurva.as_ref().is_some_and(|u| u.difinalkan == 1),
        alasan_pengecualian: kurva.as_ref().and_then(|u| u.alasan_pengecualian.clone()),
        versi: kurva.as_ref().map(|u| u.versi).unwrap_or(0),
        boleh_tetapkan: hak.tetapkan,
        kelompok,
    })
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanKurva {
    pub tahun: i64,
    #[schema(max_length = 20)]
    pub periode: String,
    #[schema(max_length = 64)]
    pub unit_id: String,
    /// Menetapkan predikat organisasi (token `istimewa` … `sangat_kurang`).
    pub predikat_organisasi: Option<PredikatOrganisasi>,
    /// true: memfinalkan kurva (ditolak 409 `kurva_dilanggar` bila dilanggar
    /// tanpa `alasan_pengecualian`).
    #[serde(default)]
    pub finalkan: bool,
    #[schema(max_length = 2000)]
    pub alasan_pengecualian: Option<String>,
    /// Versi baris kurva yang dilihat (0 bila belum ada).
    pub versi: Option<i64>,
}

/// Atasan pejabat penilai menetapkan predikat organisasi dan/atau memfinalkan kurva.
pub async fn simpan_kurva(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    m: MasukanKurva,
) -> Hasil<HasilKalibrasi> {
    let h = kalibrasi(l, k, instansi_id, m.tahun, &m.periode, &m.unit_id).await?;
    if !h.boleh_tetapkan {
        return Err(Galat::Dilarang(
            k.t(
                "Predikat organisasi dan finalisasi kurva ditetapkan atasan pejabat penilai.",
                "The organisation predicate and curve are set by the evaluators' superior.",
            )
            .into(),
        ));
    }
    let alasan = m
        .alasan_pengecualian
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty());
    let mut f = GalatKolom::default();
    validasi::periksa_opsional(
        &mut f,
        k.bahasa,
        "alasan_pengecualian",
        alasan,
        2_000,
        JenisTeks::Bebas,
    );
    f.jadi_galat(k.t("Periksa kembali isian.", "Please check the fields."))?;
    let versi = match m.versi {
        Some(v) => v,
        None if h.versi > 0 => {
            return Err(Galat::VersiWajib(
                k.t(
                    "Sertakan versi kurva yang Anda lihat (field `versi`).",
                    "Include the curve version you saw (field `versi`).",
                )
                .into(),
            ));
        }
        None => 0,
    };
    if versi != h.versi {
        return Err(konflik(k));
    }
    if h.final_ {
        return Err(galat_status(
            "kurva_final",
            k.t(
                "Kurva unit ini sudah final.",
                "This unit's curve is already final.",
            ),
        ));
    }
    let predikat = m
        .predikat_organisasi
        .map(|p| p.token().to_string())
        .or(h.predikat_organisasi.clone());
    let org = predikat.as_deref().and_then(PredikatOrganisasi::dari_token);
    let a = k.aktor()?;
    // Rating hasil pimpinan unit di kelompok ini ikut predikat organisasi;
    // sebaran yang dinilai kurva memakai predikat sesudah penyelarasan.
    let pimpinan = match org {
        Some(o) => {
            let baris =
                store::skp::baris_kalibrasi(l.pool(), instansi_id, m.tahun, &h.periode).await?;
            selaraskan_pimpinan(
                l,
                instansi_id,
                &h.periode,
                &h.kelompok,
                &baris,
                o,
                &a.pengguna_id,
            )
            .await?
        }
        None => Vec::new(),
    };
    if m.finalkan {
        if org.is_none() {
            return Err(galat_status(
                "predikat_organisasi_belum_ditetapkan",
                k.t(
                    "Tetapkan predikat organisasi sebelum memfinalkan.",
                    "Set the organisation predicate before finalising.",
                ),
            ));
        }
        let mut jumlah = JumlahPredikat {
            sangat_baik: h.distribusi.sangat_baik,
            baik: h.distribusi.baik,
            butuh_perbaikan: h.distribusi.butuh_perbaikan,
            kurang: h.distribusi.kurang,
            sangat_kurang: h.distribusi.sangat_kurang,
        };
        for (lama, baru) in &pimpinan {
            if let Some(p) = PredikatKinerjaPegawai::dari_token(&lama.predikat) {
                let x = jumlah.jumlah_mut(p);
                *x = x.saturating_sub(1);
            }
            if let Some(p) = PredikatKinerjaPegawai::dari_token(&baru.predikat) {
                *jumlah.jumlah_mut(p) += 1;
            }
        }
        let pelanggaran = periksa_kelompok(k, org, &jumlah)?;
        if !pelanggaran.is_empty() && alasan.is_none() {
            let mut g = galat_status(
                "kurva_dilanggar",
                k.t(
                    "Kurva distribusi belum terpenuhi; sesuaikan rating atau tulis alasan pengecualian.",
                    "The distribution curve is not met; adjust ratings or give a reason for the exception.",
                ),
            );
            if let Galat::Status { fields, .. } = &mut g {
                for p in &pelanggaran {
                    fields.insert(format!("pelanggaran.{}", p.aturan), p.pesan.clone());
                }
            }
            return Err(g);
        }
        if h.belum_dinilai > 0 && alasan.is_none() {
            return Err(galat_status(
                "belum_semua_dinilai",
                k.t(
                    "Masih ada pegawai yang belum dinilai; nilai dahulu atau tulis alasan pengecualian.",
                    "Some employees are not rated yet; rate them or give a reason for the exception.",
                ),
            ));
        }
    }
    let u = store::skp::KurvaUnit {
        instansi_id: instansi_id.to_string(),
        periode: h.periode.clone(),
        unit_id: h.kelompok.unit_id.clone(),
        predikat_organisasi: predikat,
        difinalkan: i64::from(m.finalkan),
        alasan_pengecualian: if m.finalkan {
            alasan.map(str::to_string)
        } else {
            None
        },
        pengguna_id: Some(a.pengguna_id.clone()),
        versi: h.versi + 1,
        diubah_pada: store::sekarang(),
    };
    let mut tx = l.db.mulai().await?;
    let ok =
        match store::skp::simpan_kurva_unit(&mut tx, &u, (h.versi > 0).then_some(h.versi)).await {
            Ok(ok) => ok,
            Err(g) if g.pelanggaran_unik() => false,
            Err(g) => return Err(g.into()),
        };
    if !ok {
        return Err(konflik(k));
    }
    for (lama, baru) in &pimpinan {
        if !store::skp::ubah_evaluasi(&mut tx, baru, lama.versi).await? {
            return Err(konflik(k));
        }
        crate::audit::catat(
            &mut tx,
            k,
            instansi_id,
            "ikut_predikat_organisasi",
            super::OBJEK_EVALUASI,
            &format!("{}:{}", baru.skp_id, baru.periode),
            Some(lama),
            Some(baru),
        )
        .await?;
    }
    let aksi = if m.finalkan && alasan.is_some() {
        "finalkan_pengecualian"
    } else if m.finalkan {
        "finalkan"
    } else {
        "tetapkan_predikat"
    };
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        aksi,
        super::OBJEK_KURVA,
        &format!("{}:{}", u.periode, u.unit_id),
        None,
        Some(&u),
    )
    .await?;
    tx.commit().await?;
    kalibrasi(l, k, instansi_id, m.tahun, &m.periode, &m.unit_id).await
}

// ---------- pimpinan unit ----------

/// Jabatan yang memimpin unit kerja.
const JABATAN_PIMPINAN: &[&str] = &["jpt", "administrator", "pengawas"];

/// Pimpinan unit menurut data kepegawaian (derivasi yang sama dengan pohon
/// SAKIP dan PK, `sakip::kepala_unit`), hanya bila jabatannya struktural:
/// unit berisi pelaksana saja tidak punya pimpinan di sini.
pub(crate) async fn pimpinan_unit(
    l: &Layanan,
    instansi_id: &str,
    unit_id: &str,
) -> Hasil<Option<String>> {
    let pegawai = store::organisasi::pegawai_aktif_unit(l.pool(), instansi_id, unit_id).await?;
    if pegawai.is_empty() {
        return Ok(None);
    }
    let jabatan = store::organisasi::semua_jabatan(l.pool(), instansi_id).await?;
    Ok(pimpinan_dari(&pegawai, &jabatan, unit_id).map(|p| p.id.clone()))
}

/// Inti [`pimpinan_unit`] atas data yang sudah dimuat (juga dipakai demo).
pub(crate) fn pimpinan_dari<'a>(
    pegawai: &'a [store::organisasi::Pegawai],
    jabatan: &[store::organisasi::Jabatan],
    unit_id: &str,
) -> Option<&'a store::organisasi::Pegawai> {
    let kelas: HashMap<String, i64> = jabatan
        .iter()
        .filter_map(|j| j.kelas.map(|k| (j.id.clone(), k)))
        .collect();
    let jenis: HashMap<&str, &str> = jabatan
        .iter()
        .map(|j| (j.id.as_str(), j.jenis.as_str()))
        .collect();
    crate::sakip::kepala_unit(pegawai, &kelas, unit_id).filter(|p| {
        p.jabatan_id
            .as_deref()
            .and_then(|j| jenis.get(j))
            .is_some_and(|j| JABATAN_PIMPINAN.contains(j))
    })
}

fn pesan_pimpinan(bahasa: crate::Bahasa, org: PredikatOrganisasi) -> String {
    let r = rating_dari_predikat_organisasi(org);
    match bahasa {
        crate::Bahasa::Id => format!(
            "Pimpinan unit: rating hasil kerja mengikuti predikat organisasi unitnya ({}) = {}.",
            org.label(bahasa),
            r.label(bahasa)
        ),
        crate::Bahasa::En => format!(
            "Unit head: the work-result rating follows the unit's organisation predicate ({}) = {}.",
            org.label(bahasa),
            r.label(bahasa)
        ),
    }
}

/// Rating hasil kerja pimpinan unit pada formulir penilai, untuk setiap
/// periode yang diminta (urutan sama): mengikuti predikat organisasi
/// kelompok kurva unitnya bila sudah ditetapkan. `None` (untuk semua
/// periode) bila pemilik SKP bukan pimpinan unitnya. Bila predikat belum
/// ditetapkan: `Some((None, pesan))` — penilai boleh memberi rating
/// sementara; rating itu diselaraskan saat predikat ditetapkan.
pub async fn saran_pimpinan(
    l: &Layanan,
    instansi_id: &str,
    skp: &super::TampilanSkp,
    periode: &[String],
    bahasa: crate::Bahasa,
) -> Hasil<Vec<Option<(Option<RatingKinerja>, String)>>> {
    if pimpinan_unit(l, instansi_id, &skp.unit_id)
        .await?
        .as_deref()
        != Some(skp.pegawai_id.as_str())
    {
        return Ok(vec![None; periode.len()]);
    }
    // Kelompok dihitung sekali; baris kurva dibaca per periode.
    let g = kelompok_unit(l, instansi_id, skp.tahun, &skp.unit_id).await?;
    let mut hasil = Vec::with_capacity(periode.len());
    for p in periode {
        let org = store::skp::kurva_unit(l.pool(), instansi_id, p)
            .await?
            .into_iter()
            .find(|u| u.unit_id == g.unit_id)
            .and_then(|u| u.predikat_organisasi)
            .and_then(|p| PredikatOrganisasi::dari_token(&p));
        hasil.push(Some(match org {
            Some(o) => (
                Some(rating_dari_predikat_organisasi(o)),
                pesan_pimpinan(bahasa, o),
            ),
            None => (
                None,
                match bahasa {
                    crate::Bahasa::Id => "Pimpinan unit: rating hasil kerja akan mengikuti predikat organisasi unitnya, yang belum ditetapkan atasan pejabat penilai; rating yang disimpan sekarang diselaraskan saat predikat ditetapkan.",
                    crate::Bahasa::En => "Unit head: the work-result rating will follow the unit's organisation predicate, not yet set by the evaluators' superior; a rating saved now is aligned when it is set.",
                }
                .to_string(),
            ),
        }));
    }
    Ok(hasil)
}

/// Evaluasi pimpinan unit di satu kelompok kurva yang rating hasilnya tidak
/// sama dengan predikat organisasi: (lama, baru).
async fn selaraskan_pimpinan(
    l: &Layanan,
    instansi_id: &str,
    periode: &str,
    kelompok: &KelompokUnit,
    baris: &[store::skp::BarisKalibrasi],
    org: PredikatOrganisasi,
    pengguna_id: &str,
) -> Hasil<Vec<(EvaluasiSkp, EvaluasiSkp)>> {
    let wajib = rating_dari_predikat_organisasi(org);
    let mut ubah = Vec::new();
    for unit_id in &kelompok.anggota {
        let Some(kepala) = pimpinan_unit(l, instansi_id, unit_id).await? else {
            continue;
        };
        for b in baris
            .iter()
            .filter(|b| &b.unit_id == unit_id && b.pegawai_id == kepala && b.predikat.is_some())
        {
            let Some(e) = store::skp::evaluasi(l.pool(), instansi_id, &b.skp_id, periode).await?
            else {
                continue;
            };
            if e.rating_hasil == wajib.token() {
                continue;
            }
            let Some(perilaku) = RatingKinerja::dari_token(&e.rating_perilaku) else {
                continue;
            };
            let mut baru = e.clone();
            baru.rating_hasil = wajib.token().into();
            baru.predikat = predikat_kinerja(wajib, perilaku).token().into();
            baru.pengguna_id = Some(pengguna_id.to_string());
            baru.versi = e.versi + 1;
            baru.diubah_pada = store::sekarang();
            ubah.push((e, baru));
        }
    }
    Ok(ubah)
}

// ---------- rekap rating ----------

const fn kolom_rekap(
    nama: &'static str,
    id: &'static str,
    en: &'static str,
) -> crate::impor::Kolom {
    crate::impor::Kolom {
        nama,
        wajib: false,
        id,
        en,
        pilihan: &[],
    }
}

/// Kolom rekap rating SKP per periode, dalam urutan ekspor.
pub const KOLOM_REKAP_RATING: &[crate::impor::Kolom] = &[
    kolom_rekap(
        "unit",
        "Unit kerja penempatan SKP.",
        "Work unit of the plan.",
    ),
    kolom_rekap("nip", "NIP pegawai.", "Employee NIP."),
    kolom_rekap("nama", "Nama pegawai.", "Employee name."),
    kolom_rekap("jabatan", "Jabatan pada SKP.", "Position on the plan."),
    kolom_rekap("penilai", "Pejabat penilai.", "Evaluator."),
    kolom_rekap(
        "rating_hasil",
        "Rating hasil kerja (kosong: belum dinilai).",
        "Work result rating (empty: not rated yet).",
    ),
    kolom_rekap(
        "rating_perilaku",
        "Rating perilaku kerja.",
        "Work behaviour rating.",
    ),
    kolom_rekap(
        "predikat",
        "Predikat kinerja pegawai.",
        "Employee performance predicate.",
    ),
    kolom_rekap(
        "kelompok_kurva",
        "Unit kelompok kurva distribusi (unit kecil digabung ke induknya).",
        "Unit group of the distribution curve (small units merged into their parent).",
    ),
    kolom_rekap(
        "kurva_final",
        "ya bila kurva kelompok sudah difinalkan, selain itu tidak.",
        "ya if the group's curve is final, otherwise tidak.",
    ),
];

/// Rekap rating satu periode (XLSX/CSV): satu baris per SKP aktif (dinilai
/// atau belum) dalam cakupan yang sama dengan dasbor SKP — BKD seluruh
/// instansi, pimpinan unit (dan Plt./Plh.) unit yang dipimpinnya.
pub async fn ekspor_rekap(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    periode: &str,
    format: crate::impor::Format,
) -> Hasil<Vec<u8>> {
    let c = kebijakan::CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::DasborSkp(instansi_id)).await?;
    crate::perencanaan::periksa_tahun(k, tahun)?;
    let periode = periksa_periode(l, k, instansi_id, periode, tahun).await?;
    let pool = l.pool();
    let baris = store::skp::baris_kalibrasi(pool, instansi_id, tahun, &periode.kode()).await?;
    let kelompok = kelompok_semua(l, instansi_id, tahun, &baris).await?;
    let ke_kelompok: HashMap<&str, &KelompokUnit> = kelompok
        .iter()
        .flat_map(|g| g.anggota.iter().map(move |u| (u.as_str(), g)))
        .collect();
    let final_: HashSet<String> = store::skp::kurva_unit(pool, instansi_id, &periode.kode())
        .await?
        .into_iter()
        .filter(|u| u.difinalkan == 1)
        .map(|u| u.unit_id)
        .collect();
    let skp: HashMap<String, store::skp::Skp> =
        store::skp::daftar_skp(pool, instansi_id, tahun, None)
            .await?
            .into_iter()
            .map(|s| (s.id.clone(), s))
            .collect();
    let evaluasi: HashMap<String, EvaluasiSkp> =
        store::skp::evaluasi_periode(pool, instansi_id, tahun, &periode.kode())
            .await?
            .into_iter()
            .map(|e| (e.skp_id.clone(), e))
            .collect();
    let pegawai: HashMap<String, store::organisasi::Pegawai> =
        store::organisasi::semua_pegawai(pool, instansi_id)
            .await?
            .into_iter()
            .map(|p| (p.id.clone(), p))
            .collect();
    let unit: HashMap<String, String> = store::organisasi::semua_unit(pool, instansi_id)
        .await?
        .into_iter()
        .map(|u| (u.id, u.nama))
        .collect();
    let jabatan: HashMap<String, String> = store::organisasi::semua_jabatan(pool, instansi_id)
        .await?
        .into_iter()
        .map(|j| (j.id, j.nama))
        .collect();
    let nama_unit = |id: &str| unit.get(id).cloned().unwrap_or_else(|| id.to_string());
    let rating = |t: &str| {
        RatingKinerja::dari_token(t)
            .map(|r| r.label(k.bahasa).to_string())
            .unwrap_or_else(|| t.to_string())
    };
    let mut hasil = Vec::new();
    for b in baris.iter().filter(|b| c.memuat(Some(&b.unit_id))) {
        let s = skp.get(&b.skp_id);
        let p = pegawai.get(&b.pegawai_id);
        let e = evaluasi.get(&b.skp_id);
        let g = ke_kelompok.get(b.unit_id.as_str());
        hasil.push(vec![
            nama_unit(&b.unit_id),
            p.and_then(|p| p.nip.clone()).unwrap_or_default(),
            p.map(|p| p.nama.clone()).unwrap_or_default(),
            s.and_then(|s| s.jabatan_id.as_ref())
                .and_then(|j| jabatan.get(j).cloned())
                .unwrap_or_default(),
            b.penilai_id
                .as_ref()
                .and_then(|x| pegawai.get(x))
                .map(|p| p.nama.clone())
                .unwrap_or_default(),
            e.map(|e| rating(&e.rating_hasil)).unwrap_or_default(),
            e.map(|e| rating(&e.rating_perilaku)).unwrap_or_default(),
            e.and_then(|e| PredikatKinerjaPegawai::dari_token(&e.predikat))
                .map(|p| p.label(k.bahasa).to_string())
                .unwrap_or_default(),
            g.map(|g| nama_unit(&g.unit_id))
                .unwrap_or_else(|| nama_unit(&b.unit_id)),
            if g.is_some_and(|g| final_.contains(&g.unit_id)) {
                "ya"
            } else {
                "tidak"
            }
            .to_string(),
        ]);
    }
    let b = k.bahasa;
    tokio::task::spawn_blocking(move || match format {
        crate::impor::Format::Csv => crate::impor::tulis::csv(KOLOM_REKAP_RATING, &hasil),
        crate::impor::Format::Xlsx => {
            crate::impor::tulis::xlsx_tabel(b, "rekap_rating_skp", KOLOM_REKAP_RATING, &hasil)
        }
    })
    .await
    .map_err(|e| Galat::Internal(e.to_string()))?
}

// ---------- saran rating hasil kerja ----------

/// Saran rating hasil kerja satu periode untuk formulir penilai [R]:
/// capaian tiap indikator = realisasi terakhir yang tidak ditolak ÷ target
/// × 100 (periode berkala: realisasi periode itu; `TAHUNAN`: realisasi
/// periode terakhir yang terisi), lalu `rules::skp::saran_rating_hasil`.
/// Indikator tanpa realisasi atau dengan target bukan angka positif tidak
/// dihitung. `None` bila tidak ada indikator yang terhitung. Tidak mengikat.
pub fn saran_hasil(
    skp: &super::TampilanSkp,
    realisasi: &[store::skp::RealisasiSkp],
    periode: &str,
    bahasa: crate::Bahasa,
) -> Option<rules::skp::SaranRating> {
    let indikator: Vec<(&str, &str)> = skp
        .rhk
        .iter()
        .flat_map(|r| r.indikator.iter())
        .map(|i| (i.id.as_str(), i.target.as_str()))
        .collect();
    saran_dari_indikator(&indikator, realisasi, periode, bahasa)
}

/// Inti [`saran_hasil`]: indikator sebagai (id, target).
fn saran_dari_indikator(
    indikator: &[(&str, &str)],
    realisasi: &[store::skp::RealisasiSkp],
    periode: &str,
    bahasa: crate::Bahasa,
) -> Option<rules::skp::SaranRating> {
    use rust_decimal::Decimal;
    use std::str::FromStr;
    let tahunan = Periode::urai(periode)
        .ok()
        .is_some_and(|p| p.frekuensi().is_none());
    // Realisasi terpilih per indikator: (periode, dibuat_pada) terbesar.
    let mut pilih: HashMap<&str, &store::skp::RealisasiSkp> = HashMap::new();
    for r in realisasi
        .iter()
        .filter(|r| r.status != "ditolak" && (tahunan || r.periode == periode))
    {
        let e = pilih.entry(r.indikator_id.as_str()).or_insert(r);
        if (r.periode.as_str(), r.dibuat_pada.as_str())
            > (e.periode.as_str(), e.dibuat_pada.as_str())
        {
            *e = r;
        }
    }
    let mut capaian = Vec::new();
    for (id, target) in indikator {
        let Some(r) = pilih.get(id) else {
            continue;
        };
        let (Ok(target), Ok(nilai)) = (
            Decimal::from_str(target.trim()),
            Decimal::from_str(r.realisasi.trim()),
        ) else {
            continue;
        };
        if target <= Decimal::ZERO {
            continue;
        }
        if let Some(c) = nilai
            .checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(target))
        {
            capaian.push(c);
        }
    }
    rules::skp::saran_rating_hasil(&capaian, bahasa)
}

#[cfg(test)]
mod uji_saran {
    use super::*;
    use rules::permenpanrb_6_2022::RatingKinerja as R;

    fn r(
        ind: &str,
        periode: &str,
        nilai: &str,
        status: &str,
        pada: &str,
    ) -> store::skp::RealisasiSkp {
        store::skp::RealisasiSkp {
            instansi_id: "i".into(),
            id: format!("{ind}-{periode}-{pada}"),
            skp_id: "s".into(),
            indikator_id: ind.into(),
            periode: periode.into(),
            realisasi: nilai.into(),
            catatan: None,
            bukti_id: None,
            tautan: None,
            kunci_klien: None,
            pengguna_id: "u".into(),
            status: status.into(),
            umpan_balik: None,
            umpan_balik_oleh: None,
            umpan_balik_pada: None,
            versi: 1,
            dibuat_pada: pada.into(),
        }
    }

    #[test]
    fn saran_dari_realisasi_periode_dan_tahunan() {
        let ind = [("a", "10"), ("b", "4"), ("c", "teks")];
        let data = [
            r("a", "2027-TW1", "9", "menunggu", "2027-03-01"),
            r("a", "2027-TW1", "12", "ditolak", "2027-03-05"),
            r("a", "2027-TW2", "13", "diverifikasi", "2027-06-01"),
            r("b", "2027-TW1", "2", "menunggu", "2027-02-01"),
            r("b", "2027-TW1", "4", "menunggu", "2027-03-02"),
            r("c", "2027-TW1", "5", "menunggu", "2027-03-02"),
        ];
        // TW1: a = 9/10 = 90 (yang ditolak diabaikan), b = 4/4 = 100 (terbaru); c bukan angka.
        let s = saran_dari_indikator(&ind, &data, "2027-TW1", crate::Bahasa::Id).unwrap();
        assert_eq!((s.rating, s.jumlah), (R::SesuaiEkspektasi, 2));
        assert_eq!(s.rata_rata.to_string(), "95.00");
        // Tahunan: periode terakhir yang terisi, a = 130 → dibatasi 120, b = 100 → 110.
        let s = saran_dari_indikator(&ind, &data, "2027-TAHUNAN", crate::Bahasa::Id).unwrap();
        assert_eq!((s.rating, s.jumlah), (R::DiAtasEkspektasi, 2));
        // Tanpa realisasi periode itu: tidak ada saran.
        assert!(saran_dari_indikator(&ind, &data, "2027-TW3", crate::Bahasa::Id).is_none());
        assert!(
            saran_dari_indikator(&[("a", "0")], &data, "2027-TW1", crate::Bahasa::Id).is_none()
        );
    }
}
