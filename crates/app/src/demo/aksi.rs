//! Demo aksi perubahan (isu 13): tiga angkatan PKN II/PKA yang
//! diselenggarakan BPSDM Provinsi Maluku, peserta dari provinsi dan 11
//! kabupaten/kotanya (pemerintah kabupaten/kota yang belum ada dibuat kecil),
//! proyek di setiap status menurut tanggal hari ini, tonggak terlambat yang
//! sudah memicu pengingat. Login demo `pegawai` adalah alumni; login
//! `mentor` membimbing sebagian (bukan semua) peserta.
//!
//! Idempoten: tidak melakukan apa pun bila provinsi demo tidak ada atau
//! sudah punya angkatan (juga untuk basis data demo lama).

use super::pembangkit::Pembangkit;
use super::{NIP_MENTOR, NIP_PEGAWAI, data, instansi_baru};
use crate::{Hasil, Layanan};
use rules::aksi_perubahan::{StatusAksi, teks_tanggal};
use std::collections::HashSet;
use store::aksi_perubahan::{Aksi, Angkatan, Tonggak};
use store::organisasi::Pegawai;

/// Pegawai per kabupaten/kota tambahan (cukup untuk peserta dan atasannya).
const PEGAWAI_KAB: usize = 40;
/// Peserta per kabupaten/kota.
const PESERTA_KAB: usize = 2;

const JUDUL: &[&str] = &[
    "Satu Data Kepegawaian Daerah",
    "Layanan Izin Usaha Mikro Daring",
    "Puskesmas Keliling Pulau Terluar",
    "Gerakan Arsip Digital Perangkat Daerah",
    "Kanal Pengaduan Warga Berbasis Pesan Singkat",
    "Sekolah Penggerak Literasi Pesisir",
    "Posyandu Digital Ibu dan Anak",
    "Perencanaan Anggaran Berbasis Kinerja Desa",
    "Pasar Ikan Higienis Terpadu",
    "Pelayanan Adminduk Jemput Bola",
    "Dasbor Capaian Kinerja OPD",
    "Kemitraan UMKM Hasil Laut",
];

/// Status yang dituju, bergilir, agar setiap status muncul.
const GILIRAN: &[StatusAksi] = &[
    StatusAksi::SesuaiJadwal,
    StatusAksi::Terlambat,
    StatusAksi::Senyap,
    StatusAksi::Berisiko,
    StatusAksi::Selesai,
    StatusAksi::Dibatalkan,
    StatusAksi::Terlambat,
    StatusAksi::SesuaiJadwal,
];

struct Peserta {
    pegawai: Pegawai,
    mentor: Option<String>,
    status: StatusAksi,
}

