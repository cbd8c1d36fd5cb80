//! Pohon unit kerja, sedalam apa pun, dengan masa berlaku: restrukturisasi
//! menutup unit lama (berlaku_sampai) dan membuka unit baru tanpa menghapus
//! masa lalu.

use super::{hari_ini, referensi, tanggal_sah};
use crate::galat::GalatKolom;
use crate::{Galat, Hasil, Konteks, Layanan};
use std::collections::HashMap;
use store::organisasi::UnitKerja;

#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanUnit {
    #[serde(default)]
    pub induk_id: Option<String>,
    pub nama: String,
    #[serde(default)]
    pub singkatan: Option<String>,
    pub jenis: String,
    #[serde(default)]
    pub urutan: Option<i64>,
    #[serde(default)]
    pub berlaku_mulai: Option<String>,
    #[serde(default)]
    pub berlaku_sampai: Option<String>,
    #[serde(default)]
    pub versi: Option<i64>,
}

/// Satu simpul pohon untuk ditampilkan: kedalaman, unit, pegawai aktif langsung.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct SimpulUnit {
    pub kedalaman: usize,
    pub unit: UnitKerja,
    pub jumlah_pegawai: i64,
}

/// Pohon unit yang berlaku pada tanggal (bawaan: hari ini), urut kedalaman-dulu.
pub async fn pohon(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tanggal: Option<&str>,
) -> Hasil<Vec<SimpulUnit>> {
    k.boleh_baca(instansi_id)?;
    let tgl = tanggal
        .filter(|t| tanggal_sah(t))
        .map(str::to_string)
        .unwrap_or_else(hari_ini);
    let unit = store::organisasi::unit_berlaku(l.pool(), instansi_id, &tgl).await?;
    let jumlah: HashMap<String, i64> =
        store::organisasi::jumlah_pegawai_per_unit(l.pool(), instansi_id)
            .await?
            .into_iter()
            .collect();
    Ok(ratakan(unit, &jumlah))
}

/// Pohon tanpa hitungan pegawai: untuk pilihan unit di formulir dan saringan,
/// yang dimuat di setiap halaman daftar.
pub async fn pohon_ringan(l: &Layanan, k: &Konteks, instansi_id: &str) -> Hasil<Vec<SimpulUnit>> {
    k.boleh_baca(instansi_id)?;
    let unit = store::organisasi::unit_berlaku(l.pool(), instansi_id, &hari_ini()).await?;
    Ok(ratakan(unit, &HashMap::new()))
}

/// Menyusun daftar datar kedalaman-dulu dari unit yang induknya mungkin tidak
/// berlaku lagi (unit seperti itu menjadi akar).
pub fn ratakan(unit: Vec<UnitKerja>, jumlah: &HashMap<String, i64>) -> Vec<SimpulUnit> {
    let ada: std::collections::HashSet<String> = unit.iter().map(|u| u.id.clone()).collect();
    let mut anak: HashMap<Option<String>, Vec<UnitKerja>> = HashMap::new();
    for u in unit {
        let induk = u.induk_id.clone().filter(|i| ada.contains(i));
        anak.entry(induk).or_default().push(u);
    }
    let mut hasil = Vec::new();
    let mut tumpukan: Vec<(usize, UnitKerja)> = anak
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|u| (0, u))
        .collect();
    while let Some((d, u)) = tumpukan.pop() {
        if let Some(cs) = anak.remove(&Some(u.id.clone())) {
            for c in cs.into_iter().rev() {
                tumpukan.push((d + 1, c));
            }
        }
        let n = jumlah.get(&u.id).copied().unwrap_or(0);
        hasil.push(SimpulUnit {
            kedalaman: d,
            unit: u,
            jumlah_pegawai: n,
        });
    }
    hasil
}

