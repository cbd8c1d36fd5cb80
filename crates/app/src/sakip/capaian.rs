//! Capaian kinerja organisasi: satu pemuat data (IKU dan indikator rencana
//! tahun itu, target, realisasi per triwulan) dan satu fungsi yang memanggil
//! `rules::sakip::capaian_indikator`. Pohon, Perjanjian Kinerja dan LKjIP
//! semuanya membaca capaian dari sini.

use super::{basi, galat_kolom, periksa_tahun, tautan_bukti, teks_bebas};
use crate::kebijakan::{self, Aksi, CakupanUnit, Sumber};
use crate::perencanaan::{DataRencana, RevisiTahun};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::permenpanrb_8_2021::capaian::{Polaritas, Target};
use rules::sakip::{CapaianIndikator, DataIndikator, Rekap};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use store::perencanaan::Indikator;
use store::sakip::KeluaranRingkas;
use store::sakip::{Iku, RealisasiIku, TargetIku};

/// Jenis objek rujukan bukti realisasi IKU; objeknya `{tahun}:{iku}:{triwulan}`.
pub const OBJEK_BUKTI_IKU: &str = "realisasi_iku";

/// Kode program rencana tahun itu (revisi berlaku, atau draf bila belum ada).
pub(crate) async fn program_tahun(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<HashSet<String>> {
    Ok(match rencana_tahun(l, instansi_id, tahun).await? {
        Some(d) => d
            .butir
            .iter()
            .filter(|b| b.tingkat == crate::perencanaan::PROGRAM)
            .map(|b| b.kode.clone())
            .collect(),
        None => HashSet::new(),
    })
}

/// Program rencana tahun itu dengan namanya, urut kode (formulir tautan).
pub async fn program_tahun_bernama(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<(String, String)>> {
    let mut v: Vec<(String, String)> = match rencana_tahun(l, instansi_id, tahun).await? {
        Some(d) => d
            .butir
            .iter()
            .filter(|b| b.tingkat == crate::perencanaan::PROGRAM)
            .map(|b| (b.kode.clone(), b.nama.clone()))
            .collect(),
        None => Vec::new(),
    };
    v.sort();
    Ok(v)
}

/// Rencana tahun itu: revisi yang ditetapkan, atau draf bila belum ada.
pub(crate) async fn rencana_tahun(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Option<DataRencana>> {
    let rev = RevisiTahun::baca(l, instansi_id, tahun).await?;
    let Some(r) = rev.berlaku().or(rev.draf()).cloned() else {
        return Ok(None);
    };
    Ok(Some(DataRencana::muat(l, r, false).await?))
}

/// Semua data capaian satu instansi dan tahun.
pub(crate) struct DataCapaian {
    pub tahun: i64,
    pub renstra: super::Renstra,
    pub rencana: Option<DataRencana>,
    /// Realisasi keluaran rencana per (kunci indikator, triwulan).
    pub keluaran: HashMap<(String, i64), KeluaranRingkas>,
    /// Realisasi IKU per (iku, triwulan).
    pub realisasi_iku: HashMap<(String, i64), RealisasiIku>,
}

impl DataCapaian {
    pub async fn muat(l: &Layanan, instansi_id: &str, tahun: i64) -> Hasil<DataCapaian> {
        let pool = l.pool();
        let (renstra, rencana, keluaran, iku) = tokio::try_join!(
            super::renstra::baca(l, instansi_id, tahun),
            rencana_tahun(l, instansi_id, tahun),
            async { Ok(store::sakip::keluaran_ringkas(pool, instansi_id, tahun).await?) },
            async { Ok(store::sakip::realisasi_iku_tahun(pool, instansi_id, tahun).await?) },
        )?;
        Ok(DataCapaian {
            tahun,
            renstra,
            rencana,
            keluaran: keluaran
                .into_iter()
                .map(|r| ((r.indikator_kunci.clone(), r.triwulan), r))
                .collect(),
            realisasi_iku: iku
                .into_iter()
                .map(|r| ((r.iku_id.clone(), r.triwulan), r))
                .collect(),
        })
    }

    pub fn target_iku(&self, iku_id: &str) -> Option<&TargetIku> {
        self.renstra.target.iter().find(|t| t.iku_id == iku_id)
    }

    /// Data aturan untuk satu IKU.
    pub fn data_iku(&self, iku: &Iku) -> DataIndikator {
        let t = self.target_iku(&iku.id);
        let d = |x: &Option<String>| x.as_deref().and_then(rules::angka::baca_desimal);
        DataIndikator {
            polaritas: Polaritas::dari_token(&iku.polaritas).unwrap_or(Polaritas::Positif),
            rekap: Rekap::dari_token(&iku.rekap).unwrap_or(Rekap::Snapshot),
            target: t.and_then(|t| super::baca_target(&t.target)),
            target_triwulan: match t {
                Some(t) => [
                    d(&t.target_tw1),
                    d(&t.target_tw2),
                    d(&t.target_tw3),
                    d(&t.target_tw4),
                ],
                None => [None; 4],
            },
            realisasi: std::array::from_fn(|i| {
                self.realisasi_iku
                    .get(&(iku.id.clone(), i as i64 + 1))
                    .and_then(|r| rules::angka::baca_desimal(&r.realisasi))
            }),
        }
    }

    /// Data aturan untuk satu indikator rencana: realisasi keluaran diisi
    /// sebagai total berjalan, jadi direkap `snapshot`.
    pub fn data_indikator(&self, i: &Indikator) -> DataIndikator {
        let d = |x: &Option<String>| x.as_deref().and_then(rules::angka::baca_desimal);
        DataIndikator {
            polaritas: i
                .polaritas
                .as_deref()
                .and_then(Polaritas::dari_token)
                .unwrap_or(Polaritas::Positif),
            rekap: Rekap::Snapshot,
            target: i.target.as_deref().and_then(super::baca_target),
            target_triwulan: [
                d(&i.target_tw1),
                d(&i.target_tw2),
                d(&i.target_tw3),
                d(&i.target_tw4),
            ],
            realisasi: std::array::from_fn(|q| {
                self.keluaran
                    .get(&(i.kunci.clone(), q as i64 + 1))
                    .and_then(|r| rules::angka::baca_desimal(&r.realisasi))
            }),
        }
    }

    /// Bukti realisasi triwulan `q` sebuah indikator rencana: (id bukti, tautan).
    pub fn bukti_indikator(&self, kunci: &str, q: u8) -> (Option<String>, Option<String>) {
        self.keluaran
            .get(&(kunci.to_string(), i64::from(q)))
            .map(|r| (r.bukti_id.clone(), r.bukti_url.clone()))
            .unwrap_or_default()
    }

    pub fn bukti_iku(&self, iku_id: &str, q: u8) -> (Option<String>, Option<String>) {
        self.realisasi_iku
            .get(&(iku_id.to_string(), i64::from(q)))
            .map(|r| (r.bukti_id.clone(), r.bukti_url.clone()))
            .unwrap_or_default()
    }

    /// Penjelasan realisasi IKU terakhir (untuk LKjIP).
    pub fn penjelasan_iku(&self, iku_id: &str) -> Option<String> {
        (1..=4)
            .rev()
            .find_map(|q| self.realisasi_iku.get(&(iku_id.to_string(), q)))
            .and_then(|r| r.penjelasan.clone())
    }
}

/// Satu-satunya jalan ke aturan capaian bagi pohon, PK dan LKjIP. Angka yang
/// tidak dapat dihitung (target positif nol) menjadi "belum ada capaian".
pub fn hitung(d: &DataIndikator, sampai: u8) -> Option<CapaianIndikator> {
    rules::sakip::capaian_indikator(d, sampai).ok().flatten()
}

/// Target tahunan dalam bentuk tampil (`"95.00"`, `"80.00–90.00"`).
pub fn target_tampil(d: &DataIndikator) -> Option<String> {
    d.target.as_ref().map(super::tampil_target)
}

/// Realisasi dan capaian dalam bentuk tampil.
pub fn angka_tampil(c: &Option<CapaianIndikator>) -> (Option<String>, Option<String>) {
    match c {
        Some(c) => (
            Some(rules::angka::teks_2(c.realisasi)),
            Some(rules::angka::teks_2(c.capaian_persen)),
        ),
        None => (None, None),
    }
}

/// Target dipakai pembanding (untuk penjelasan).
pub fn target_dipakai(c: &CapaianIndikator) -> String {
    match c.target {
        Target::Tunggal(t) => rules::angka::teks_2(t),
        t => super::tampil_target(&t),
    }
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanRealisasiIku {
    /// Realisasi triwulan itu menurut `rekap` IKU (kumulatif: tambahan
    /// triwulan itu; snapshot: keadaan akhir triwulan).
    pub realisasi: String,
    /// Penjelasan (penyebab, kendala, upaya) untuk LKjIP.
    #[serde(default)]
    pub penjelasan: Option<String>,
    #[serde(default)]
    pub bukti_id: Option<String>,
    #[serde(default)]
    pub bukti_url: Option<String>,
    /// Versi yang dilihat; 0 bila triwulan itu belum berisi.
    #[serde(default)]
    pub versi: Option<i64>,
}

/// Realisasi satu IKU pada satu triwulan: perencana, atau pimpinan unit
/// penanggung jawab sasarannya.
#[allow(clippy::too_many_arguments)]
pub async fn simpan_realisasi_iku(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    iku_id: &str,
    triwulan: i64,
    m: MasukanRealisasiIku,
) -> Hasil<RealisasiIku> {
    let c = CakupanUnit::untuk(l, k, Aksi::Kelola, Sumber::CapaianSakip(instansi_id)).await?;
    let a = k.aktor()?.clone();
    periksa_tahun(k, tahun)?;
    if !(1..=4).contains(&triwulan) {
        return Err(galat_kolom(
            k,
            "triwulan",
            k.t("Triwulan 1–4.", "Quarter 1–4."),
        ));
    }
    let Some(versi) = m.versi else {
        return Err(Galat::VersiWajib(
            k.t(
                "Sertakan versi yang Anda lihat (0 bila belum berisi).",
                "Include the version you saw (0 if empty).",
            )
            .into(),
        ));
    };
    let realisasi = rules::angka::baca_desimal(&m.realisasi)
        .filter(|d| !d.is_sign_negative())
        .ok_or_else(|| galat_kolom(k, "realisasi", k.t("Isi angka ≥ 0.", "Enter a number ≥ 0.")))?;
    let penjelasan = teks_bebas(
        k,
        "penjelasan",
        m.penjelasan,
        crate::validasi::MAKS_KETERANGAN,
    )?;
    let url = tautan_bukti(k, m.bukti_url)?;
    let bukti_id = m.bukti_id.filter(|x| !x.trim().is_empty());
    if let Some(bid) = &bukti_id {
        crate::bukti::lihat(l, k, instansi_id, bid).await?;
    }
    let r = super::renstra::baca(l, instansi_id, tahun).await?;
    let iku = r.iku.iter().find(|i| i.id == iku_id).ok_or_else(|| {
        Galat::TidakDitemukan(
            k.t(
                "IKU tidak ditemukan pada periode Renstra tahun ini.",
                "Indicator not found in this year's strategic-plan period.",
            )
            .into(),
        )
    })?;
    let unit = r
        .sasaran
        .iter()
        .find(|s| s.id == iku.sasaran_id)
        .and_then(|s| s.unit_id.as_deref());
    if !c.memuat(unit) {
        return Err(k.dilarang());
    }
    let mut tx = l.db.mulai().await?;
    let lama =
        store::sakip::realisasi_iku_satu(&mut tx, instansi_id, iku_id, tahun, triwulan).await?;
    if lama.as_ref().map(|x| x.versi).unwrap_or(0) != versi {
        return Err(basi(k));
    }
    let baru = RealisasiIku {
        instansi_id: instansi_id.into(),
        iku_id: iku_id.into(),
        tahun,
        triwulan,
        realisasi: crate::perencanaan::kanonis(realisasi),
        penjelasan,
        bukti_id: bukti_id.clone(),
        bukti_url: url,
        versi: versi + 1,
        diubah_oleh: Some(a.pengguna_id.clone()),
        diubah_pada: store::sekarang(),
    };
    if !store::sakip::tulis_realisasi_iku(&mut tx, &baru, versi).await? {
        return Err(basi(k));
    }
    let objek = format!("{tahun}:{iku_id}:{triwulan}");
    if let Some(lama_id) = lama.as_ref().and_then(|x| x.bukti_id.clone())
        && Some(&lama_id) != bukti_id.as_ref()
    {
        crate::bukti::lepas(&mut tx, instansi_id, &lama_id, OBJEK_BUKTI_IKU, &objek).await?;
    }
    if let Some(b) = &bukti_id
        && lama.as_ref().and_then(|x| x.bukti_id.as_ref()) != Some(b)
    {
        crate::bukti::rujuk(&mut tx, instansi_id, b, OBJEK_BUKTI_IKU, &objek).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        if lama.is_some() { "ubah" } else { "buat" },
        "realisasi_iku",
        &objek,
        lama.as_ref(),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}

/// Bukti yang dirujuk realisasi IKU boleh dilihat siapa pun yang membaca
/// SAKIP instansi itu (LKjIP dan buktinya dokumen publik instansi).
pub(crate) async fn boleh_lihat_bukti(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    bukti_id: &str,
) -> Hasil<bool> {
    let objek =
        store::bukti::objek_rujukan(l.pool(), instansi_id, bukti_id, OBJEK_BUKTI_IKU).await?;
    if objek.is_empty() {
        return Ok(false);
    }
    Ok(kebijakan::wajib(k, Aksi::Baca, Sumber::Sakip(instansi_id)).is_ok())
}
