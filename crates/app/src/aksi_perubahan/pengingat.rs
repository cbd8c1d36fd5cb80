//! Pengingat tonggak aksi perubahan (tugas latar `pengingat_aksi`, sekali
//! per tanggal WIB): sebelum jatuh tempo ke alumni, lalu eskalasi bila
//! terlambat — alumni (hari ke-1), mentor (hari ke-7), BKD instansi alumni
//! (hari ke-30). Di aplikasi (notifikasi) dan lewat surel (tugas
//! `kirim_surel`).
//!
//! Tepat sekali: setiap peristiwa (tonggak, jenis, jatuh tempo) dicatat di
//! `pengingat_aksi` dengan `ON CONFLICT DO NOTHING` DI TRANSAKSI YANG SAMA
//! dengan notifikasi dan antrean surelnya. Proses yang mati di tengah
//! putaran meninggalkan peristiwa yang belum tercatat; putaran berikutnya
//! (tugas yang diklaim ulang setelah sewanya habis) hanya mengirim itu.
//! Surel berkunci idempotensi per peristiwa dan penerima.
//!
//! Proyek yang sudah pindah bersama alumninya tidak diingatkan lagi; mutasi
//! menyalin peristiwa yang sudah tercatat ke tonggak lanjutannya
//! (`pindah::pindahkan`), jadi peristiwa yang sama tidak terkirim dua kali.

use crate::notifikasi::surel_aktif;
use crate::tugas::{GalatTugas, TugasBaru};
use crate::{Hasil, Layanan};
use serde_json::{Value, json};
use std::collections::HashMap;
use store::aksi_perubahan::TonggakRingkas;

/// Jenis tugas terjadwal.
pub const JENIS_TUGAS: &str = "pengingat_aksi";
/// Hari sebelum jatuh tempo untuk pengingat pertama.
pub const HARI_SEBELUM: i64 = 7;
/// Hari keterlambatan sebelum mentor diberi tahu.
pub const HARI_KE_MENTOR: i64 = 7;
/// Hari keterlambatan sebelum BKD diberi tahu.
pub const HARI_KE_BKD: i64 = 30;
/// Tonggak per halaman pemindaian (memori tetap terbatas).
const HALAMAN: i64 = 500;

/// Peristiwa pengingat satu tonggak pada `hari_ke_jatuh_tempo` (negatif = terlambat).
pub fn peristiwa(hari_ke_jatuh_tempo: i64) -> Vec<&'static str> {
    let mut v = Vec::new();
    if (0..=HARI_SEBELUM).contains(&hari_ke_jatuh_tempo) {
        v.push("sebelum_jatuh_tempo");
    }
    let telat = -hari_ke_jatuh_tempo;
    if telat >= 1 {
        v.push("terlambat_alumni");
    }
    if telat >= HARI_KE_MENTOR {
        v.push("terlambat_mentor");
    }
    if telat >= HARI_KE_BKD {
        v.push("terlambat_bkd");
    }
    v
}

/// Ringkasan satu putaran.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Ringkasan {
    pub tonggak_diperiksa: usize,
    /// Peristiwa baru yang dicatat (dan diberitahukan).
    pub peristiwa_baru: usize,
    pub notifikasi: usize,
    pub surel: usize,
}

/// Mengantre tugas hari ini (kunci slot: satu tugas per tanggal WIB walau
/// banyak proses menjadwalkan).
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

/// Pekerjaan tugas `pengingat_aksi`.
pub(crate) async fn kerjakan(l: &Layanan, m: &Value) -> Result<Value, GalatTugas> {
    let r = jalankan(l, time::OffsetDateTime::now_utc()).await?;
    Ok(json!({ "slot": m["slot"], "ringkasan": r }))
}

struct Penerima {
    pengguna_id: String,
    pegawai_id: Option<String>,
}

/// Satu putaran pada waktu `sekarang`. Aman diulang dan dijalankan serentak.
pub async fn jalankan(l: &Layanan, sekarang: time::OffsetDateTime) -> Hasil<Ringkasan> {
    let pool = l.pool();
    // Zona paling timur (WIT) paling dulu berganti hari: pindai sampai hari
    // itu + HARI_SEBELUM.
    let batas =
        crate::aksi_perubahan::hari_ini_zona("WIT", sekarang) + time::Duration::days(HARI_SEBELUM);
    let batas = rules::aksi_perubahan::teks_tanggal(batas);
    let mut zona: HashMap<String, String> = HashMap::new();
    let mut r = Ringkasan::default();
    let mut setelah: Option<(String, String)> = None;
    loop {
        let halaman = store::aksi_perubahan::tonggak_untuk_pengingat(
            pool,
            &batas,
            setelah.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
            HALAMAN,
        )
        .await?;
        let Some(akhir) = halaman.last() else { break };
        setelah = Some((akhir.instansi_id.clone(), akhir.id.clone()));
        for t in &halaman {
            r.tonggak_diperiksa += 1;
            if !zona.contains_key(&t.instansi_id) {
                let z = store::organisasi::instansi(pool, &t.instansi_id)
                    .await?
                    .map(|i| i.zona_waktu)
                    .unwrap_or_else(|| "WIB".into());
                zona.insert(t.instansi_id.clone(), z);
            }
            let hari_ini = crate::aksi_perubahan::hari_ini_zona(&zona[&t.instansi_id], sekarang);
            let Some(jt) = rules::aksi_perubahan::baca_tanggal(&t.jatuh_tempo) else {
                continue;
            };
            for jenis in peristiwa((jt - hari_ini).whole_days()) {
                kirim_satu(l, t, jenis, &mut r).await?;
            }
        }
        if (halaman.len() as i64) < HALAMAN {
            break;
        }
    }
    Ok(r)
}

