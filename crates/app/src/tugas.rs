//! Pekerjaan latar: antrean di basis data, pekerja di dalam proses server.
//!
//! - Setiap tugas punya **kunci idempotensi** unik; mengantre kunci yang sama
//!   mengembalikan tugas yang sudah ada. Tugas terjadwal memakai kunci slotnya
//!   (`pengingat_harian:2026-12-01`), sehingga beberapa proses server pada satu
//!   PostgreSQL menghasilkan satu tugas per slot.
//! - Pekerja **mengklaim dengan sewa** (pemegang + klaim_sampai) dan
//!   memperpanjangnya selama bekerja. Tugas milik proses yang mati (kill -9)
//!   diklaim ulang setelah sewanya habis; menutupnya hanya boleh oleh pemegang
//!   sewa, jadi tidak pernah selesai dua kali. Pekerjaan yang menulis ke basis
//!   data sebaiknya menutup tugasnya di transaksi yang sama (lihat `uji_tidur`);
//!   impor aman diulang karena impor ulang memperbarui, tidak menggandakan.
//! - Gagal → **dicoba lagi** dengan jeda yang berlipat dua
//!   (`jeda_ulang_dasar_ms` · 2^(percobaan−1), paling lama 1 jam) sampai
//!   `maks_percobaan`; galat yang pasti berulang (hak akses, masukan) langsung
//!   `gagal`.
//! - Status dibaca lewat [`lihat`]: pemilik tugas, admin instansinya, atau
//!   super admin.

use crate::impor::Jenis;
use crate::{Aktor, Bahasa, Galat, Hasil, Konteks, Layanan, Peran};
use serde::Serialize;
use serde_json::{Value, json};
use std::time::Duration;
use store::tugas::{Tugas, ms_sekarang};

pub const JENIS_IMPOR: &str = "impor";
pub const JENIS_SUREL: &str = "kirim_surel";
pub const JENIS_PENGINGAT: &str = "pengingat_harian";
/// Khusus tes (`Konfigurasi::tugas_uji`): tidur `ms`, lalu menambah penghitung
/// `uji_hitung` (tabel buatan tes) dan menutup tugas dalam satu transaksi.
pub const JENIS_UJI_TIDUR: &str = "uji_tidur";
/// Khusus tes: gagal pada `gagal_kali` percobaan pertama, lalu berhasil.
pub const JENIS_UJI_GAGAL: &str = "uji_gagal";

/// Tugas yang selesai atau gagal disimpan selama ini, lalu dibuang.
const HARI_SIMPAN: i64 = 30;

/// Jeda ulang terpanjang.
const JEDA_MAKS_MS: i64 = 3_600_000;

/// Tugas yang hendak diantre.
#[derive(Clone, Debug)]
pub struct TugasBaru {
    pub jenis: String,
    /// Kunci idempotensi; None: id tugas itu sendiri (selalu baru).
    pub kunci: Option<String>,
    pub instansi_id: Option<String>,
    pub pengguna_id: Option<String>,
    pub muatan: Value,
    pub maks_percobaan: i64,
    /// Jangan dijalankan sebelum ms epoch ini (None: segera). Dipakai
    /// tugas yang menghimpun banyak perubahan (`skp::selaras`).
    pub jalan_setelah: Option<i64>,
}

impl TugasBaru {
    pub fn baru(jenis: &str, muatan: Value) -> Self {
        TugasBaru {
            jenis: jenis.into(),
            kunci: None,
            instansi_id: None,
            pengguna_id: None,
            muatan,
            maks_percobaan: 5,
            jalan_setelah: None,
        }
    }
}

/// Tampilan tugas untuk API dan halaman.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TampilanTugas {
    pub id: String,
    pub jenis: String,
    pub status: String,
    pub percobaan: i64,
    pub dibuat_pada: String,
    pub selesai_pada: Option<String>,
    pub hasil: Option<Value>,
    pub galat: Option<String>,
}

impl From<&Tugas> for TampilanTugas {
    fn from(t: &Tugas) -> Self {
        TampilanTugas {
            id: t.id.clone(),
            jenis: t.jenis.clone(),
            status: t.status.clone(),
            percobaan: t.percobaan,
            dibuat_pada: t.dibuat_pada.clone(),
            selesai_pada: t.selesai_pada.clone(),
            hasil: t
                .hasil
                .as_deref()
                .and_then(|h| serde_json::from_str(h).ok()),
            galat: t.galat.clone(),
        }
    }
}

