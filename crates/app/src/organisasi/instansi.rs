//! Instansi: K/L, provinsi, kabupaten, kota (dan satu entri nasional).

use super::referensi;
use crate::galat::GalatKolom;
use crate::{Galat, Hasil, Konteks, Layanan};
use store::organisasi::Instansi;

#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanInstansi {
    pub nama: String,
    pub jenis: String,
    #[serde(default)]
    pub kode_wilayah: Option<String>,
    /// Kosong: diturunkan dari kode wilayah.
    #[serde(default)]
    pub zona_waktu: Option<String>,
    #[serde(default)]
    pub versi: Option<i64>,
}

pub async fn daftar(l: &Layanan, k: &Konteks) -> Hasil<Vec<Instansi>> {
    let a = k.aktor()?;
    if a.super_admin() {
        Ok(store::organisasi::semua_instansi(l.pool()).await?)
    } else {
        Ok(store::organisasi::instansi(l.pool(), &a.instansi_id)
            .await?
            .into_iter()
            .collect())
    }
}

pub async fn lihat(l: &Layanan, k: &Konteks, id: &str) -> Hasil<Instansi> {
    k.boleh_baca(id)?;
    store::organisasi::instansi(l.pool(), id)
        .await?
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("Instansi tidak ditemukan.", "Agency not found.").into())
        })
}

async fn periksa(l: &Layanan, k: &Konteks, m: &MasukanInstansi) -> Hasil<(Option<String>, String)> {
    let b = k.bahasa;
    let mut f = GalatKolom::default();
    {
        use crate::validasi::{JenisTeks::*, MAKS_ID, MAKS_NAMA, periksa};
        periksa(&mut f, b, "nama", &m.nama, MAKS_NAMA, Nama);
        periksa(&mut f, b, "jenis", &m.jenis, MAKS_ID, Baris);
        crate::validasi::periksa_opsional(
            &mut f,
            b,
            "kode_wilayah",
            m.kode_wilayah.as_deref(),
            MAKS_ID,
            Baris,
        );
        crate::validasi::periksa_opsional(
            &mut f,
            b,
            "zona_waktu",
            m.zona_waktu.as_deref(),
            MAKS_ID,
            Baris,
        );
    }
    if m.nama.trim().is_empty() || m.nama.len() > 200 {
        f.tambah(
            "nama",
            k.t(
                "Nama instansi wajib (maksimal 200 karakter).",
                "An agency name is required (at most 200 characters).",
            ),
        );
    }
    if !referensi::JENIS_INSTANSI.contains(&m.jenis.as_str()) {
        f.tambah(
            "jenis",
            k.t(
                "Jenis harus kementerian, lembaga, provinsi, kabupaten atau kota.",
                "Type must be kementerian, lembaga, provinsi, kabupaten or kota.",
            ),
        );
    }
    let kode = m
        .kode_wilayah
        .as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let mut zona = m.zona_waktu.clone().filter(|z| !z.is_empty());
    if let Some(kode) = &kode {
        match store::wilayah::cari(l.pool(), kode).await? {
            None => f.tambah(
                "kode_wilayah",
                k.t(
                    "Kode wilayah tidak ada dalam Kepmendagri 300.2.2-2138/2025.",
                    "Region code not found in Kepmendagri 300.2.2-2138/2025.",
                ),
            ),
            Some(w) => {
                if zona.is_none() {
                    zona = Some(referensi::zona_waktu_provinsi(&w.kode_provinsi).to_string());
                }
            }
        }
    } else if matches!(m.jenis.as_str(), "provinsi" | "kabupaten" | "kota") {
        f.tambah(
            "kode_wilayah",
            k.t(
                "Pemerintah daerah wajib punya kode wilayah.",
                "A regional government needs a region code.",
            ),
        );
    }
    let zona = zona.unwrap_or_else(|| "WIB".into());
    if !referensi::ZONA_WAKTU.contains(&zona.as_str()) {
        f.tambah(
            "zona_waktu",
            k.t(
                "Zona waktu harus WIB, WITA atau WIT.",
                "Time zone must be WIB, WITA or WIT.",
            ),
        );
    }
    f.jadi_galat(k.t(
        "Periksa kembali isian instansi.",
        "Please check the agency fields.",
    ))?;
    Ok((kode, zona))
}

pub async fn buat(l: &Layanan, k: &Konteks, m: MasukanInstansi) -> Hasil<Instansi> {
    k.wajib_super_admin()?;
    let (kode, zona) = periksa(l, k, &m).await?;
    let waktu = store::sekarang();
    let i = Instansi {
        id: store::id_baru(),
        nama: m.nama.trim().to_string(),
        jenis: m.jenis,
        kode_wilayah: kode,
        zona_waktu: zona,
        versi: 1,
        dibuat_pada: waktu.clone(),
        diubah_pada: waktu,
    };
    let mut tx = l.db.mulai().await?;
    store::organisasi::sisipkan_instansi(&mut tx, &i).await?;
    crate::audit::catat(&mut tx, k, &i.id, "buat", "instansi", &i.id, None, Some(&i)).await?;
    tx.commit().await?;
    Ok(i)
}

pub async fn ubah(l: &Layanan, k: &Konteks, id: &str, m: MasukanInstansi) -> Hasil<Instansi> {
    let a = k.boleh_kelola(id)?;
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    let lama = lihat(l, k, id).await?;
    let (kode, zona) = periksa(l, k, &m).await?;
    // Identitas instansi (nama, jenis, termasuk status nasional, dan wilayah)
    // hanya diubah super admin; admin instansi mengubah pengaturannya saja.
    if !a.super_admin() {
        let mut f = GalatKolom::default();
        let pesan = k.t(
            "Hanya super admin yang dapat mengubah ini.",
            "Only the super admin can change this.",
        );
        if m.nama.trim() != lama.nama {
            f.tambah("nama", pesan);
        }
        if m.jenis != lama.jenis {
            f.tambah("jenis", pesan);
        }
        if kode != lama.kode_wilayah {
            f.tambah("kode_wilayah", pesan);
        }
        if !f.kosong() {
            return Err(Galat::Dilarang(pesan.into()));
        }
    }
    let mut baru = lama.clone();
    baru.nama = m.nama.trim().to_string();
    baru.jenis = m.jenis;
    baru.kode_wilayah = kode;
    baru.zona_waktu = zona;
    baru.versi = versi;
    baru.diubah_pada = store::sekarang();
    let mut tx = l.db.mulai().await?;
    if !store::organisasi::ubah_instansi(&mut tx, &baru).await? {
        return Err(Galat::Konflik(
            k.t(
                "Data ini sudah diubah orang lain. Muat ulang lalu ulangi.",
                "Someone else changed this record. Reload and try again.",
            )
            .into(),
        ));
    }
    baru.versi += 1;
    crate::audit::catat(
        &mut tx,
        k,
        id,
        "ubah",
        "instansi",
        id,
        Some(&lama),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}
