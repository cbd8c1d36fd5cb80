//! Data sintetis untuk tolok ukur inovasi (docs/tolok-ukur.md, bagian
//! "Inovasi"): N inovasi yang dirakit dari 200 inovasi LAN (judul dan isi
//! dari dua inovasi sumber yang berbeda, kata dasarnya dirakit dari kata dasar
//! sumbernya — kosakata dan sebaran kata tetap bahasa Indonesia sungguhan), dan
//! satu kompetisi dengan E entri × J juri yang semuanya sudah menilai.

use crate::kompetisi::{self as kp, MasukanKompetisi, MasukanTahap};
use crate::{Aktor, Bahasa, Galat, Hasil, Konteks, Layanan, Peran};
use serde::Serialize;
use std::collections::BTreeMap;
use store::kompetisi::{Entri, Penilaian};

/// Membangkitkan `n` inovasi sintetis (id `sintetis-…`); mengembalikan banyaknya.
pub async fn isi_skala_inovasi(l: &Layanan, n: usize) -> Hasil<usize> {
    crate::inovasi::isi_repositori_bila_kosong(l).await?;
    let mut sumber: Vec<store::inovasi::Inovasi> = Vec::new();
    for baris in crate::inovasi::data_terbuka(l, "", 1000).await? {
        if baris.id.starts_with("lan-")
            && let Some(i) = store::inovasi::inovasi(l.pool(), &baris.id).await?
        {
            sumber.push(i);
        }
    }
    if sumber.is_empty() {
        return Err(Galat::Internal("repositori LAN kosong".into()));
    }
    let wilayah: Vec<String> = store::wilayah::semua(l.pool())
        .await?
        .into_iter()
        .map(|w| w.kode)
        .collect();
    let w = store::sekarang();
    let mut dibuat = 0;
    let mut potong = Vec::with_capacity(1000);
    for i in 0..n {
        let a = &sumber[i % sumber.len()];
        let b = &sumber[(i * 7 + 3) % sumber.len()];
        let kata_b: Vec<&str> = b.judul.split_whitespace().collect();
        let tambah = kata_b[i % kata_b.len().max(1)];
        let dasar_b: Vec<&str> = b.judul_cari.split(' ').collect();
        let isi_a: Vec<&str> = a.isi_cari.split(' ').collect();
        let isi_b: Vec<&str> = b.isi_cari.split(' ').collect();
        let mut isi_cari: Vec<&str> = isi_a[..isi_a.len() / 2].to_vec();
        isi_cari.extend_from_slice(&isi_b[isi_b.len() / 2..]);
        let solusi = format!(
            "{} {}",
            a.solusi
                .as_deref()
                .unwrap_or("")
                .chars()
                .take(600)
                .collect::<String>(),
            b.solusi
                .as_deref()
                .unwrap_or("")
                .chars()
                .skip(600)
                .take(600)
                .collect::<String>()
        );
        let mut x = a.clone();
        x.id = format!("sintetis-{i:06}");
        x.judul = format!("{} {}", a.judul, tambah);
        x.judul_cari = format!("{} {}", a.judul_cari, dasar_b[i % dasar_b.len().max(1)]);
        x.isi_cari = isi_cari.join(" ");
        x.ringkasan = crate::inovasi::ringkas(&solusi, 280);
        x.solusi = Some(solusi);
        x.kode_wilayah = Some(wilayah[(i * 13) % wilayah.len()].clone());
        x.tahun = Some(2005 + (i % 22) as i64);
        x.sumber = "sintetis (tolok ukur)".into();
        x.dibuat_pada = w.clone();
        x.diubah_pada = w.clone();
        potong.push(x);
        if potong.len() == 1000 {
            crate::inovasi::simpan_banyak(l, &potong).await?;
            dibuat += potong.len();
            potong.clear();
        }
    }
    if !potong.is_empty() {
        crate::inovasi::simpan_banyak(l, &potong).await?;
        dibuat += potong.len();
    }
    Ok(dibuat)
}

#[derive(Clone, Debug, Serialize)]
pub struct RingkasSkalaKompetisi {
    pub entri: usize,
    pub juri: usize,
    pub penilaian: usize,
    /// Menutup tahap penilaian lewat layanan: baca, peringkat per kelompok, tulis hasil.
    pub tutup_ms: u128,
    /// Aturan `peringkat` murni atas masukan yang sama (satu kelompok).
    pub aturan_ms: u128,
    /// Penugasan juri murni (`tugaskan_juri`) untuk entri × juri ini.
    pub penugasan_ms: u128,
    pub lolos: usize,
    pub seri: usize,
}