/// Mengantre tugas (tanpa pemeriksaan hak: pemanggil sudah memeriksanya).
/// `(tugas, true)` bila baru; `(tugas yang sudah ada, false)` bila kuncinya
/// sudah dipakai. `berkas` disimpan bersama tugas baru (unggahan impor).
pub async fn antre(l: &Layanan, b: TugasBaru, berkas: Option<&[u8]>) -> Hasil<(Tugas, bool)> {
    let id = store::id_baru();
    let t = Tugas {
        kunci: b.kunci.unwrap_or_else(|| id.clone()),
        id,
        jenis: b.jenis,
        instansi_id: b.instansi_id,
        pengguna_id: b.pengguna_id,
        status: "antre".into(),
        percobaan: 0,
        maks_percobaan: b.maks_percobaan.max(1),
        muatan: b.muatan.to_string(),
        hasil: None,
        galat: None,
        jalan_setelah: b.jalan_setelah.unwrap_or_else(ms_sekarang),
        klaim_sampai: None,
        pemegang: None,
        dibuat_pada: store::sekarang(),
        mulai_pada: None,
        selesai_pada: None,
    };
    let mut tx = l.db.mulai().await?;
    let baru = store::tugas::sisipkan(&mut tx, &t).await?;
    if !baru {
        let ada = store::tugas::tugas_kunci(&mut tx, &t.kunci)
            .await?
            .ok_or_else(|| Galat::Internal("tugas berkunci sama hilang".into()))?;
        tx.commit().await?;
        return Ok((ada, false));
    }
    if let Some(isi) = berkas {
        store::tugas::simpan_berkas(&mut tx, &t.id, isi).await?;
    }
    tx.commit().await?;
    Ok((t, true))
}

/// Mengantre impor berkas sebagai tugas milik aktor. `kunci_klien` (header
/// `Idempotency-Key`) membuat pengiriman ulang yang sama mengembalikan tugas
/// yang sama.
pub async fn antre_impor(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    jenis: Jenis,
    nama_berkas: &str,
    isi: &[u8],
    kunci_klien: Option<&str>,
) -> Hasil<Tugas> {
    let a = k.boleh_kelola(instansi_id)?;
    if store::organisasi::instansi(l.pool(), instansi_id)
        .await?
        .is_none()
    {
        return Err(Galat::TidakDitemukan(
            k.t("Instansi tidak ditemukan.", "Agency not found.").into(),
        ));
    }
    let kunci = kunci_klien
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let s: String = s.chars().take(200).collect();
            format!("impor:{}:{}:{s}", a.instansi_id, a.pengguna_id)
        });
    let b = TugasBaru {
        kunci,
        instansi_id: Some(instansi_id.to_string()),
        pengguna_id: Some(a.pengguna_id.clone()),
        maks_percobaan: 3,
        ..TugasBaru::baru(
            JENIS_IMPOR,
            json!({
                "instansi_id": instansi_id,
                "jenis": jenis.kode(),
                "nama_berkas": nama_berkas,
                "bahasa": match k.bahasa { Bahasa::Id => "id", Bahasa::En => "en" },
                "pemilik_instansi_id": a.instansi_id,
            }),
        )
    };
    Ok(antre(l, b, Some(isi)).await?.0)
}

/// Sumber kebijakan impor anggaran menurut jenisnya (sama dengan halaman
/// dan API impor langsung).
fn sumber_impor_anggaran(jenis: Jenis, iid: &str) -> Option<crate::kebijakan::Sumber<'_>> {
    use crate::kebijakan::Sumber;
    Some(match jenis {
        Jenis::Rencana => Sumber::Rencana(iid),
        Jenis::Belanja => Sumber::Belanja(iid),
        Jenis::RealisasiAnggaran => Sumber::Realisasi(iid),
        Jenis::RealisasiKeluaran => Sumber::Keluaran(iid),
        _ => return None,
    })
}