/// Unit dan semua turunannya (untuk menyaring pegawai per unit).
pub fn dengan_turunan(semua: &[UnitKerja], akar: &str) -> Vec<String> {
    let mut anak: HashMap<&str, Vec<&str>> = HashMap::new();
    for u in semua {
        if let Some(i) = &u.induk_id {
            anak.entry(i.as_str()).or_default().push(u.id.as_str());
        }
    }
    let mut hasil = vec![akar.to_string()];
    let mut i = 0;
    while i < hasil.len() {
        if let Some(cs) = anak.get(hasil[i].as_str()) {
            for c in cs {
                if !hasil.iter().any(|h| h == c) {
                    hasil.push(c.to_string());
                }
            }
        }
        i += 1;
    }
    hasil
}

pub async fn lihat(l: &Layanan, k: &Konteks, instansi_id: &str, id: &str) -> Hasil<UnitKerja> {
    k.boleh_baca(instansi_id)?;
    store::organisasi::unit(l.pool(), instansi_id, id)
        .await?
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("Unit kerja tidak ditemukan.", "Unit not found.").into())
        })
}

async fn periksa(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    id: Option<&str>,
    m: &MasukanUnit,
) -> Hasil<()> {
    let mut f = GalatKolom::default();
    {
        use crate::validasi::{
            JenisTeks::*, MAKS_ID, MAKS_NAMA, MAKS_SINGKAT, periksa, periksa_opsional,
        };
        let b = k.bahasa;
        periksa(&mut f, b, "nama", &m.nama, MAKS_NAMA, Nama);
        periksa_opsional(
            &mut f,
            b,
            "singkatan",
            m.singkatan.as_deref(),
            MAKS_SINGKAT,
            Nama,
        );
        periksa(&mut f, b, "jenis", &m.jenis, MAKS_ID, Baris);
        periksa_opsional(&mut f, b, "induk_id", m.induk_id.as_deref(), MAKS_ID, Baris);
        periksa_opsional(
            &mut f,
            b,
            "berlaku_mulai",
            m.berlaku_mulai.as_deref(),
            10,
            Baris,
        );
        periksa_opsional(
            &mut f,
            b,
            "berlaku_sampai",
            m.berlaku_sampai.as_deref(),
            10,
            Baris,
        );
    }
    if m.nama.trim().is_empty() || m.nama.len() > 200 {
        f.tambah(
            "nama",
            k.t(
                "Nama unit wajib (maksimal 200 karakter).",
                "A unit name is required (at most 200 characters).",
            ),
        );
    }
    if !referensi::JENIS_UNIT.contains(&m.jenis.as_str()) {
        f.tambah(
            "jenis",
            k.t("Jenis unit tidak dikenal.", "Unknown unit type."),
        );
    }
    for (kolom, nilai) in [
        ("berlaku_mulai", &m.berlaku_mulai),
        ("berlaku_sampai", &m.berlaku_sampai),
    ] {
        if let Some(t) = nilai.as_ref().filter(|t| !t.is_empty()) {
            if !tanggal_sah(t) {
                f.tambah(
                    kolom,
                    k.t(
                        "Tanggal harus berformat TTTT-BB-HH.",
                        "Dates must be YYYY-MM-DD.",
                    ),
                );
            }
        }
    }
    let mulai = m.berlaku_mulai.as_deref().filter(|t| tanggal_sah(t));
    let sampai = m.berlaku_sampai.as_deref().filter(|t| tanggal_sah(t));
    if let (Some(mulai), Some(sampai)) = (mulai, sampai) {
        // Tanggal akhir bersifat eksklusif: unit berlaku mulai ≤ hari < sampai.
        if sampai <= mulai {
            f.tambah(
                "berlaku_sampai",
                k.t(
                    "Tanggal akhir harus sesudah tanggal mulai.",
                    "The end date must come after the start date.",
                ),
            );
        }
    }
    if let Some(induk) = m.induk_id.as_ref().filter(|s| !s.is_empty()) {
        let semua = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
        if !semua.iter().any(|u| &u.id == induk) {
            f.tambah(
                "induk_id",
                k.t(
                    "Unit induk tidak ditemukan di instansi ini.",
                    "Parent unit not found in this agency.",
                ),
            );
        } else if let Some(id) = id {
            if dengan_turunan(&semua, id).iter().any(|t| t == induk) {
                f.tambah(
                    "induk_id",
                    k.t(
                        "Unit tidak boleh berinduk pada dirinya atau turunannya.",
                        "A unit cannot sit under itself or its descendants.",
                    ),
                );
            }
        }
    }
    f.jadi_galat(k.t(
        "Periksa kembali isian unit kerja.",
        "Please check the unit fields.",
    ))
}

