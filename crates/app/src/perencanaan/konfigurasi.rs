//! Ambang dan kelompok belanja penunjang per instansi (`KonfigurasiAnggaran`):
//! bawaan terdokumentasi [R] di docs/aturan-anggaran.md; instansi dapat
//! mengubahnya, dan nilai uang serta keselarasan memakai yang berlaku.

use crate::kebijakan::{self, Aksi, CakupanUnit, Sumber};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::anggaran::KonfigurasiAnggaran;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct KonfigurasiInstansi {
    /// `KonfigurasiAnggaran` (bagian yang tidak disebut memakai bawaan):
    /// `{"nilai_uang": {…}, "keselarasan": {…}}`.
    #[schema(value_type = Object)]
    pub isi: serde_json::Value,
    /// 0 = masih bawaan.
    pub versi: i64,
}

/// Konfigurasi yang berlaku untuk perhitungan (tanpa pemeriksaan hak:
/// pemanggil sudah melewati kebijakan).
pub(crate) async fn berlaku(l: &Layanan, instansi_id: &str) -> Hasil<KonfigurasiAnggaran> {
    match store::perencanaan::konfigurasi_anggaran(l.pool(), instansi_id).await? {
        Some((isi, _)) => serde_json::from_str(&isi)
            .map_err(|e| Galat::Internal(format!("konfigurasi anggaran tersimpan rusak: {e}"))),
        None => bawaan(l, instansi_id).await,
    }
}

/// Bawaan menurut jenis instansi: K/L memakai akun BAS enam digit.
async fn bawaan(l: &Layanan, instansi_id: &str) -> Hasil<KonfigurasiAnggaran> {
    let mut k = KonfigurasiAnggaran::default();
    if super::skema_kl(l, instansi_id).await? {
        k.keselarasan.belanja_penunjang = rules::anggaran::BelanjaPenunjang::kl();
    }
    Ok(k)
}

pub async fn konfigurasi(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
) -> Hasil<KonfigurasiInstansi> {
    CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    let (konf, versi) =
        match store::perencanaan::konfigurasi_anggaran(l.pool(), instansi_id).await? {
            Some((isi, v)) => (
                serde_json::from_str::<KonfigurasiAnggaran>(&isi).map_err(|e| {
                    Galat::Internal(format!("konfigurasi anggaran tersimpan rusak: {e}"))
                })?,
                v,
            ),
            None => (KonfigurasiAnggaran::default(), 0),
        };
    Ok(KonfigurasiInstansi {
        isi: serde_json::to_value(&konf).map_err(|e| Galat::Internal(e.to_string()))?,
        versi,
    })
}

fn persen_sah(x: Decimal) -> bool {
    x >= Decimal::ZERO && x <= Decimal::ONE_HUNDRED
}

/// Mengubah konfigurasi (perencana). Ambang 0–100; paling banyak 50 kelompok
/// penunjang × 50 kode.
pub async fn ubah_konfigurasi(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    m: KonfigurasiInstansi,
) -> Hasil<KonfigurasiInstansi> {
    let a = kebijakan::wajib(k, Aksi::Kelola, Sumber::Rencana(instansi_id))?;
    let konf: KonfigurasiAnggaran = serde_json::from_value(m.isi).map_err(|e| {
        Galat::input(
            k.t("Konfigurasi tidak sah.", "Invalid configuration."),
            BTreeMap::from([("isi".to_string(), e.to_string())]),
        )
    })?;
    let mut f = crate::galat::GalatKolom::default();
    let n = &konf.nilai_uang;
    for (kolom, x) in [
        ("isi.nilai_uang.ambang_penyerapan", n.ambang_penyerapan),
        ("isi.nilai_uang.ambang_capaian", n.ambang_capaian),
        ("isi.nilai_uang.ambang_tertinggal", n.ambang_tertinggal),
        (
            "isi.nilai_uang.capaian_tanpa_belanja",
            n.capaian_tanpa_belanja,
        ),
        (
            "isi.nilai_uang.penyerapan_tanpa_belanja",
            n.penyerapan_tanpa_belanja,
        ),
        (
            "isi.keselarasan.ambang_belanja_penunjang_persen",
            konf.keselarasan.ambang_belanja_penunjang_persen,
        ),
    ] {
        if !persen_sah(x) {
            f.tambah(kolom, k.t("Harus 0–100.", "Must be 0–100."));
        }
    }
    let kel = &konf.keselarasan.belanja_penunjang.kelompok;
    if kel.len() > 50
        || kel.iter().any(|g| {
            g.kode.len() > 50 || g.nama.chars().count() > 100 || g.kode.iter().any(|c| c.len() > 40)
        })
    {
        f.tambah(
            "isi.keselarasan.belanja_penunjang",
            k.t(
                "Paling banyak 50 kelompok, masing-masing 50 kode (≤ 40 karakter) dan nama ≤ 100 karakter.",
                "At most 50 groups, each with 50 codes (≤ 40 characters) and a name ≤ 100 characters.",
            ),
        );
    }
    f.jadi_galat(k.t("Periksa konfigurasi.", "Check the configuration."))?;
    let isi = serde_json::to_string(&konf).map_err(|e| Galat::Internal(e.to_string()))?;
    let lama = store::perencanaan::konfigurasi_anggaran(l.pool(), instansi_id).await?;
    let mut tx = l.db.mulai().await?;
    if !store::perencanaan::simpan_konfigurasi_anggaran(
        &mut tx,
        instansi_id,
        &isi,
        m.versi,
        Some(&a.pengguna_id),
        &store::sekarang(),
    )
    .await?
    {
        return Err(Galat::Konflik(
            k.t(
                "Konfigurasi sudah diubah orang lain. Muat ulang lalu ulangi.",
                "Someone else changed the configuration. Reload and try again.",
            )
            .into(),
        ));
    }
    let sebelum = lama.map(|(x, _)| x);
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "konfigurasi_anggaran",
        instansi_id,
        sebelum.as_ref(),
        Some(&isi),
    )
    .await?;
    tx.commit().await?;
    Ok(KonfigurasiInstansi {
        isi: serde_json::to_value(&konf).map_err(|e| Galat::Internal(e.to_string()))?,
        versi: m.versi + 1,
    })
}
