//! Halaman inovasi dan kompetisi (isu 12) lewat router, di SQLite dan
//! PostgreSQL: pencarian publik (kata dasar, saringan salah → pesan di
//! samping kolomnya dengan nilai yang diketik), halaman inovasi dengan
//! bagian-bagiannya, formulir replikasi (berhasil → kembali ke halaman dan
//! tercantum; 422 menyimpan teks; 409; 403 di samping formulir), sebaran;
//! kompetisi: entri per bagian (draf tidak kehilangan teks, pengajuan
//! menandai yang kurang, unggah bukti dari formulir yang sama), tindakan
//! penyelenggara, dan penilaian juri (entri yang tidak ditugaskan 404, 422
//! per kriteria dengan nilai tetap, tersimpan, 409 versi lama).

mod umum;

use app::akun::AkunBaru;
use app::inovasi as ino;
use app::kompetisi::entri::{self as en, MasukanEntri};
use app::kompetisi::juri as jr;
use app::kompetisi::{self as kp, MasukanKompetisi};
use app::{Aktor, Bahasa, Konteks, Layanan, Peran};
use axum::http::{Method, StatusCode};
use std::collections::BTreeMap;
use store::uji::backend_uji;
use umum::{Klien, SANDI, Uji, siapkan};

async fn dunia(b: store::Backend) -> Uji {
    let u = siapkan(b).await;
    assert_eq!(ino::isi_repositori_bila_kosong(&u.l).await.unwrap(), 200);
    u
}

/// Akun baru dengan peran, dan konteksnya untuk memanggil layanan langsung.
async fn orang(l: &Layanan, iid: &str, username: &str, peran: &[Peran]) -> Konteks {
    let p = app::akun::buat_akun(
        l,
        &Konteks::sistem(),
        AkunBaru {
            instansi_id: iid.into(),
            username: username.into(),
            nama: username.into(),
            sandi: SANDI.into(),
            pegawai_id: None,
            peran: peran.to_vec(),
        },
    )
    .await
    .unwrap();
    Konteks::dengan(
        Aktor {
            instansi_id: iid.into(),
            pengguna_id: p.id,
            username: username.into(),
            nama: username.into(),
            pegawai_id: None,
            peran: peran.to_vec(),
            hanya_baca: false,
        },
        Bahasa::Id,
    )
}

async fn masuk(u: &Uji, username: &str) -> Klien {
    let mut k = Klien::baru(u);
    if !username.is_empty() {
        let j = k.masuk(username, SANDI).await;
        assert_eq!(
            j.status,
            StatusCode::SEE_OTHER,
            "masuk {username}: {}",
            j.teks
        );
    }
    k
}

/// Angka dalam `<p … id="jumlah">N inovasi`.
fn jumlah(html: &str) -> i64 {
    let i = html.find("id=\"jumlah\">").expect("jumlah hasil") + 12;
    html[i..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

/// Isi `<p class="galat" id="g-KOLOM">…</p>`.
fn galat_kolom<'a>(html: &'a str, kolom: &str) -> Option<&'a str> {
    let kunci = format!("id=\"g-{kolom}\">");
    let i = html.find(&kunci)? + kunci.len();
    let j = html[i..].find('<')?;
    Some(&html[i..i + j])
}