pub async fn buat(l: &Layanan, k: &Konteks, instansi_id: &str, m: MasukanUnit) -> Hasil<UnitKerja> {
    k.boleh_kelola(instansi_id)?;
    periksa(l, k, instansi_id, None, &m).await?;
    let waktu = store::sekarang();
    let u = UnitKerja {
        instansi_id: instansi_id.to_string(),
        id: store::id_baru(),
        induk_id: m.induk_id.filter(|s| !s.is_empty()),
        nama: m.nama.trim().to_string(),
        singkatan: m.singkatan.filter(|s| !s.is_empty()),
        jenis: m.jenis,
        urutan: m.urutan.unwrap_or(0),
        berlaku_mulai: m
            .berlaku_mulai
            .filter(|s| !s.is_empty())
            .unwrap_or_else(hari_ini),
        berlaku_sampai: m.berlaku_sampai.filter(|s| !s.is_empty()),
        versi: 1,
        dibuat_pada: waktu.clone(),
        diubah_pada: waktu,
    };
    let mut tx = l.db.mulai().await?;
    store::organisasi::sisipkan_unit(&mut tx, &u).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buat",
        "unit_kerja",
        &u.id,
        None,
        Some(&u),
    )
    .await?;
    tx.commit().await?;
    Ok(u)
}

pub async fn ubah(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    id: &str,
    m: MasukanUnit,
) -> Hasil<UnitKerja> {
    k.boleh_kelola(instansi_id)?;
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    let lama = lihat(l, k, instansi_id, id).await?;
    periksa(l, k, instansi_id, Some(id), &m).await?;
    let mut baru = lama.clone();
    baru.induk_id = m.induk_id.filter(|s| !s.is_empty());
    baru.nama = m.nama.trim().to_string();
    baru.singkatan = m.singkatan.filter(|s| !s.is_empty());
    baru.jenis = m.jenis;
    baru.urutan = m.urutan.unwrap_or(lama.urutan);
    if let Some(t) = m.berlaku_mulai.filter(|s| !s.is_empty()) {
        baru.berlaku_mulai = t;
    }
    baru.berlaku_sampai = m.berlaku_sampai.filter(|s| !s.is_empty());
    baru.versi = versi;
    baru.diubah_pada = store::sekarang();
    let mut tx = l.db.mulai().await?;
    if !store::organisasi::ubah_unit(&mut tx, &baru).await? {
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
        instansi_id,
        "ubah",
        "unit_kerja",
        id,
        Some(&lama),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}

#[cfg(test)]
mod tes {
    use super::*;
    fn u(id: &str, induk: Option<&str>) -> UnitKerja {
        UnitKerja {
            instansi_id: "i".into(),
            id: id.into(),
            induk_id: induk.map(str::to_string),
            nama: id.into(),
            singkatan: None,
            jenis: "bidang".into(),
            urutan: 0,
            berlaku_mulai: "2020-01-01".into(),
            berlaku_sampai: None,
            versi: 1,
            dibuat_pada: String::new(),
            diubah_pada: String::new(),
        }
    }
    #[test]
    fn pohon_kedalaman_dulu_dan_turunan() {
        let semua = vec![
            u("a", None),
            u("b", Some("a")),
            u("c", Some("b")),
            u("d", Some("a")),
            u("e", None),
        ];
        let p = ratakan(semua.clone(), &HashMap::new());
        let urut: Vec<(usize, &str)> = p
            .iter()
            .map(|s| (s.kedalaman, s.unit.id.as_str()))
            .collect();
        assert_eq!(urut, vec![(0, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e")]);
        let mut t = dengan_turunan(&semua, "a");
        t.sort();
        assert_eq!(t, vec!["a", "b", "c", "d"]);
        assert_eq!(dengan_turunan(&semua, "c"), vec!["c"]);
    }
}
