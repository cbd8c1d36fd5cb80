//! Tampilan wilayah: agregat anggaran setiap instansi di satu provinsi
//! (pagu, realisasi, penyerapan, capaian tertimbang, tanda, program tidak
//! selaras) — tanpa baris sub kegiatan, unit atau rincian instansi lain.

use super::{TanyaNilaiUang, periksa_tahun};
use crate::{Hasil, Konteks, Layanan};
use serde::Serialize;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BarisWilayah {
    pub instansi_id: String,
    pub nama: String,
    pub kode_wilayah: Option<String>,
    /// Revisi yang ditetapkan (null: belum ada rencana yang ditetapkan).
    pub revisi: Option<i64>,
    pub pagu: String,
    pub realisasi_anggaran: String,
    pub penyerapan_persen: Option<String>,
    pub capaian_tertimbang_persen: Option<String>,
    pub jumlah_subkegiatan: usize,
    pub jumlah_bertanda: usize,
    pub program_tidak_selaras: usize,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RekapWilayah {
    pub kode: String,
    pub tahun: i64,
    pub bulan: Option<u8>,
    pub instansi: Vec<BarisWilayah>,
}

/// Agregat per instansi di wilayah `kode` (provinsi dan kabupaten/kotanya).
pub async fn rekap_wilayah(
    l: &Layanan,
    k: &Konteks,
    kode: &str,
    tahun: i64,
    bulan: Option<u8>,
) -> Hasil<RekapWilayah> {
    crate::kebijakan::wajib_tampilan_wilayah(l, k, kode).await?;
    periksa_tahun(k, tahun)?;
    let awalan = format!("{kode}.");
    let mut semua: Vec<_> = store::organisasi::semua_instansi(l.pool())
        .await?
        .into_iter()
        .filter(|i| {
            i.kode_wilayah
                .as_deref()
                .is_some_and(|w| w == kode || w.starts_with(&awalan))
        })
        .collect();
    semua.sort_by(|a, b| {
        a.kode_wilayah
            .cmp(&b.kode_wilayah)
            .then(a.nama.cmp(&b.nama))
    });
    // Kebijakan sudah diputuskan di atas; hitungan per instansi memakai
    // konteks sistem dan hanya agregatnya yang keluar dari fungsi ini.
    let sistem = Konteks {
        bahasa: k.bahasa,
        ..Konteks::sistem()
    };
    let t = TanyaNilaiUang {
        bulan,
        limit: Some(1),
        ..Default::default()
    };
    let mut instansi = Vec::new();
    for i in semua {
        let nu = super::nilai_uang(l, &sistem, &i.id, tahun, &t).await;
        let ks = super::keselarasan(l, &sistem, &i.id, tahun, None).await;
        let (revisi, r) = match nu {
            Ok(nu) => (Some(nu.revisi), Some(nu.ringkasan)),
            Err(crate::Galat::TidakDitemukan(_)) => (None, None),
            Err(g) => return Err(g),
        };
        let tidak = ks
            .map(|x| x.program.iter().filter(|p| !p.selaras).count())
            .unwrap_or(0);
        instansi.push(BarisWilayah {
            instansi_id: i.id,
            nama: i.nama,
            kode_wilayah: i.kode_wilayah,
            revisi,
            pagu: r
                .as_ref()
                .map(|x| x.pagu.clone())
                .unwrap_or_else(|| "0.00".into()),
            realisasi_anggaran: r
                .as_ref()
                .map(|x| x.realisasi_anggaran.clone())
                .unwrap_or_else(|| "0.00".into()),
            penyerapan_persen: r.as_ref().and_then(|x| x.penyerapan_persen.clone()),
            capaian_tertimbang_persen: r.as_ref().and_then(|x| x.capaian_tertimbang_persen.clone()),
            jumlah_subkegiatan: r.as_ref().map(|x| x.jumlah_subkegiatan).unwrap_or(0),
            jumlah_bertanda: r.as_ref().map(|x| x.jumlah_bertanda).unwrap_or(0),
            program_tidak_selaras: tidak,
        });
    }
    Ok(RekapWilayah {
        kode: kode.into(),
        tahun,
        bulan,
        instansi,
    })
}

/// Rekap nasional (super admin): agregat nilai uang setiap instansi yang
/// punya rencana ditetapkan tahun itu. Setiap instansi dihitung terpisah
/// (kuerinya satu shard di Citus), paling banyak separuh pool bersamaan.
/// Tanpa keselarasan (`program_tidak_selaras` = 0): itu per wilayah.
pub async fn rekap_nasional(
    l: &Layanan,
    k: &Konteks,
    tahun: i64,
    bulan: Option<u8>,
) -> Hasil<RekapWilayah> {
    k.wajib_super_admin()?;
    periksa_tahun(k, tahun)?;
    let semua = store::organisasi::semua_instansi(l.pool()).await?;
    let sejajar = (l.pool().options().get_max_connections() as usize / 2).max(1);
    let izin = std::sync::Arc::new(tokio::sync::Semaphore::new(sejajar));
    let mut tugas = tokio::task::JoinSet::new();
    for (urut, i) in semua.into_iter().enumerate() {
        let (l, izin) = (l.clone(), izin.clone());
        let sistem = Konteks {
            bahasa: k.bahasa,
            ..Konteks::sistem()
        };
        tugas.spawn(async move {
            let _izin = izin.acquire_owned().await;
            let t = TanyaNilaiUang {
                bulan,
                limit: Some(1),
                ..Default::default()
            };
            let hasil = super::nilai_uang(&l, &sistem, &i.id, tahun, &t).await;
            (urut, i, hasil)
        });
    }
    let mut baris = Vec::new();
    while let Some(x) = tugas.join_next().await {
        let (urut, i, hasil) = x.map_err(|e| crate::Galat::Internal(e.to_string()))?;
        let r = match hasil {
            Ok(nu) => nu,
            Err(crate::Galat::TidakDitemukan(_)) => continue,
            Err(g) => return Err(g),
        };
        baris.push((
            urut,
            BarisWilayah {
                instansi_id: i.id,
                nama: i.nama,
                kode_wilayah: i.kode_wilayah,
                revisi: Some(r.revisi),
                pagu: r.ringkasan.pagu,
                realisasi_anggaran: r.ringkasan.realisasi_anggaran,
                penyerapan_persen: r.ringkasan.penyerapan_persen,
                capaian_tertimbang_persen: r.ringkasan.capaian_tertimbang_persen,
                jumlah_subkegiatan: r.ringkasan.jumlah_subkegiatan,
                jumlah_bertanda: r.ringkasan.jumlah_bertanda,
                program_tidak_selaras: 0,
            },
        ));
    }
    baris.sort_by_key(|(u, _)| *u);
    Ok(RekapWilayah {
        kode: String::new(),
        tahun,
        bulan,
        instansi: baris.into_iter().map(|(_, b)| b).collect(),
    })
}
