//! Menulis dan membaca jejak audit.

use crate::{Hasil, Konteks};
use serde::Serialize;
use store::audit::CatatanAudit;

pub use store::audit::CatatanAudit as Catatan;

/// Mencatat perubahan dalam transaksi yang sama dengan perubahan itu. Tipe
/// parameternya `Transaksi`, bukan koneksi apa pun: catatan audit tidak dapat
/// ditulis di luar transaksi perubahannya:
///
/// ```compile_fail
/// # async fn contoh(l: &app::Layanan, k: &app::Konteks) {
/// let mut koneksi = l.pool().acquire().await.unwrap();
/// // Koneksi biasa (di luar transaksi) ditolak oleh pemeriksa tipe.
/// app::audit::catat::<()>(&mut koneksi, k, "i", "ubah", "pegawai", "p", None, None).await.unwrap();
/// # }
/// ```
pub async fn catat<S: Serialize>(
    k: &mut store::Transaksi<'_>,
    konteks: &Konteks,
    instansi_id: &str,
    aksi: &str,
    jenis_objek: &str,
    objek_id: &str,
    sebelum: Option<&S>,
    sesudah: Option<&S>,
) -> Hasil<()> {
    let (pengguna_id, nama) = match &konteks.aktor {
        Some(a) => (Some(a.pengguna_id.clone()), a.username.clone()),
        None => (None, "sistem".to_string()),
    };
    let c = CatatanAudit {
        instansi_id: instansi_id.to_string(),
        id: store::id_baru(),
        waktu: store::sekarang(),
        pengguna_id,
        nama_pengguna: nama,
        aksi: aksi.to_string(),
        jenis_objek: jenis_objek.to_string(),
        objek_id: objek_id.to_string(),
        sebelum: sebelum.map(|s| serde_json::to_string(s).unwrap_or_default()),
        sesudah: sesudah.map(|s| serde_json::to_string(s).unwrap_or_default()),
    };
    store::audit::tulis(k, &c).await?;
    Ok(())
}

