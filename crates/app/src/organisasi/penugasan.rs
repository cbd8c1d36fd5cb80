//! Penugasan di luar jabatan definitif: Plt./Plh. di samping jabatan tetap,
//! dan mutasi ke instansi lain (rekaman lama tetap ada berstatus pindah).

use super::pegawai::{ambil, simpan_baru, simpan_ubah};
use super::tanggal_sah;
use crate::galat::GalatKolom;
use crate::{Hasil, Konteks, Layanan};
use store::organisasi::{Pegawai, RiwayatJabatan};

/// Penugasan Plt./Plh. di samping jabatan definitif.
pub async fn tugaskan_sementara(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    pegawai_id: &str,
    jenis: &str,
    unit_id: &str,
    jabatan_id: Option<&str>,
    mulai: &str,
    selesai: Option<&str>,
) -> Hasil<RiwayatJabatan> {
    k.boleh_kelola(instansi_id)?;
    let p = ambil(l, k, instansi_id, pegawai_id).await?;
    let mut f = GalatKolom::default();
    if jenis != "plt" && jenis != "plh" {
        f.tambah(
            "jenis_penugasan",
            k.t(
                "Penugasan sementara harus Plt. atau Plh.",
                "An acting assignment is Plt. or Plh.",
            ),
        );
    }
    if store::organisasi::unit(l.pool(), instansi_id, unit_id)
        .await?
        .is_none()
    {
        f.tambah(
            "unit_id",
            k.t(
                "Unit kerja tidak ditemukan di instansi ini.",
                "Unit not found in this agency.",
            ),
        );
    }
    if !tanggal_sah(mulai) {
        f.tambah(
            "mulai",
            k.t(
                "Tanggal harus berformat TTTT-BB-HH.",
                "Dates must be YYYY-MM-DD.",
            ),
        );
    }
    if let Some(s) = selesai {
        if !tanggal_sah(s) || s < mulai {
            f.tambah(
                "selesai",
                k.t(
                    "Tanggal selesai harus sesudah tanggal mulai.",
                    "The end date must follow the start date.",
                ),
            );
        }
    }
    f.jadi_galat(k.t(
        "Periksa kembali isian penugasan.",
        "Please check the assignment fields.",
    ))?;
    let r = RiwayatJabatan {
        instansi_id: instansi_id.to_string(),
        id: store::id_baru(),
        pegawai_id: p.id,
        unit_id: unit_id.to_string(),
        jabatan_id: jabatan_id.map(str::to_string),
        atasan_id: None,
        jenis_penugasan: jenis.to_string(),
        mulai: mulai.to_string(),
        selesai: selesai.map(str::to_string),
        keterangan: None,
    };
    let mut tx = l.db.mulai().await?;
    store::organisasi::sisipkan_riwayat(&mut tx, &r).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buat",
        "riwayat_jabatan",
        &r.id,
        None,
        Some(&r),
    )
    .await?;
    tx.commit().await?;
    Ok(r)
}

/// Mutasi antar-instansi (hanya super admin): rekaman lama berstatus pindah
/// dan tetap ada; instansi tujuan mendapat rekaman baru dengan NIP yang sama.
pub async fn mutasi(
    l: &Layanan,
    k: &Konteks,
    instansi_asal: &str,
    pegawai_id: &str,
    instansi_tujuan: &str,
    unit_tujuan: &str,
    tanggal: &str,
) -> Hasil<Pegawai> {
    k.wajib_super_admin()?;
    let lama = ambil(l, k, instansi_asal, pegawai_id).await?;
    let mut f = GalatKolom::default();
    if instansi_asal == instansi_tujuan {
        f.tambah(
            "instansi_tujuan",
            k.t(
                "Instansi tujuan sama dengan asal; pakai pindah unit.",
                "Same agency; use a unit move instead.",
            ),
        );
    }
    if store::organisasi::unit(l.pool(), instansi_tujuan, unit_tujuan)
        .await?
        .is_none()
    {
        f.tambah(
            "unit_tujuan",
            k.t(
                "Unit tujuan tidak ditemukan di instansi tujuan.",
                "Target unit not found in the target agency.",
            ),
        );
    }
    if !tanggal_sah(tanggal) {
        f.tambah(
            "tanggal",
            k.t(
                "Tanggal harus berformat TTTT-BB-HH.",
                "Dates must be YYYY-MM-DD.",
            ),
        );
    }
    f.jadi_galat(k.t(
        "Mutasi belum dapat diproses.",
        "The transfer could not be processed.",
    ))?;
    let mut keluar = lama.clone();
    keluar.status = "pindah".into();
    keluar.diubah_pada = store::sekarang();
    let mut baru = lama.clone();
    baru.instansi_id = instansi_tujuan.to_string();
    baru.id = store::id_baru();
    baru.unit_id = unit_tujuan.to_string();
    baru.jabatan_id = None;
    baru.atasan_id = None;
    baru.status = "aktif".into();
    baru.versi = 1;
    baru.dibuat_pada = keluar.diubah_pada.clone();
    baru.diubah_pada = keluar.diubah_pada.clone();
    let mut tx = l.db.mulai().await?;
    simpan_ubah(&mut tx, k, &lama, &mut keluar, tanggal).await?;
    store::organisasi::tutup_riwayat_definitif(&mut tx, instansi_asal, pegawai_id, tanggal).await?;
    simpan_baru(&mut tx, &baru, tanggal).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_tujuan,
        "mutasi_masuk",
        "pegawai",
        &baru.id,
        Some(&lama),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}
