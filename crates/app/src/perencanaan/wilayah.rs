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

impl BarisWilayah {
    /// Baris satu instansi dari ringkasan nilai uangnya (`None`: belum ada
    /// rencana yang ditetapkan, semua nol).
    pub fn baru(
        i: store::organisasi::Instansi,
        revisi: Option<i64>,
        ringkasan: Option<super::RingkasanNilaiUang>,
        program_tidak_selaras: usize,
    ) -> BarisWilayah {
        let r = ringkasan.unwrap_or_else(|| {
            super::nilai_uang::Penjumlah::baru(rust_decimal::Decimal::ZERO).ringkasan()
        });
        BarisWilayah {
            instansi_id: i.id,
            nama: i.nama,
            kode_wilayah: i.kode_wilayah,
            revisi,
            pagu: r.pagu,
            realisasi_anggaran: r.realisasi_anggaran,
            penyerapan_persen: r.penyerapan_persen,
            capaian_tertimbang_persen: r.capaian_tertimbang_persen,
            jumlah_subkegiatan: r.jumlah_subkegiatan,
            jumlah_bertanda: r.jumlah_bertanda,
            program_tidak_selaras,
        }
    }
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
        instansi.push(BarisWilayah::baru(i, revisi, r, tidak));
    }
    Ok(RekapWilayah {
        kode: kode.into(),
        tahun,
        bulan,
        instansi,
    })
}

/// Rekap nasional (super admin): agregat nilai uang setiap instansi yang
/// punya rencana ditetapkan tahun itu, dengan aturan (`hitung_indikator`)
/// dan penjumlah (`Penjumlah`) yang sama dengan halaman nilai uang instansi.
/// Setiap kueri meliput satu potongan instansi dan mengalirkan satu baris
/// ringkas per sub kegiatan (indikator utama, realisasi sampai bulan itu,
/// keluaran terakhir) ke aturan, tanpa menampung baris, teks atau JSON per
/// instansi (docs/tolok-ukur.md). Tanpa keselarasan
/// (`program_tidak_selaras` = 0): itu per wilayah.
pub async fn rekap_nasional(
    l: &Layanan,
    k: &Konteks,
    tahun: i64,
    bulan: Option<u8>,
) -> Hasil<RekapWilayah> {
    use super::nilai_uang::{MasukanIndikator, Penjumlah, hitung_indikator};
    use rust_decimal::Decimal;
    use std::collections::HashMap;
    k.wajib_super_admin()?;
    periksa_tahun(k, tahun)?;
    super::periksa_bulan(k, bulan)?;
    let pool = l.pool();
    let (semua, revisi, konfigurasi) = tokio::try_join!(
        store::organisasi::semua_instansi(pool),
        store::perencanaan::revisi_ditetapkan_semua(pool, tahun),
        store::perencanaan::konfigurasi_anggaran_semua(pool),
    )?;
    let revisi: HashMap<String, i64> = revisi.into_iter().collect();
    // Ambang per instansi; yang tidak menyimpan konfigurasi memakai bawaan
    // (bagian nilai uang bawaan sama untuk pemda dan K/L).
    let mut ambang: HashMap<String, rules::anggaran::AmbangNilaiUang> = HashMap::new();
    for (iid, isi) in konfigurasi {
        let konf: rules::anggaran::KonfigurasiAnggaran =
            serde_json::from_str(&isi).map_err(|e| {
                crate::Galat::Internal(format!("konfigurasi anggaran tersimpan rusak: {e}"))
            })?;
        ambang.insert(iid, konf.nilai_uang);
    }
    let ambang = std::sync::Arc::new(ambang);
    // Bulan berjalan bergantung pada zona waktu instansi (tanpa `bulan`).
    let mut per_bulan: std::collections::BTreeMap<u8, Vec<String>> = Default::default();
    for i in semua.iter().filter(|i| revisi.contains_key(&i.id)) {
        let b = match bulan {
            Some(b) => b,
            None => super::bulan_dari_hari(&crate::organisasi::hari_ini_zona(&i.zona_waktu), tahun),
        };
        per_bulan.entry(b).or_default().push(i.id.clone());
    }
    // Potongan instansi, tiga kueri bersamaan: basis data sibuk di dua inti
    // sementara baris potongan lain dihitung di sini (docs/tolok-ukur.md).
    let izin = std::sync::Arc::new(tokio::sync::Semaphore::new(3));
    let mut tugas = tokio::task::JoinSet::new();
    for (b, ids) in per_bulan {
        for potong in ids.chunks(store::perencanaan::INSTANSI_PER_REKAP) {
            let (l, izin, ambang, potong) =
                (l.clone(), izin.clone(), ambang.clone(), potong.to_vec());
            tugas.spawn(async move {
                let _izin = izin.acquire_owned().await;
                let ekspektasi = Decimal::from(b) * Decimal::ONE_HUNDRED / Decimal::from(12);
                let bawaan = rules::anggaran::AmbangNilaiUang::default();
                let mut penjumlah: HashMap<String, Penjumlah> = HashMap::new();
                store::perencanaan::alirkan_subkegiatan_rekap(
                    l.pool(),
                    tahun,
                    i64::from(b),
                    (i64::from(b) + 2) / 3,
                    &potong,
                    |s| {
                        let pagu = super::rupiah(s.pagu_sen.unwrap_or(0));
                        let real = super::rupiah(s.realisasi_sen);
                        let hasil = s.ada_indikator.then(|| {
                            hitung_indikator(
                                &MasukanIndikator {
                                    pagu,
                                    realisasi_anggaran: real,
                                    target: s.target.as_deref(),
                                    polaritas: s.polaritas.as_deref(),
                                    baseline: s.baseline.as_deref(),
                                    realisasi_keluaran: s.realisasi_keluaran.as_deref(),
                                    ada_bukti: s.ada_bukti,
                                    bulan: b,
                                },
                                ambang.get(&s.instansi_id).unwrap_or(&bawaan),
                            )
                        });
                        let utama = hasil.as_ref().and_then(|h| h.as_ref().ok());
                        let p = match penjumlah.get_mut(&s.instansi_id) {
                            Some(p) => p,
                            None => penjumlah
                                .entry(s.instansi_id.clone())
                                .or_insert_with(|| Penjumlah::baru(ekspektasi)),
                        };
                        p.tambah(
                            pagu,
                            real,
                            rules::pmk_22_2021::penyerapan(real, pagu).ok(),
                            utama,
                        );
                    },
                )
                .await?;
                Ok::<_, crate::Galat>(penjumlah)
            });
        }
    }
    let mut penjumlah: HashMap<String, Penjumlah> = HashMap::new();
    while let Some(x) = tugas.join_next().await {
        penjumlah.extend(x.map_err(|e| crate::Galat::Internal(e.to_string()))??);
    }
    let mut instansi = Vec::new();
    for i in semua {
        let Some(rev) = revisi.get(&i.id) else {
            continue;
        };
        let r = penjumlah.remove(&i.id).map(Penjumlah::ringkasan);
        instansi.push(BarisWilayah::baru(i, Some(*rev), r, 0));
    }
    Ok(RekapWilayah {
        kode: String::new(),
        tahun,
        bulan,
        instansi,
    })
}