/// Mengisi demo aksi perubahan; `false` bila tidak ada yang dilakukan.
pub async fn isi_demo_aksi(l: &Layanan) -> Hasil<bool> {
    let pool = l.pool();
    let semua = store::organisasi::semua_instansi(pool).await?;
    let Some(prov) = semua
        .iter()
        .find(|i| i.kode_wilayah.as_deref() == Some("81") && i.jenis == "provinsi")
        .cloned()
    else {
        return Ok(false);
    };
    if !store::aksi_perubahan::daftar_angkatan(pool, &prov.id)
        .await?
        .is_empty()
    {
        return Ok(false);
    }
    // Kabupaten/kota Maluku yang belum punya instansi: kecil, deterministik.
    let ada: HashSet<String> = semua
        .iter()
        .filter_map(|i| i.kode_wilayah.clone())
        .collect();
    let mut g = Pembangkit::baru(1381);
    for w in store::wilayah::dalam_provinsi(pool, "81").await? {
        if w.tingkat == "provinsi" || ada.contains(&w.kode) {
            continue;
        }
        let i = instansi_baru(
            &format!("Pemerintah {}", w.nama),
            &w.tingkat,
            Some(&w.kode),
            "WIT",
        );
        let kepala = if w.tingkat == "kota" {
            "Wali Kota"
        } else {
            "Bupati"
        };
        let mut tx = l.db.mulai().await?;
        store::organisasi::sisipkan_instansi(&mut tx, &i).await?;
        g.bangun(
            &mut tx,
            &i,
            data::PERANGKAT_DAERAH_KOTA,
            PEGAWAI_KAB,
            kepala,
            false,
        )
        .await?;
        tx.commit().await?;
    }
    let kab: Vec<_> = store::organisasi::semua_instansi(pool)
        .await?
        .into_iter()
        .filter(|i| {
            i.kode_wilayah
                .as_deref()
                .is_some_and(|k| k.starts_with("81."))
        })
        .collect();

    // Peserta provinsi: alumni login `pegawai` dan dua bawahan login `mentor`
    // (dibimbing mentor demo), tiga lainnya dibimbing atasan masing-masing.
    let mut peserta: Vec<Peserta> = Vec::new();
    let alumni_login = store::organisasi::pegawai_nip(pool, &prov.id, NIP_PEGAWAI).await?;
    let mentor_login = store::organisasi::pegawai_nip(pool, &prov.id, NIP_MENTOR).await?;
    let mentor_id = mentor_login.as_ref().map(|m| m.id.clone());
    if let Some(p) = alumni_login {
        peserta.push(Peserta {
            pegawai: p,
            mentor: mentor_id.clone(),
            status: StatusAksi::Terlambat,
        });
    }
    if let Some(m) = &mentor_login {
        for (n, p) in store::organisasi::bawahan(pool, &prov.id, &m.id)
            .await?
            .into_iter()
            .take(2)
            .enumerate()
        {
            peserta.push(Peserta {
                pegawai: p,
                mentor: mentor_id.clone(),
                status: [StatusAksi::Berisiko, StatusAksi::SesuaiJadwal][n],
            });
        }
    }
    let terpakai: HashSet<String> = peserta.iter().map(|p| p.pegawai.id.clone()).collect();
    let calon = |v: Vec<Pegawai>, n: usize, terpakai: &HashSet<String>| -> Vec<Pegawai> {
        let mut v: Vec<Pegawai> = v
            .into_iter()
            .filter(|p| p.atasan_id.is_some() && p.nip.is_some() && !terpakai.contains(&p.id))
            .collect();
        // Urut NIP (dari RNG berbenih): sama di setiap demo.
        v.sort_by(|a, b| a.nip.cmp(&b.nip));
        v.into_iter().step_by(7).take(n).collect()
    };
    let mut i = 0usize;
    // Satu proyek provinsi selesai: usulnya ke repositori inovasi menunggu
    // keputusan operator inovasi provinsi (login `operator.inovasi`).
    for p in calon(
        store::organisasi::semua_pegawai(pool, &prov.id).await?,
        3,
        &terpakai,
    ) {
        peserta.push(Peserta {
            mentor: p.atasan_id.clone(),
            pegawai: p,
            status: [
                StatusAksi::Selesai,
                StatusAksi::Terlambat,
                StatusAksi::Senyap,
            ][i],
        });
        i += 1;
    }
    for k in &kab {
        let v = store::organisasi::semua_pegawai(pool, &k.id).await?;
        for p in calon(v, PESERTA_KAB, &HashSet::new()) {
            peserta.push(Peserta {
                mentor: p.atasan_id.clone(),
                pegawai: p,
                status: GILIRAN[i % GILIRAN.len()],
            });
            i += 1;
        }
    }

    let bpsdm = store::organisasi::semua_unit(pool, &prov.id)
        .await?
        .into_iter()
        .find(|u| u.singkatan.as_deref() == Some("BPSDM"))
        .map(|u| u.id);
    let w = store::sekarang();
    let angkatan: Vec<Angkatan> = [
        (
            "pkn_ii",
            "PKN Tingkat II Angkatan I Tahun 2024",
            "2024-03-04",
            "2024-07-26",
        ),
        (
            "pka",
            "PKA Angkatan III Tahun 2024",
            "2024-08-05",
            "2024-11-29",
        ),
        (
            "pka",
            "PKA Angkatan I Tahun 2025",
            "2025-02-03",
            "2025-06-27",
        ),
    ]
    .iter()
    .map(|(jenis, nama, mulai, selesai)| Angkatan {
        instansi_id: prov.id.clone(),
        id: store::id_baru(),
        jenis: (*jenis).into(),
        nama: (*nama).into(),
        penyelenggara: "BPSDM Provinsi Maluku".into(),
        unit_penyelenggara_id: bpsdm.clone(),
        mulai: (*mulai).into(),
        selesai: (*selesai).into(),
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w.clone(),
    })
    .collect();
    let hari_ini =
        super::super::aksi_perubahan::hari_ini_zona("WIT", time::OffsetDateTime::now_utc());
    let hari = |n: i64| teks_tanggal(hari_ini + time::Duration::days(n));
    let mut tx = l.db.mulai().await?;
    for a in &angkatan {
        store::aksi_perubahan::sisipkan_angkatan(&mut tx, a).await?;
    }
    for (n, p) in peserta.iter().enumerate() {
        let ang = &angkatan[n % angkatan.len()];
        let a = Aksi {
            instansi_id: p.pegawai.instansi_id.clone(),
            id: store::id_baru(),
            pegawai_id: p.pegawai.id.clone(),
            angkatan_instansi_id: ang.instansi_id.clone(),
            angkatan_id: ang.id.clone(),
            mentor_pegawai_id: p.mentor.clone(),
            coach_nama: Some(
                [
                    "Dr. Yohanes Matulessy, M.Si.",
                    "Dra. Fransina Pattiasina, M.Pd.",
                ][n % 2]
                    .into(),
            ),
            judul: JUDUL[n % JUDUL.len()].into(),
            masalah: Some(
                "Layanan masih manual dan lambat; data tersebar di beberapa unit.".into(),
            ),
            tujuan: Some(
                "Layanan lebih cepat dan terukur, dipakai seluruh unit dalam dua tahun.".into(),
            ),
            pemangku_kepentingan: Some(
                "Kepala perangkat daerah, unit layanan, masyarakat pengguna".into(),
            ),
            // Nilai dan kualifikasinya menurut pita bawaan (90,01 / 80,01 / 70,01).
            kualifikasi: Some(["sangat_memuaskan", "memuaskan", "cukup_memuaskan"][n % 3].into()),
            usul_inovasi: i64::from(p.status == StatusAksi::Selesai),
            nilai_seminar: Some(["92.5", "85", "78.25"][n % 3].into()),
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        };
        store::aksi_perubahan::sisipkan_aksi(&mut tx, &a).await?;
        for t in tonggak(&a, ang, p.status, &hari, &w) {
            store::aksi_perubahan::sisipkan_tonggak(&mut tx, &t).await?;
        }
        // Proyek selesai diusulkan BKD-nya ke repositori inovasi.
        if p.status == StatusAksi::Selesai
            && let Some((bkd, _)) = store::aksi_perubahan::pengguna_admin(pool, &a.instansi_id)
                .await?
                .into_iter()
                .next()
        {
            let u = store::aksi_perubahan::UsulInovasi {
                instansi_id: a.instansi_id.clone(),
                aksi_id: a.id.clone(),
                status: "diusulkan".into(),
                diusulkan_oleh: bkd,
                diusulkan_pada: w.clone(),
                catatan_usul: Some(
                    "Sudah berjalan di seluruh unit; layak direplikasi kabupaten/kota lain.".into(),
                ),
                diputuskan_oleh: None,
                diputuskan_pada: None,
                catatan_keputusan: None,
                inovasi_id: None,
                versi: 1,
            };
            store::aksi_perubahan::simpan_usul(&mut tx, &u, 0).await?;
        }
    }
    tx.commit().await?;
    // Tonggak terlambat memicu pengingat (alumni, mentor, BKD) seperti di produksi.
    super::super::aksi_perubahan::pengingat::jalankan(l, time::OffsetDateTime::now_utc()).await?;
    Ok(true)
}