/// Satu peristiwa: dicatat, diberitahukan dan surelnya diantre dalam satu
/// transaksi; bila sudah pernah dicatat, tidak ada yang terjadi.
async fn kirim_satu(l: &Layanan, t: &TonggakRingkas, jenis: &str, r: &mut Ringkasan) -> Hasil<()> {
    let pool = l.pool();
    let Some(a) = store::aksi_perubahan::aksi_di(pool, &t.instansi_id, &t.aksi_id).await? else {
        return Ok(());
    };
    let mut penerima: Vec<Penerima> = Vec::new();
    let pengguna_dari = |p: Option<store::akun::Pengguna>| {
        p.filter(|x| x.aktif != 0).map(|x| Penerima {
            pengguna_id: x.id,
            pegawai_id: x.pegawai_id,
        })
    };
    match jenis {
        "sebelum_jatuh_tempo" | "terlambat_alumni" => {
            penerima.extend(pengguna_dari(
                store::akun::pengguna_pegawai(pool, &a.instansi_id, &a.pegawai_id).await?,
            ));
        }
        "terlambat_mentor" => {
            // Tanpa mentor (mis. alumni baru pindah instansi dan atasannya
            // belum diisi): peristiwa belum dicatat, agar mentor yang diisi
            // kemudian (mengikuti atasan, `pindah::ikuti_atasan`) tetap diberi tahu.
            let Some(m) = &a.mentor_pegawai_id else {
                return Ok(());
            };
            penerima.extend(pengguna_dari(
                store::akun::pengguna_pegawai(pool, &a.instansi_id, m).await?,
            ));
        }
        _ => {
            for (id, peg) in store::aksi_perubahan::pengguna_admin(pool, &a.instansi_id).await? {
                penerima.push(Penerima {
                    pengguna_id: id,
                    pegawai_id: peg,
                });
            }
        }
    }
    let alumni = store::organisasi::pegawai(pool, &a.instansi_id, &a.pegawai_id)
        .await?
        .map(|p| p.nama)
        .unwrap_or_default();
    let (judul, isi) = teks(jenis, &alumni, &a.judul, t);
    let tautan = format!("/aksi-perubahan/{}", a.id);
    let w = store::sekarang();
    let mut surel = Vec::new();
    if surel_aktif(l) {
        for p in &penerima {
            if let Some(pid) = &p.pegawai_id
                && let Some(e) = store::organisasi::pegawai(pool, &a.instansi_id, pid)
                    .await?
                    .and_then(|g| g.email)
                    .filter(|e| e.contains('@'))
            {
                surel.push((p.pengguna_id.clone(), e));
            }
        }
    }
    let mut tx = l.db.mulai().await?;
    if !store::aksi_perubahan::catat_pengingat(
        &mut tx,
        &t.instansi_id,
        &t.id,
        jenis,
        &t.jatuh_tempo,
        &w,
    )
    .await?
    {
        // Sudah dikirim putaran lain/proses lain: tidak dua kali.
        return Ok(());
    }
    for p in &penerima {
        let n = store::notifikasi::Notifikasi {
            instansi_id: a.instansi_id.clone(),
            id: store::id_baru(),
            pengguna_id: p.pengguna_id.clone(),
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
        let id = store::id_baru();
        let tugas = store::tugas::Tugas {
            kunci: format!(
                "surel:pengingat_aksi:{}:{}:{jenis}:{}:{pengguna}",
                t.instansi_id, t.id, t.jatuh_tempo
            ),
            id,
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

/// Judul dan isi pengingat (Indonesia dulu, lalu Inggris: penerima beragam).
fn teks(jenis: &str, alumni: &str, judul: &str, t: &TonggakRingkas) -> (String, String) {
    let jt = crate::teks::tanggal(rules::Bahasa::Id, &t.jatuh_tempo);
    match jenis {
        "sebelum_jatuh_tempo" => (
            "Tonggak aksi perubahan segera jatuh tempo".into(),
            format!("Tonggak proyek \"{judul}\" jatuh tempo {jt}. Kirim progres dan buktinya."),
        ),
        "terlambat_alumni" => (
            "Tonggak aksi perubahan terlambat".into(),
            format!("Tonggak proyek \"{judul}\" lewat jatuh tempo ({jt}). Kirim progres terbaru."),
        ),
        "terlambat_mentor" => (
            format!("Tonggak {alumni} terlambat {HARI_KE_MENTOR} hari"),
            format!(
                "Tonggak proyek \"{judul}\" milik {alumni} (bimbingan Anda) lewat jatuh tempo {jt}."
            ),
        ),
        _ => (
            format!("Eskalasi: tonggak {alumni} terlambat {HARI_KE_BKD} hari"),
            format!(
                "Tonggak proyek \"{judul}\" milik {alumni} lewat jatuh tempo {jt} dan belum diperbarui."
            ),
        ),
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn peristiwa_menurut_hari() {
        assert_eq!(peristiwa(8), Vec::<&str>::new());
        assert_eq!(peristiwa(7), vec!["sebelum_jatuh_tempo"]);
        assert_eq!(peristiwa(0), vec!["sebelum_jatuh_tempo"]);
        assert_eq!(peristiwa(-1), vec!["terlambat_alumni"]);
        assert_eq!(peristiwa(-7), vec!["terlambat_alumni", "terlambat_mentor"]);
        assert_eq!(
            peristiwa(-30),
            vec!["terlambat_alumni", "terlambat_mentor", "terlambat_bkd"]
        );
    }
}