/// Mengantrekan impor anggaran berkas besar (rencana, belanja, realisasi)
/// untuk tahun `tahun`: hak yang sama dengan impor langsung diperiksa saat
/// mengantre dan sekali lagi saat tugas berjalan (aktor dibaca ulang).
#[allow(clippy::too_many_arguments)]
pub async fn antre_impor_anggaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    jenis: Jenis,
    nama_berkas: &str,
    isi: &[u8],
    kunci_klien: Option<&str>,
) -> Hasil<Tugas> {
    let sumber = sumber_impor_anggaran(jenis, instansi_id)
        .ok_or_else(|| Galat::Internal("jenis impor anggaran".into()))?;
    let a = crate::kebijakan::wajib(k, crate::kebijakan::Aksi::Kelola, sumber)?.clone();
    crate::perencanaan::periksa_tahun(k, tahun)?;
    if store::organisasi::instansi(l.pool(), instansi_id)
        .await?
        .is_none()
    {
        return Err(Galat::TidakDitemukan(
            k.t("Instansi tidak ditemukan.", "Agency not found.").into(),
        ));
    }
    let kunci = kunci_klien
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let s: String = s.chars().take(200).collect();
            format!("impor:{}:{}:{s}", a.instansi_id, a.pengguna_id)
        });
    let b = TugasBaru {
        kunci,
        instansi_id: Some(instansi_id.to_string()),
        pengguna_id: Some(a.pengguna_id.clone()),
        maks_percobaan: 3,
        ..TugasBaru::baru(
            JENIS_IMPOR,
            json!({
                "instansi_id": instansi_id,
                "jenis": jenis.kode(),
                "tahun": tahun,
                "nama_berkas": nama_berkas,
                "bahasa": match k.bahasa { Bahasa::Id => "id", Bahasa::En => "en" },
                "pemilik_instansi_id": a.instansi_id,
            }),
        )
    };
    Ok(antre(l, b, Some(isi)).await?.0)
}

/// Satu tugas, bila aktor boleh melihatnya: pemiliknya, admin instansi
/// tugas itu, atau super admin.
pub async fn lihat(l: &Layanan, k: &Konteks, id: &str) -> Hasil<Tugas> {
    let a = k.aktor()?;
    let tidak_ada =
        || Galat::TidakDitemukan(k.t("Tugas tidak ditemukan.", "Job not found.").into());
    let t = store::tugas::tugas(l.pool(), id)
        .await?
        .ok_or_else(tidak_ada)?;
    let pemilik_instansi = muatan_teks(&t, "pemilik_instansi_id").or(t.instansi_id.clone());
    let milik = t.pengguna_id.as_deref() == Some(a.pengguna_id.as_str())
        && pemilik_instansi.as_deref() == Some(a.instansi_id.as_str());
    let admin = a.super_admin()
        || (t.instansi_id.as_deref() == Some(a.instansi_id.as_str())
            && a.punya(Peran::AdminInstansi));
    if milik || admin {
        Ok(t)
    } else {
        Err(k.dilarang())
    }
}

fn muatan_teks(t: &Tugas, kunci: &str) -> Option<String> {
    serde_json::from_str::<Value>(&t.muatan)
        .ok()?
        .get(kunci)?
        .as_str()
        .map(str::to_string)
}

/// Hasil satu pekerjaan.
enum Akhir {
    /// Tutup tugas dengan hasil ini.
    Hasil(Value),
    /// Pekerjaan sudah menutup tugasnya sendiri (di transaksinya).
    Ditutup,
    /// Sewa lepas sebelum pekerjaan menutupnya: proses lain yang meneruskan.
    Lepas,
}

/// Galat pekerjaan: `ulang` bila layak dicoba lagi.
#[derive(Debug)]
pub struct GalatTugas {
    pub pesan: String,
    pub ulang: bool,
}

impl GalatTugas {
    pub fn ulang(pesan: impl Into<String>) -> Self {
        GalatTugas {
            pesan: pesan.into(),
            ulang: true,
        }
    }
    pub fn tetap(pesan: impl Into<String>) -> Self {
        GalatTugas {
            pesan: pesan.into(),
            ulang: false,
        }
    }
}

impl From<Galat> for GalatTugas {
    fn from(g: Galat) -> Self {
        let ulang = matches!(
            g,
            Galat::Internal(_) | Galat::Konflik(_) | Galat::TerlaluBanyak(_)
        );
        GalatTugas {
            pesan: g.to_string(),
            ulang,
        }
    }
}

