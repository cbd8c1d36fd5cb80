//! Realisasi SKP dari dan ke XLSX/CSV: mengetik ulang adalah keluhan utama
//! pengguna e-Kinerja (orang membuat ekstensi peramban untuk menempel
//! kemajuan harian dari Excel). Ekspor memuat satu baris per indikator per
//! periode berkala (realisasi terakhir terisi); impor memakai kolom yang sama
//! (kolom keterangan diabaikan), semua atau tidak sama sekali, laporan per
//! baris, dan impor ulang berkas yang sama tidak menggandakan entri.

use super::muat;
use super::realisasi::MENUNGGU;
use crate::impor::baca::Bentuk;
use crate::impor::{CatatanBaris, Format, Jenis, Kolom, LaporanImpor};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::skp::{Frekuensi, Periode};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Baris per berkas: 50 RHK × 10 indikator × 12 bulan.
pub const MAKS_BARIS: usize = 6_000;

/// Kolom berkas realisasi SKP, dalam urutan ekspor.
pub const KOLOM_REALISASI_SKP: &[Kolom] = &[
    Kolom {
        nama: "indikator_id",
        wajib: true,
        id: "Id indikator (dari ekspor; jangan diubah).",
        en: "Indicator id (from the export; do not change).",
        pilihan: &[],
    },
    Kolom {
        nama: "rhk",
        wajib: false,
        id: "Rencana hasil kerja (keterangan, diabaikan saat impor).",
        en: "Planned result (for reference, ignored on import).",
        pilihan: &[],
    },
    Kolom {
        nama: "indikator",
        wajib: false,
        id: "Indikator (keterangan, diabaikan saat impor).",
        en: "Indicator (for reference, ignored on import).",
        pilihan: &[],
    },
    Kolom {
        nama: "target",
        wajib: false,
        id: "Target tahunan (keterangan).",
        en: "Yearly target (for reference).",
        pilihan: &[],
    },
    Kolom {
        nama: "satuan",
        wajib: false,
        id: "Satuan (keterangan).",
        en: "Unit (for reference).",
        pilihan: &[],
    },
    Kolom {
        nama: "periode",
        wajib: true,
        id: "Periode, mis. 2027-TW1 (triwulan), 2027-B01 (bulan), 2027-S1 (semester).",
        en: "Period, e.g. 2027-TW1 (quarter), 2027-B01 (month), 2027-S1 (half).",
        pilihan: &[],
    },
    Kolom {
        nama: "realisasi",
        wajib: false,
        id: "Angka realisasi (12 atau 95,5). Kosong: baris dilewati.",
        en: "Result figure (12 or 95.5). Empty: the row is skipped.",
        pilihan: &[],
    },
    Kolom {
        nama: "catatan",
        wajib: false,
        id: "Catatan kemajuan.",
        en: "Progress note.",
        pilihan: &[],
    },
    Kolom {
        nama: "tautan",
        wajib: false,
        id: "Tautan bukti (https://…).",
        en: "Evidence link (https://…).",
        pilihan: &[],
    },
];

const BENTUK: Bentuk = Bentuk {
    kode: "realisasi_skp",
    kolom: KOLOM_REALISASI_SKP,
};

/// Laporan impor realisasi SKP.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LaporanRealisasiSkp {
    pub nama_berkas: String,
    pub baris_data: usize,
    /// false: tidak ada yang disimpan; `galat` memuat kesalahannya.
    pub diterima: bool,
    /// Entri realisasi baru (menunggu umpan balik penilai).
    pub dibuat: usize,
    /// Baris yang sama dengan realisasi terakhir (tidak digandakan).
    pub tidak_berubah: usize,
    /// Baris tanpa angka realisasi (dilewati).
    pub kosong: usize,
    pub jumlah_galat: usize,
    pub galat: Vec<CatatanBaris>,
}

async fn frekuensi(l: &Layanan, iid: &str, tahun: i64) -> Hasil<Frekuensi> {
    Ok(store::skp::periode(l.pool(), iid, tahun)
        .await?
        .and_then(|p| Frekuensi::dari_token(&p.frekuensi))
        .unwrap_or(Frekuensi::Triwulanan))
}