/// Banyak catatan berjenis sama sekaligus (impor): isinya sama dengan
/// memanggil [`catat`] per objek, ditulis dalam INSERT berbaris banyak.
pub async fn catat_banyak<'a, S: Serialize + 'a>(
    k: &mut store::Transaksi<'_>,
    konteks: &Konteks,
    instansi_id: &str,
    aksi: &str,
    jenis_objek: &str,
    objek: impl IntoIterator<Item = (&'a str, Option<&'a S>, Option<&'a S>)>,
) -> Hasil<()> {
    let (pengguna_id, nama) = match &konteks.aktor {
        Some(a) => (Some(a.pengguna_id.clone()), a.username.clone()),
        None => (None, "sistem".to_string()),
    };
    let waktu = store::sekarang();
    let c: Vec<CatatanAudit> = objek
        .into_iter()
        .map(|(id, sebelum, sesudah)| CatatanAudit {
            instansi_id: instansi_id.to_string(),
            id: store::id_baru(),
            waktu: waktu.clone(),
            pengguna_id: pengguna_id.clone(),
            nama_pengguna: nama.clone(),
            aksi: aksi.to_string(),
            jenis_objek: jenis_objek.to_string(),
            objek_id: id.to_string(),
            sebelum: sebelum.map(|s| serde_json::to_string(s).unwrap_or_default()),
            sesudah: sesudah.map(|s| serde_json::to_string(s).unwrap_or_default()),
        })
        .collect();
    store::audit::tulis_banyak(k, &c).await?;
    Ok(())
}

/// Pembacaan yang sudah tercatat hari ini di proses ini, agar pembacaan
/// berulang tidak menulis ke basis data sama sekali (basis data tetap
/// penentu: proses lain menulis `ON CONFLICT DO NOTHING`). Dikosongkan saat
/// hari berganti atau saat penuh.
#[derive(Default)]
pub struct JejakBaca {
    isi: std::sync::Mutex<(String, std::collections::HashSet<[u8; 16]>)>,
}

const BATAS_JEJAK_BACA: usize = 200_000;

/// Mencatat bahwa aktor membaca rekaman orang lain: satu baris per pembaca,
/// rekaman dan hari (UTC), sehingga "siapa melihat data saya" tetap terjawab
/// tanpa satu baris audit per permintaan (token baca dulu menulis ribuan).
pub async fn catat_baca(
    l: &crate::Layanan,
    konteks: &Konteks,
    instansi_id: &str,
    jenis_objek: &str,
    objek_id: &str,
) -> Hasil<()> {
    use sha2::{Digest, Sha256};
    let Some(a) = &konteks.aktor else {
        return Ok(());
    };
    let hari = store::sekarang()[..10].to_string();
    let h = Sha256::digest(
        format!(
            "{}|{}|{instansi_id}|{jenis_objek}|{objek_id}|{hari}",
            a.instansi_id, a.pengguna_id
        )
        .as_bytes(),
    );
    let mut kunci = [0u8; 16];
    kunci.copy_from_slice(&h[..16]);
    {
        let mut j = l.jejak_baca.isi.lock().unwrap_or_else(|e| e.into_inner());
        if j.0 != hari || j.1.len() >= BATAS_JEJAK_BACA {
            j.0 = hari.clone();
            j.1.clear();
        }
        if j.1.contains(&kunci) {
            return Ok(());
        }
    }
    let c = Catatan {
        instansi_id: instansi_id.to_string(),
        id: uuid::Uuid::new_v8(kunci).to_string(),
        waktu: store::sekarang(),
        pengguna_id: Some(a.pengguna_id.clone()),
        nama_pengguna: a.username.clone(),
        aksi: "lihat".into(),
        jenis_objek: jenis_objek.to_string(),
        objek_id: objek_id.to_string(),
        sebelum: None,
        sesudah: None,
    };
    let mut tx = l.db.mulai().await?;
    store::audit::tulis_sekali(&mut tx, &c).await?;
    tx.commit().await?;
    l.jejak_baca
        .isi
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .1
        .insert(kunci);
    Ok(())
}

/// Riwayat satu rekaman, bagi yang boleh membacanya menurut jenis objeknya
/// (`kebijakan::izin_riwayat`: riwayat pegawai hanya dengan akses penuh atas
/// rekamannya; 404 bila pegawai itu tidak ada).
pub async fn riwayat(
    l: &crate::Layanan,
    konteks: &Konteks,
    instansi_id: &str,
    jenis_objek: &str,
    objek_id: &str,
) -> Hasil<Vec<Catatan>> {
    let izin =
        crate::kebijakan::izin_riwayat(l, konteks, instansi_id, jenis_objek, objek_id).await?;
    let c = store::audit::riwayat_objek(l.pool(), instansi_id, jenis_objek, objek_id, 200).await?;
    Ok(izin.saring(c))
}

/// Satu baris perubahan yang mudah dibaca: kolom, nilai lama, nilai baru.
#[derive(Debug, Clone, Serialize)]
pub struct Perubahan {
    pub kolom: String,
    pub sebelum: String,
    pub sesudah: String,
}

/// Membandingkan dua potret JSON per kolom (untuk halaman riwayat).
pub fn beda(sebelum: Option<&str>, sesudah: Option<&str>) -> Vec<Perubahan> {
    let baca = |s: Option<&str>| -> serde_json::Map<String, serde_json::Value> {
        s.and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default()
    };
    let a = baca(sebelum);
    let b = baca(sesudah);
    let mut kolom: Vec<&String> = a.keys().chain(b.keys()).collect();
    kolom.sort();
    kolom.dedup();
    let tampil = |v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => "—".to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    };
    kolom
        .into_iter()
        .filter(|k| {
            !matches!(
                k.as_str(),
                "versi" | "diubah_pada" | "dibuat_pada" | "nama_cari"
            )
        })
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| Perubahan {
            kolom: k.clone(),
            sebelum: tampil(a.get(k)),
            sesudah: tampil(b.get(k)),
        })
        .collect()
}

#[cfg(test)]
mod tes {
    #[test]
    fn beda_hanya_kolom_yang_berubah() {
        let d = super::beda(
            Some(r#"{"nama":"A","versi":1,"email":null}"#),
            Some(r#"{"nama":"B","versi":2,"email":"x@y.id"}"#),
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].kolom, "email");
        assert_eq!(d[0].sebelum, "—");
        assert_eq!(d[1].sesudah, "B");
    }
}