impl From<store::GalatStore> for GalatTugas {
    fn from(g: store::GalatStore) -> Self {
        GalatTugas::ulang(g.to_string())
    }
}

/// Jeda sebelum percobaan berikutnya setelah percobaan ke-`percobaan` gagal.
pub fn jeda_ulang_ms(dasar_ms: i64, percobaan: i64) -> i64 {
    let pangkat = (percobaan - 1).clamp(0, 30) as u32;
    dasar_ms.saturating_mul(1_i64 << pangkat).min(JEDA_MAKS_MS)
}

/// Mengklaim dan menjalankan satu tugas yang siap. Id tugas yang dijalankan,
/// atau None bila antrean kosong.
pub async fn jalankan_satu(l: &Layanan, pemegang: &str) -> Hasil<Option<String>> {
    let sewa = l.konfigurasi.sewa_tugas_ms.max(100);
    let sekarang = ms_sekarang();
    if !store::tugas::ada_siap(l.pool(), sekarang).await? {
        return Ok(None);
    }
    let Some(t) = store::tugas::klaim(
        l.pool(),
        l.db.backend(),
        pemegang,
        sekarang,
        sekarang + sewa,
    )
    .await?
    else {
        return Ok(None);
    };
    tracing::info!(tugas = %t.id, jenis = %t.jenis, percobaan = t.percobaan, "tugas diklaim");
    if t.percobaan > t.maks_percobaan {
        // Setiap percobaan sebelumnya berhenti di tengah jalan (mis. proses mati).
        let mut tx = l.db.mulai().await?;
        store::tugas::gagal(
            &mut tx,
            &t.id,
            pemegang,
            "percobaan habis: proses berhenti setiap kali tugas ini berjalan",
            None,
        )
        .await?;
        tx.commit().await?;
        return Ok(Some(t.id));
    }
    // Sewa diperpanjang selama pekerjaan berjalan.
    let detak = {
        let l = l.clone();
        let id = t.id.clone();
        let pemegang = pemegang.to_string();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis((sewa / 3).max(50) as u64)).await;
                match store::tugas::perpanjang(l.pool(), &id, &pemegang, ms_sekarang() + sewa).await
                {
                    Ok(true) => {}
                    Ok(false) => {
                        tracing::warn!(tugas = %id, "sewa tugas lepas");
                        break;
                    }
                    Err(e) => tracing::warn!(tugas = %id, galat = %e, "gagal memperpanjang sewa"),
                }
            }
        })
    };
    let hasil = kerjakan(l, &t, pemegang).await;
    detak.abort();
    let mut tx = l.db.mulai().await?;
    match hasil {
        Ok(Akhir::Hasil(v)) => {
            if store::tugas::selesai(&mut tx, &t.id, pemegang, &v.to_string()).await? {
                tx.commit().await?;
                tracing::info!(tugas = %t.id, jenis = %t.jenis, "tugas selesai");
                setelah_selesai(l, &t, &v).await;
            } else {
                tracing::warn!(tugas = %t.id, "sewa lepas sebelum selesai; hasil dibuang");
            }
        }
        Ok(Akhir::Ditutup) => {
            tracing::info!(tugas = %t.id, jenis = %t.jenis, "tugas selesai");
        }
        Ok(Akhir::Lepas) => {
            tracing::warn!(tugas = %t.id, "sewa lepas sebelum selesai");
        }
        Err(g) => {
            let lagi = g.ulang && t.percobaan < t.maks_percobaan;
            let kapan = lagi.then(|| {
                ms_sekarang() + jeda_ulang_ms(l.konfigurasi.jeda_ulang_dasar_ms, t.percobaan)
            });
            store::tugas::gagal(&mut tx, &t.id, pemegang, &g.pesan, kapan).await?;
            tx.commit().await?;
            tracing::warn!(tugas = %t.id, jenis = %t.jenis, percobaan = t.percobaan, galat = %g.pesan, ulang = lagi, "tugas gagal");
            if !lagi {
                setelah_gagal(l, &t, &g.pesan).await;
            }
        }
    }
    Ok(Some(t.id))
}

