//! Penyelarasan SKP otomatis setelah perubahan data pegawai (isu 11: "pegawai
//! yang pindah atau pensiun di tengah tahun tetap memegang SKP dengan
//! riwayatnya dan mendapat SKP baru di tempat barunya").
//!
//! Setiap perubahan pegawai (formulir, impor, Plt./Plh., mutasi) yang
//! menyentuh unit, jabatan, atasan, status atau jenis ASN mengantrekan tugas
//! latar `skp_selaraskan` untuk (instansi, tahun berjalan) — hanya bila
//! periode SKP tahun itu sudah dibuka. Tugas itu menjalankan sinkronisasi yang
//! sama dengan `periode::buka_periode` (pegawai baru mendapat draf, pindah
//! unit → SKP baru dan yang lama ditutup, pensiun/berhenti/diberhentikan
//! sementara → ditutup, penilai diperbarui) dengan aktor sistem: gerbang
//! haknya adalah perubahan yang memicunya.
//!
//! **Dihimpun.** Perubahan dihimpun per jendela [`JENDELA_MS`]: kunci tugas
//! `skp_selaraskan:{instansi}:{tahun}:{jendela}` dan tugas baru berjalan
//! setelah jendelanya tutup, sehingga 500 perubahan beruntun menjadi satu
//! tugas yang menunggu. Sebelum membuat tugas baru, tugas jendela sebelumnya
//! yang belum diklaim dipakai lagi (ia akan berjalan sesudah perubahan ini
//! tersimpan, jadi melihatnya). Tugas yang sudah diklaim tidak dipakai lagi:
//! ia mungkin sudah membaca data sebelum perubahan ini.
//!
//! Pengantrean terjadi sesudah transaksi perubahan selesai; galatnya hanya
//! dicatat di log (perubahan pegawai tetap tersimpan, dan BKD masih dapat
//! menjalankan `buka_periode` yang sama kapan saja).

use crate::tugas::{GalatTugas, TugasBaru};
use crate::{Hasil, Konteks, Layanan};
use serde_json::{Value, json};
use store::organisasi::Pegawai;
use store::tugas::Tugas;

pub const JENIS_TUGAS: &str = "skp_selaraskan";
/// Lebar jendela penghimpun perubahan [R]: cukup untuk satu sesi penyuntingan
/// beruntun, cukup pendek agar SKP baru segera tampak.
pub const JENDELA_MS: i64 = 15_000;

/// Kunci idempotensi tugas untuk satu jendela.
pub fn kunci(instansi_id: &str, tahun: i64, jendela: i64) -> String {
    format!("{JENIS_TUGAS}:{instansi_id}:{tahun}:{jendela}")
}

/// Perubahan yang dapat mengubah SKP: penempatan, atasan, status, jenis ASN.
pub(crate) fn relevan(lama: &Pegawai, baru: &Pegawai) -> bool {
    lama.unit_id != baru.unit_id
        || lama.jabatan_id != baru.jabatan_id
        || lama.atasan_id != baru.atasan_id
        || lama.status != baru.status
        || lama.jenis_asn != baru.jenis_asn
}

/// Mengantrekan penyelarasan untuk tahun berjalan (zona waktu instansi) bila
/// periode SKP tahun itu sudah dibuka. Tanpa pemeriksaan hak: hanya untuk
/// layanan yang sudah memeriksanya, setelah perubahannya tersimpan.
pub(crate) async fn antre(l: &Layanan, instansi_id: &str) -> Hasil<Option<Tugas>> {
    let hari_ini = crate::organisasi::hari_ini_di(l, instansi_id).await?;
    let Some(tahun) = hari_ini.get(..4).and_then(|t| t.parse::<i64>().ok()) else {
        return Ok(None);
    };
    if store::skp::periode(l.pool(), instansi_id, tahun)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    antre_pada(l, instansi_id, tahun, store::tugas::ms_sekarang())
        .await
        .map(Some)
}

/// Seperti [`antre`] untuk tahun dan waktu tertentu (tes).
pub async fn antre_pada(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
    sekarang_ms: i64,
) -> Hasil<Tugas> {
    let jendela = sekarang_ms.div_euclid(JENDELA_MS);
    {
        // Tugas jendela sebelumnya yang belum diklaim akan melihat perubahan ini.
        let mut tx = l.db.mulai().await?;
        let lalu =
            store::tugas::tugas_kunci(&mut tx, &kunci(instansi_id, tahun, jendela - 1)).await?;
        tx.commit().await?;
        if let Some(t) = lalu.filter(|t| t.status == "antre") {
            return Ok(t);
        }
    }
    // Tugas jendela ini belum diklaim sebelum jendelanya tutup; bila sudah
    // (jam antarproses bergeser, atau tes menjalankannya lebih awal), pakai
    // jendela berikutnya.
    let mut j = jendela;
    loop {
        let b = TugasBaru {
            kunci: Some(kunci(instansi_id, tahun, j)),
            instansi_id: Some(instansi_id.to_string()),
            jalan_setelah: Some((j + 1) * JENDELA_MS),
            ..TugasBaru::baru(
                JENIS_TUGAS,
                json!({ "instansi_id": instansi_id, "tahun": tahun }),
            )
        };
        let (t, _) = crate::tugas::antre(l, b, None).await?;
        if t.status == "antre" || j >= jendela + 8 {
            return Ok(t);
        }
        j += 1;
    }
}

/// [`antre`] untuk setiap instansi yang tersentuh; galat hanya dicatat
/// (perubahan pemicunya sudah tersimpan).
pub(crate) async fn picu(l: &Layanan, instansi: &[&str]) {
    for iid in instansi {
        if let Err(e) = antre(l, iid).await {
            tracing::warn!(instansi = %iid, galat = %e, "gagal mengantre penyelarasan SKP");
        }
    }
}

/// Menjalankan penyelarasan satu (instansi, tahun) dengan aktor sistem.
pub(crate) async fn kerjakan(l: &Layanan, m: &Value) -> Result<Value, GalatTugas> {
    let iid = m["instansi_id"]
        .as_str()
        .ok_or_else(|| GalatTugas::tetap("tugas penyelarasan SKP tanpa instansi"))?;
    let tahun = m["tahun"]
        .as_i64()
        .ok_or_else(|| GalatTugas::tetap("tugas penyelarasan SKP tanpa tahun"))?;
    if store::skp::periode(l.pool(), iid, tahun).await?.is_none() {
        return Ok(
            json!({ "instansi_id": iid, "tahun": tahun, "dilewati": "periode_belum_dibuka" }),
        );
    }
    let masukan = super::periode::MasukanPeriodeSkp {
        tahun,
        frekuensi: None,
        ambang_kurva: None,
    };
    let k = Konteks::sistem();
    let h = super::periode::selaraskan_periode(l, &k, iid, &masukan, "selaraskan").await?;
    Ok(json!({ "instansi_id": iid, "tahun": tahun, "hasil": h }))
}