/// Ekspor realisasi SKP (pemilik dan pembaca SKP): satu baris per indikator
/// per periode berkala, diisi realisasi terakhir periode itu.
pub async fn ekspor(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    skp_id: &str,
    format: Format,
) -> Hasil<Vec<u8>> {
    let (s, hak) = muat(l, k, iid, skp_id).await?;
    let t = super::tampilkan(l, &s, hak).await?;
    let frek = frekuensi(l, iid, s.tahun).await?;
    // Realisasi terakhir per (indikator, periode): daftar terurut terbaru dahulu.
    let mut terakhir: HashMap<(String, String), store::skp::RealisasiSkp> = HashMap::new();
    for r in store::skp::realisasi_skp(l.pool(), iid, &s.id).await? {
        terakhir
            .entry((r.indikator_id.clone(), r.periode.clone()))
            .or_insert(r);
    }
    let mut baris = Vec::new();
    for r in &t.rhk {
        for i in &r.indikator {
            for p in rules::skp::daftar_periode(s.tahun as i32, frek) {
                let x = terakhir.get(&(i.id.clone(), p.kode()));
                baris.push(vec![
                    i.id.clone(),
                    r.uraian.clone(),
                    i.uraian.clone(),
                    i.target.clone(),
                    i.satuan.clone(),
                    p.kode(),
                    x.map(|x| x.realisasi.clone()).unwrap_or_default(),
                    x.and_then(|x| x.catatan.clone()).unwrap_or_default(),
                    x.and_then(|x| x.tautan.clone()).unwrap_or_default(),
                ]);
            }
        }
    }
    match format {
        Format::Csv => crate::impor::tulis::csv(KOLOM_REALISASI_SKP, &baris),
        Format::Xlsx => {
            crate::impor::tulis::xlsx_tabel(k.bahasa, "realisasi_skp", KOLOM_REALISASI_SKP, &baris)
        }
    }
}