async fn kerjakan(l: &Layanan, t: &Tugas, pemegang: &str) -> Result<Akhir, GalatTugas> {
    let muatan: Value = serde_json::from_str(&t.muatan)
        .map_err(|e| GalatTugas::tetap(format!("muatan rusak: {e}")))?;
    match t.jenis.as_str() {
        JENIS_IMPOR => kerjakan_impor(l, t, &muatan).await.map(Akhir::Hasil),
        JENIS_SUREL => crate::notifikasi::kirim_surel(l, &t.id, &muatan)
            .await
            .map(Akhir::Hasil),
        crate::akun::JENIS_SUREL_SANDI => crate::akun::kerjakan_surel_sandi(l, &t.id, &muatan)
            .await
            .map(Akhir::Hasil),
        JENIS_PENGINGAT => crate::notifikasi::pengingat_harian(l, &muatan)
            .await
            .map(Akhir::Hasil),
        crate::aksi_perubahan::pengingat::JENIS_TUGAS => {
            crate::aksi_perubahan::pengingat::kerjakan(l, &muatan)
                .await
                .map(Akhir::Hasil)
        }
        crate::skp::periode::JENIS_TUGAS => {
            kerjakan_skp_periode(l, t, &muatan).await.map(Akhir::Hasil)
        }
        crate::skp::pengingat::JENIS_TUGAS => crate::skp::pengingat::kerjakan(l, &muatan)
            .await
            .map(Akhir::Hasil),
        crate::skp::selaras::JENIS_TUGAS => crate::skp::selaras::kerjakan(l, &muatan)
            .await
            .map(Akhir::Hasil),
        JENIS_UJI_TIDUR if l.konfigurasi.tugas_uji => {
            let ms = muatan["ms"].as_u64().unwrap_or(0);
            tokio::time::sleep(Duration::from_millis(ms)).await;
            let mut tx = l.db.mulai().await?;
            sqlx_hitung(&mut tx, &t.kunci).await?;
            if store::tugas::selesai(
                &mut tx,
                &t.id,
                pemegang,
                &json!({"tidur_ms": ms}).to_string(),
            )
            .await?
            {
                tx.commit().await.map_err(store::GalatStore::from)?;
                Ok(Akhir::Ditutup)
            } else {
                Ok(Akhir::Lepas)
            }
        }
        JENIS_UJI_GAGAL if l.konfigurasi.tugas_uji => {
            let kali = muatan["gagal_kali"].as_i64().unwrap_or(0);
            if t.percobaan <= kali {
                Err(GalatTugas::ulang(format!(
                    "gagal sengaja pada percobaan {}",
                    t.percobaan
                )))
            } else {
                Ok(Akhir::Hasil(json!({"percobaan": t.percobaan})))
            }
        }
        lain => Err(GalatTugas::tetap(format!(
            "jenis tugas tidak dikenal: {lain}"
        ))),
    }
}

/// Penghitung tugas uji di tabel `uji_hitung (kunci, nilai)` yang dibuat tes.
async fn sqlx_hitung(tx: &mut store::Koneksi, kunci: &str) -> Result<(), GalatTugas> {
    store::tugas::tambah_hitung_uji(tx, kunci).await?;
    Ok(())
}

/// Aktor pemilik tugas, dibaca ulang saat tugas berjalan: akun yang sudah
/// nonaktif atau kehilangan perannya tidak lagi boleh mengimpor.
async fn aktor_pemilik(
    l: &Layanan,
    instansi_id: &str,
    pengguna_id: &str,
) -> Result<Aktor, GalatTugas> {
    let p = store::akun::pengguna(l.pool(), instansi_id, pengguna_id)
        .await?
        .filter(|p| p.aktif != 0)
        .ok_or_else(|| GalatTugas::tetap("akun pemilik tugas tidak ada atau nonaktif"))?;
    let peran = store::akun::peran(l.pool(), instansi_id, pengguna_id)
        .await?
        .iter()
        .filter_map(|r| Peran::dari_kode(r))
        .collect();
    Ok(Aktor {
        instansi_id: p.instansi_id,
        pengguna_id: p.id,
        username: p.username,
        nama: p.nama,
        pegawai_id: p.pegawai_id,
        peran,
        hanya_baca: false,
    })
}