/// Satu kompetisi dengan `entri` entri (dua kelompok) × `juri` juri yang
/// semuanya sudah menilai di tahap penilaian yang buka; lalu tahap itu
/// ditutup lewat layanan dan diukur.
pub async fn isi_skala_kompetisi(
    l: &Layanan,
    entri: usize,
    juri: usize,
) -> Hasil<RingkasSkalaKompetisi> {
    let instansi = store::organisasi::semua_instansi(l.pool()).await?;
    let penyelenggara = instansi.first().cloned().ok_or_else(|| {
        Galat::Internal("tidak ada instansi; jalankan --demo atau --scale dulu".into())
    })?;
    let buat_akun = |username: String, peran: Peran| crate::akun::AkunBaru {
        instansi_id: penyelenggara.id.clone(),
        username,
        nama: "Tolok ukur".into(),
        sandi: "sandi-tolok-ukur-inovasi".into(),
        pegawai_id: None,
        peran: vec![peran],
    };
    let akhiran = &store::id_baru()[24..];
    let op = crate::akun::buat_akun(
        l,
        &Konteks::sistem(),
        buat_akun(format!("bench.op.{akhiran}"), Peran::OperatorInovasi),
    )
    .await?;
    let k = Konteks::dengan(
        Aktor {
            instansi_id: penyelenggara.id.clone(),
            pengguna_id: op.id.clone(),
            username: op.username.clone(),
            nama: op.nama.clone(),
            pegawai_id: None,
            peran: vec![Peran::OperatorInovasi],
            hanya_baca: false,
        },
        Bahasa::Id,
    );
    let mut juri_id = Vec::new();
    for j in 0..juri {
        let a = crate::akun::buat_akun(
            l,
            &Konteks::sistem(),
            buat_akun(format!("bench.juri{j}.{akhiran}"), Peran::Penilai),
        )
        .await?;
        juri_id.push(a);
    }
    let t = |jenis: &str, nama: &str| MasukanTahap {
        jenis: jenis.into(),
        nama: nama.into(),
        mulai: "2026-01-01".into(),
        selesai: "2026-12-31".into(),
        ..Default::default()
    };
    let mut nilai = t("penilaian", "Penilaian proposal");
    nilai.n_lolos = Some(99);
    nilai.nilai_minimum = Some("85".into());
    nilai.min_juri = Some(juri as i64);
    nilai.kriteria = kp::rubrik_proposal();
    let x = kp::buat(
        l,
        &k,
        MasukanKompetisi {
            nama: format!("Tolok ukur {entri} entri {akhiran}"),
            tahun: 2026,
            tanggal_acuan: "2026-06-30".into(),
            tahap: vec![
                t("pendaftaran", "Pendaftaran"),
                nilai,
                t("penetapan", "Penetapan"),
            ],
            ..Default::default()
        },
    )
    .await?;
    let kid = x.kompetisi.id.clone();
    for (j, a) in juri_id.iter().enumerate() {
        crate::kompetisi::juri::tambah(
            l,
            &k,
            &kid,
            crate::kompetisi::juri::MasukanJuri {
                tahap: Vec::new(),
                username: a.username.clone(),
                afiliasi: format!("Universitas {j}"),
                eksternal: true,
            },
        )
        .await?;
    }
    let w = store::sekarang();
    let entri_baris: Vec<Entri> = (0..entri)
        .map(|i| {
            // Satu instansi peserta (pembuat entri = operator tolok ukur,
            // penerima pemberitahuan hasil); juri eksternal tanpa konflik.
            let ins = &penyelenggara;
            Entri {
                id: format!("{kid}-e{i:05}"),
                kompetisi_id: kid.clone(),
                kelompok: if i % 5 == 0 {
                    "replikasi".into()
                } else {
                    "umum".into()
                },
                instansi_id: ins.id.clone(),
                kode_wilayah: ins.kode_wilayah.clone(),
                judul: format!("Inovasi sintetis {i}"),
                judul_kunci: format!("inovasi sintetis {i}"),
                inovasi_id: None,
                asal_inovasi_id: None,
                tanggal_implementasi: Some("2024-01-01".into()),
                isi: "{}".into(),
                video_url: None,
                boleh_direplikasi: 1,
                status: "diajukan".into(),
                tahap: 2,
                diajukan_pada: Some(w.clone()),
                pembuat_id: op.id.clone(),
                versi: 1,
                dibuat_pada: w.clone(),
                diubah_pada: w.clone(),
            }
        })
        .collect();
    let kriteria = kp::rubrik_proposal();
    let mut penilaian = Vec::with_capacity(entri * juri);
    for (i, e) in entri_baris.iter().enumerate() {
        for (j, a) in juri_id.iter().enumerate() {
            // Skor 70–100 yang berulang: seri di banyak tempat, juga di batas.
            let skor: BTreeMap<String, String> = kriteria
                .iter()
                .enumerate()
                .map(|(c, kr)| {
                    (
                        kr.kode.clone(),
                        (70 + (i * 7 + j * 3 + c * 5) % 31).to_string(),
                    )
                })
                .collect();
            penilaian.push(Penilaian {
                kompetisi_id: kid.clone(),
                tahap: 2,
                entri_id: e.id.clone(),
                juri_id: a.id.clone(),
                skor: Some(serde_json::to_string(&skor).unwrap_or_default()),
                catatan: None,
                dinilai_pada: Some(w.clone()),
                versi: 2,
                dibuat_pada: w.clone(),
            });
        }
    }
    kp::buka_tahap(l, &k, &kid, 1).await?;
    crate::kompetisi::hasil::tutup_tahap(l, &k, &kid, 1, Default::default()).await?;
    {
        let mut tx = l.db.mulai().await?;
        store::kompetisi::sisipkan_entri_banyak(&mut tx, &entri_baris).await?;
        store::kompetisi::tugaskan(&mut tx, &penilaian).await?;
        tx.commit().await?;
    }
    kp::buka_tahap(l, &k, &kid, 2).await?;

    // Aturan murni atas masukan berukuran sama (satu kelompok, semua entri).
    let masukan = rules::inovasi::MasukanPeringkat {
        n: 99,
        nilai_minimum: rust_decimal::Decimal::from(85),
        kriteria: kriteria
            .iter()
            .map(|c| rules::inovasi::KriteriaBobot {
                kode: c.kode.clone(),
                bobot: kp::desimal_0_100(&c.bobot).unwrap_or_default(),
            })
            .collect(),
        entri: entri_baris
            .iter()
            .map(|e| rules::inovasi::EntriDinilai {
                id: e.id.clone(),
                nilai: penilaian
                    .iter()
                    .filter(|p| p.entri_id == e.id)
                    .map(|p| rules::inovasi::NilaiJuri {
                        juri: p.juri_id.clone(),
                        skor: serde_json::from_str::<BTreeMap<String, String>>(
                            p.skor.as_deref().unwrap_or("{}"),
                        )
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|(k, v)| kp::desimal_0_100(&v).map(|d| (k, d)))
                        .collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mulai = std::time::Instant::now();
    rules::inovasi::peringkat(&masukan).map_err(|g| Galat::Internal(g.pesan(Bahasa::Id)))?;
    let aturan_ms = mulai.elapsed().as_millis();
    let e_tugas: Vec<rules::inovasi::EntriTugas> = entri_baris
        .iter()
        .map(|e| rules::inovasi::EntriTugas {
            id: e.id.clone(),
            instansi_id: e.instansi_id.clone(),
            wilayah: e.kode_wilayah.clone(),
        })
        .collect();
    let j_tugas: Vec<rules::inovasi::JuriTugas> = juri_id
        .iter()
        .map(|a| rules::inovasi::JuriTugas {
            id: a.id.clone(),
            instansi_id: None,
            wilayah: None,
            konflik: Default::default(),
        })
        .collect();
    let mulai = std::time::Instant::now();
    rules::inovasi::tugaskan_juri(&e_tugas, &j_tugas, &[], juri);
    let penugasan_ms = mulai.elapsed().as_millis();

    let mulai = std::time::Instant::now();
    let r = crate::kompetisi::hasil::tutup_tahap(l, &k, &kid, 2, Default::default()).await?;
    let tutup_ms = mulai.elapsed().as_millis();
    Ok(RingkasSkalaKompetisi {
        entri,
        juri,
        penilaian: penilaian.len(),
        tutup_ms,
        aturan_ms,
        penugasan_ms,
        lolos: r.lolos,
        seri: r.seri,
    })
}
