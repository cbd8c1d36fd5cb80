//! Jabatan dalam unit kerja: JPT, administrator, pengawas, pelaksana,
//! fungsional (dengan jenjang).

use super::referensi;
use crate::galat::GalatKolom;
use crate::{Hasil, Konteks, Layanan};
use store::organisasi::Jabatan;

#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanJabatan {
    pub unit_id: String,
    pub nama: String,
    pub jenis: String,
    #[serde(default)]
    pub jenjang: Option<String>,
    #[serde(default)]
    pub kelas: Option<i64>,
}

pub async fn daftar(l: &Layanan, k: &Konteks, instansi_id: &str) -> Hasil<Vec<Jabatan>> {
    k.boleh_baca(instansi_id)?;
    Ok(store::organisasi::semua_jabatan(l.pool(), instansi_id).await?)
}

pub async fn di_unit(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    unit_id: &str,
) -> Hasil<Vec<Jabatan>> {
    k.boleh_baca(instansi_id)?;
    Ok(store::organisasi::jabatan_unit(l.pool(), instansi_id, unit_id).await?)
}

pub async fn buat(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    m: MasukanJabatan,
) -> Hasil<Jabatan> {
    k.boleh_kelola(instansi_id)?;
    let mut f = GalatKolom::default();
    {
        use crate::validasi::{JenisTeks::*, MAKS_ID, MAKS_NAMA, periksa, periksa_opsional};
        let b = k.bahasa;
        periksa(&mut f, b, "nama", &m.nama, MAKS_NAMA, Nama);
        periksa(&mut f, b, "jenis", &m.jenis, MAKS_ID, Baris);
        periksa(&mut f, b, "unit_id", &m.unit_id, MAKS_ID, Baris);
        periksa_opsional(&mut f, b, "jenjang", m.jenjang.as_deref(), MAKS_ID, Baris);
    }
    if m.nama.trim().is_empty() {
        f.tambah(
            "nama",
            k.t("Nama jabatan wajib diisi.", "A position name is required."),
        );
    }
    if !referensi::JENIS_JABATAN.contains(&m.jenis.as_str()) {
        f.tambah(
            "jenis",
            k.t("Jenis jabatan tidak dikenal.", "Unknown position type."),
        );
    }
    let jenjang = m.jenjang.filter(|j| !j.is_empty());
    match (&jenjang, m.jenis.as_str()) {
        (None, "fungsional") => f.tambah(
            "jenjang",
            k.t(
                "Jabatan fungsional wajib punya jenjang.",
                "A functional position needs a level.",
            ),
        ),
        (Some(j), _) if !referensi::JENJANG_FUNGSIONAL.contains(&j.as_str()) => {
            f.tambah("jenjang", k.t("Jenjang tidak dikenal.", "Unknown level."))
        }
        _ => {}
    }
    if store::organisasi::unit(l.pool(), instansi_id, &m.unit_id)
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
    f.jadi_galat(k.t(
        "Periksa kembali isian jabatan.",
        "Please check the position fields.",
    ))?;
    let j = Jabatan {
        instansi_id: instansi_id.to_string(),
        id: store::id_baru(),
        unit_id: m.unit_id,
        nama: m.nama.trim().to_string(),
        jenis: m.jenis,
        jenjang,
        kelas: m.kelas,
        dibuat_pada: store::sekarang(),
    };
    let mut tx = l.db.mulai().await?;
    store::organisasi::sisipkan_jabatan(&mut tx, &j).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buat",
        "jabatan",
        &j.id,
        None,
        Some(&j),
    )
    .await?;
    tx.commit().await?;
    Ok(j)
}
