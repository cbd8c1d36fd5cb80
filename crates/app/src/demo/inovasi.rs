//! Demo inovasi (isu 12), lewat layanan yang sama dengan pengguna:
//! - repositori 200 inovasi LAN (dimuat saat basis data dibuka);
//! - dua kabupaten peserta (Maluku Tengah, Buru) di samping Provinsi Maluku
//!   dan Kota Ambon, masing-masing dengan operator inovasi;
//! - kompetisi provinsi 2025 yang sudah selesai (pemenangnya masuk
//!   repositori dengan penghargaan, sehingga dapat direplikasi);
//! - kompetisi provinsi 2026: 8 entri (umum dan replikasi), seleksi
//!   administrasi dengan satu penolakan beralasan, penilaian proposal oleh
//!   tiga juri eksternal (ditutup dan diumumkan: Top 99), presentasi dan
//!   wawancara sedang berjalan (juri `juri` masih punya entri yang belum
//!   dinilai);
//! - replikasi inovasi repositori dengan laporan semester, dan konfirmasi
//!   pemilik.
//!
//! Inovasi dan entri Maluku di sini rekaan untuk demo (ditandai sumbernya);
//! data LAN nyata tidak diberi penghargaan palsu.

use crate::inovasi::replikasi::{self as rp, MasukanKonfirmasi, MasukanLaporan, MasukanReplikasi};
use crate::kompetisi::entri::{self as en, MasukanEntri};
use crate::kompetisi::hasil::{self as hs, MasukanKeputusan, MasukanTutup};
use crate::kompetisi::juri::{self as jr, MasukanJuri, MasukanNilai};
use crate::kompetisi::{self as kp, MasukanKompetisi, MasukanKriteria, MasukanTahap};
use crate::{Aktor, Bahasa, Galat, Hasil, Konteks, Layanan, Peran};
use std::collections::BTreeMap;
use store::organisasi::Instansi;

pub const LOGIN_OPERATOR: &str = "operator.inovasi";
pub const LOGIN_OPERATOR_AMBON: &str = "operator.ambon";
pub const LOGIN_JURI: &str = "juri";
pub const NAMA_KOMPETISI: &str = "Kompetisi Inovasi Pelayanan Publik Provinsi Maluku 2026";
const NAMA_KOMPETISI_2025: &str = "Kompetisi Inovasi Pelayanan Publik Provinsi Maluku 2025";

fn internal(e: impl std::fmt::Display) -> Galat {
    Galat::Internal(format!("demo inovasi: {e}"))
}

async fn konteks_akun(l: &Layanan, username: &str) -> Hasil<Konteks> {
    let p = store::akun::pengguna_untuk_masuk(l.pool(), username)
        .await?
        .ok_or_else(|| internal(format!("akun {username} tidak ada")))?;
    let peran = store::akun::peran(l.pool(), &p.instansi_id, &p.id)
        .await?
        .iter()
        .filter_map(|r| Peran::dari_kode(r))
        .collect();
    Ok(Konteks::dengan(
        Aktor {
            instansi_id: p.instansi_id.clone(),
            pengguna_id: p.id.clone(),
            username: p.username.clone(),
            nama: p.nama.clone(),
            pegawai_id: p.pegawai_id.clone(),
            peran,
            hanya_baca: false,
        },
        Bahasa::Id,
    ))
}

async fn akun(l: &Layanan, iid: &str, username: &str, nama: &str, peran: Peran) -> Hasil<Konteks> {
    if store::akun::pengguna_untuk_masuk(l.pool(), username)
        .await?
        .is_none()
    {
        crate::akun::buat_akun(
            l,
            &Konteks::sistem(),
            crate::akun::AkunBaru {
                instansi_id: iid.to_string(),
                username: username.to_string(),
                nama: nama.to_string(),
                sandi: super::SANDI_DEMO.to_string(),
                pegawai_id: None,
                peran: vec![peran],
            },
        )
        .await?;
    }
    konteks_akun(l, username).await
}

async fn instansi_kode(l: &Layanan, kode: &str, nama: &str, jenis: &str) -> Hasil<Instansi> {
    let semua = store::organisasi::semua_instansi(l.pool()).await?;
    if let Some(i) = semua
        .into_iter()
        .find(|i| i.kode_wilayah.as_deref() == Some(kode))
    {
        return Ok(i);
    }
    let i = super::instansi_baru(nama, jenis, Some(kode), "WIT");
    let mut tx = l.db.mulai().await?;
    store::organisasi::sisipkan_instansi(&mut tx, &i).await?;
    tx.commit().await?;
    Ok(i)
}

