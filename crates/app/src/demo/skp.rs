//! SKP demo (isu 11): periode tahun kalender saat demo diisi dibuka untuk
//! Provinsi Maluku dan Kota Ambon lewat layanan yang sama dengan BKD; setiap
//! SKP mendapat RHK yang mengintervensi RHK pejabat penilainya (berjenjang
//! dari Kepala Dinas), indikator, realisasi TW I dan TW II yang
//! diverifikasi dengan umpan balik, rating kedua triwulan, predikat
//! organisasi "Baik" per kelompok kurva, dan TW I difinalkan.
//!
//! Satu kelompok sengaja melanggar kurva pada TW II: Seksi Perencanaan dan
//! Evaluasi Kesehatan Masyarakat (unit pegawai demo) — semua dinilai kecuali
//! pegawai demo, tanpa seorang pun "Butuh Perbaikan", padahal predikat
//! organisasinya "Baik". Login `penilai.kesmas` (kepala seksi, penilai pegawai
//! demo) dan `kabid.kesmas` (atasan penilai, menetapkan dan memfinalkan
//! kurva). Realisasi pegawai demo dikirim lewat layanan dengan foto; satu
//! entri TW II masih menunggu umpan balik.

use super::{NIP_PEGAWAI, SANDI_DEMO};
use crate::skp::periode::{MasukanPeriodeSkp, buka_periode, urut_induk_dulu};
use crate::{Aktor, Bahasa, Hasil, Konteks, Layanan, Peran};
use rules::permenpanrb_6_2022::{RatingKinerja, predikat_kinerja};
use rules::skp::{UnitDinilai, kelompok_kurva};
use std::collections::HashMap;
use store::skp::{EvaluasiSkp, IndikatorSkp, KurvaUnit, RealisasiSkp, Rhk, RiwayatLangkah, Skp};

const OLEH: &str = "demo";
/// Login demo SKP (sandi sama dengan login demo lain).
pub const LOGIN_PENILAI: &str = "penilai.kesmas";
pub const LOGIN_ATASAN_PENILAI: &str = "kabid.kesmas";

/// Tahun kalender di WIT (Maluku) saat ini.
fn tahun_ini() -> i64 {
    let wit = time::OffsetDateTime::now_utc()
        .to_offset(time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC));
    i64::from(wit.year())
}

/// Mengisi SKP demo sekali (false bila periode tahun ini sudah dibuka).
pub async fn isi_skp(l: &Layanan) -> Hasil<bool> {
    let pool = l.pool();
    let semua = store::organisasi::semua_instansi(pool).await?;
    let cari = |kode: &str| {
        semua
            .iter()
            .find(|i| i.kode_wilayah.as_deref() == Some(kode))
            .cloned()
    };
    let (Some(maluku), Some(ambon)) = (cari("81"), cari("81.71")) else {
        return Ok(false);
    };
    let tahun = tahun_ini();
    if store::skp::periode(pool, &maluku.id, tahun)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    let k = Konteks::sistem();
    for iid in [&maluku.id, &ambon.id] {
        buka_periode(
            l,
            &k,
            iid,
            &MasukanPeriodeSkp {
                tahun,
                frekuensi: None,
                ambang_kurva: None,
            },
        )
        .await?;
    }
    let pegawai_demo = store::organisasi::pegawai_nip(pool, &maluku.id, NIP_PEGAWAI).await?;
    let akun = akun_kesmas(l, &maluku.id, pegawai_demo.as_ref()).await?;
    isi_instansi(
        l,
        &maluku.id,
        tahun,
        pegawai_demo.as_ref().map(|p| p.id.as_str()),
    )
    .await?;
    isi_instansi(l, &ambon.id, tahun, None).await?;
    if let (Some(p), Some((penilai, _))) = (pegawai_demo, akun) {
        realisasi_pegawai_demo(l, &maluku.id, tahun, &p.id, &penilai).await?;
    }
    Ok(true)
}

