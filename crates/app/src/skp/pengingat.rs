//! Pengingat dan eskalasi SKP (tugas latar `pengingat_skp`, sekali per
//! tanggal WIB): peristiwa dari aturan murni `rules::skp::pengingat_skp`
//! (rencana belum disetujui menjelang/lewat akhir Januari, realisasi periode
//! belum dilaporkan, bawahan belum dinilai), ke pegawai, lalu pejabat
//! penilai, lalu BKD. Di aplikasi (notifikasi) dan lewat surel.
//!
//! Tepat sekali: setiap (SKP, peristiwa, kunci) dicatat di `pengingat_skp`
//! dengan `ON CONFLICT DO NOTHING` di transaksi yang sama dengan notifikasi
//! dan antrean surelnya (pola `aksi_perubahan::pengingat`).

use crate::notifikasi::surel_aktif;
use crate::tugas::{GalatTugas, TugasBaru};
use crate::{Hasil, Layanan};
use rules::skp::{Frekuensi, Periode, PeristiwaSkp, StatusSkp, pengingat_skp};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

pub const JENIS_TUGAS: &str = "pengingat_skp";

/// Ringkasan satu putaran.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Ringkasan {
    pub skp_diperiksa: usize,
    pub peristiwa_baru: usize,
    pub notifikasi: usize,
    pub surel: usize,
}

/// Mengantre tugas hari ini (satu per tanggal WIB).
pub async fn jadwalkan(l: &Layanan, waktu: time::OffsetDateTime) -> Hasil<()> {
    let wib = crate::aksi_perubahan::hari_ini_zona("WIB", waktu);
    let slot = rules::aksi_perubahan::teks_tanggal(wib);
    let b = TugasBaru {
        kunci: Some(format!("{JENIS_TUGAS}:{slot}")),
        maks_percobaan: 5,
        ..TugasBaru::baru(JENIS_TUGAS, json!({ "slot": slot }))
    };
    crate::tugas::antre(l, b, None).await?;
    Ok(())
}

pub(crate) async fn kerjakan(l: &Layanan, m: &Value) -> Result<Value, GalatTugas> {
    let r = jalankan(l, time::OffsetDateTime::now_utc()).await?;
    Ok(json!({ "slot": m["slot"], "ringkasan": r }))
}

/// Satu putaran untuk semua instansi pada waktu `sekarang`; aman diulang.
pub async fn jalankan(l: &Layanan, sekarang: time::OffsetDateTime) -> Hasil<Ringkasan> {
    let mut r = Ringkasan::default();
    for i in store::organisasi::semua_instansi(l.pool()).await? {
        let hari_ini = crate::aksi_perubahan::hari_ini_zona(&i.zona_waktu, sekarang);
        let tahun = i64::from(hari_ini.year());
        let Some(p) = store::skp::periode(l.pool(), &i.id, tahun).await? else {
            continue;
        };
        let frek = Frekuensi::dari_token(&p.frekuensi).unwrap_or(Frekuensi::Triwulanan);
        jalankan_instansi(l, &i.id, tahun, frek, hari_ini, &mut r).await?;
    }
    Ok(r)
}

async fn jalankan_instansi(
    l: &Layanan,
    iid: &str,
    tahun: i64,
    frek: Frekuensi,
    hari_ini: time::Date,
    r: &mut Ringkasan,
) -> Hasil<()> {
    let pool = l.pool();
    let skp = store::skp::daftar_skp(pool, iid, tahun, None).await?;
    let mut berisi: HashMap<String, Vec<Periode>> = HashMap::new();
    for (s, p) in store::skp::periode_berealisasi(pool, iid, tahun).await? {
        if let Ok(p) = Periode::urai(&p) {
            berisi.entry(s).or_default().push(p);
        }
    }
    let mut dinilai: HashMap<String, Vec<Periode>> = HashMap::new();
    for (s, p) in store::skp::evaluasi_tahun(pool, iid, tahun).await? {
        if let Ok(p) = Periode::urai(&p) {
            dinilai.entry(s).or_default().push(p);
        }
    }
    let sudah: HashSet<(String, String, String)> =
        store::skp::pengingat_tahun(pool, iid, tahun).await?;
    for s in &skp {
        r.skp_diperiksa += 1;
        let status = StatusSkp::dari_token(&s.status).unwrap_or(StatusSkp::Draf);
        let kosong = Vec::new();
        for (jenis, kunci) in pengingat_skp(
            hari_ini,
            tahun as i32,
            status,
            frek,
            berisi.get(&s.id).unwrap_or(&kosong),
            dinilai.get(&s.id).unwrap_or(&kosong),
        ) {
            if sudah.contains(&(s.id.clone(), jenis.token().to_string(), kunci.clone())) {
                continue;
            }
            kirim_satu(l, s, jenis, &kunci, r).await?;
        }
    }
    Ok(())
}

