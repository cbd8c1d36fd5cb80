//! Menulis dan membaca jejak audit.

use crate::{Hasil, Konteks};
use serde::Serialize;
use store::audit::CatatanAudit;

pub use store::audit::CatatanAudit as Catatan;

/// Mencatat perubahan dalam transaksi yang sama dengan perubahan itu.
pub async fn catat<S: Serialize>(
    k: &mut store::Koneksi,
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

/// Riwayat satu rekaman, bagi yang boleh membacanya.
pub async fn riwayat(
    l: &crate::Layanan,
    konteks: &Konteks,
    instansi_id: &str,
    jenis_objek: &str,
    objek_id: &str,
) -> Hasil<Vec<Catatan>> {
    konteks.boleh_baca(instansi_id)?;
    Ok(store::audit::riwayat_objek(l.pool(), instansi_id, jenis_objek, objek_id, 200).await?)
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