/// Akun untuk penilai pegawai demo dan atasannya; (pengguna penilai, pengguna atasan).
async fn akun_kesmas(
    l: &Layanan,
    iid: &str,
    pegawai_demo: Option<&store::organisasi::Pegawai>,
) -> Hasil<Option<(String, String)>> {
    let Some(p) = pegawai_demo else {
        return Ok(None);
    };
    let Some(kasi) = p.atasan_id.clone() else {
        return Ok(None);
    };
    let Some(kabid) = store::organisasi::atasan_dari(l.pool(), iid, &kasi).await? else {
        return Ok(None);
    };
    let mut id = Vec::new();
    for (login, pid) in [(LOGIN_PENILAI, kasi), (LOGIN_ATASAN_PENILAI, kabid)] {
        if let Some(ada) = store::akun::pengguna_untuk_masuk(l.pool(), login).await? {
            id.push(ada.id);
            continue;
        }
        let nama = store::organisasi::pegawai(l.pool(), iid, &pid)
            .await?
            .map(|x| x.nama)
            .unwrap_or_else(|| login.to_string());
        let a = crate::akun::buat_akun(
            l,
            &Konteks::sistem(),
            crate::akun::AkunBaru {
                instansi_id: iid.to_string(),
                username: login.to_string(),
                nama,
                sandi: SANDI_DEMO.to_string(),
                pegawai_id: Some(pid),
                peran: vec![Peran::Pegawai, Peran::PimpinanUnit],
            },
        )
        .await?;
        id.push(a.id);
    }
    Ok(Some((id[0].clone(), id[1].clone())))
}