async fn bukti_demo(l: &Layanan, k: &Konteks, iid: &str, nama: &str) -> Hasil<String> {
    let pdf = format!(
        "%PDF-1.4\n% Bukti demo: {nama}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes();
    Ok(crate::bukti::unggah(
        l,
        k,
        iid,
        vec![crate::bukti::BerkasMasuk {
            nama: format!("{nama}.pdf"),
            isi: pdf,
        }],
    )
    .await?[0]
        .id
        .clone())
}

/// Satu proposal demo: judul, kelompok, tanggal implementasi, asal (replikasi), inti cerita.
struct Proposal {
    judul: &'static str,
    kelompok: &'static str,
    mulai: &'static str,
    asal: Option<String>,
    masalah: &'static str,
    solusi: &'static str,
    hasil: &'static str,
}

fn bagian(p: &Proposal, jenis: &str) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    let isi = |kode: &str| -> String {
        match kode {
            "latar_belakang" => format!("{} Tujuannya: layanan lebih dekat, lebih cepat dan lebih murah bagi warga pulau-pulau kecil.", p.masalah),
            "deskripsi" => format!("{} Layanan dijalankan petugas yang ada dengan SOP tertulis dan jadwal yang diumumkan kepada warga.", p.solusi),
            "hasil" => format!("{} Sumber data: laporan bulanan perangkat daerah dan survei kepuasan masyarakat (SKM).", p.hasil),
            "kesesuaian_kategori" => "Sesuai kategori pelayanan publik yang inklusif: menjangkau warga kepulauan yang selama ini harus menyeberang ke ibu kota kabupaten untuk dilayani.".into(),
            "kontribusi_sdgs" => "Mendukung SDG 3 (kehidupan sehat), SDG 10 (berkurangnya kesenjangan) dan SDG 16 (institusi yang efektif dan inklusif) melalui layanan yang menjangkau pulau terluar.".into(),
            "kebaruan" => "Pertama di wilayah ini: layanan dijemput ke warga memakai jadwal berbasis musim gelombang dan sinyal seluler yang tersedia, bukan warga yang datang ke kantor.".into(),
            "signifikansi" => "Waktu dan biaya warga turun nyata; data layanan kini tercatat harian dan dipakai untuk perencanaan tahun berikutnya oleh perangkat daerah terkait.".into(),
            "transferabilitas" => "Dapat ditiru daerah kepulauan lain: memerlukan SOP, satu petugas terlatih per pulau, perangkat sederhana dan kesepakatan dengan desa; panduan replikasi tersedia.".into(),
            "sumber_daya" => "Dibiayai APBD pada program yang sama, tanpa tambahan pegawai: petugas yang ada dijadwalkan ulang, perangkat dipinjam dari program yang sudah berjalan.".into(),
            "keberlanjutan" => "Sudah ditetapkan dalam peraturan kepala daerah dan masuk Renstra perangkat daerah; anggaran rutin dan pelatihan petugas baru setiap tahun.".into(),
            "perubahan" => "Disesuaikan dengan kondisi setempat: jadwal mengikuti pasar mingguan, formulir dipangkas menjadi satu halaman, dan verifikasi memakai tanda tangan elektronik.".into(),
            _ => String::new(),
        }
    };
    for b in en::bagian_untuk(jenis) {
        if b.replikasi && p.kelompok != "replikasi" {
            continue;
        }
        m.insert(b.kode.to_string(), isi(b.kode));
    }
    m
}

async fn ajukan(
    l: &Layanan,
    k: &Konteks,
    kid: &str,
    jenis: &str,
    p: &Proposal,
    bukti: &str,
) -> Hasil<String> {
    let m = MasukanEntri {
        kelompok: p.kelompok.into(),
        judul: p.judul.into(),
        tanggal_implementasi: Some(p.mulai.into()),
        bagian: bagian(p, jenis),
        video_url: Some(format!(
            "https://video.example.go.id/inovasi/{}",
            p.judul
                .split_whitespace()
                .next()
                .unwrap_or("x")
                .to_lowercase()
        )),
        boleh_direplikasi: true,
        asal_inovasi_id: p.asal.clone(),
        bukti: vec![bukti.to_string()],
        ..Default::default()
    };
    let e = en::buat(l, k, kid, m).await?;
    Ok(en::ajukan(l, k, &e.id, e.versi).await?.id)
}