#[tokio::test]
async fn pencarian_dan_halaman_inovasi() {
    for b in backend_uji() {
        let u = dunia(b).await;
        let mut tamu = masuk(&u, "").await;

        // "surat" menemukan E-SURAT (Kota Surabaya), tanpa masuk.
        let j = tamu.get("/inovasi?cari=surat").await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}");
        assert!(j.teks.contains("href=\"/inovasi/lan-69\""), "{b:?}");
        assert!(j.teks.contains("E-SURAT (TATA PERSURATAN DIGITAL )"));
        assert!(j.teks.contains("Kota Surabaya"));
        assert!(
            j.teks.contains("value=\"surat\""),
            "kata yang dicari tetap di kolomnya"
        );
        assert!(j.teks.contains("/api/v1/inovasi/data?format=csv"));
        assert!(j.teks.contains("/api/v1/inovasi/data?format=json"));
        assert!(
            j.teks.contains("href=\"/inovasi\""),
            "tautan Inovasi di kepala halaman"
        );
        // Kata dasar: "pelayanan" dan "layanan" menemukan hal yang sama.
        let a = jumlah(&tamu.get("/inovasi?cari=pelayanan").await.teks);
        let c = jumlah(&tamu.get("/inovasi?cari=layanan").await.teks);
        assert!(a > 5, "{b:?}: {a}");
        assert_eq!(a, c, "{b:?}");
        // Salah ketik: usulan "mungkin maksud Anda".
        let j = tamu.get("/inovasi?cari=e-surat+digitl").await;
        assert!(j.teks.contains("id=\"usulan\""), "{b:?}");
        assert!(j.teks.contains("href=\"/inovasi/lan-69\""));
        // Tanpa kata: semua, 20 per halaman, dengan halaman berikutnya.
        let j = tamu.get("/inovasi").await;
        assert_eq!(jumlah(&j.teks), 200);
        assert_eq!(j.teks.matches("class=\"kartu hasil\"").count(), 20);
        assert!(j.teks.contains("href=\"/inovasi?halaman=2\""), "{b:?}");
        let j2 = tamu.get("/inovasi?halaman=2").await;
        assert!(j2.teks.contains("href=\"/inovasi?halaman=1\""));
        // Saringan: Jawa Timur memuat Kota Surabaya; pilihan tetap terpilih.
        let j = tamu.get("/inovasi?cari=surat&wilayah=35").await;
        assert!(j.teks.contains("href=\"/inovasi/lan-69\""));
        assert!(j.teks.contains("<option value=\"35\" selected>"), "{b:?}");
        let j = tamu.get("/inovasi?cari=surat&wilayah=91").await;
        assert!(!j.teks.contains("href=\"/inovasi/lan-69\""));

        // Saringan salah: 422, pesan di samping kolomnya, nilai tetap, bukan halaman galat.
        let j = tamu.get("/inovasi?cari=surat&tahun=1800&urusan=9.99").await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(
            galat_kolom(&j.teks, "tahun").unwrap().contains("Tahun"),
            "{}",
            j.teks
        );
        assert!(galat_kolom(&j.teks, "urusan").is_some());
        assert!(
            j.teks
                .contains("id=\"tahun\" name=\"tahun\" inputmode=\"numeric\" value=\"1800\"")
        );
        assert!(j.teks.contains("<option value=\"9.99\" selected>"));
        assert!(j.teks.contains("value=\"surat\""));
        assert!(j.teks.contains("<form method=\"get\" action=\"/inovasi\""));
        let j = tamu.get("/inovasi?tahun=dua+ribu&wilayah=abc").await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(galat_kolom(&j.teks, "tahun").is_some());
        assert!(galat_kolom(&j.teks, "wilayah").is_some());
        assert!(j.teks.contains("value=\"dua ribu\""));
        assert!(j.teks.contains("<option value=\"abc\" selected>"));
        let j = tamu.get("/inovasi?halaman=9999").await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.teks.contains("id=\"galat-cari\""));

        // Bahasa Inggris lewat Accept-Language.
        let mut en_ = Klien::baru(&u);
        en_.bahasa = Some("en".into());
        let j = en_.get("/inovasi?cari=surat").await;
        assert!(j.teks.contains("Innovation repository"), "{b:?}");
        assert!(j.teks.contains("lang=\"en\""));

        // Halaman satu inovasi: bagian-bagiannya, tanpa masuk.
        let j = tamu.get("/inovasi/lan-69").await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}");
        for id in ["masalah", "solusi", "hasil", "tahapan", "prasyarat"] {
            assert!(
                j.teks.contains(&format!("class=\"teks\" id=\"{id}\"")),
                "{id}"
            );
        }
        assert!(j.teks.contains("E-SURAT (TATA PERSURATAN DIGITAL )"));
        assert!(j.teks.contains("Dinas Komunikasi dan Informasi"));
        assert!(j.teks.contains("Repositori Inovasi LAN"), "sumber");
        assert!(j.teks.contains("id=\"replikasi\""));
        assert!(
            j.teks.contains("href=\"/masuk\""),
            "tamu diajak masuk untuk replikasi"
        );
        assert!(!j.teks.contains("id=\"form-replikasi\""));
        let j = en_.get("/inovasi/lan-69").await;
        assert!(j.teks.contains("Prerequisites for replication"));
        let j = tamu.get("/inovasi/tidak-ada").await;
        assert_eq!(j.status, StatusCode::NOT_FOUND);

        // Sebaran tanpa replikasi; kode provinsi salah → pesan di kolomnya.
        let j = tamu.get("/inovasi/sebaran").await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("id=\"sebaran\""));
        let j = tamu.get("/inovasi/sebaran?provinsi=8").await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(galat_kolom(&j.teks, "provinsi").is_some());
    }
}

