//! Templat SKP per jabatan (isu 11): BKD menyiapkan RHK dan indikator satu
//! jabatan — dengan berkas yang sama dengan rencana SKP (`rencana_berkas`)
//! atau dari SKP yang sudah ada — dan draf SKP baru tanpa SKP tahun lalu
//! mendapat isinya saat periode dibuka. Templat tidak memuat tautan ke RHK
//! atasan (kolom `rhk_atasan_id` diabaikan).

use super::periode::wajib_bkd;
use super::rencana_berkas::{self, LaporanRencanaSkp, RhkBerkas};
use crate::impor::Format;
use crate::{Galat, Hasil, Konteks, Layanan};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use store::skp::{IndikatorSkp, Rhk, Skp, TemplatSkp};

pub const OBJEK_TEMPLAT: &str = "templat_skp";

/// Satu templat dalam daftar BKD.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TampilanTemplat {
    pub jabatan_id: String,
    pub jabatan: String,
    pub jumlah_rhk: usize,
    pub jumlah_indikator: usize,
    pub diubah_pada: String,
    pub versi: i64,
}

/// Isi templat; yang tidak terbaca (hanya mungkin bila skema `RhkBerkas`
/// berubah tanpa migrasi data) dianggap kosong dan dicatat di log, agar
/// pembukaan periode tidak gagal karena satu templat.
fn isi(t: &TemplatSkp) -> Vec<RhkBerkas> {
    serde_json::from_str(&t.isi).unwrap_or_else(|e| {
        tracing::warn!(instansi = %t.instansi_id, jabatan = %t.jabatan_id, galat = %e, "templat SKP tidak terbaca; dianggap kosong");
        Vec::new()
    })
}

fn tampilan(t: &TemplatSkp, jabatan: &str) -> TampilanTemplat {
    let r = isi(t);
    TampilanTemplat {
        jabatan_id: t.jabatan_id.clone(),
        jabatan: jabatan.to_string(),
        jumlah_rhk: r.len(),
        jumlah_indikator: r.iter().map(|x| x.indikator.len()).sum(),
        diubah_pada: t.diubah_pada.clone(),
        versi: t.versi,
    }
}

fn tidak_ada_jabatan(k: &Konteks) -> Galat {
    Galat::TidakDitemukan(
        k.t("Jabatan tidak ditemukan.", "Position not found.")
            .into(),
    )
}

fn tidak_ada_templat(k: &Konteks) -> Galat {
    Galat::TidakDitemukan(
        k.t(
            "Jabatan ini belum punya templat SKP.",
            "This position has no plan template yet.",
        )
        .into(),
    )
}

/// Templat SKP instansi dengan nama jabatannya (BKD).
pub async fn daftar(l: &Layanan, k: &Konteks, iid: &str) -> Hasil<Vec<TampilanTemplat>> {
    wajib_bkd(k, iid)?;
    let nama: HashMap<String, String> = store::organisasi::semua_jabatan(l.pool(), iid)
        .await?
        .into_iter()
        .map(|j| (j.id, j.nama))
        .collect();
    let mut v: Vec<TampilanTemplat> = store::skp::templat_skp_semua(l.pool(), iid)
        .await?
        .iter()
        .map(|t| tampilan(t, nama.get(&t.jabatan_id).map_or("—", String::as_str)))
        .collect();
    v.sort_by(|a, b| a.jabatan.cmp(&b.jabatan));
    Ok(v)
}

/// Berkas templat satu jabatan (kolom sama dengan rencana SKP).
pub async fn unduh(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    jabatan_id: &str,
    format: Format,
) -> Hasil<Vec<u8>> {
    wajib_bkd(k, iid)?;
    let t = store::skp::templat_skp(l.pool(), iid, jabatan_id)
        .await?
        .ok_or_else(|| tidak_ada_templat(k))?;
    rencana_berkas::tulis(k, &isi(&t), format)
}