fn skor(kriteria: &[MasukanKriteria], dasar: i64, geser: i64) -> BTreeMap<String, String> {
    kriteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let v = (dasar + geser + (i as i64 % 3) - 1).clamp(0, 100);
            (c.kode.clone(), v.to_string())
        })
        .collect()
}

/// Semua juri menilai semua tugasnya di tahap `urutan`; nilai dasar per
/// entri dari `dasar`; `lewati` = (juri, banyak) tugas yang dibiarkan belum dinilai.
async fn nilai_tahap(
    l: &Layanan,
    juri: &[(&Konteks, i64)],
    kid: &str,
    urutan: i64,
    kriteria: &[MasukanKriteria],
    dasar: &BTreeMap<String, i64>,
    lewati: Option<(&str, usize)>,
) -> Hasil<()> {
    for (j, geser) in juri {
        let mut dilewati = 0;
        for t in jr::tugas_saya(l, j, kid)
            .await?
            .into_iter()
            .filter(|t| t.tahap == urutan)
        {
            if let Some((nama, n)) = lewati
                && j.aktor.as_ref().is_some_and(|a| a.username == nama)
                && dilewati < n
            {
                dilewati += 1;
                continue;
            }
            let d = dasar.get(&t.entri_id).copied().unwrap_or(80);
            jr::nilai(
                l,
                j,
                &t.entri_id,
                urutan,
                t.versi,
                MasukanNilai {
                    skor: skor(kriteria, d, *geser),
                    catatan: Some("Dinilai dari proposal, video dan bukti.".into()),
                    versi: None,
                },
            )
            .await?;
        }
    }
    Ok(())
}

