//! Perbandingan biaya per satuan keluaran satu kode sub kegiatan di semua
//! wilayah (rencana yang ditetapkan): median, kuartil, pencilan. Nama
//! instansi lain hanya bagi super admin dan pemerintah provinsi atas
//! kabupaten/kota di wilayahnya; selain itu tanpa nama.

use super::{d2, periksa_tahun, rupiah};
use crate::kebijakan::{Aksi, CakupanUnit, Sumber};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::anggaran::{KonfigurasiAnggaran, pencilan, statistik_biaya};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BiayaWilayah {
    /// Nama instansi (null bila pembaca tidak berhak melihat namanya).
    pub instansi: Option<String>,
    pub biaya_per_satuan: String,
    /// `atas` | `bawah` | null.
    pub pencilan: Option<String>,
    pub milik_sendiri: bool,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PerbandinganBiaya {
    pub tahun: i64,
    pub kode: String,
    pub satuan: Option<String>,
    pub bulan: u8,
    /// Wilayah dengan keluaran > 0 dan satuan yang sama.
    pub n: usize,
    pub median: Option<String>,
    pub q1: Option<String>,
    pub q3: Option<String>,
    pub batas_bawah: Option<String>,
    pub batas_atas: Option<String>,
    /// Pencilan hanya dinilai bila wilayahnya cukup (konfigurasi).
    pub pencilan_dinilai: bool,
    pub wilayah: Vec<BiayaWilayah>,
}

/// Perbandingan biaya kode `kode` bagi pembaca rencana instansi `instansi_id`.
pub async fn perbandingan_biaya(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
    bulan: Option<u8>,
) -> Hasil<PerbandinganBiaya> {
    CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let kode = rules::anggaran::normalkan_kode(kode);
    if kode.is_empty() || kode.len() > 40 {
        return Err(Galat::TidakDitemukan(
            k.t("Kode sub kegiatan tidak sah.", "Invalid sub-activity code.")
                .into(),
        ));
    }
    let bulan = match bulan {
        Some(b) if (1..=12).contains(&b) => b,
        Some(_) => {
            return Err(Galat::input(
                k.t("Bulan tidak sah.", "Invalid month."),
                [(
                    "bulan".to_string(),
                    k.t("Bulan harus 1–12.", "The month must be 1–12.")
                        .to_string(),
                )]
                .into(),
            ));
        }
        None => super::bulan_bawaan(l, instansi_id, tahun).await?,
    };
    let baris = store::perencanaan::biaya_subkegiatan(
        l.pool(),
        tahun,
        &kode,
        i64::from(bulan),
        (i64::from(bulan) + 2) / 3,
    )
    .await?;
    let sendiri = store::organisasi::instansi(l.pool(), instansi_id).await?;
    let pembaca = k.aktor()?;
    let satuan_sendiri = baris
        .iter()
        .find(|b| b.instansi_id == instansi_id)
        .and_then(|b| b.satuan.clone());
    let kunci_satuan = |s: &Option<String>| {
        s.as_deref()
            .map(crate::impor::kunci_nama)
            .unwrap_or_default()
    };
    let acuan = satuan_sendiri
        .clone()
        .or_else(|| baris.first().and_then(|b| b.satuan.clone()));
    let mut nilai: Vec<(&store::perencanaan::BarisBiaya, Decimal)> = Vec::new();
    for b in &baris {
        if kunci_satuan(&b.satuan) != kunci_satuan(&acuan) {
            continue; // satuan berbeda tidak dibandingkan
        }
        let Some(kel) = b
            .realisasi_keluaran
            .as_deref()
            .and_then(rules::angka::baca_desimal)
        else {
            continue;
        };
        if kel <= Decimal::ZERO {
            continue;
        }
        if let Some(x) = rupiah(b.realisasi_sen).checked_div(kel) {
            nilai.push((b, x));
        }
    }
    let konf: KonfigurasiAnggaran = super::konfigurasi::berlaku(l, instansi_id).await?;
    let angka: Vec<Decimal> = nilai.iter().map(|(_, x)| *x).collect();
    let s = statistik_biaya(&angka, &konf.perbandingan);
    let boleh_nama = |b: &store::perencanaan::BarisBiaya| {
        pembaca.super_admin()
            || b.instansi_id == instansi_id
            || sendiri.as_ref().is_some_and(|i| {
                i.jenis == "provinsi"
                    && pembaca.instansi_id == instansi_id
                    && i.kode_wilayah.as_ref().is_some_and(|kw| {
                        b.kode_wilayah
                            .as_ref()
                            .is_some_and(|x| x.starts_with(&format!("{kw}.")))
                    })
            })
    };
    let mut wilayah: Vec<BiayaWilayah> = nilai
        .iter()
        .map(|(b, x)| BiayaWilayah {
            instansi: boleh_nama(b).then(|| b.instansi.clone()),
            biaya_per_satuan: d2(*x),
            pencilan: s
                .as_ref()
                .and_then(|s| pencilan(*x, s))
                .map(|p| p.token().to_string()),
            milik_sendiri: b.instansi_id == instansi_id,
        })
        .collect();
    // Urut biaya agar yang tanpa nama tidak dapat dikenali dari urutan nama.
    wilayah.sort_by(|a, b| {
        let x = |w: &BiayaWilayah| w.biaya_per_satuan.parse::<Decimal>().unwrap_or_default();
        x(a).cmp(&x(b))
    });
    Ok(PerbandinganBiaya {
        tahun,
        kode,
        satuan: acuan,
        bulan,
        n: angka.len(),
        median: s.map(|s| d2(s.median)),
        q1: s.map(|s| d2(s.q1)),
        q3: s.map(|s| d2(s.q3)),
        batas_bawah: s.map(|s| d2(s.batas_bawah)),
        batas_atas: s.map(|s| d2(s.batas_atas)),
        pencilan_dinilai: s.is_some_and(|s| s.pencilan_dinilai),
        wilayah,
    })
}