#[tokio::test]
async fn replikasi_lewat_halaman() {
    for b in backend_uji() {
        let u = dunia(b).await;
        orang(&u.l, &u.b.id, "op.ambon", &[Peran::OperatorInovasi]).await;
        let mut op = masuk(&u, "op.ambon").await;
        let mut pegawai = masuk(&u, "pegawai.b").await;
        let mut tamu = masuk(&u, "").await;

        let j = op.get("/inovasi/lan-68").await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("id=\"form-replikasi\""), "{b:?}");
        assert!(
            j.teks.contains("href=\"/kompetisi\""),
            "tautan Kompetisi bagi yang masuk"
        );
        let csrf = op.csrf.clone().unwrap();

        // 422: teks yang diketik tetap, pesan di samping kolomnya.
        let j = op
            .form(
                "/inovasi/lan-68/replikasi",
                &[
                    ("_csrf", &csrf),
                    ("adaptasi", "Terlalu <pendek>"),
                    ("mulai", "2099-01-01"),
                    ("penanggung_jawab", "Bagian Organisasi Kota Ambon"),
                ],
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b:?}: {}",
            j.teks
        );
        assert!(galat_kolom(&j.teks, "adaptasi").is_some(), "{}", j.teks);
        assert!(galat_kolom(&j.teks, "mulai").is_some());
        assert!(
            j.teks.contains(">Terlalu &#60;pendek&#62;</textarea>")
                || j.teks.contains(">Terlalu &lt;pendek&gt;</textarea>"),
            "{}",
            j.teks
        );
        assert!(j.teks.contains("value=\"2099-01-01\""));
        assert!(j.teks.contains("value=\"Bagian Organisasi Kota Ambon\""));

        // Berhasil: kembali ke halaman inovasi, replikasi tercantum.
        let adaptasi =
            "E-Performance untuk 3.200 ASN Kota Ambon, terhubung ke SKP dan presensi daring.";
        let j = op
            .form(
                "/inovasi/lan-68/replikasi",
                &[
                    ("_csrf", &csrf),
                    ("adaptasi", adaptasi),
                    ("mulai", "2025-03-01"),
                    ("penanggung_jawab", "Bagian Organisasi Kota Ambon"),
                    ("unit_id", ""),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{b:?}: {}", j.teks);
        assert_eq!(
            j.lokasi().as_deref(),
            Some("/inovasi/lan-68?ok=replikasi#replikasi")
        );
        let j = op.get("/inovasi/lan-68?ok=replikasi").await;
        assert!(j.teks.contains("id=\"pesan\""));
        assert!(j.teks.contains("Pemerintah Kota Ambon"), "{b:?}");
        assert!(j.teks.contains(adaptasi));
        assert!(j.teks.contains("Replikasi (1)"));
        assert!(
            !j.teks.contains("id=\"form-replikasi\""),
            "sudah terdaftar: formulir diganti catatan"
        );
        // Publik melihatnya juga.
        assert!(tamu.get("/inovasi/lan-68").await.teks.contains(adaptasi));
        // Kedua kali: 409 dengan pesannya, isian tetap.
        let j = op
            .form(
                "/inovasi/lan-68/replikasi",
                &[
                    ("_csrf", &csrf),
                    ("adaptasi", adaptasi),
                    ("mulai", "2025-03-01"),
                    ("penanggung_jawab", "Bagian Organisasi Kota Ambon"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::CONFLICT, "{b:?}");
        assert!(j.teks.contains("id=\"galat-replikasi\""));
        assert!(j.teks.contains("sudah mendaftarkan"));

        // Pegawai tanpa peran: tanpa formulir; kiriman paksa → 403 di samping formulir.
        let j = pegawai.get("/inovasi/lan-69").await;
        assert!(!j.teks.contains("id=\"form-replikasi\""));
        let csrf_p = pegawai.csrf.clone().unwrap();
        let j = pegawai
            .form(
                "/inovasi/lan-69/replikasi",
                &[
                    ("_csrf", &csrf_p),
                    ("adaptasi", adaptasi),
                    ("mulai", "2025-03-01"),
                    ("penanggung_jawab", "x"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        assert!(j.teks.contains("id=\"galat-replikasi\""));
        // Tanpa token CSRF yang benar: ditolak, tidak tersimpan.
        let j = op
            .form(
                "/inovasi/lan-69/replikasi",
                &[
                    ("_csrf", "palsu"),
                    ("adaptasi", adaptasi),
                    ("mulai", "2025-03-01"),
                    ("penanggung_jawab", "x"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        assert!(!op.get("/inovasi/lan-69").await.teks.contains(adaptasi));
        // Tamu yang mengirim formulir diarahkan masuk.
        let j = tamu
            .form(
                "/inovasi/lan-69/replikasi",
                &[("_csrf", "x"), ("adaptasi", adaptasi)],
            )
            .await;
        assert_eq!(j.lokasi().as_deref(), Some("/masuk"));

        // Sebaran: Maluku, lalu Kota Ambon di dalamnya.
        let j = tamu.get("/inovasi/sebaran").await;
        assert!(
            j.teks.contains("href=\"/inovasi/sebaran?provinsi=81\""),
            "{b:?}: {}",
            j.teks
        );
        let j = tamu.get("/inovasi/sebaran?provinsi=81").await;
        assert!(j.teks.contains("Kota Ambon"));
        assert!(j.teks.contains("<rect width=\"100\""));
    }
}

fn bagian_lengkap() -> BTreeMap<String, String> {
    en::BAGIAN_KOMPETISI
        .iter()
        .filter(|b| !b.replikasi)
        .map(|b| {
            (
                b.kode.to_string(),
                format!("{} — uraian yang cukup panjang untuk memenuhi batas minimal seratus karakter pada setiap bagian proposal.", b.id),
            )
        })
        .collect()
}

const PDF: &[u8] =
    b"%PDF-1.4\n% bukti\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const BATAS: &str = "----batas-inovasi-uji-7c2e";

fn multipart(teks: &[(&str, &str)], berkas: Option<(&str, &[u8])>) -> Vec<u8> {
    let mut v = Vec::new();
    for (k, isi) in teks {
        v.extend_from_slice(
            format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{isi}\r\n")
                .as_bytes(),
        );
    }
    if let Some((nama, isi)) = berkas {
        v.extend_from_slice(
            format!(
                "--{BATAS}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{nama}\"\r\nContent-Type: application/pdf\r\n\r\n"
            )
            .as_bytes(),
        );
        v.extend_from_slice(isi);
        v.extend_from_slice(b"\r\n");
    }
    v.extend_from_slice(format!("--{BATAS}--\r\n").as_bytes());
    v
}

#[tokio::test]
async fn kompetisi_entri_dan_penilaian_lewat_halaman() {
    for b in backend_uji() {
        let u = dunia(b).await;
        let l = &u.l;
        let buru = app::organisasi::instansi::buat(
            l,
            &Konteks::sistem(),
            app::organisasi::instansi::MasukanInstansi {
                nama: "Pemerintah Kabupaten Buru".into(),
                jenis: "kabupaten".into(),
                kode_wilayah: Some("81.04".into()),
                zona_waktu: None,
                versi: None,
            },
        )
        .await
        .unwrap()
        .id;
        let panitia = orang(l, &u.a.id, "op.prov", &[Peran::OperatorInovasi]).await;
        let op_ambon = orang(l, &u.b.id, "op.ambon", &[Peran::OperatorInovasi]).await;
        let op_buru = orang(l, &buru, "op.buru", &[Peran::OperatorInovasi]).await;
        let juri1 = orang(l, &u.a.id, "juri.satu", &[Peran::Penilai]).await;
        let juri2 = orang(l, &u.a.id, "juri.dua", &[Peran::Penilai]).await;
        let x = kp::buat(
            l,
            &panitia,
            MasukanKompetisi {
                nama: "Kompetisi Inovasi Pelayanan Publik Provinsi Maluku 2026".into(),
                tahun: 2026,
                tanggal_acuan: "2026-06-30".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let kid = x.kompetisi.id.clone();
        let mut tamu = masuk(&u, "").await;
        let mut org = masuk(&u, "op.prov").await;
        let csrf_org = org.csrf.clone().unwrap();

        // Publik: daftar dan halaman kompetisi dengan tahap dan rubrik.
        let j = tamu.get("/kompetisi").await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}");
        assert!(j.teks.contains(&format!("href=\"/kompetisi/{kid}\"")));
        let j = tamu.get(&format!("/kompetisi/{kid}")).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("Presentasi dan wawancara"));
        assert!(
            j.teks.contains("Transferabilitas (mudah direplikasi)"),
            "rubrik"
        );
        assert!(
            !j.teks.contains("/tahap/1/buka"),
            "tamu tanpa tombol penyelenggara"
        );
        // Penyelenggara membuka pendaftaran lewat halaman.
        let j = org.get(&format!("/kompetisi/{kid}")).await;
        assert!(
            j.teks
                .contains(&format!("action=\"/kompetisi/{kid}/tahap/1/buka\"")),
            "{b:?}"
        );
        let j = org
            .form(
                &format!("/kompetisi/{kid}/tahap/1/buka"),
                &[("_csrf", &csrf_org)],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);
        // Tahap 3 tidak dibuka loncat: pesan di halaman (409).
        let j = org
            .form(
                &format!("/kompetisi/{kid}/tahap/3/buka"),
                &[("_csrf", &csrf_org)],
            )
            .await;
        assert_eq!(j.status, StatusCode::CONFLICT);
        assert!(j.teks.contains("id=\"galat\""));

        // Peserta Ambon: formulir entri per bagian.
        let mut ambon = masuk(&u, "op.ambon").await;
        let j = ambon.get(&format!("/kompetisi/{kid}")).await;
        assert!(
            j.teks
                .contains(&format!("href=\"/kompetisi/{kid}/entri/baru\"")),
            "{b:?}"
        );
        let j = ambon.get(&format!("/kompetisi/{kid}/entri/baru")).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("name=\"bagian.latar_belakang\""));
        assert!(j.teks.contains("maxlength=\"8000\""));
        let csrf_a = ambon.csrf.clone().unwrap();
        // Ajukan yang belum lengkap: draf tersimpan, alasan di samping kolomnya, teks tetap.
        let j = ambon
            .form(
                &format!("/kompetisi/{kid}/entri/baru"),
                &[
                    ("_csrf", &csrf_a),
                    ("kelompok", "umum"),
                    ("judul", "Ambon Sehat Keliling"),
                    (
                        "bagian.latar_belakang",
                        "Teks pertama yang diketik & belum selesai",
                    ),
                    ("aksi", "ajukan"),
                ],
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b:?}: {}",
            j.teks
        );
        for k in [
            "bagian.latar_belakang",
            "bagian.deskripsi",
            "tanggal_implementasi",
            "video_url",
            "boleh_direplikasi",
            "bukti",
        ] {
            assert!(galat_kolom(&j.teks, k).is_some(), "{k}: {}", j.teks);
        }
        assert!(
            j.teks
                .contains("Teks pertama yang diketik &#38; belum selesai")
                || j.teks
                    .contains("Teks pertama yang diketik &amp; belum selesai")
        );
        let e1 = en::milik_saya(l, &op_ambon, Some(&kid)).await.unwrap();
        assert_eq!(e1.len(), 1);
        let eid = e1[0].id.clone();
        assert_eq!(e1[0].status, "draf");
        assert!(
            j.teks
                .contains(&format!("action=\"/entri-kompetisi/{eid}\""))
        );
        // Simpan draf dengan judul kosong: 422, semua teks tetap.
        let j = ambon
            .form(
                &format!("/entri-kompetisi/{eid}"),
                &[
                    ("_csrf", &csrf_a),
                    ("versi", "1"),
                    ("kelompok", "umum"),
                    ("judul", ""),
                    ("bagian.deskripsi", "Deskripsi yang baru diketik"),
                    ("aksi", "simpan"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(galat_kolom(&j.teks, "judul").is_some());
        assert!(j.teks.contains(">Deskripsi yang baru diketik</textarea>"));
        // Lengkap, dengan berkas bukti diunggah dari formulir yang sama, lalu diajukan.
        let bagian: Vec<(String, String)> = bagian_lengkap()
            .into_iter()
            .map(|(k, v)| (format!("bagian.{k}"), v))
            .collect();
        let mut teks: Vec<(&str, &str)> = vec![
            ("_csrf", &csrf_a),
            ("versi", "1"),
            ("kelompok", "umum"),
            ("judul", "Ambon Sehat Keliling"),
            ("tanggal_implementasi", "2024-02-01"),
            ("video_url", "https://video.example/ambon"),
            ("boleh_direplikasi", "1"),
            ("aksi", "ajukan"),
        ];
        teks.extend(bagian.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let j = ambon
            .kirim(
                Method::POST,
                &format!("/entri-kompetisi/{eid}"),
                Some(&format!("multipart/form-data; boundary={BATAS}")),
                multipart(&teks, Some(("bukti-ambon.pdf", PDF))),
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{b:?}: {}", j.teks);
        assert_eq!(
            j.lokasi(),
            Some(format!("/entri-kompetisi/{eid}?ok=ajukan"))
        );
        let j = ambon
            .get(&format!("/entri-kompetisi/{eid}?ok=ajukan"))
            .await;
        assert!(
            j.teks.contains("id=\"status-entri\">Diajukan"),
            "{}",
            j.teks
        );
        assert!(j.teks.contains("/bukti/"), "bukti tercantum");
        let d = en::lihat(l, &op_ambon, &eid).await.unwrap();
        assert_eq!(d.isi_entri.bukti.len(), 1);

        // Buru lewat layanan.
        let bid = app::bukti::unggah(
            l,
            &op_buru,
            &buru,
            vec![app::bukti::BerkasMasuk {
                nama: "b.pdf".into(),
                isi: PDF.to_vec(),
            }],
        )
        .await
        .unwrap()[0]
            .id
            .clone();
        let e2 = en::buat(
            l,
            &op_buru,
            &kid,
            MasukanEntri {
                kelompok: "umum".into(),
                judul: "Buru Surat Elektronik".into(),
                tanggal_implementasi: Some("2023-05-01".into()),
                bagian: bagian_lengkap(),
                video_url: Some("https://video.example/buru".into()),
                boleh_direplikasi: true,
                bukti: vec![bid],
                ..Default::default()
            },
        )
        .await
        .unwrap();
        en::ajukan(l, &op_buru, &e2.id, e2.versi).await.unwrap();

        // Penyelenggara: tutup pendaftaran, seleksi (alasan wajib bila tidak lolos), penilaian.
        let t = |u: i64, a: &str| format!("/kompetisi/{kid}/tahap/{u}/{a}");
        let j = org.form(&t(1, "tutup"), &[("_csrf", &csrf_org)]).await;
        assert_eq!(
            j.lokasi(),
            Some(format!("/kompetisi/{kid}?ok=tutup&a=2&b=0&c=0")),
            "{b:?}: {}",
            j.teks
        );
        assert_eq!(
            org.form(&t(2, "buka"), &[("_csrf", &csrf_org)])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let j = org.get(&format!("/kompetisi/{kid}")).await;
        assert!(
            j.teks.contains(&format!("<option value=\"{eid}\"")),
            "calon keputusan seleksi"
        );
        let j = org
            .form(
                &t(2, "keputusan"),
                &[
                    ("_csrf", &csrf_org),
                    ("entri_id", &eid),
                    ("lolos", "tidak"),
                    ("alasan", ""),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(
            j.teks.contains("class=\"galat\">Tuliskan alasannya"),
            "{}",
            j.teks
        );
        for e in [&eid, &e2.id] {
            let j = org
                .form(
                    &t(2, "keputusan"),
                    &[
                        ("_csrf", &csrf_org),
                        ("entri_id", e),
                        ("lolos", "ya"),
                        ("alasan", ""),
                    ],
                )
                .await;
            assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);
        }
        assert_eq!(
            org.form(&t(2, "tutup"), &[("_csrf", &csrf_org)])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        // Hasil seleksi diumumkan: publik melihat daftar dengan unduhan.
        let j = org.form(&t(2, "umumkan"), &[("_csrf", &csrf_org)]).await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);
        let j = tamu.get(&t(2, "hasil")).await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}");
        assert!(j.teks.contains("Ambon Sehat Keliling"));
        assert!(j.teks.contains("Buru Surat Elektronik"));
        assert!(j.teks.contains(&format!(
            "/api/v1/kompetisi/{kid}/tahap/2/hasil?format=xlsx"
        )));
        assert!(
            j.teks
                .contains(&format!("/api/v1/kompetisi/{kid}/tahap/2/hasil?format=pdf"))
        );
        assert!(
            tamu.get(&format!("/kompetisi/{kid}"))
                .await
                .teks
                .contains(&format!("href=\"/kompetisi/{kid}/tahap/2/hasil\""))
        );
        assert_eq!(
            org.form(&t(3, "buka"), &[("_csrf", &csrf_org)])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        for nama in ["juri.satu", "juri.dua"] {
            let j = org
                .form(
                    &format!("/kompetisi/{kid}/juri"),
                    &[
                        ("_csrf", &csrf_org),
                        ("username", nama),
                        ("afiliasi", "Universitas Pattimura"),
                        ("eksternal", "1"),
                    ],
                )
                .await;
            assert_eq!(j.status, StatusCode::SEE_OTHER, "{b:?}: {}", j.teks);
        }
        let j = org
            .form(
                &format!("/kompetisi/{kid}/juri"),
                &[
                    ("_csrf", &csrf_org),
                    ("username", "tidak.ada"),
                    ("afiliasi", "X"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.teks.contains("value=\"tidak.ada\""));
        // Satu juri per entri: dua juri, beban seimbang (satu entri masing-masing).
        let th = kp::lihat(l, &panitia, &kid).await.unwrap().tahap[2].clone();
        kp::atur_tahap(
            l,
            &panitia,
            &kid,
            3,
            th.tahap.versi,
            kp::MasukanTahap {
                jenis: "penilaian".into(),
                nama: th.tahap.nama.clone(),
                mulai: th.tahap.mulai.clone(),
                selesai: th.tahap.selesai.clone(),
                n_lolos: th.tahap.n_lolos,
                nilai_minimum: th.tahap.nilai_minimum.clone(),
                min_juri: Some(1),
                penghargaan: th.tahap.penghargaan.clone(),
                tingkat_penghargaan: th.tahap.tingkat_penghargaan.clone(),
                kriteria: th
                    .kriteria
                    .iter()
                    .map(|c| kp::MasukanKriteria {
                        kode: c.kode.clone(),
                        nama: c.nama.clone(),
                        bobot: c.bobot.clone(),
                    })
                    .collect(),
                versi: None,
            },
        )
        .await
        .unwrap();
        let j = org.form(&t(3, "penugasan"), &[("_csrf", &csrf_org)]).await;
        assert_eq!(
            j.lokasi(),
            Some(format!("/kompetisi/{kid}?ok=penugasan&a=2&b=0")),
            "{b:?}: {}",
            j.teks
        );
        let j = org.get(&format!("/kompetisi/{kid}")).await;
        assert!(j.teks.contains("Kemajuan penilaian"));
        assert!(j.teks.contains("0/1"));
        // Hasil belum diumumkan: publik tidak melihat.
        assert_eq!(tamu.get(&t(3, "hasil")).await.status, StatusCode::CONFLICT);

        // Juri satu: daftar tugas, entri yang tidak ditugaskan 404, menilai.
        let milik = jr::tugas_saya(l, &juri1, &kid).await.unwrap();
        assert_eq!(milik.len(), 1);
        let saya = milik[0].entri_id.clone();
        let lain = if saya == eid {
            e2.id.clone()
        } else {
            eid.clone()
        };
        assert_eq!(
            jr::tugas_saya(l, &juri2, &kid).await.unwrap()[0].entri_id,
            lain
        );
        let mut j1 = masuk(&u, "juri.satu").await;
        let j = j1.get(&format!("/kompetisi/{kid}")).await;
        assert!(j.teks.contains("id=\"penilaian-saya\""), "{b:?}");
        let j = j1.get(&format!("/kompetisi/{kid}/penilaian")).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.teks
                .contains(&format!("href=\"/entri-kompetisi/{saya}/nilai/3\""))
        );
        assert!(j.teks.contains("data-dinilai=\"tidak\""));
        assert_eq!(
            j1.get(&format!("/entri-kompetisi/{lain}/nilai/3"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            j1.get(&format!("/entri-kompetisi/{saya}/nilai/2"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            tamu.get(&format!("/entri-kompetisi/{saya}/nilai/3"))
                .await
                .lokasi()
                .as_deref(),
            Some("/masuk")
        );
        let j = j1.get(&format!("/entri-kompetisi/{saya}/nilai/3")).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("Deskripsi inovasi"), "isi entri");
        assert!(
            j.teks
                .contains(&format!("/api/v1/entri-kompetisi/{saya}/bukti/"))
        );
        assert!(j.teks.contains("?varian=asli"));
        let kriteria: Vec<String> = th.kriteria.iter().map(|c| c.kode.clone()).collect();
        for k in &kriteria {
            assert!(
                j.teks.contains(&format!(
                    "name=\"skor.{k}\" type=\"number\" min=\"0\" max=\"100\" step=\"0.01\""
                )),
                "{k}"
            );
        }
        let csrf_j = j1.csrf.clone().unwrap();
        let versi = milik[0].versi.to_string();
        // 422: pesan per kriteria, nilai yang diketik tetap.
        let j = j1
            .form(
                &format!("/entri-kompetisi/{saya}/nilai/3"),
                &[
                    ("_csrf", &csrf_j),
                    ("versi", &versi),
                    ("skor.kebaruan", "101"),
                    ("catatan", "Catatan sementara"),
                ],
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b:?}: {}",
            j.teks
        );
        assert!(galat_kolom(&j.teks, "skor.kebaruan").is_some());
        assert!(galat_kolom(&j.teks, "skor.signifikansi").is_some());
        assert!(j.teks.contains("value=\"101\""));
        assert!(j.teks.contains(">Catatan sementara</textarea>"));
        // Tersimpan: kembali ke daftar dengan "tersimpan".
        let mut isi: Vec<(String, String)> = vec![
            ("_csrf".into(), csrf_j.clone()),
            ("versi".into(), versi.clone()),
        ];
        isi.extend(
            kriteria
                .iter()
                .map(|k| (format!("skor.{k}"), "85.5".to_string())),
        );
        isi.push(("catatan".into(), "Dampak jelas.".into()));
        let pas: Vec<(&str, &str)> = isi.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let j = j1
            .form(&format!("/entri-kompetisi/{saya}/nilai/3"), &pas)
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{b:?}: {}", j.teks);
        assert!(
            j.lokasi()
                .unwrap()
                .starts_with(&format!("/kompetisi/{kid}/penilaian?ok=tersimpan"))
        );
        let j = j1
            .get(&format!("/kompetisi/{kid}/penilaian?ok=tersimpan"))
            .await;
        assert!(j.teks.contains("id=\"pesan\""));
        assert!(j.teks.contains("data-dinilai=\"ya\""));
        assert!(j.teks.contains("85.5"), "nilai tertimbang sendiri");
        // Versi lama (diubah di perangkat lain): 409 dengan pesan, nilai tetap.
        let j = j1
            .form(&format!("/entri-kompetisi/{saya}/nilai/3"), &pas)
            .await;
        assert_eq!(j.status, StatusCode::CONFLICT, "{b:?}");
        assert!(j.teks.contains("id=\"galat\""));
        assert!(j.teks.contains("value=\"85.5\""));
        // Konflik tanpa alasan: pesan di kolomnya.
        let j = j1
            .form(
                &format!("/entri-kompetisi/{saya}/konflik"),
                &[("_csrf", &csrf_j), ("alasan", ""), ("tahap", "3")],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            j.teks.contains("class=\"galat\">Sebutkan alasannya."),
            "{}",
            j.teks
        );
        // Penyelenggara melihat kemajuan 1/1 tanpa nilai selama tahap buka.
        let j = org.get(&format!("/kompetisi/{kid}")).await;
        assert!(j.teks.contains("1/1"));
        assert!(!j.teks.contains("juri.satu: "));
    }
}