/// Mengisi demo inovasi sekali (false bila sudah ada kompetisi).
pub async fn isi_inovasi(l: &Layanan) -> Hasil<bool> {
    if !store::kompetisi::daftar_kompetisi(l.pool())
        .await?
        .is_empty()
    {
        return Ok(false);
    }
    crate::inovasi::isi_repositori_bila_kosong(l).await?;
    // Hanya pada basis data demo (Provinsi Maluku dan Kota Ambon sudah ada).
    let ada = store::organisasi::semua_instansi(l.pool()).await?;
    let kode_ada = |k: &str| ada.iter().any(|i| i.kode_wilayah.as_deref() == Some(k));
    if !kode_ada("81") || !kode_ada("81.71") {
        return Ok(false);
    }
    let maluku = instansi_kode(l, "81", "Pemerintah Provinsi Maluku", "provinsi").await?;
    let ambon = instansi_kode(l, "81.71", "Pemerintah Kota Ambon", "kota").await?;
    let malteng = instansi_kode(
        l,
        "81.01",
        "Pemerintah Kabupaten Maluku Tengah",
        "kabupaten",
    )
    .await?;
    let buru = instansi_kode(l, "81.04", "Pemerintah Kabupaten Buru", "kabupaten").await?;

    let panitia = akun(
        l,
        &maluku.id,
        LOGIN_OPERATOR,
        "Sekretariat Kompetisi Inovasi (Biro Organisasi)",
        Peran::OperatorInovasi,
    )
    .await?;
    let op_ambon = akun(
        l,
        &ambon.id,
        LOGIN_OPERATOR_AMBON,
        "Operator Inovasi Kota Ambon",
        Peran::OperatorInovasi,
    )
    .await?;
    let op_malteng = akun(
        l,
        &malteng.id,
        "operator.malteng",
        "Operator Inovasi Kabupaten Maluku Tengah",
        Peran::OperatorInovasi,
    )
    .await?;
    let op_buru = akun(
        l,
        &buru.id,
        "operator.buru",
        "Operator Inovasi Kabupaten Buru",
        Peran::OperatorInovasi,
    )
    .await?;
    // Juri eksternal: akun di instansi penyelenggara, tanpa instansi asal.
    let juri = akun(l, &maluku.id, LOGIN_JURI, "Juri Inovasi", Peran::Penilai).await?;
    let juri_panel = akun(
        l,
        &maluku.id,
        "juri.panel",
        "Anggota Tim Panel Independen",
        Peran::Penilai,
    )
    .await?;
    let juri_akademisi = akun(
        l,
        &maluku.id,
        "juri.akademisi",
        "Tim Evaluasi IAIN Ambon",
        Peran::Penilai,
    )
    .await?;
    let juri_tpi = akun(
        l,
        &maluku.id,
        "juri.tpi",
        "Anggota Tim Panel Independen (presentasi)",
        Peran::Penilai,
    )
    .await?;
    // (juri, afiliasi, tahap 2026 yang dilayani: kosong = semua).
    let semua_juri: [(&Konteks, &str, Vec<i64>); 3] = [
        (&juri, "Tim Evaluasi, Universitas Pattimura", Vec::new()),
        (&juri_panel, "Tim Panel Independen", Vec::new()),
        (&juri_akademisi, "Tim Evaluasi, IAIN Ambon", vec![3]),
    ];

    let b_maluku = bukti_demo(l, &panitia, &maluku.id, "bukti-maluku").await?;
    let b_ambon = bukti_demo(l, &op_ambon, &ambon.id, "bukti-ambon").await?;
    let b_malteng = bukti_demo(l, &op_malteng, &malteng.id, "bukti-malteng").await?;
    let b_buru = bukti_demo(l, &op_buru, &buru.id, "bukti-buru").await?;

    // ---------- 2025: selesai, pemenangnya masuk repositori ----------
    let t = |jenis: &str, nama: &str, mulai: &str, selesai: &str| MasukanTahap {
        jenis: jenis.into(),
        nama: nama.into(),
        mulai: mulai.into(),
        selesai: selesai.into(),
        ..Default::default()
    };
    let mut nilai25 = t(
        "penilaian",
        "Penilaian proposal",
        "2025-07-01",
        "2025-08-31",
    );
    nilai25.n_lolos = Some(3);
    nilai25.nilai_minimum = Some("75".into());
    nilai25.min_juri = Some(2);
    nilai25.penghargaan = Some("Nominasi".into());
    nilai25.tingkat_penghargaan = Some("top99".into());
    nilai25.kriteria = kp::rubrik_proposal();
    let mut tetap25 = t("penetapan", "Penetapan", "2025-09-01", "2025-09-30");
    tetap25.penghargaan = Some("Inovasi Terbaik".into());
    tetap25.tingkat_penghargaan = Some("top".into());
    let k25 = kp::buat(
        l,
        &panitia,
        MasukanKompetisi {
            nama: NAMA_KOMPETISI_2025.into(),
            tahun: 2025,
            tanggal_acuan: "2025-06-30".into(),
            deskripsi: "Kompetisi inovasi tingkat provinsi (data demo); pemenangnya diusulkan ke KIPP nasional.".into(),
            tahap: vec![t("pendaftaran", "Pendaftaran", "2025-03-01", "2025-06-30"), nilai25, tetap25],
            ..Default::default()
        },
    )
    .await?;
    let kid25 = k25.kompetisi.id.clone();
    kp::buka_tahap(l, &panitia, &kid25, 1).await?;
    let sipandu = Proposal {
        judul: "SIPANDU Ambon: Akta Kelahiran Terbit di Puskesmas",
        kelompok: "umum",
        mulai: "2023-04-03",
        asal: None,
        masalah: "Bayi yang lahir di pulau-pulau Kota Ambon sering belum punya akta sampai usia sekolah karena orang tua harus datang ke kantor Dukcapil.",
        solusi: "Petugas puskesmas mengunggah berkas kelahiran lewat aplikasi; Dukcapil memverifikasi dan menerbitkan akta elektronik yang dicetak di puskesmas saat kunjungan nifas.",
        hasil: "Kepemilikan akta kelahiran anak 0–1 tahun naik dari 61 % (2022) menjadi 93 % (2024); waktu terbit dari 14 hari menjadi 2 hari; biaya perjalanan warga nol.",
    };
    let persehat = Proposal {
        judul: "PERSEHAT: Perahu Sehat Antarpulau Maluku Tengah",
        kelompok: "umum",
        mulai: "2022-08-15",
        asal: None,
        masalah: "Warga 47 pulau kecil di Maluku Tengah menempuh 3–6 jam laut ke puskesmas; ibu hamil dan balita paling sering tidak terlayani.",
        solusi: "Puskesmas keliling memakai perahu motor dengan jadwal bulanan per pulau mengikuti musim gelombang, membawa bidan, perawat, obat dan alat pemeriksaan sederhana.",
        hasil: "Kunjungan ibu hamil (K4) di pulau terlayani naik dari 52 % menjadi 88 %; 1.240 balita ditimbang rutin; rujukan darurat tercatat dan dijemput dalam 24 jam.",
    };
    let telemedisin = Proposal {
        judul: "Telemedisin Pulau-Pulau Kecil Provinsi Maluku",
        kelompok: "umum",
        mulai: "2021-11-01",
        asal: None,
        masalah: "Dokter spesialis hanya ada di Ambon dan Tual; pasien pulau kecil dirujuk dengan biaya besar padahal sebagian cukup dikonsultasikan.",
        solusi: "RSUD provinsi membuka konsultasi jarak jauh terjadwal bagi dokter puskesmas pulau, dengan pengiriman hasil pemeriksaan lewat jaringan yang ada.",
        hasil: "Rujukan yang dapat dicegah turun 38 %; 2.900 konsultasi pada 2024; penghematan biaya rujukan warga diperkirakan Rp4,1 miliar.",
    };
    let e_sipandu = ajukan(l, &op_ambon, &kid25, "kompetisi", &sipandu, &b_ambon).await?;
    let e_persehat = ajukan(l, &op_malteng, &kid25, "kompetisi", &persehat, &b_malteng).await?;
    let e_tele = ajukan(l, &panitia, &kid25, "kompetisi", &telemedisin, &b_maluku).await?;
    hs::tutup_tahap(l, &panitia, &kid25, 1, MasukanTutup::default()).await?;
    for (j, afiliasi, _) in &semua_juri[1..] {
        let username = j
            .aktor
            .as_ref()
            .map(|a| a.username.clone())
            .unwrap_or_default();
        jr::tambah(
            l,
            &panitia,
            &kid25,
            MasukanJuri {
                username,
                afiliasi: afiliasi.to_string(),
                eksternal: true,
                tahap: Vec::new(),
            },
        )
        .await?;
    }
    kp::buka_tahap(l, &panitia, &kid25, 2).await?;
    jr::tugaskan(l, &panitia, &kid25, 2).await?;
    let dasar25 = BTreeMap::from([
        (e_sipandu.clone(), 92),
        (e_persehat.clone(), 89),
        (e_tele.clone(), 84),
    ]);
    nilai_tahap(
        l,
        &[(&juri_panel, 0), (&juri_akademisi, -1)],
        &kid25,
        2,
        &kp::rubrik_proposal(),
        &dasar25,
        None,
    )
    .await?;
    hs::tutup_tahap(l, &panitia, &kid25, 2, MasukanTutup::default()).await?;
    hs::umumkan(l, &panitia, &kid25, 2).await?;
    kp::buka_tahap(l, &panitia, &kid25, 3).await?;
    hs::tutup_tahap(l, &panitia, &kid25, 3, MasukanTutup::default()).await?;
    hs::umumkan(l, &panitia, &kid25, 3).await?;
    let inovasi_dari = |eid: String| async move {
        store::kompetisi::entri(l.pool(), &eid)
            .await?
            .and_then(|e| e.inovasi_id)
            .ok_or_else(|| internal("pemenang 2025 tanpa halaman repositori"))
    };
    let ino_sipandu = inovasi_dari(e_sipandu).await?;
    let ino_persehat = inovasi_dari(e_persehat).await?;

    // ---------- 2026: berjalan ----------
    let k26 = kp::buat(
        l,
        &panitia,
        MasukanKompetisi {
            nama: NAMA_KOMPETISI.into(),
            tahun: 2026,
            tanggal_acuan: "2026-06-30".into(),
            deskripsi: "Kompetisi inovasi pelayanan publik tingkat provinsi (data demo), kelompok Umum dan Replikasi, mengikuti Pedoman KIPP 2025: nilai minimum proposal 85.".into(),
            ..Default::default()
        },
    )
    .await?;
    let kid = k26.kompetisi.id.clone();
    kp::buka_tahap(l, &panitia, &kid, 1).await?;
    let p = |judul, kelompok, mulai, asal: Option<String>, masalah, solusi, hasil| Proposal {
        judul,
        kelompok,
        mulai,
        asal,
        masalah,
        solusi,
        hasil,
    };
    let daftar: Vec<(&Konteks, &str, Proposal, i64)> = vec![
        (
            &panitia,
            b_maluku.as_str(),
            p(
                "POSDIMA: Posyandu Digital Maluku",
                "umum",
                "2024-03-01",
                None,
                "Data posyandu di pulau-pulau dicatat di buku dan terlambat berbulan-bulan sampai ke dinas; balita gizi kurang baru terlihat setelah parah.",
                "Kader posyandu mencatat penimbangan di aplikasi luring yang menyinkron saat ada sinyal; balita berisiko langsung muncul di dasbor puskesmas dan dinas.",
                "Laporan posyandu tepat waktu dari 34 % menjadi 91 %; 312 balita gizi kurang ditangani dalam bulan yang sama; angka stunting provinsi turun 3,1 poin.",
            ),
            93,
        ),
        (
            &panitia,
            b_maluku.as_str(),
            p(
                "Samsat Terapung Antarpulau",
                "umum",
                "2023-09-01",
                None,
                "Pemilik kendaraan dan kapal motor di pulau-pulau harus menyeberang ke kota untuk membayar pajak, sehingga tunggakan tinggi.",
                "Layanan Samsat di kapal yang singgah terjadwal di pelabuhan pulau, dengan pembayaran nontunai dan notifikasi jadwal lewat SMS.",
                "Penerimaan pajak kendaraan dari pulau naik 27 %; 8.400 wajib pajak dilayani pada 2025; tunggakan turun 19 %.",
            ),
            88,
        ),
        (
            &op_ambon,
            b_ambon.as_str(),
            p(
                "ABAP: Ambon Bebas Antre Puskesmas",
                "umum",
                "2024-01-15",
                None,
                "Pasien puskesmas di Kota Ambon antre sejak subuh; 40 % pulang tanpa dilayani pada hari yang sama.",
                "Pendaftaran daring dan lewat WhatsApp dengan nomor antrean dan perkiraan jam layanan; kuota khusus lansia dan disabilitas.",
                "Waktu tunggu rata-rata turun dari 3 jam 10 menit menjadi 41 menit; kepuasan pasien (SKM) naik dari 76 menjadi 89.",
            ),
            90,
        ),
        (
            &op_ambon,
            b_ambon.as_str(),
            p(
                "Kampung KB Digital Ambon",
                "umum",
                "2024-05-20",
                None,
                "Pencatatan peserta KB di kampung KB tidak terhubung dengan data puskesmas.",
                "Aplikasi pencatatan peserta KB untuk kader kampung KB yang terhubung dengan puskesmas.",
                "Klaim: data peserta KB lebih lengkap; belum ada data pembanding sebelum dan sesudah.",
            ),
            70,
        ),
        (
            &op_malteng,
            b_malteng.as_str(),
            p(
                "Sekolah Pesisir Daring Maluku Tengah",
                "umum",
                "2023-07-17",
                None,
                "Guru di sekolah pulau kecil sering kosong berminggu-minggu saat musim gelombang.",
                "Kelas daring terjadwal dari sekolah induk dengan modul cetak yang dikirim bersama kapal perintis; guru pendamping lokal dari desa.",
                "Hari belajar efektif naik dari 142 menjadi 201 hari setahun; nilai asesmen literasi naik 11 poin di 23 sekolah.",
            ),
            86,
        ),
        (
            &op_buru,
            b_buru.as_str(),
            p(
                "Izin Usaha Nelayan Satu Hari Kabupaten Buru",
                "umum",
                "2024-02-12",
                None,
                "Nelayan kecil menunggu 2–3 minggu untuk izin usaha dan tanda daftar kapal sehingga tidak bisa mengakses kredit dan BBM bersubsidi.",
                "Layanan perizinan jemput bola di tempat pendaratan ikan; berkas diverifikasi di tempat dan izin diterbitkan elektronik hari itu juga.",
                "2.150 nelayan memperoleh izin pada 2025 (sebelumnya 380 per tahun); waktu layanan dari 17 hari menjadi 1 hari.",
            ),
            84,
        ),
        (
            &op_buru,
            b_buru.as_str(),
            p(
                "SIPANDU Buru: Akta Kelahiran di Puskesmas",
                "replikasi",
                "2024-09-02",
                Some(ino_sipandu.clone()),
                "Kepemilikan akta kelahiran bayi di Kabupaten Buru rendah karena jarak ke kantor Dukcapil.",
                "Mereplikasi SIPANDU Kota Ambon: puskesmas mengunggah berkas kelahiran dan Dukcapil menerbitkan akta elektronik yang dicetak di puskesmas.",
                "Kepemilikan akta kelahiran anak 0–1 tahun naik dari 48 % menjadi 81 % dalam setahun di 12 puskesmas.",
            ),
            91,
        ),
        (
            &op_ambon,
            b_ambon.as_str(),
            p(
                "Perahu Sehat Teluk Ambon",
                "replikasi",
                "2024-04-08",
                Some(ino_persehat.clone()),
                "Warga pesisir Teluk Ambon bagian luar sulit menjangkau puskesmas saat musim angin timur.",
                "Mereplikasi PERSEHAT Maluku Tengah dengan perahu puskesmas yang singgah dua kali sebulan di tujuh negeri pesisir.",
                "Cakupan imunisasi dasar lengkap di tujuh negeri naik dari 67 % menjadi 92 %.",
            ),
            87,
        ),
    ];
    let mut dasar = BTreeMap::new();
    let mut ids = Vec::new();
    for (k, bukti, prop, nilai) in &daftar {
        let id = ajukan(l, k, &kid, "kompetisi", prop, bukti).await?;
        dasar.insert(id.clone(), *nilai);
        ids.push(id);
    }
    hs::tutup_tahap(l, &panitia, &kid, 1, MasukanTutup::default()).await?;
    // Seleksi administrasi: satu penolakan beralasan.
    kp::buka_tahap(l, &panitia, &kid, 2).await?;
    for (i, id) in ids.iter().enumerate() {
        let tolak = i == 3;
        hs::putuskan(
            l,
            &panitia,
            &kid,
            2,
            MasukanKeputusan {
                entri_id: id.clone(),
                lolos: !tolak,
                alasan: tolak.then(|| {
                    "Bukti hasil tidak memuat data sebelum dan sesudah inovasi; video tidak dapat diakses. Lengkapi untuk kompetisi berikutnya.".to_string()
                }),
            },
        )
        .await?;
    }
    hs::tutup_tahap(l, &panitia, &kid, 2, MasukanTutup::default()).await?;
    // Penilaian proposal: tiga juri eksternal.
    let mut juri26: Vec<(&Konteks, &str, Vec<i64>)> = semua_juri.to_vec();
    juri26.push((&juri_tpi, "Tim Panel Independen (presentasi)", vec![4]));
    for (j, afiliasi, tahap) in &juri26 {
        let username = j
            .aktor
            .as_ref()
            .map(|a| a.username.clone())
            .unwrap_or_default();
        jr::tambah(
            l,
            &panitia,
            &kid,
            MasukanJuri {
                username,
                afiliasi: afiliasi.to_string(),
                eksternal: true,
                tahap: tahap.clone(),
            },
        )
        .await?;
    }
    kp::buka_tahap(l, &panitia, &kid, 3).await?;
    jr::tugaskan(l, &panitia, &kid, 3).await?;
    let juri3 = [
        (&juri, 1),
        (&juri_panel, 0),
        (&juri_akademisi, -1),
        (&juri_tpi, 0),
    ];
    nilai_tahap(l, &juri3, &kid, 3, &kp::rubrik_proposal(), &dasar, None).await?;
    hs::tutup_tahap(l, &panitia, &kid, 3, MasukanTutup::default()).await?;
    hs::umumkan(l, &panitia, &kid, 3).await?;
    // Presentasi dan wawancara: berjalan; `juri` belum menilai dua entri.
    kp::buka_tahap(l, &panitia, &kid, 4).await?;
    jr::tugaskan(l, &panitia, &kid, 4).await?;
    nilai_tahap(
        l,
        &juri3,
        &kid,
        4,
        &kp::rubrik_presentasi(),
        &dasar,
        Some((LOGIN_JURI, 2)),
    )
    .await?;

    // ---------- replikasi inovasi repositori ----------
    let replikasi = |adaptasi: &str, mulai: &str, pj: &str| MasukanReplikasi {
        adaptasi: adaptasi.into(),
        mulai: mulai.into(),
        penanggung_jawab: pj.into(),
        unit_id: None,
    };
    let r1 = rp::daftar(l, &op_ambon, "lan-69", replikasi(
        "Tata persuratan elektronik untuk 38 OPD Kota Ambon; ditambah tanda tangan elektronik BSrE dan arsip otomatis ke Dinas Kearsipan.",
        "2024-02-01", "Dinas Komunikasi, Informatika dan Persandian Kota Ambon")).await?;
    let r2 = rp::daftar(l, &panitia, "lan-67", replikasi(
        "Penyusunan anggaran elektronik di seluruh perangkat daerah provinsi, terhubung dengan nomenklatur Kepmendagri dan gerbang keluaran Kinerja.",
        "2023-07-03", "Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Maluku")).await?;
    let r3 = rp::daftar(l, &op_malteng, "lan-69", replikasi(
        "Surat elektronik untuk kantor bupati dan 18 kecamatan; disederhanakan untuk koneksi lambat (lampiran dikompres, antrean luring).",
        "2024-08-19", "Bagian Umum Setda Kabupaten Maluku Tengah")).await?;
    let r4 = rp::daftar(l, &op_buru, &ino_sipandu, replikasi(
        "Akta kelahiran diterbitkan lewat 12 puskesmas Kabupaten Buru; formulir dipangkas menjadi satu halaman, verifikasi dengan tanda tangan elektronik.",
        "2024-09-02", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Buru")).await?;
    let lapor = |periode: &str, jalan: bool, capaian: &str| MasukanLaporan {
        periode: periode.into(),
        masih_berjalan: jalan,
        capaian: capaian.into(),
        bukti_id: None,
        tautan: None,
    };
    for (r, k, laporan) in [
        (
            &r1,
            &op_ambon,
            vec![
                lapor(
                    "2024-S2",
                    true,
                    "31 dari 38 OPD memakai surat elektronik; 12.400 surat terkirim tanpa kertas.",
                ),
                lapor(
                    "2025-S1",
                    true,
                    "38 OPD memakai; waktu disposisi rata-rata dari 3 hari menjadi 5 jam.",
                ),
                lapor(
                    "2025-S2",
                    true,
                    "Tanda tangan elektronik dipakai di 94 % surat keluar; biaya kertas turun Rp310 juta setahun.",
                ),
            ],
        ),
        (
            &r2,
            &panitia,
            vec![
                lapor(
                    "2025-S1",
                    true,
                    "Seluruh RKA perangkat daerah disusun elektronik; penyesuaian APBD-P selesai 9 hari lebih cepat.",
                ),
                lapor(
                    "2025-S2",
                    true,
                    "Setiap sub kegiatan wajib memiliki keluaran sebelum pagu disetujui; 0 sub kegiatan tanpa indikator.",
                ),
            ],
        ),
        (
            &r3,
            &op_malteng,
            vec![
                lapor(
                    "2025-S1",
                    true,
                    "Kantor bupati dan 11 kecamatan memakai; 7 kecamatan terkendala sinyal.",
                ),
                lapor(
                    "2025-S2",
                    false,
                    "Dihentikan sementara: server rusak dan belum ada anggaran pengganti; kembali ke surat kertas.",
                ),
            ],
        ),
        (
            &r4,
            &op_buru,
            vec![lapor(
                "2025-S1",
                true,
                "1.870 akta kelahiran terbit di puskesmas; kepemilikan akta bayi 81 %.",
            )],
        ),
    ] {
        for m in laporan {
            rp::lapor(l, k, &r.id, m).await?;
        }
    }
    // Konfirmasi tahunan pemilik.
    rp::konfirmasi(
        l,
        &op_ambon,
        &ino_sipandu,
        MasukanKonfirmasi {
            tahun: 2026,
            masih_berjalan: true,
            catatan: "Berjalan di 22 puskesmas; direplikasi Kabupaten Buru.".into(),
        },
    )
    .await?;
    rp::konfirmasi(
        l,
        &op_malteng,
        &ino_persehat,
        MasukanKonfirmasi {
            tahun: 2026,
            masih_berjalan: true,
            catatan: "Dua perahu baru dari dana desa; 52 pulau terlayani.".into(),
        },
    )
    .await?;
    Ok(true)
}