/// Tiga tonggak: jangka pendek (selama pelatihan), menengah dan panjang,
/// diatur agar status proyek hari ini = `status`.
fn tonggak(
    a: &Aksi,
    ang: &Angkatan,
    status: StatusAksi,
    hari: &dyn Fn(i64) -> String,
    w: &str,
) -> Vec<Tonggak> {
    let dasar =
        |urutan: i64, tahap: &str, uraian: &str, jt: String, progres: &str, diperbarui: String| {
            Tonggak {
                instansi_id: a.instansi_id.clone(),
                id: store::id_baru(),
                aksi_id: a.id.clone(),
                urutan,
                tahap: tahap.into(),
                uraian: uraian.into(),
                jatuh_tempo: jt,
                keluaran: Some(
                    [
                        "Rancangan dan uji coba",
                        "Layanan berjalan di unit percontohan",
                        "Layanan dipakai seluruh unit",
                    ][(urutan - 1) as usize]
                        .into(),
                ),
                indikator: Some(
                    [
                        "Uji coba di 1 unit",
                        "5 unit memakai layanan",
                        "Seluruh unit, waktu layanan turun 50%",
                    ][(urutan - 1) as usize]
                        .into(),
                ),
                progres_persen: progres.into(),
                diperbarui_pada: diperbarui,
                selesai_pada: None,
                dibatalkan_alasan: None,
                rhk_id: None,
                versi: 1,
                dibuat_pada: w.into(),
                diubah_pada: w.into(),
            }
        };
    let mut pendek = dasar(
        1,
        "jangka_pendek",
        "Laboratorium kepemimpinan: uji coba",
        ang.selesai.clone(),
        "100",
        ang.selesai.clone(),
    );
    pendek.selesai_pada = Some(ang.selesai.clone());
    let (mut menengah, mut panjang) = match status {
        StatusAksi::Terlambat => (
            dasar(
                2,
                "jangka_menengah",
                "Perluasan ke unit percontohan",
                hari(-12),
                "60",
                hari(-20),
            ),
            dasar(
                3,
                "jangka_panjang",
                "Pelembagaan di seluruh unit",
                hari(420),
                "10",
                hari(-20),
            ),
        ),
        StatusAksi::Senyap => (
            dasar(
                2,
                "jangka_menengah",
                "Perluasan ke unit percontohan",
                hari(150),
                "35",
                hari(-120),
            ),
            dasar(
                3,
                "jangka_panjang",
                "Pelembagaan di seluruh unit",
                hari(500),
                "5",
                hari(-120),
            ),
        ),
        StatusAksi::Berisiko => (
            dasar(
                2,
                "jangka_menengah",
                "Perluasan ke unit percontohan",
                hari(18),
                "30",
                hari(-6),
            ),
            dasar(
                3,
                "jangka_panjang",
                "Pelembagaan di seluruh unit",
                hari(480),
                "5",
                hari(-6),
            ),
        ),
        _ => (
            dasar(
                2,
                "jangka_menengah",
                "Perluasan ke unit percontohan",
                hari(120),
                "55",
                hari(-9),
            ),
            dasar(
                3,
                "jangka_panjang",
                "Pelembagaan di seluruh unit",
                hari(450),
                "15",
                hari(-9),
            ),
        ),
    };
    match status {
        StatusAksi::Selesai => {
            for (t, d) in [(&mut menengah, hari(-200)), (&mut panjang, hari(-30))] {
                t.jatuh_tempo = d.clone();
                t.progres_persen = "100".into();
                t.diperbarui_pada = d.clone();
                t.selesai_pada = Some(d);
            }
        }
        StatusAksi::Dibatalkan => {
            pendek.selesai_pada = None;
            for t in [&mut pendek, &mut menengah, &mut panjang] {
                t.dibatalkan_alasan =
                    Some("Alumni dimutasi; proyek tidak dilanjutkan unit baru.".into());
            }
        }
        _ => {}
    }
    vec![pendek, menengah, panjang]
}