async fn kerjakan_impor(l: &Layanan, t: &Tugas, m: &Value) -> Result<Value, GalatTugas> {
    let teks = |k: &str| m[k].as_str().unwrap_or_default().to_string();
    let (iid, nama) = (teks("instansi_id"), teks("nama_berkas"));
    let jenis = Jenis::dari_kode(&teks("jenis"))
        .ok_or_else(|| GalatTugas::tetap("jenis impor tidak dikenal"))?;
    let pengguna = t
        .pengguna_id
        .clone()
        .ok_or_else(|| GalatTugas::tetap("tugas impor tanpa pemilik"))?;
    let aktor = aktor_pemilik(l, &teks("pemilik_instansi_id"), &pengguna).await?;
    let k = Konteks::dengan(aktor, Bahasa::dari_kode(&teks("bahasa")));
    let isi = store::tugas::berkas(l.pool(), &t.id)
        .await?
        .ok_or_else(|| GalatTugas::tetap("berkas unggahan tugas ini tidak ada lagi"))?;
    let lap = match jenis {
        Jenis::Pegawai => crate::impor::impor_pegawai(l, &k, &iid, &nama, &isi).await?,
        Jenis::PegawaiSiasn => crate::impor::impor_pegawai_siasn(l, &k, &iid, &nama, &isi).await?,
        Jenis::Unit => crate::impor::impor_unit(l, &k, &iid, &nama, &isi).await?,
        Jenis::Rencana | Jenis::Belanja | Jenis::RealisasiAnggaran | Jenis::RealisasiKeluaran => {
            let th = m["tahun"]
                .as_i64()
                .ok_or_else(|| GalatTugas::tetap("tugas impor anggaran tanpa tahun"))?;
            match jenis {
                Jenis::Rencana => crate::impor::impor_rencana(l, &k, &iid, th, &nama, &isi).await?,
                Jenis::Belanja => crate::impor::impor_belanja(l, &k, &iid, th, &nama, &isi).await?,
                Jenis::RealisasiAnggaran => {
                    crate::impor::impor_realisasi_anggaran(l, &k, &iid, th, &nama, &isi).await?
                }
                _ => crate::impor::impor_realisasi_keluaran(l, &k, &iid, th, &nama, &isi).await?,
            }
        }
        _ => {
            return Err(GalatTugas::tetap(
                "jenis impor ini tidak berjalan sebagai tugas latar",
            ));
        }
    };
    Ok(json!({ "laporan": lap, "ringkasan": lap.ringkasan(k.bahasa) }))
}

/// Membuka periode SKP instansi besar atas nama pemiliknya (dibaca ulang).
async fn kerjakan_skp_periode(l: &Layanan, t: &Tugas, m: &Value) -> Result<Value, GalatTugas> {
    let teks = |k: &str| m[k].as_str().unwrap_or_default().to_string();
    let pengguna = t
        .pengguna_id
        .clone()
        .ok_or_else(|| GalatTugas::tetap("tugas periode SKP tanpa pemilik"))?;
    let aktor = aktor_pemilik(l, &teks("pemilik_instansi_id"), &pengguna).await?;
    let k = Konteks::dengan(aktor, Bahasa::dari_kode(&teks("bahasa")));
    let masukan = crate::skp::periode::MasukanPeriodeSkp {
        tahun: m["tahun"].as_i64().unwrap_or_default(),
        frekuensi: m["frekuensi"]
            .as_str()
            .and_then(rules::skp::Frekuensi::dari_token),
        ambang_kurva: m["ambang_kurva"].as_i64(),
    };
    let h = crate::skp::periode::buka_periode(l, &k, &teks("instansi_id"), &masukan).await?;
    Ok(serde_json::to_value(h).unwrap_or_default())
}

/// Pemberitahuan kepada pemilik tugas impor (tidak menggagalkan tugas).
async fn setelah_selesai(l: &Layanan, t: &Tugas, hasil: &Value) {
    if t.jenis != JENIS_IMPOR {
        return;
    }
    let ringkasan = hasil["ringkasan"].as_str().unwrap_or_default().to_string();
    let diterima = hasil["laporan"]["diterima"].as_bool().unwrap_or(false);
    let judul = if diterima {
        "Impor selesai / Import finished"
    } else {
        "Impor ditolak / Import rejected"
    };
    beri_tahu_pemilik(l, t, judul, &ringkasan).await;
}