/// Impor realisasi dari XLSX/CSV oleh pemilik SKP: semua atau tidak sama sekali.
pub async fn impor(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    skp_id: &str,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanRealisasiSkp> {
    let (s, hak) = muat(l, k, iid, skp_id).await?;
    if !hak.pemilik {
        return Err(Galat::Dilarang(
            k.t(
                "Realisasi hanya dicatat pegawai pemilik SKP.",
                "Only the employee who owns the plan may report results.",
            )
            .into(),
        ));
    }
    if s.aktif == 0 {
        return Err(super::galat_status(
            "skp_ditutup",
            k.t("SKP ini sudah ditutup.", "This plan is closed."),
        ));
    }
    let _giliran = crate::impor::giliran_impor().await?;
    let mut sementara = LaporanImpor::baru(Jenis::Pegawai, nama_berkas);
    let tabel = crate::impor::baca_berkas(k, BENTUK, nama_berkas, bytes, &mut sementara).await?;
    let mut lap = LaporanRealisasiSkp {
        nama_berkas: sementara.nama_berkas.clone(),
        baris_data: sementara.baris_data,
        diterima: false,
        dibuat: 0,
        tidak_berubah: 0,
        kosong: 0,
        jumlah_galat: sementara.jumlah_galat.max(sementara.galat.len()),
        galat: sementara.galat,
    };
    let Some(tabel) = tabel else {
        return Ok(lap);
    };
    if tabel.baris.len() > MAKS_BARIS {
        lap.galat.push(CatatanBaris::baru(
            0,
            "",
            match k.bahasa {
                rules::Bahasa::Id => format!("Paling banyak {MAKS_BARIS} baris per berkas."),
                rules::Bahasa::En => format!("At most {MAKS_BARIS} rows per file."),
            },
        ));
        lap.jumlah_galat = lap.galat.len();
        return Ok(lap);
    }
    let frek = frekuensi(l, iid, s.tahun).await?;
    let indikator: HashSet<String> = store::skp::indikator_skp(l.pool(), iid, &s.id)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    let mut terakhir: HashMap<(String, String), store::skp::RealisasiSkp> = HashMap::new();
    for r in store::skp::realisasi_skp(l.pool(), iid, &s.id).await? {
        terakhir
            .entry((r.indikator_id.clone(), r.periode.clone()))
            .or_insert(r);
    }
    let a = k.aktor()?;
    let w = store::sekarang();
    let mut galat = Vec::new();
    let mut baru: Vec<store::skp::RealisasiSkp> = Vec::new();
    let mut terlihat = HashSet::new();
    for b in &tabel.baris {
        let teks = |kolom: &str| tabel.sel(b, kolom).teks().unwrap_or_default();
        let (ind, per, nilai) = (teks("indikator_id"), teks("periode"), teks("realisasi"));
        let (catatan, tautan) = (teks("catatan"), teks("tautan"));
        let salah = |kolom: &str, id: &'static str, en: &'static str| {
            CatatanBaris::baru(b.nomor, kolom, k.t(id, en))
        };
        if !indikator.contains(&ind) {
            galat.push(salah(
                "indikator_id",
                "Indikator ini tidak ada di SKP ini; pakai berkas ekspor SKP ini.",
                "This indicator is not in this plan; use this plan's export.",
            ));
            continue;
        }
        let periode = match Periode::urai(per.trim()) {
            Ok(p) if i64::from(p.tahun) == s.tahun && p.frekuensi() == Some(frek) => p,
            _ => {
                galat.push(salah(
                    "periode",
                    "Periode harus periode berkala tahun SKP ini, mis. 2027-TW1.",
                    "The period must be a periodic period of this plan's year, e.g. 2027-TW1.",
                ));
                continue;
            }
        };
        if nilai.trim().is_empty() {
            lap.kosong += 1;
            continue;
        }
        let Some(angka) = rules::angka::baca_desimal_tepat(nilai.trim()).ok() else {
            galat.push(salah(
                "realisasi",
                "Realisasi berupa angka, mis. 12 atau 95,5.",
                "The result is a number, e.g. 12 or 95.5.",
            ));
            continue;
        };
        let t = tautan.trim();
        if !t.is_empty() && !(t.starts_with("https://") || t.starts_with("http://")) {
            galat.push(salah(
                "tautan",
                "Tautan bukti diawali https:// atau http://.",
                "An evidence link starts with https:// or http://.",
            ));
            continue;
        }
        for (kolom, isi, maks) in [("catatan", catatan.as_str(), 4_000), ("tautan", t, 2_000)] {
            if let Some(x) =
                crate::validasi::alasan(k.bahasa, isi, maks, crate::validasi::JenisTeks::Bebas)
            {
                galat.push(CatatanBaris::baru(b.nomor, kolom, x));
            }
        }
        if !terlihat.insert((ind.clone(), periode.kode())) {
            galat.push(salah(
                "periode",
                "Indikator dan periode ini sudah ada di baris sebelumnya.",
                "This indicator and period already appear in an earlier row.",
            ));
            continue;
        }
        let kanonis = crate::perencanaan::kanonis(angka);
        let catatan = Some(catatan.trim().to_string()).filter(|c| !c.is_empty());
        let tautan = Some(t.to_string()).filter(|c| !c.is_empty());
        if let Some(x) = terakhir.get(&(ind.clone(), periode.kode())) {
            let sama = rules::angka::baca_desimal(&x.realisasi) == Some(angka)
                && x.catatan == catatan
                && x.tautan == tautan;
            if sama {
                lap.tidak_berubah += 1;
                continue;
            }
        }
        baru.push(store::skp::RealisasiSkp {
            instansi_id: iid.to_string(),
            id: store::id_baru(),
            skp_id: s.id.clone(),
            indikator_id: ind,
            periode: periode.kode(),
            realisasi: kanonis,
            catatan,
            bukti_id: None,
            tautan,
            kunci_klien: None,
            pengguna_id: a.pengguna_id.clone(),
            status: MENUNGGU.into(),
            umpan_balik: None,
            umpan_balik_oleh: None,
            umpan_balik_pada: None,
            versi: 1,
            dibuat_pada: w.clone(),
        });
    }
    if !galat.is_empty() {
        lap.jumlah_galat = galat.len();
        galat.truncate(crate::impor::BATAS_GALAT_LAPORAN);
        lap.galat = galat;
        lap.tidak_berubah = 0;
        lap.kosong = 0;
        return Ok(lap);
    }
    let mut tx = l.db.mulai().await?;
    store::skp::sisipkan_realisasi_banyak(&mut tx, &baru).await?;
    crate::audit::catat(
        &mut tx,
        k,
        iid,
        "impor",
        super::OBJEK_REALISASI,
        &s.id,
        None,
        Some(&serde_json::json!({"berkas": nama_berkas, "dibuat": baru.len()})),
    )
    .await?;
    tx.commit().await?;
    lap.diterima = true;
    lap.dibuat = baru.len();
    Ok(lap)
}