/// Tolok ukur (docs/tolok-ukur.md): `n` proyek × `per_proyek` tonggak atas
/// pegawai provinsi demo dan kabupaten/kotanya, dalam angkatan-angkatan
/// tambahan (seorang pegawai paling banyak satu proyek per angkatan). Status
/// tersebar menurut tanggal hari ini. Dipanggil sesudah `isi_demo`.
pub async fn isi_skala_aksi(l: &Layanan, n: usize, per_proyek: usize) -> Hasil<usize> {
    let pool = l.pool();
    let semua = store::organisasi::semua_instansi(pool).await?;
    let Some(prov) = semua
        .iter()
        .find(|i| i.kode_wilayah.as_deref() == Some("81") && i.jenis == "provinsi")
        .cloned()
    else {
        return Ok(0);
    };
    let mut pegawai: Vec<Pegawai> = Vec::new();
    for i in semua.iter().filter(|i| {
        i.kode_wilayah
            .as_deref()
            .is_some_and(|k| k == "81" || k.starts_with("81."))
    }) {
        pegawai.extend(store::organisasi::semua_pegawai(pool, &i.id).await?);
    }
    if pegawai.is_empty() || per_proyek == 0 {
        return Ok(0);
    }
    let per_proyek = per_proyek.min(crate::aksi_perubahan::MAKS_TONGGAK);
    let hari_ini =
        super::super::aksi_perubahan::hari_ini_zona("WIT", time::OffsetDateTime::now_utc());
    let hari = |d: i64| teks_tanggal(hari_ini + time::Duration::days(d));
    let w = store::sekarang();
    let jumlah_angkatan = n.div_ceil(pegawai.len());
    let mut tx = l.db.mulai().await?;
    let mut angkatan = Vec::new();
    for c in 0..jumlah_angkatan {
        let a = Angkatan {
            instansi_id: prov.id.clone(),
            id: store::id_baru(),
            jenis: ["pka", "pkn_ii", "pkp"][c % 3].into(),
            nama: format!("Angkatan Tolok Ukur {}", c + 1),
            penyelenggara: "BPSDM Provinsi Maluku".into(),
            unit_penyelenggara_id: None,
            mulai: "2024-01-08".into(),
            selesai: "2024-05-31".into(),
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        };
        store::aksi_perubahan::sisipkan_angkatan(&mut tx, &a).await?;
        angkatan.push(a);
    }
    for k in 0..n {
        let p = &pegawai[k % pegawai.len()];
        let ang = &angkatan[k / pegawai.len()];
        let a = Aksi {
            instansi_id: p.instansi_id.clone(),
            id: store::id_baru(),
            pegawai_id: p.id.clone(),
            angkatan_instansi_id: ang.instansi_id.clone(),
            angkatan_id: ang.id.clone(),
            mentor_pegawai_id: p.atasan_id.clone(),
            coach_nama: None,
            judul: JUDUL[k % JUDUL.len()].into(),
            masalah: None,
            tujuan: None,
            pemangku_kepentingan: None,
            kualifikasi: None,
            usul_inovasi: 0,
            nilai_seminar: None,
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        };
        store::aksi_perubahan::sisipkan_aksi(&mut tx, &a).await?;
        for j in 0..per_proyek {
            // Sebaran: jatuh tempo dari 60 hari lalu sampai 2 tahun lagi,
            // sebagian selesai, sebagian lama tidak diperbarui.
            let geser = ((k * 7 + j * 53) % 790) as i64 - 60;
            let selesai = (k + j) % 5 == 0;
            let t = Tonggak {
                instansi_id: a.instansi_id.clone(),
                id: store::id_baru(),
                aksi_id: a.id.clone(),
                urutan: j as i64 + 1,
                tahap: ["jangka_pendek", "jangka_menengah", "jangka_panjang"][j * 3 / per_proyek]
                    .into(),
                uraian: format!("Tonggak {}", j + 1),
                jatuh_tempo: hari(geser),
                keluaran: None,
                indikator: None,
                progres_persen: if selesai {
                    "100".into()
                } else {
                    ((k + j * 13) % 100).to_string()
                },
                diperbarui_pada: hari(-(((k * 11 + j) % 150) as i64)),
                selesai_pada: selesai.then(|| hari(geser.min(0))),
                dibatalkan_alasan: None,
                rhk_id: None,
                versi: 1,
                dibuat_pada: w.clone(),
                diubah_pada: w.clone(),
            };
            store::aksi_perubahan::sisipkan_tonggak(&mut tx, &t).await?;
        }
    }
    tx.commit().await?;
    store::organisasi::rapikan_setelah_muat(pool).await?;
    Ok(n)
}