async fn setelah_gagal(l: &Layanan, t: &Tugas, galat: &str) {
    if t.jenis == JENIS_IMPOR {
        beri_tahu_pemilik(l, t, "Impor gagal / Import failed", galat).await;
    }
}

async fn beri_tahu_pemilik(l: &Layanan, t: &Tugas, judul: &str, isi: &str) {
    let (Some(iid), Some(pid)) = (muatan_teks(t, "pemilik_instansi_id"), t.pengguna_id.clone())
    else {
        return;
    };
    let n = crate::notifikasi::NotifikasiBaru {
        instansi_id: iid,
        pengguna_id: pid,
        judul: judul.into(),
        isi: isi.chars().take(2000).collect(),
        tautan: Some(format!("/tugas/{}", t.id)),
    };
    if let Err(e) = crate::notifikasi::kirim(l, n).await {
        tracing::warn!(tugas = %t.id, galat = %e, "notifikasi tugas gagal");
    }
}

/// Mengantre tugas terjadwal untuk slot yang sedang berjalan. Kunci slot
/// membuat panggilan berulang dari proses mana pun menjadi satu tugas.
/// Pengingat harian: satu per tanggal WIB.
pub async fn jadwalkan(l: &Layanan, waktu: time::OffsetDateTime) -> Hasil<Vec<Tugas>> {
    let wib = waktu.to_offset(time::UtcOffset::from_hms(7, 0, 0).unwrap_or(time::UtcOffset::UTC));
    let slot = format!(
        "{:04}-{:02}-{:02}",
        wib.year(),
        u8::from(wib.month()),
        wib.day()
    );
    let b = TugasBaru {
        kunci: Some(format!("{JENIS_PENGINGAT}:{slot}")),
        maks_percobaan: 3,
        ..TugasBaru::baru(JENIS_PENGINGAT, json!({ "slot": slot }))
    };
    Ok(vec![antre(l, b, None).await?.0])
}

/// Identitas pemegang sewa untuk satu pekerja proses ini.
pub fn pemegang_baru(nomor: usize) -> String {
    format!(
        "p{}-{nomor}-{}",
        std::process::id(),
        &store::id_baru()[24..]
    )
}

/// Menjalankan `jumlah` pekerja dan penjadwal sebagai tugas tokio di proses
/// ini. Antrean diperiksa setiap `jeda`; penjadwal setiap menit.
pub fn mulai_pekerja(
    l: &Layanan,
    jumlah: usize,
    jeda: Duration,
) -> Vec<tokio::task::JoinHandle<()>> {
    let mut h = Vec::new();
    for n in 0..jumlah.max(1) {
        let l = l.clone();
        h.push(tokio::spawn(async move {
            let pemegang = pemegang_baru(n);
            loop {
                match jalankan_satu(&l, &pemegang).await {
                    Ok(Some(_)) => continue,
                    Ok(None) => {}
                    Err(e) => tracing::warn!(galat = %e, "pekerja tugas"),
                }
                tokio::time::sleep(jeda).await;
            }
        }));
    }
    let l = l.clone();
    h.push(tokio::spawn(async move {
        loop {
            let sekarang = time::OffsetDateTime::now_utc();
            if let Err(e) = jadwalkan(&l, sekarang).await {
                tracing::warn!(galat = %e, "penjadwal tugas");
            }
            if let Err(e) = crate::aksi_perubahan::pengingat::jadwalkan(&l, sekarang).await {
                tracing::warn!(galat = %e, "penjadwal pengingat aksi perubahan");
            }
            if let Err(e) = crate::skp::pengingat::jadwalkan(&l, sekarang).await {
                tracing::warn!(galat = %e, "penjadwal pengingat SKP");
            }
            let batas = store::format_waktu(sekarang - time::Duration::days(HARI_SIMPAN));
            if let Err(e) = store::tugas::hapus_lama(l.pool(), &batas).await {
                tracing::warn!(galat = %e, "gagal membuang tugas lama");
            }
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    }));
    h
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn jeda_berlipat_dua_dan_dibatasi() {
        assert_eq!(jeda_ulang_ms(100, 1), 100);
        assert_eq!(jeda_ulang_ms(100, 2), 200);
        assert_eq!(jeda_ulang_ms(100, 4), 800);
        assert_eq!(jeda_ulang_ms(10_000, 20), JEDA_MAKS_MS);
    }
}
