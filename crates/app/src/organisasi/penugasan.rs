//! Penugasan di luar jabatan definitif: Plt./Plh. di samping jabatan tetap,
//! dan mutasi ke instansi lain (rekaman lama tetap ada berstatus pindah).

use super::pegawai::{ambil, simpan_baru, simpan_ubah};
use super::tanggal_sah;
use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi, Sumber};
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
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Pegawai(instansi_id))?;
    let p = ambil(l, k, instansi_id, pegawai_id).await?;
    let mut f = GalatKolom::default();
    {
        use crate::validasi::{JenisTeks::Baris, MAKS_ID, periksa, periksa_opsional};
        let b = k.bahasa;
        periksa(&mut f, b, "jenis_penugasan", jenis, MAKS_ID, Baris);
        periksa(&mut f, b, "unit_id", unit_id, MAKS_ID, Baris);
        periksa_opsional(&mut f, b, "jabatan_id", jabatan_id, MAKS_ID, Baris);
        periksa(&mut f, b, "mulai", mulai, 10, Baris);
        periksa_opsional(&mut f, b, "selesai", selesai, 10, Baris);
    }
    // Jabatan yang dirujuk harus jabatan instansi ini, di unit penugasannya.
    if let Some(j) = jabatan_id.filter(|j| !j.is_empty()) {
        match store::organisasi::jabatan(l.pool(), instansi_id, j).await? {
            Some(jab) if jab.unit_id == unit_id => {}
            Some(_) => f.tambah(
                "jabatan_id",
                k.t(
                    "Jabatan ini bukan jabatan di unit penugasan.",
                    "This position does not belong to the assignment's unit.",
                ),
            ),
            None => f.tambah(
                "jabatan_id",
                k.t(
                    "Jabatan tidak ditemukan di instansi ini.",
                    "Position not found in this agency.",
                ),
            ),
        }
    }
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
        jabatan_id: jabatan_id.filter(|j| !j.is_empty()).map(str::to_string),
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
    // Plt./Plh. dapat menjadi pejabat penilai: penilai SKP ikut diselaraskan.
    crate::skp::selaras::picu(l, &[instansi_id]).await;
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
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Nasional)?;
    let lama = ambil(l, k, instansi_asal, pegawai_id).await?;
    if lama.status == "pindah" {
        // Mutasi yang diulang: rekaman ini sudah ditinggalkan.
        return Err(crate::Galat::Konflik(
            k.t(
                "Pegawai ini sudah dimutasi dari instansi ini; buka rekamannya di instansi tujuan.",
                "This employee has already been transferred out; open their record in the target agency.",
            )
            .into(),
        ));
    }
    let mut f = GalatKolom::default();
    {
        use crate::validasi::{JenisTeks::Baris, MAKS_ID, periksa};
        let b = k.bahasa;
        periksa(
            &mut f,
            b,
            "instansi_tujuan",
            instansi_tujuan,
            MAKS_ID,
            Baris,
        );
        periksa(&mut f, b, "unit_tujuan", unit_tujuan, MAKS_ID, Baris);
        periksa(&mut f, b, "tanggal", tanggal, 10, Baris);
    }
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
    // Proyek perubahan alumni ikut pindah (lanjutan di instansi tujuan, docs/adr/0014).
    let proyek =
        crate::aksi_perubahan::pindah::pindahkan(&mut tx, k, &lama, &baru, tanggal).await?;
    tx.commit().await?;
    // SKP lama ditutup (pindah_instansi) di asal; draf baru di tujuan.
    crate::skp::selaras::picu(l, &[instansi_asal, instansi_tujuan]).await;
    if proyek > 0 {
        crate::aksi_perubahan::ada_perubahan();
    }
    Ok(baru)
}