async fn simpan(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    jabatan_id: &str,
    rencana: &[RhkBerkas],
    asal: serde_json::Value,
) -> Hasil<()> {
    let a = k.aktor()?;
    let t = TemplatSkp {
        instansi_id: iid.into(),
        jabatan_id: jabatan_id.into(),
        isi: serde_json::to_string(rencana).map_err(|e| Galat::Internal(e.to_string()))?,
        diubah_pada: store::sekarang(),
        diubah_oleh: Some(a.pengguna_id.clone()),
        versi: 1,
    };
    let lama = store::skp::templat_skp(l.pool(), iid, jabatan_id).await?;
    let mut tx = l.db.mulai().await?;
    store::skp::simpan_templat_skp(&mut tx, &t).await?;
    crate::audit::catat(
        &mut tx,
        k,
        iid,
        if lama.is_some() { "ubah" } else { "buat" },
        OBJEK_TEMPLAT,
        jabatan_id,
        lama.map(|x| serde_json::json!({"isi": x.isi})).as_ref(),
        Some(&serde_json::json!({"asal": asal, "rhk": rencana.len()})),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// BKD menetapkan templat satu jabatan dari berkas (pemeriksaan baris sama
/// dengan impor rencana; `rhk_atasan_id` diabaikan). Semua atau tidak sama sekali.
pub async fn unggah(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    jabatan_id: &str,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanRencanaSkp> {
    wajib_bkd(k, iid)?;
    store::organisasi::jabatan(l.pool(), iid, jabatan_id)
        .await?
        .ok_or_else(|| tidak_ada_jabatan(k))?;
    let _giliran = crate::impor::giliran_impor().await?;
    let (mut lap, rencana) = rencana_berkas::baca(k, nama_berkas, bytes, false).await?;
    let Some(rencana) = rencana else {
        return Ok(lap);
    };
    let rencana: Vec<RhkBerkas> = rencana.into_iter().map(|r| r.rhk).collect();
    simpan(
        l,
        k,
        iid,
        jabatan_id,
        &rencana,
        serde_json::json!({"berkas": nama_berkas}),
    )
    .await?;
    lap.diterima = true;
    lap.berubah = true;
    lap.rhk_dibuat = rencana.len();
    lap.indikator_dibuat = rencana.iter().map(|r| r.indikator.len()).sum();
    Ok(lap)
}

/// BKD menjadikan rencana satu SKP templat jabatannya (tanpa tautan atasan).
pub async fn dari_skp(l: &Layanan, k: &Konteks, iid: &str, skp_id: &str) -> Hasil<TampilanTemplat> {
    wajib_bkd(k, iid)?;
    let s = store::skp::skp(l.pool(), iid, skp_id)
        .await?
        .ok_or_else(|| super::tidak_ditemukan(k))?;
    let Some(jabatan_id) = s.jabatan_id.clone() else {
        return Err(super::galat_status(
            "skp_tanpa_jabatan",
            k.t(
                "SKP ini tidak tercatat dengan jabatan; templat disimpan per jabatan.",
                "This plan has no position recorded; templates are kept per position.",
            ),
        ));
    };
    let jabatan = store::organisasi::jabatan(l.pool(), iid, &jabatan_id)
        .await?
        .ok_or_else(|| tidak_ada_jabatan(k))?;
    let mut rencana = rencana_berkas::rencana_skp(l, &s).await?;
    if rencana.is_empty() {
        return Err(super::galat_status(
            "rencana_kosong",
            k.t(
                "SKP ini belum memuat RHK.",
                "This plan holds no results yet.",
            ),
        ));
    }
    for r in &mut rencana {
        r.rhk_atasan_id = None;
    }
    simpan(
        l,
        k,
        iid,
        &jabatan_id,
        &rencana,
        serde_json::json!({"skp_id": s.id}),
    )
    .await?;
    let t = store::skp::templat_skp(l.pool(), iid, &jabatan_id)
        .await?
        .ok_or_else(|| tidak_ada_templat(k))?;
    Ok(tampilan(&t, &jabatan.nama))
}

/// BKD menghapus templat satu jabatan (SKP yang sudah dibuat tidak berubah).
pub async fn hapus(l: &Layanan, k: &Konteks, iid: &str, jabatan_id: &str) -> Hasil<()> {
    wajib_bkd(k, iid)?;
    let lama = store::skp::templat_skp(l.pool(), iid, jabatan_id)
        .await?
        .ok_or_else(|| tidak_ada_templat(k))?;
    let mut tx = l.db.mulai().await?;
    store::skp::hapus_templat_skp(&mut tx, iid, jabatan_id).await?;
    crate::audit::catat(
        &mut tx,
        k,
        iid,
        "hapus",
        OBJEK_TEMPLAT,
        jabatan_id,
        Some(&serde_json::json!({"isi": lama.isi})),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// RHK dan IKI dari templat jabatan untuk draf SKP baru yang tidak
/// mendapat salinan tahun lalu (`tersalin`: id SKP yang sudah berisi).
/// Semua templat instansi dimuat sekali; tanpa tautan atasan.
pub(crate) async fn isi_dari_templat(
    l: &Layanan,
    iid: &str,
    baru: &[Skp],
    tersalin: &HashSet<&str>,
    w: &str,
) -> Hasil<(Vec<Rhk>, Vec<IndikatorSkp>)> {
    let (mut rhk, mut indikator) = (Vec::new(), Vec::new());
    let perlu: Vec<&Skp> = baru
        .iter()
        .filter(|s| s.jabatan_id.is_some() && !tersalin.contains(s.id.as_str()))
        .collect();
    if perlu.is_empty() {
        return Ok((rhk, indikator));
    }
    let templat: HashMap<String, Vec<RhkBerkas>> = store::skp::templat_skp_semua(l.pool(), iid)
        .await?
        .into_iter()
        .map(|t| (t.jabatan_id.clone(), isi(&t)))
        .collect();
    if templat.is_empty() {
        return Ok((rhk, indikator));
    }
    for s in perlu {
        let Some(t) = s.jabatan_id.as_ref().and_then(|j| templat.get(j)) else {
            continue;
        };
        for (n, r) in t.iter().enumerate() {
            let id = store::id_baru();
            for (m, i) in r.indikator.iter().enumerate() {
                indikator.push(IndikatorSkp {
                    instansi_id: iid.to_string(),
                    id: store::id_baru(),
                    rhk_id: id.clone(),
                    skp_id: s.id.clone(),
                    aspek: i.aspek.clone(),
                    uraian: i.uraian.clone(),
                    target: i.target.clone(),
                    satuan: i.satuan.clone(),
                    urutan: m as i64,
                });
            }
            rhk.push(Rhk {
                instansi_id: iid.to_string(),
                id,
                skp_id: s.id.clone(),
                jenis: r.jenis.clone(),
                uraian: r.uraian.clone(),
                rhk_atasan_id: None,
                perspektif: r.perspektif.clone(),
                sumber_pk: None,
                jam_beban: r.jam_beban.clone(),
                urutan: n as i64,
                versi: 1,
                dibuat_pada: w.to_string(),
                diubah_pada: w.to_string(),
            });
        }
    }
    Ok((rhk, indikator))
}