/// RHK berjenjang, indikator, status, realisasi, rating dan kurva untuk satu instansi.
async fn isi_instansi(l: &Layanan, iid: &str, tahun: i64, pegawai_demo: Option<&str>) -> Hasil<()> {
    let pool = l.pool();
    let skp = store::skp::daftar_skp(pool, iid, tahun, None).await?;
    let pegawai: HashMap<String, store::organisasi::Pegawai> =
        store::organisasi::semua_pegawai(pool, iid)
            .await?
            .into_iter()
            .map(|p| (p.id.clone(), p))
            .collect();
    let jabatan: HashMap<String, store::organisasi::Jabatan> =
        store::organisasi::semua_jabatan(pool, iid)
            .await?
            .into_iter()
            .map(|j| (j.id.clone(), j))
            .collect();
    let unit = store::organisasi::semua_unit(pool, iid).await?;
    let nama_unit: HashMap<&str, &str> = unit
        .iter()
        .map(|u| (u.id.as_str(), u.nama.as_str()))
        .collect();
    let skp_pegawai: HashMap<&str, &Skp> = skp.iter().map(|s| (s.pegawai_id.as_str(), s)).collect();
    let w = store::sekarang();

    // RHK: satu RHK utama per SKP (dua untuk pimpinan), menaut RHK pertama penilainya.
    let mut rhk_pertama: HashMap<&str, String> = HashMap::new();
    for s in &skp {
        rhk_pertama.insert(s.id.as_str(), store::id_baru());
    }
    let mut rhk = Vec::new();
    let mut indikator = Vec::new();
    for s in &skp {
        let p = &pegawai[&s.pegawai_id];
        let jab = p.jabatan_id.as_ref().and_then(|j| jabatan.get(j));
        let nama_jab = jab.map(|j| j.nama.as_str()).unwrap_or("Pelaksana");
        let jenis_jab = jab.map(|j| j.jenis.as_str()).unwrap_or("pelaksana");
        let u = nama_unit.get(s.unit_id.as_str()).copied().unwrap_or("unit");
        let pimpinan = matches!(jenis_jab, "jpt" | "administrator" | "pengawas");
        let atasan_rhk = s
            .penilai_id
            .as_deref()
            .and_then(|pid| skp_pegawai.get(pid))
            .and_then(|sp| rhk_pertama.get(sp.id.as_str()).cloned());
        let (uraian, perspektif) = if jenis_jab == "jpt" && u.contains("Kesehatan") {
            (
                "Menurunnya prevalensi balita stunting di Provinsi Maluku".to_string(),
                Some("penerima_layanan".to_string()),
            )
        } else if jenis_jab == "jpt" {
            (
                format!("Meningkatnya kinerja layanan {u}"),
                Some("penerima_layanan".to_string()),
            )
        } else if pimpinan {
            (
                format!("Terlaksananya program dan kegiatan {u} sesuai rencana"),
                None,
            )
        } else if u.contains("Kesehatan Masyarakat") {
            (
                "Tersusunnya dokumen perencanaan dan evaluasi intervensi gizi spesifik".to_string(),
                None,
            )
        } else {
            (format!("Terselesaikannya tugas {nama_jab} pada {u}"), None)
        };
        let id1 = rhk_pertama[s.id.as_str()].clone();
        rhk.push(Rhk {
            instansi_id: iid.into(),
            id: id1.clone(),
            skp_id: s.id.clone(),
            jenis: "utama".into(),
            uraian,
            rhk_atasan_id: atasan_rhk.clone(),
            perspektif,
            sumber_pk: None,
            jam_beban: Some(if pimpinan { "700" } else { "900" }.into()),
            urutan: 0,
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        });
        let mut tambah_ind =
            |rhk_id: &str, aspek: &str, uraian: String, target: &str, satuan: &str, n: i64| {
                indikator.push(IndikatorSkp {
                    instansi_id: iid.into(),
                    id: store::id_baru(),
                    rhk_id: rhk_id.to_string(),
                    skp_id: s.id.clone(),
                    aspek: aspek.into(),
                    uraian,
                    target: target.into(),
                    satuan: satuan.into(),
                    urutan: n,
                });
            };
        tambah_ind(
            &id1,
            "kuantitas",
            "Jumlah laporan kegiatan yang diselesaikan".into(),
            "12",
            "laporan",
            0,
        );
        tambah_ind(
            &id1,
            "kualitas",
            "Persentase laporan yang diterima tanpa revisi".into(),
            "90",
            "%",
            1,
        );
        if pimpinan {
            let id2 = store::id_baru();
            rhk.push(Rhk {
                instansi_id: iid.into(),
                id: id2.clone(),
                skp_id: s.id.clone(),
                jenis: "utama".into(),
                uraian: format!("Terbinanya pegawai {u} dengan umpan balik berkala"),
                rhk_atasan_id: atasan_rhk,
                perspektif: None,
                sumber_pk: None,
                jam_beban: Some("300".into()),
                urutan: 1,
                versi: 1,
                dibuat_pada: w.clone(),
                diubah_pada: w.clone(),
            });
            tambah_ind(
                &id2,
                "waktu",
                "Bulan dengan umpan balik kepada bawahan".into(),
                "12",
                "bulan",
                0,
            );
        } else {
            let id2 = store::id_baru();
            rhk.push(Rhk {
                instansi_id: iid.into(),
                id: id2.clone(),
                skp_id: s.id.clone(),
                jenis: "tambahan".into(),
                uraian: "Terlaksananya tugas tambahan dari pimpinan".into(),
                rhk_atasan_id: None,
                perspektif: None,
                sumber_pk: None,
                jam_beban: Some("150".into()),
                urutan: 1,
                versi: 1,
                dibuat_pada: w.clone(),
                diubah_pada: w.clone(),
            });
            tambah_ind(
                &id2,
                "kuantitas",
                "Jumlah tugas tambahan diselesaikan".into(),
                "4",
                "tugas",
                0,
            );
        }
    }
    let rhk = urut_induk_dulu(rhk);

    // Status: sebagian besar disetujui; beberapa masih draf, diajukan, dikembalikan.
    let mut langkah = Vec::new();
    let mut status_lain = Vec::new();
    for (n, s) in skp.iter().enumerate() {
        let khusus = Some(s.pegawai_id.as_str()) == pegawai_demo;
        let st = if khusus {
            "disetujui"
        } else {
            match n % 40 {
                7 => "draf",
                13 => "diajukan",
                29 => "dikembalikan",
                _ => "disetujui",
            }
        };
        let mut catat = |dari: &str, ke: &str, lk: &str, catatan: Option<&str>, pada: String| {
            langkah.push(RiwayatLangkah {
                instansi_id: iid.into(),
                id: store::id_baru(),
                skp_id: s.id.clone(),
                langkah: lk.into(),
                dari: dari.into(),
                ke: ke.into(),
                pengguna_id: None,
                catatan: catatan.map(str::to_string),
                pada,
            });
        };
        if st != "draf" {
            catat(
                "draf",
                "diajukan",
                "ajukan",
                None,
                format!("{tahun}-01-10T01:00:00Z"),
            );
        }
        match st {
            "disetujui" => catat(
                "diajukan",
                "disetujui",
                "setujui",
                None,
                format!("{tahun}-01-15T01:00:00Z"),
            ),
            "dikembalikan" => catat(
                "diajukan",
                "dikembalikan",
                "kembalikan",
                Some("Target kualitas belum terukur; tambahkan indikator waktu."),
                format!("{tahun}-01-15T01:00:00Z"),
            ),
            _ => {}
        }
        if st != "disetujui" {
            status_lain.push((s.id.clone(), st.to_string()));
        }
    }

    // Realisasi TW I dan TW II (diverifikasi dengan umpan balik) untuk SKP yang disetujui.
    let disetujui: std::collections::HashSet<&str> = skp
        .iter()
        .filter(|s| !status_lain.iter().any(|(id, _)| id == &s.id))
        .map(|s| s.id.as_str())
        .collect();
    let mut realisasi = Vec::new();
    for i in &indikator {
        if !disetujui.contains(i.skp_id.as_str()) {
            continue;
        }
        let pemilik_demo = pegawai_demo
            .and_then(|p| skp_pegawai.get(p))
            .is_some_and(|s| s.id == i.skp_id);
        if pemilik_demo {
            continue; // dikirim lewat layanan, dengan foto
        }
        for (tw, bulan) in [(1, "04"), (2, "07")] {
            let nilai = match (i.satuan.as_str(), tw) {
                ("%", _) => "92".to_string(),
                (_, 1) => "3".to_string(),
                _ => "6".to_string(),
            };
            realisasi.push(RealisasiSkp {
                instansi_id: iid.into(),
                id: store::id_baru(),
                skp_id: i.skp_id.clone(),
                indikator_id: i.id.clone(),
                periode: format!("{tahun}-TW{tw}"),
                realisasi: nilai,
                catatan: Some("Sesuai rencana triwulan.".into()),
                bukti_id: None,
                tautan: Some(format!(
                    "https://kinerja.malukuprov.go.id/bukti/skp/{}/tw{tw}",
                    i.id
                )),
                kunci_klien: None,
                pengguna_id: OLEH.into(),
                status: "diverifikasi".into(),
                umpan_balik: Some("Sudah sesuai; pertahankan.".into()),
                umpan_balik_oleh: Some(OLEH.into()),
                umpan_balik_pada: Some(format!("{tahun}-{bulan}-12T01:00:00Z")),
                versi: 2,
                dibuat_pada: format!("{tahun}-{bulan}-05T01:00:00Z"),
            });
        }
    }

    // Kelompok kurva (unit kecil digabung ke induk) dan rating per kelompok.
    let mut jumlah: HashMap<&str, u64> = HashMap::new();
    for s in &skp {
        *jumlah.entry(s.unit_id.as_str()).or_default() += 1;
    }
    let dinilai: Vec<UnitDinilai> = unit
        .iter()
        .map(|u| UnitDinilai {
            unit_id: u.id.clone(),
            induk_id: u.induk_id.clone(),
            jumlah: jumlah.get(u.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    // Kelompok pelanggar: kelompok yang memuat unit pegawai demo.
    let unit_demo = pegawai_demo
        .and_then(|p| pegawai.get(p))
        .map(|p| p.unit_id.as_str());
    let kelompok = kelompok_kurva(&dinilai, crate::skp::periode::AMBANG_KURVA_BAWAAN as u64);
    let semua_pegawai: Vec<store::organisasi::Pegawai> = pegawai.values().cloned().collect();
    let semua_jabatan: Vec<store::organisasi::Jabatan> = jabatan.values().cloned().collect();
    let kepala: std::collections::HashSet<String> = unit
        .iter()
        .filter_map(|u| {
            crate::skp::evaluasi::pimpinan_dari(&semua_pegawai, &semua_jabatan, &u.id)
                .map(|p| p.id.clone())
        })
        .collect();
    let mut evaluasi = Vec::new();
    let mut kurva = Vec::new();
    use RatingKinerja::*;
    for g in &kelompok {
        let anggota: Vec<&Skp> = skp
            .iter()
            .filter(|s| g.anggota.iter().any(|a| a == &s.unit_id) && s.penilai_id.is_some())
            .collect();
        let langgar = unit_demo.is_some_and(|u| g.anggota.iter().any(|a| a == u));
        for (tw, final_) in [(1, true), (2, false)] {
            let periode = format!("{tahun}-TW{tw}");
            // TW II kelompok pelanggar: pegawai demo belum dinilai, tanpa "Butuh Perbaikan".
            let dinilai: Vec<&&Skp> = anggota
                .iter()
                .filter(|s| !(langgar && tw == 2 && Some(s.pegawai_id.as_str()) == pegawai_demo))
                .collect();
            // Pimpinan unit dinilai "sesuai ekspektasi" (= predikat organisasi
            // Baik, aturan pimpinan unit): ditaruh di blok tengah urutan.
            let (pimpinan_kel, lain): (Vec<&&Skp>, Vec<&&Skp>) = dinilai
                .into_iter()
                .partition(|s| kepala.contains(s.pegawai_id.as_str()));
            let n = (pimpinan_kel.len() + lain.len()) as u64;
            if n == 0 {
                continue;
            }
            let bp = if langgar && tw == 2 {
                0
            } else {
                (n * 15 / 100).max(1)
            };
            let baik = (n - bp).min(n * 7 / 10);
            let potong = (bp as usize).min(lain.len());
            let dinilai: Vec<&&Skp> = lain[..potong]
                .iter()
                .chain(pimpinan_kel.iter())
                .chain(lain[potong..].iter())
                .copied()
                .collect();
            for (i, s) in dinilai.iter().enumerate() {
                let i = i as u64;
                let (h, p) = if i < bp {
                    (DiBawahEkspektasi, SesuaiEkspektasi)
                } else if i < bp + baik {
                    (SesuaiEkspektasi, SesuaiEkspektasi)
                } else {
                    (DiAtasEkspektasi, DiAtasEkspektasi)
                };
                let h = if kepala.contains(s.pegawai_id.as_str()) {
                    SesuaiEkspektasi
                } else {
                    h
                };
                evaluasi.push(EvaluasiSkp {
                    instansi_id: iid.into(),
                    skp_id: s.id.clone(),
                    periode: periode.clone(),
                    rating_hasil: h.token().into(),
                    rating_perilaku: p.token().into(),
                    predikat: predikat_kinerja(h, p).token().into(),
                    catatan: None,
                    pengguna_id: Some(OLEH.into()),
                    versi: 1,
                    diubah_pada: w.clone(),
                });
            }
            kurva.push(KurvaUnit {
                instansi_id: iid.into(),
                periode: periode.clone(),
                unit_id: g.unit_id.clone(),
                predikat_organisasi: Some("baik".into()),
                difinalkan: i64::from(final_),
                alasan_pengecualian: None,
                pengguna_id: Some(OLEH.into()),
                versi: 1,
                diubah_pada: w.clone(),
            });
        }
    }

    let mut tx = l.db.mulai().await?;
    store::skp::sisipkan_rhk_banyak(&mut tx, &rhk).await?;
    store::skp::sisipkan_indikator_banyak(&mut tx, &indikator).await?;
    store::skp::atur_status_tahun(&mut tx, iid, tahun, "disetujui").await?;
    store::skp::atur_status_banyak(&mut tx, iid, &status_lain).await?;
    store::skp::sisipkan_langkah_banyak(&mut tx, &langkah).await?;
    store::skp::sisipkan_realisasi_banyak(&mut tx, &realisasi).await?;
    store::skp::sisipkan_evaluasi_banyak(&mut tx, &evaluasi).await?;
    for u in &kurva {
        store::skp::simpan_kurva_unit(&mut tx, u, None).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Realisasi pegawai demo lewat layanan (dengan foto), diverifikasi penilai;
/// satu entri TW II masih menunggu umpan balik.
async fn realisasi_pegawai_demo(
    l: &Layanan,
    iid: &str,
    tahun: i64,
    pegawai_id: &str,
    penilai_pengguna: &str,
) -> Hasil<()> {
    let pool = l.pool();
    let Some(s) = store::skp::skp_pegawai(pool, iid, tahun, pegawai_id).await? else {
        return Ok(());
    };
    let Some(pemilik) = store::akun::pengguna_untuk_masuk(pool, NIP_PEGAWAI).await? else {
        return Ok(());
    };
    let konteks = |pengguna_id: String, pegawai: Option<String>| {
        Konteks::dengan(
            Aktor {
                instansi_id: iid.into(),
                pengguna_id,
                username: "demo".into(),
                nama: "demo".into(),
                pegawai_id: pegawai,
                peran: vec![Peran::Pegawai],
                hanya_baca: false,
            },
            Bahasa::Id,
        )
    };
    let k_pemilik = konteks(pemilik.id.clone(), Some(pegawai_id.to_string()));
    let penilai_pegawai = s.penilai_id.clone();
    let k_penilai = konteks(penilai_pengguna.to_string(), penilai_pegawai);
    let ind = store::skp::indikator_skp(pool, iid, &s.id).await?;
    let foto = foto_posyandu()?;
    for (n, i) in ind.iter().enumerate() {
        for tw in [1, 2] {
            // Entri terakhir (TW II indikator pertama) dibiarkan menunggu umpan balik.
            let menunggu = tw == 2 && n == 0;
            let m = crate::skp::realisasi::MasukanRealisasi {
                indikator_id: i.id.clone(),
                periode: format!("{tahun}-TW{tw}"),
                realisasi: if i.satuan == "%" {
                    "95".into()
                } else {
                    format!("{}", 3 * tw)
                },
                catatan: if tw == 1 {
                    "Rekap intervensi gizi spesifik dari 12 puskesmas.".into()
                } else {
                    "Evaluasi pemberian makanan tambahan di posyandu Kota Ambon.".into()
                },
                tautan: String::new(),
                kunci_klien: String::new(),
            };
            let bukti = (n == 0).then(|| crate::bukti::BerkasMasuk {
                nama: format!("posyandu-tw{tw}.png"),
                isi: foto.clone(),
            });
            let r = crate::skp::realisasi::kirim(l, &k_pemilik, iid, &s.id, m, bukti).await?;
            if !menunggu {
                crate::skp::realisasi::umpan_balik(
                    l,
                    &k_penilai,
                    iid,
                    &s.id,
                    &r.id,
                    crate::skp::realisasi::MasukanUmpanBalik {
                        diterima: true,
                        umpan_balik: Some("Lengkap dan tepat waktu.".into()),
                        versi: Some(1),
                    },
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// Foto kecil (digambar di sini) sebagai bukti kegiatan posyandu.
fn foto_posyandu() -> Hasil<Vec<u8>> {
    let gambar = image::RgbImage::from_fn(240, 160, |x, y| {
        if y > 110 {
            image::Rgb([70, 130, 80])
        } else if (x / 30 + y / 30) % 2 == 0 {
            image::Rgb([240, 220, 180])
        } else {
            image::Rgb([200, 120, 90])
        }
    });
    let mut isi = Vec::new();
    gambar
        .write_to(&mut std::io::Cursor::new(&mut isi), image::ImageFormat::Png)
        .map_err(|e| crate::Galat::Internal(format!("demo foto: {e}")))?;
    Ok(isi)
}