async fn kirim_satu(
    l: &Layanan,
    s: &store::skp::Skp,
    jenis: PeristiwaSkp,
    kunci: &str,
    r: &mut Ringkasan,
) -> Hasil<()> {
    use PeristiwaSkp::*;
    let pool = l.pool();
    let iid = &s.instansi_id;
    let mut penerima: Vec<(String, Option<String>)> = Vec::new();
    let pengguna =
        |p: Option<store::akun::Pengguna>| p.filter(|x| x.aktif != 0).map(|x| (x.id, x.pegawai_id));
    match jenis {
        RencanaSegera | RencanaLewatPegawai | RealisasiSegera => {
            penerima.extend(pengguna(
                store::akun::pengguna_pegawai(pool, iid, &s.pegawai_id).await?,
            ));
        }
        RencanaLewatPenilai | RealisasiLewatPenilai | NilaiPenilai => {
            if let Some(p) = &s.penilai_id {
                penerima.extend(pengguna(store::akun::pengguna_pegawai(pool, iid, p).await?));
            }
        }
        RencanaLewatBkd | NilaiBkd => {
            penerima.extend(store::aksi_perubahan::pengguna_admin(pool, iid).await?);
        }
    }
    let nama = store::organisasi::pegawai(pool, iid, &s.pegawai_id)
        .await?
        .map(|p| p.nama)
        .unwrap_or_default();
    let (judul, isi) = teks(jenis, &nama, kunci, s.tahun);
    let tautan = format!("/skp/{}", s.id);
    let w = store::sekarang();
    let mut surel = Vec::new();
    if surel_aktif(l) {
        for (pengguna_id, pegawai_id) in &penerima {
            if let Some(pid) = pegawai_id
                && let Some(e) = store::organisasi::pegawai(pool, iid, pid)
                    .await?
                    .and_then(|g| g.email)
                    .filter(|e| e.contains('@'))
            {
                surel.push((pengguna_id.clone(), e));
            }
        }
    }
    let mut tx = l.db.mulai().await?;
    if !store::skp::catat_pengingat(&mut tx, iid, &s.id, jenis.token(), kunci, &w).await? {
        return Ok(());
    }
    for (pengguna_id, _) in &penerima {
        let n = store::notifikasi::Notifikasi {
            instansi_id: iid.clone(),
            id: store::id_baru(),
            pengguna_id: pengguna_id.clone(),
            judul: judul.clone(),
            isi: isi.clone(),
            tautan: Some(tautan.clone()),
            dibuat_pada: w.clone(),
            dibaca_pada: None,
        };
        store::notifikasi::sisipkan(&mut tx, &n).await?;
        r.notifikasi += 1;
    }
    for (pengguna, alamat) in &surel {
        let tugas = store::tugas::Tugas {
            kunci: format!(
                "surel:pengingat_skp:{iid}:{}:{}:{kunci}:{pengguna}",
                s.id,
                jenis.token()
            ),
            id: store::id_baru(),
            jenis: crate::tugas::JENIS_SUREL.into(),
            instansi_id: None,
            pengguna_id: None,
            status: "antre".into(),
            percobaan: 0,
            maks_percobaan: 8,
            muatan: json!({"kepada": alamat, "subjek": judul, "isi": format!("{isi}\n\n{tautan}")})
                .to_string(),
            hasil: None,
            galat: None,
            jalan_setelah: store::tugas::ms_sekarang(),
            klaim_sampai: None,
            pemegang: None,
            dibuat_pada: w.clone(),
            mulai_pada: None,
            selesai_pada: None,
        };
        if store::tugas::sisipkan(&mut tx, &tugas).await? {
            r.surel += 1;
        }
    }
    tx.commit().await?;
    r.peristiwa_baru += 1;
    Ok(())
}

/// Judul dan isi pengingat (Indonesia; penerima beragam, tautan ke SKP).
fn teks(jenis: PeristiwaSkp, nama: &str, kunci: &str, tahun: i64) -> (String, String) {
    use PeristiwaSkp::*;
    let periode = Periode::urai(kunci)
        .map(|p| p.label(rules::Bahasa::Id))
        .unwrap_or_else(|_| kunci.to_string());
    match jenis {
        RencanaSegera => (
            format!("SKP {tahun} belum diajukan"),
            format!(
                "Batas penetapan SKP {tahun} akhir Januari. Lengkapi RHK dan ajukan ke penilai."
            ),
        ),
        RencanaLewatPegawai => (
            format!("SKP {tahun} lewat batas penetapan"),
            format!("SKP {tahun} Anda belum diajukan, padahal batasnya akhir Januari."),
        ),
        RencanaLewatPenilai => (
            format!("SKP {nama} belum disetujui"),
            format!(
                "SKP {tahun} milik {nama} (bawahan Anda) belum disetujui sepekan sesudah batas."
            ),
        ),
        RencanaLewatBkd => (
            format!("Eskalasi: SKP {nama} belum disetujui"),
            format!("SKP {tahun} milik {nama} belum disetujui 30 hari sesudah batas."),
        ),
        RealisasiSegera => (
            format!("Realisasi {periode} belum dicatat"),
            format!("{periode} berakhir dalam sepekan. Catat realisasi dan buktinya."),
        ),
        RealisasiLewatPenilai => (
            format!("{nama} belum melaporkan realisasi {periode}"),
            format!("Bawahan Anda {nama} belum mencatat realisasi {periode}."),
        ),
        NilaiPenilai => (
            format!("{nama} belum dinilai untuk {periode}"),
            format!("Berikan rating hasil kerja dan perilaku {nama} untuk {periode}."),
        ),
        NilaiBkd => (
            format!("Eskalasi: {nama} belum dinilai untuk {periode}"),
            format!("{nama} belum dinilai 30 hari sesudah {periode} berakhir."),
        ),
    }
}
