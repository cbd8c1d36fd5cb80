//! Bukti (isu 7 bagian 8) lewat HTTP, di SQLite dan PostgreSQL: batas ukuran
//! saat badan dibaca, jenis dari isi, salinan foto tanpa metadata (dibuat
//! saat pertama diminta, ADR 0017), nama
//! berkas tanpa jalur, penyimpanan menurut isi (dedup), hak akses per
//! instansi, pembersihan yatim, dan tulisan gagal yang tidak meninggalkan
//! apa pun.

mod umum;

use app::bukti::PenyimpanLokal;
use axum::http::{Method, StatusCode, header};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use store::Backend;
use store::uji::backend_uji;
use umum::{Jawaban, Klien, SANDI, Uji, siapkan};

const SKRIP: &[u8] = b"<script>alert(1)</script>";

async fn siapkan_bukti(b: Backend, atur: impl FnOnce(&mut app::Konfigurasi)) -> (Uji, PathBuf) {
    let mut u = siapkan(b).await;
    let dir = std::env::temp_dir().join(format!("kinerja-bukti-uji-{}", store::id_baru()));
    u.l.bukti = Arc::new(PenyimpanLokal::baru(&dir));
    atur(&mut u.l.konfigurasi);
    u.router = web::router(web::AppState::baru(u.l.clone()));
    (u, dir)
}

/// Semua berkas biasa di bawah folder (rekursif).
fn berkas_di(dir: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    let Ok(isi) = std::fs::read_dir(dir) else {
        return v;
    };
    for e in isi.flatten() {
        let p = e.path();
        if p.is_dir() {
            v.extend(berkas_di(&p));
        } else {
            v.push(p);
        }
    }
    v
}

/// Setiap berkas tersimpan ada di `ab/cd/abcd…` (64 heks) dan tidak ada yang
/// lain (selain folder sementara, yang diperiksa tersendiri).
fn hanya_menurut_isi(dir: &Path) -> Vec<String> {
    berkas_di(dir)
        .into_iter()
        .filter(|p| !p.starts_with(dir.join(".sementara")))
        .map(|p| {
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            let bagian: Vec<&str> = rel.split('/').collect();
            assert_eq!(bagian.len(), 3, "di luar susunan ab/cd/sha: {rel}");
            let sha = bagian[2];
            assert!(app::bukti::penyimpan::kunci_sah(sha), "{rel}");
            assert_eq!(bagian[0], &sha[0..2], "{rel}");
            assert_eq!(bagian[1], &sha[2..4], "{rel}");
            sha.to_string()
        })
        .collect()
}

fn multipart(berkas: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let batas = "----kinerjaBatasUji7MA4YWxkTrZu0gW";
    let mut badan = Vec::new();
    for (nama, isi) in berkas {
        badan.extend_from_slice(format!("--{batas}\r\n").as_bytes());
        badan.extend_from_slice(
            format!("Content-Disposition: form-data; name=\"berkas\"; filename=\"{nama}\"\r\n")
                .as_bytes(),
        );
        // Jenis dari klien sengaja bohong: server harus mengabaikannya.
        badan.extend_from_slice(b"Content-Type: image/jpeg\r\n\r\n");
        badan.extend_from_slice(isi);
        badan.extend_from_slice(b"\r\n");
    }
    badan.extend_from_slice(format!("--{batas}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={batas}"), badan)
}

async fn unggah(k: &mut Klien, iid: &str, berkas: &[(&str, &[u8])]) -> Jawaban {
    let (jenis, badan) = multipart(berkas);
    k.kirim(
        Method::POST,
        &format!("/api/v1/instansi/{iid}/bukti"),
        Some(&jenis),
        badan,
        true,
    )
    .await
}

/// Isi mentah jawaban (teks `Jawaban` lossy; untuk biner, unduh sendiri).
async fn unduh(k: &mut Klien, jalur: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    use tower::ServiceExt;
    let mut r = axum::http::Request::builder().uri(jalur);
    let cookie = k
        .cookie
        .iter()
        .map(|(a, b)| format!("{a}={b}"))
        .collect::<Vec<_>>()
        .join("; ");
    if !cookie.is_empty() {
        r = r.header(header::COOKIE, cookie);
    }
    let res = k
        .router
        .clone()
        .oneshot(r.body(axum::body::Body::empty()).unwrap())
        .await
        .unwrap();
    let (s, h) = (res.status(), res.headers().clone());
    let isi = axum::body::to_bytes(res.into_body(), 64 * 1024 * 1024)
        .await
        .unwrap();
    (s, h, isi.to_vec())
}

fn h(hs: &axum::http::HeaderMap, n: header::HeaderName) -> &str {
    hs.get(n).map(|v| v.to_str().unwrap()).unwrap_or("")
}

fn memuat(isi: &[u8], cari: &[u8]) -> bool {
    isi.windows(cari.len()).any(|w| w == cari)
}

// ---------- berkas uji ----------

fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

fn potongan_png(jenis: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut v = (data.len() as u32).to_be_bytes().to_vec();
    v.extend_from_slice(jenis);
    v.extend_from_slice(data);
    let mut c = jenis.to_vec();
    c.extend_from_slice(data);
    v.extend_from_slice(&crc32(&c).to_be_bytes());
    v
}

/// JPEG 640×480 dengan segmen komentar (COM) berisi skrip.
fn jpeg_berskrip() -> Vec<u8> {
    let g = image::RgbImage::from_fn(640, 480, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut isi = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut isi, 90)
        .encode_image(&g)
        .unwrap();
    let mut com = vec![0xFF, 0xFE];
    com.extend_from_slice(&((SKRIP.len() + 2) as u16).to_be_bytes());
    com.extend_from_slice(SKRIP);
    let mut hasil = isi[..2].to_vec();
    hasil.extend_from_slice(&com);
    hasil.extend_from_slice(&isi[2..]);
    hasil
}

/// PNG 2000×1000 (lebih besar dari salinan kecil) dengan potongan tEXt berisi skrip.
fn png_berskrip(lebar: u32, tinggi: u32) -> Vec<u8> {
    let g = image::RgbaImage::from_fn(lebar, tinggi, |x, y| {
        image::Rgba([(x % 256) as u8, 40, (y % 256) as u8, 200])
    });
    let mut isi = Vec::new();
    g.write_to(&mut std::io::Cursor::new(&mut isi), image::ImageFormat::Png)
        .unwrap();
    let mut teks = b"Comment\0".to_vec();
    teks.extend_from_slice(SKRIP);
    let mut hasil = isi[..33].to_vec(); // tanda tangan + IHDR
    hasil.extend_from_slice(&potongan_png(b"tEXt", &teks));
    hasil.extend_from_slice(&isi[33..]);
    hasil
}

/// PNG yang kepalanya mengaku lebar×tinggi piksel (bom dekompresi).
fn png_bom(lebar: u32, tinggi: u32) -> Vec<u8> {
    let mut ihdr = lebar.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&tinggi.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    v.extend_from_slice(&potongan_png(b"IHDR", &ihdr));
    v.extend_from_slice(&potongan_png(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    v.extend_from_slice(&potongan_png(b"IEND", &[]));
    v
}

/// PNG dengan kepala 10×10 yang sah tetapi data piksel rusak (blok deflate
/// berjenis terlarang): lolos pemeriksaan kepala, gagal didekode.
fn png_rusak() -> Vec<u8> {
    let mut ihdr = 10u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&10u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    v.extend_from_slice(&potongan_png(b"IHDR", &ihdr));
    v.extend_from_slice(&potongan_png(
        b"IDAT",
        &[0x78, 0x9c, 0xff, 0xff, 0xff, 0xff],
    ));
    v.extend_from_slice(&potongan_png(b"IEND", &[]));
    v
}

fn pdf(teks: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {teks}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").into_bytes()
}

// ---------- tes ----------

#[tokio::test]
async fn foto_berskrip_diterima_salinannya_bersih_aslinya_hanya_lampiran() {
    for b in backend_uji() {
        let (u, dir) = siapkan_bukti(b, |_| {}).await;
        let mut k = Klien::baru(&u);
        k.masuk("pegawai.a", SANDI).await;
        let jpeg = jpeg_berskrip();
        let png = png_berskrip(2000, 1000);
        assert!(memuat(&jpeg, SKRIP) && memuat(&png, SKRIP));
        let j = unggah(&mut k, &u.a.id, &[("foto.jpg", &jpeg), ("denah.png", &png)]).await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        let v = j.json();
        let daftar = v["bukti"].as_array().unwrap();
        assert_eq!(daftar.len(), 2);
        assert_eq!(daftar[0]["jenis_mime"], "image/jpeg");
        assert_eq!(daftar[1]["jenis_mime"], "image/png");
        assert_eq!(daftar[1]["lebar"], 2000);
        // Asli disimpan persis seperti diterima, di jalur menurut isinya.
        let sha = daftar[0]["sha256"].as_str().unwrap();
        let di_disk = std::fs::read(dir.join(&sha[0..2]).join(&sha[2..4]).join(sha)).unwrap();
        assert_eq!(di_disk, jpeg, "{b:?}");
        // Salinan dibuat saat pertama diminta (ADR 0017): sesudah unggah
        // hanya aslinya yang ada, tetapi alamat salinannya sudah diberikan.
        assert_eq!(hanya_menurut_isi(&dir).len(), 2, "{b:?}: hanya asli");
        assert_eq!(daftar[0]["pratinjau"], true, "{b:?}");
        assert!(daftar[1]["url_mini"].is_string(), "{b:?}");
        for (i, asli) in [(0, &jpeg), (1, &png)] {
            let url = daftar[i]["url"].as_str().unwrap().to_string();
            for varian in ["kecil", "mini"] {
                let (s, hs, isi) = unduh(&mut k, &format!("{url}?varian={varian}")).await;
                assert_eq!(s, StatusCode::OK, "{b:?} {varian}");
                assert!(
                    !memuat(&isi, SKRIP) && !memuat(&isi, b"<script"),
                    "{b:?} {varian}: skrip ikut"
                );
                assert!(
                    h(&hs, header::CONTENT_DISPOSITION).starts_with("inline"),
                    "{b:?}"
                );
                assert_eq!(h(&hs, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
                assert_eq!(h(&hs, header::CACHE_CONTROL), "private, no-store");
                let ct = h(&hs, header::CONTENT_TYPE);
                assert!(ct == "image/jpeg" || ct == "image/png", "{ct}");
                let g = image::load_from_memory(&isi).unwrap();
                let sisi = if varian == "kecil" { 1600 } else { 256 };
                assert!(g.width() <= sisi && g.height() <= sisi, "{b:?} {varian}");
            }
            let (s, hs, isi) = unduh(&mut k, &url).await;
            assert_eq!(s, StatusCode::OK);
            assert_eq!(&isi, asli, "{b:?}: asli persis");
            assert!(
                h(&hs, header::CONTENT_DISPOSITION).starts_with("attachment"),
                "{b:?}"
            );
            assert_eq!(h(&hs, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
            assert_eq!(h(&hs, header::CACHE_CONTROL), "private, no-store");
            assert_eq!(
                h(&hs, header::CONTENT_TYPE),
                if i == 0 { "image/jpeg" } else { "image/png" }
            );
        }
        assert_eq!(
            hanya_menurut_isi(&dir).len(),
            6,
            "{b:?}: asli + kecil + mini, dua foto"
        );
        // Salinan kecil PNG beralfa tetap PNG dan sisi terpanjangnya 1600.
        let (_, _, isi) = unduh(
            &mut k,
            &format!("{}?varian=kecil", daftar[1]["url"].as_str().unwrap()),
        )
        .await;
        let g = image::load_from_memory(&isi).unwrap();
        assert_eq!((g.width(), g.height()), (1600, 800), "{b:?}");
        // PDF: hanya asli, sebagai lampiran; varian kecil tidak ada.
        let j = unggah(&mut k, &u.a.id, &[("laporan.pdf", &pdf("a"))]).await;
        assert_eq!(j.status, StatusCode::CREATED);
        let url = j.json()["bukti"][0]["url"].as_str().unwrap().to_string();
        let (s, hs, _) = unduh(&mut k, &url).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(h(&hs, header::CONTENT_TYPE), "application/pdf");
        assert!(h(&hs, header::CONTENT_DISPOSITION).starts_with("attachment"));
        let (s, _, _) = unduh(&mut k, &format!("{url}?varian=kecil")).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _, _) = unduh(&mut k, &format!("{url}?varian=besar")).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        // Daftar unggahan sendiri.
        let j = k.get(&format!("/api/v1/instansi/{}/bukti", u.a.id)).await;
        assert_eq!(j.json()["bukti"].as_array().unwrap().len(), 3, "{b:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// ADR 0017: unggah hanya membaca kepala foto; salinan dibuat pada
/// permintaan pertama, sekali, juga bila permintaan pertamanya serentak,
/// dan dipakai bersama oleh unggahan lain dengan isi yang sama.
#[tokio::test]
async fn salinan_foto_dibuat_sekali_saat_pertama_diminta() {
    use tower::ServiceExt;
    for b in backend_uji() {
        let (u, dir) = siapkan_bukti(b, |_| {}).await;
        let mut k = Klien::baru(&u);
        k.masuk("pegawai.a", SANDI).await;
        let png = png_berskrip(600, 400);
        let j = unggah(&mut k, &u.a.id, &[("a.png", &png), ("b.png", &png)]).await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        let v = j.json();
        let id1 = v["bukti"][0]["id"].as_str().unwrap().to_string();
        assert_eq!(v["bukti"][0]["lebar"], 600);
        assert_eq!(v["bukti"][0]["tinggi"], 400);
        let baris = store::bukti::ambil(u.l.pool(), &u.a.id, &id1)
            .await
            .unwrap()
            .unwrap();
        assert!(baris.sha256_kecil.is_some() && baris.ukuran_kecil.is_none());
        assert_eq!(hanya_menurut_isi(&dir).len(), 1, "{b:?}: satu asli");
        // Delapan permintaan pertama serentak (kecil dan mini bergantian).
        let cookie = k
            .cookie
            .iter()
            .map(|(a, b)| format!("{a}={b}"))
            .collect::<Vec<_>>()
            .join("; ");
        let url = v["bukti"][0]["url"].as_str().unwrap().to_string();
        let mut tugas = Vec::new();
        for n in 0..8 {
            let varian = if n % 2 == 0 { "kecil" } else { "mini" };
            let r = axum::http::Request::builder()
                .uri(format!("{url}?varian={varian}"))
                .header(header::COOKIE, cookie.clone())
                .body(axum::body::Body::empty())
                .unwrap();
            let router = k.router.clone();
            tugas.push(tokio::spawn(async move {
                let res = router.oneshot(r).await.unwrap();
                let s = res.status();
                let isi = axum::body::to_bytes(res.into_body(), 64 * 1024 * 1024)
                    .await
                    .unwrap();
                (varian, s, isi.to_vec())
            }));
        }
        let mut isi_varian: std::collections::HashMap<&str, Vec<u8>> = Default::default();
        for t in tugas {
            let (varian, s, isi) = t.await.unwrap();
            assert_eq!(s, StatusCode::OK, "{b:?} {varian}");
            let lama = isi_varian.entry(varian).or_insert_with(|| isi.clone());
            assert_eq!(lama, &isi, "{b:?} {varian}: isi sama untuk semua");
        }
        assert!(!memuat(&isi_varian["kecil"], SKRIP));
        assert_eq!(
            hanya_menurut_isi(&dir).len(),
            3,
            "{b:?}: asli + kecil + mini"
        );
        let baris = store::bukti::ambil(u.l.pool(), &u.a.id, &id1)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(baris.ukuran_kecil, Some(isi_varian["kecil"].len() as i64));
        assert_eq!(baris.ukuran_mini, Some(isi_varian["mini"].len() as i64));
        // Baris kedua dengan isi yang sama memakai salinan yang sudah ada.
        let url2 = v["bukti"][1]["url"].as_str().unwrap();
        let (s, _, isi) = unduh(&mut k, &format!("{url2}?varian=mini")).await;
        assert_eq!((s, &isi), (StatusCode::OK, &isi_varian["mini"]), "{b:?}");
        assert_eq!(hanya_menurut_isi(&dir).len(), 3, "{b:?}");
        // Kepala sah, isi rusak: diterima (hanya kepala diperiksa), aslinya
        // dapat diunduh, salinannya 404 dengan pesan yang jelas.
        let j = unggah(&mut k, &u.a.id, &[("rusak.png", &png_rusak())]).await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        let url3 = j.json()["bukti"][0]["url"].as_str().unwrap().to_string();
        assert_eq!(unduh(&mut k, &url3).await.0, StatusCode::OK);
        let j = k.get(&format!("{url3}?varian=kecil")).await;
        assert_eq!(j.status, StatusCode::NOT_FOUND, "{b:?}: {}", j.teks);
        assert!(j.teks.contains("rusak"), "{}", j.teks);
        assert_eq!(hanya_menurut_isi(&dir).len(), 4, "{b:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn terlalu_besar_413_tanpa_sisa() {
    for b in backend_uji() {
        let (u, dir) = siapkan_bukti(b, |_| {}).await;
        let mut k = Klien::baru(&u);
        k.masuk("pegawai.a", SANDI).await;
        // 10 MB + 1 bita, isi PDF yang sah: ditolak karena ukuran saja.
        let mut besar = pdf("besar");
        besar.resize(10 * 1024 * 1024 + 1, b' ');
        let j = unggah(
            &mut k,
            &u.a.id,
            &[("kecil.pdf", &pdf("kecil")), ("besar sekali.pdf", &besar)],
        )
        .await;
        assert_eq!(j.status, StatusCode::PAYLOAD_TOO_LARGE, "{b:?}: {}", j.teks);
        let v = j.json();
        assert_eq!(v["error"]["code"], "berkas_terlalu_besar");
        let pesan = v["error"]["message"].as_str().unwrap();
        assert!(
            pesan.contains("besar sekali.pdf") && pesan.contains("10 MB"),
            "{pesan}"
        );
        assert_eq!(
            store::bukti::jumlah(u.l.pool(), None).await.unwrap(),
            0,
            "{b:?}"
        );
        assert!(berkas_di(&dir).is_empty(), "{b:?}: {:?}", berkas_di(&dir));
        // Bahasa Inggris.
        k.bahasa = Some("en".into());
        let j = unggah(&mut k, &u.a.id, &[("big.pdf", &besar)]).await;
        assert_eq!(j.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            j.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("larger than 10 MB"),
            "{}",
            j.teks
        );
        assert!(berkas_di(&dir).is_empty());
        // Content-Length di atas batas kasar seluruh badan: ditolak sebelum
        // dibaca, tetap dengan galat JSON yang jelas.
        k.bahasa = None;
        let mut sangat = pdf("sangat");
        sangat.resize(22 * 1024 * 1024, b' ');
        let (jenis, badan) = multipart(&[("sangat.pdf", &sangat)]);
        k.header_lain = vec![("content-length", badan.len().to_string())];
        let url = format!("/api/v1/instansi/{}/bukti", u.a.id);
        let j = k.kirim(Method::POST, &url, Some(&jenis), badan, true).await;
        k.header_lain.clear();
        assert_eq!(j.status, StatusCode::PAYLOAD_TOO_LARGE, "{b:?}: {}", j.teks);
        assert_eq!(
            j.json()["error"]["code"],
            "permintaan_terlalu_besar",
            "{}",
            j.teks
        );
        assert!(j.teks.contains("21 MB"), "{}", j.teks);
        assert!(berkas_di(&dir).is_empty());
        assert_eq!(store::bukti::jumlah(u.l.pool(), None).await.unwrap(), 0);
    }
    // Batas per permintaan (jumlah) dan per berkas yang diatur sendiri.
    for b in backend_uji() {
        let (u, dir) = siapkan_bukti(b, |c| {
            c.bukti_maks_bita = 1000;
            c.bukti_maks_permintaan = 1500;
        })
        .await;
        let mut k = Klien::baru(&u);
        k.masuk("pegawai.a", SANDI).await;
        let mut a = pdf("a");
        a.resize(800, b' ');
        let j = unggah(&mut k, &u.a.id, &[("a.pdf", &a), ("b.pdf", &a)]).await;
        assert_eq!(j.status, StatusCode::PAYLOAD_TOO_LARGE, "{b:?}: {}", j.teks);
        assert!(j.teks.contains("Jumlah ukuran"), "{}", j.teks);
        let j = unggah(&mut k, &u.a.id, &[("a.pdf", &a)]).await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        assert_eq!(store::bukti::jumlah(u.l.pool(), None).await.unwrap(), 1);
        assert_eq!(hanya_menurut_isi(&dir).len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn jenis_dari_isi_bukan_nama() {
    for b in backend_uji() {
        let (u, dir) = siapkan_bukti(b, |_| {}).await;
        let mut k = Klien::baru(&u);
        k.masuk("pegawai.a", SANDI).await;
        let html = b"<!DOCTYPE html><html><script>alert(1)</script></html>".to_vec();
        let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec();
        exe.extend_from_slice(&[0u8; 200]);
        let svg = b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".to_vec();
        for (nama, isi, jenis) in [
            ("foto.jpg", &html, "HTML"),
            ("kegiatan.jpg", &exe, "EXE"),
            ("logo.png", &svg, "SVG"),
        ] {
            let j = unggah(&mut k, &u.a.id, &[(nama, isi)]).await;
            assert_eq!(
                j.status,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{b:?} {nama}: {}",
                j.teks
            );
            let v = j.json();
            assert_eq!(v["error"]["code"], "jenis_berkas_ditolak");
            let pesan = v["error"]["message"].as_str().unwrap();
            assert!(pesan.contains(nama) && pesan.contains(jenis), "{pesan}");
        }
        // Satu berkas buruk di antara yang baik: tidak ada yang disimpan.
        let j = unggah(
            &mut k,
            &u.a.id,
            &[("baik.pdf", &pdf("baik")), ("buruk.jpg", &exe)],
        )
        .await;
        assert_eq!(j.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(
            store::bukti::jumlah(u.l.pool(), None).await.unwrap(),
            0,
            "{b:?}"
        );
        assert!(berkas_di(&dir).is_empty(), "{b:?}");
        // JPEG yang rusak (tanda tangan saja) ditolak 422.
        let j = unggah(
            &mut k,
            &u.a.id,
            &[("rusak.jpg", b"\xFF\xD8\xFF\xE0 bukan jpeg")],
        )
        .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        // PNG bernama .pdf diterima sebagai PNG; unduhannya berakhiran .png.
        let png = png_berskrip(40, 30);
        let j = unggah(&mut k, &u.a.id, &[("surat.pdf", &png)]).await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        let v = j.json();
        assert_eq!(v["bukti"][0]["jenis_mime"], "image/png");
        assert_eq!(v["bukti"][0]["nama_asli"], "surat.pdf");
        let (_, hs, _) = unduh(&mut k, v["bukti"][0]["url"].as_str().unwrap()).await;
        assert!(
            h(&hs, header::CONTENT_DISPOSITION).contains("filename=\"surat.pdf.png\""),
            "{:?}",
            hs
        );
        // Bom dekompresi: kepala PNG mengaku 60000×60000 dan 8000×8000 (64 MP).
        for (w, t) in [(60_000, 60_000), (8_000, 8_000)] {
            let j = unggah(&mut k, &u.a.id, &[("bom.png", &png_bom(w, t))]).await;
            assert_eq!(
                j.status,
                StatusCode::PAYLOAD_TOO_LARGE,
                "{b:?} {w}×{t}: {}",
                j.teks
            );
            assert!(j.teks.contains("megapiksel"), "{}", j.teks);
        }
        assert_eq!(store::bukti::jumlah(u.l.pool(), None).await.unwrap(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn nama_berjalur_dibersihkan_berkas_hanya_di_penyimpanan() {
    for b in backend_uji() {
        let (u, dir) = siapkan_bukti(b, |_| {}).await;
        let mut k = Klien::baru(&u);
        k.masuk("pegawai.a", SANDI).await;
        let png = png_berskrip(20, 20);
        let j = unggah(
            &mut k,
            &u.a.id,
            &[
                ("../../etc/passwd.png", &png),
                ("C:\\x\\y.pdf", &pdf("y")),
                ("..\\..\\laporan\u{202E}fdp.exe\t.pdf", &pdf("z")),
            ],
        )
        .await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        let v = j.json();
        assert_eq!(v["bukti"][0]["nama_asli"], "passwd.png");
        assert_eq!(v["bukti"][1]["nama_asli"], "y.pdf");
        assert_eq!(v["bukti"][2]["nama_asli"], "laporanfdp.exe.pdf");
        // Hanya berkas menurut isi di folder bukti; tidak ada di luarnya.
        // PNG asli dan dua PDF; salinannya saat diminta (kecil dan mini sama
        // untuk 20×20: satu berkas).
        assert_eq!(hanya_menurut_isi(&dir).len(), 3, "{b:?}");
        for varian in ["kecil", "mini"] {
            let url = format!("{}?varian={varian}", v["bukti"][0]["url"].as_str().unwrap());
            assert_eq!(
                unduh(&mut k, &url).await.0,
                StatusCode::OK,
                "{b:?} {varian}"
            );
        }
        assert_eq!(hanya_menurut_isi(&dir).len(), 4, "{b:?}");
        let induk = dir.parent().unwrap();
        assert!(!induk.join("etc/passwd.png").exists() && !dir.join("passwd.png").exists());
        let (_, hs, _) = unduh(&mut k, v["bukti"][0]["url"].as_str().unwrap()).await;
        let cd = h(&hs, header::CONTENT_DISPOSITION);
        assert!(
            cd.contains("filename=\"passwd.png\"") && !cd.contains(".."),
            "{cd}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn isi_sama_satu_berkas_hapus_satu_baris_tidak_menghapus_berkas() {
    for b in backend_uji() {
        let (u, dir) = siapkan_bukti(b, |_| {}).await;
        let mut k = Klien::baru(&u);
        k.masuk("pegawai.a", SANDI).await;
        let isi = pdf("sama");
        let j1 = unggah(&mut k, &u.a.id, &[("satu.pdf", &isi)]).await.json();
        let j2 = unggah(&mut k, &u.a.id, &[("dua.pdf", &isi)]).await.json();
        // Instansi lain mengunggah bita yang sama: tetap satu berkas.
        let mut kb = Klien::baru(&u);
        kb.masuk("pegawai.b", SANDI).await;
        let j3 = unggah(&mut kb, &u.b.id, &[("tiga.pdf", &isi)]).await.json();
        assert_eq!(j1["bukti"][0]["sha256"], j2["bukti"][0]["sha256"]);
        assert_eq!(j1["bukti"][0]["sha256"], j3["bukti"][0]["sha256"]);
        assert_ne!(j1["bukti"][0]["id"], j2["bukti"][0]["id"]);
        assert_eq!(hanya_menurut_isi(&dir).len(), 1, "{b:?}");
        assert_eq!(store::bukti::jumlah(u.l.pool(), None).await.unwrap(), 3);
        let url1 = j1["bukti"][0]["url"].as_str().unwrap();
        let j = k.kirim(Method::DELETE, url1, None, vec![], true).await;
        assert_eq!(j.status, StatusCode::NO_CONTENT, "{b:?}: {}", j.teks);
        assert_eq!(unduh(&mut k, url1).await.0, StatusCode::NOT_FOUND);
        let (s, _, isi2) = unduh(&mut k, j2["bukti"][0]["url"].as_str().unwrap()).await;
        assert_eq!((s, isi2), (StatusCode::OK, isi.clone()), "{b:?}");
        // Pembersihan sesudah masa tenggang dengan dua baris yang dirujuk: berkas tetap.
        let mut tx = u.l.db.mulai().await.unwrap();
        app::bukti::rujuk(
            &mut tx,
            &u.a.id,
            j2["bukti"][0]["id"].as_str().unwrap(),
            "skp",
            "skp-1",
        )
        .await
        .unwrap();
        app::bukti::rujuk(
            &mut tx,
            &u.b.id,
            j3["bukti"][0]["id"].as_str().unwrap(),
            "skp",
            "skp-2",
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let nanti = time::OffsetDateTime::now_utc() + time::Duration::hours(25);
        let r = app::bukti::bersihkan_yatim(&u.l, nanti).await.unwrap();
        assert_eq!((r.baris_dihapus, r.berkas_dihapus), (0, 0), "{b:?}");
        assert_eq!(hanya_menurut_isi(&dir).len(), 1);
        // Yang dirujuk tidak dapat dihapus.
        let j = k
            .kirim(
                Method::DELETE,
                j2["bukti"][0]["url"].as_str().unwrap(),
                None,
                vec![],
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::CONFLICT, "{b:?}: {}", j.teks);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn hak_akses_per_instansi_dan_pengunggah() {
    for b in backend_uji() {
        let (u, dir) = siapkan_bukti(b, |_| {}).await;
        let mut pa = Klien::baru(&u);
        pa.masuk("pegawai.a", SANDI).await;
        let j = unggah(&mut pa, &u.a.id, &[("a.pdf", &pdf("a"))]).await;
        let url = j.json()["bukti"][0]["url"].as_str().unwrap().to_string();
        assert_eq!(unduh(&mut pa, &url).await.0, StatusCode::OK);
        // Pengguna instansi lain: 403 untuk membaca, mengunggah dan menghapus.
        for login in ["pegawai.b", "admin.b"] {
            let mut kb = Klien::baru(&u);
            kb.masuk(login, SANDI).await;
            assert_eq!(
                unduh(&mut kb, &url).await.0,
                StatusCode::FORBIDDEN,
                "{b:?} {login}"
            );
            assert_eq!(
                unduh(&mut kb, &format!("{url}?varian=mini")).await.0,
                StatusCode::FORBIDDEN
            );
            let j = unggah(&mut kb, &u.a.id, &[("x.pdf", &pdf("x"))]).await;
            assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?} {login}: {}", j.teks);
            let j = kb.kirim(Method::DELETE, &url, None, vec![], true).await;
            assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?} {login}");
            let j = kb.get(&format!("/api/v1/instansi/{}/bukti", u.a.id)).await;
            assert_eq!(j.status, StatusCode::FORBIDDEN);
        }
        // Admin instansi itu dan super admin boleh membaca; tanpa masuk 401.
        for login in ["admin.a", "super"] {
            let mut k = Klien::baru(&u);
            k.masuk(login, SANDI).await;
            assert_eq!(unduh(&mut k, &url).await.0, StatusCode::OK, "{b:?} {login}");
        }
        assert_eq!(
            unduh(&mut Klien::baru(&u), &url).await.0,
            StatusCode::UNAUTHORIZED
        );
        // Rekan satu instansi yang bukan pengunggah: belum berhak (kebijakan menyusul).
        let mut aa = Klien::baru(&u);
        aa.masuk("admin.a", SANDI).await;
        let j = unggah(&mut aa, &u.a.id, &[("admin.pdf", &pdf("admin"))]).await;
        let url_admin = j.json()["bukti"][0]["url"].as_str().unwrap().to_string();
        assert_eq!(
            unduh(&mut pa, &url_admin).await.0,
            StatusCode::FORBIDDEN,
            "{b:?}"
        );
        // Sesi cookie tanpa header CSRF: 403, tidak ada yang disimpan.
        let (jenis, badan) = multipart(&[("c.pdf", &pdf("c"))]);
        let j = pa
            .kirim(
                Method::POST,
                &format!("/api/v1/instansi/{}/bukti", u.a.id),
                Some(&jenis),
                badan,
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}: {}", j.teks);
        assert_eq!(store::bukti::jumlah(u.l.pool(), None).await.unwrap(), 2);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn yatim_dibuang_setelah_masa_tenggang_yang_dirujuk_tetap() {
    for b in backend_uji() {
        let (u, dir) = siapkan_bukti(b, |_| {}).await;
        let mut k = Klien::baru(&u);
        k.masuk("pegawai.a", SANDI).await;
        let yatim = unggah(&mut k, &u.a.id, &[("yatim.jpg", &jpeg_berskrip())])
            .await
            .json();
        let dirujuk = unggah(&mut k, &u.a.id, &[("dirujuk.png", &png_berskrip(300, 200))])
            .await
            .json();
        assert_eq!(
            hanya_menurut_isi(&dir).len(),
            2,
            "{b:?}: salinan belum diminta"
        );
        for j in [&yatim, &dirujuk] {
            for v in ["kecil", "mini"] {
                let url = format!("{}?varian={v}", j["bukti"][0]["url"].as_str().unwrap());
                assert_eq!(unduh(&mut k, &url).await.0, StatusCode::OK, "{b:?} {v}");
            }
        }
        assert_eq!(hanya_menurut_isi(&dir).len(), 6);
        let id_dirujuk = dirujuk["bukti"][0]["id"].as_str().unwrap();
        let mut tx = u.l.db.mulai().await.unwrap();
        app::bukti::rujuk(&mut tx, &u.a.id, id_dirujuk, "skp", "skp-1")
            .await
            .unwrap();
        tx.commit().await.unwrap();
        // Sisa berkas sementara dari proses yang mati di tengah penulisan.
        std::fs::create_dir_all(dir.join(".sementara")).unwrap();
        let sisa = dir.join(".sementara/sisa.tmp");
        std::fs::write(&sisa, b"setengah").unwrap();
        // Berkas tanpa baris sama sekali (basis data gagal sesudah menulis).
        let liar = "ab".repeat(32);
        std::fs::create_dir_all(dir.join("ab/ab")).unwrap();
        std::fs::write(dir.join("ab/ab").join(&liar), b"liar").unwrap();
        // Dalam masa tenggang: tidak ada yang dibuang.
        let r = app::bukti::bersihkan_yatim(&u.l, time::OffsetDateTime::now_utc())
            .await
            .unwrap();
        assert_eq!(r, Default::default(), "{b:?}");
        assert_eq!(hanya_menurut_isi(&dir).len(), 7);
        // 25 jam kemudian: baris yatim, ketiga berkasnya, berkas liar dan sisa sementara dibuang.
        let nanti = time::OffsetDateTime::now_utc() + time::Duration::hours(25);
        let r = app::bukti::bersihkan_yatim(&u.l, nanti).await.unwrap();
        assert_eq!(
            (r.baris_dihapus, r.berkas_dihapus, r.sisa_sementara_dihapus),
            (1, 4, 1),
            "{b:?}"
        );
        let tersisa = hanya_menurut_isi(&dir);
        assert_eq!(tersisa.len(), 3, "{b:?}");
        assert!(tersisa.contains(&dirujuk["bukti"][0]["sha256"].as_str().unwrap().to_string()));
        assert!(!tersisa.contains(&yatim["bukti"][0]["sha256"].as_str().unwrap().to_string()));
        assert!(!sisa.exists());
        assert_eq!(store::bukti::jumlah(u.l.pool(), None).await.unwrap(), 1);
        assert_eq!(
            unduh(&mut k, yatim["bukti"][0]["url"].as_str().unwrap())
                .await
                .0,
            StatusCode::NOT_FOUND
        );
        for v in ["", "?varian=kecil", "?varian=mini"] {
            let url = format!("{}{v}", dirujuk["bukti"][0]["url"].as_str().unwrap());
            assert_eq!(unduh(&mut k, &url).await.0, StatusCode::OK, "{b:?} {v}");
        }
        // Diulang: tidak ada lagi yang dibuang.
        let r = app::bukti::bersihkan_yatim(&u.l, nanti).await.unwrap();
        assert_eq!(r, Default::default());
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn tulisan_gagal_tidak_meninggalkan_apa_pun() {
    for b in backend_uji() {
        let (u, dir) = siapkan_bukti(b, |_| {}).await;
        let mut k = Klien::baru(&u);
        k.masuk("pegawai.a", SANDI).await;
        // Folder sementara tidak dapat dibuat (di sana ada berkas biasa):
        // setiap penulisan gagal sebelum apa pun sampai di jalur akhirnya.
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(".sementara"), b"bukan folder").unwrap();
        for (nama, isi) in [("a.pdf", pdf("a")), ("foto.jpg", jpeg_berskrip())] {
            let j = unggah(&mut k, &u.a.id, &[(nama, &isi)]).await;
            assert_eq!(
                j.status,
                StatusCode::INTERNAL_SERVER_ERROR,
                "{b:?}: {}",
                j.teks
            );
            assert_eq!(j.json()["error"]["code"], "kesalahan_internal");
            assert!(
                !j.teks.contains(".sementara"),
                "rincian tidak bocor: {}",
                j.teks
            );
        }
        assert_eq!(
            store::bukti::jumlah(u.l.pool(), None).await.unwrap(),
            0,
            "{b:?}"
        );
        assert_eq!(berkas_di(&dir), vec![dir.join(".sementara")], "{b:?}");
        // Folder akhir tidak dapat dibuat: berkas sementara dibuang lagi.
        std::fs::remove_file(dir.join(".sementara")).unwrap();
        let isi = pdf("b");
        let j = unggah(&mut k, &u.a.id, &[("b.pdf", &isi)]).await;
        assert_eq!(j.status, StatusCode::CREATED);
        let sha = j.json()["bukti"][0]["sha256"].as_str().unwrap().to_string();
        std::fs::remove_dir_all(dir.join(&sha[0..2])).unwrap();
        std::fs::write(dir.join(&sha[0..2]), b"penghalang").unwrap();
        let j = unggah(&mut k, &u.a.id, &[("b2.pdf", &isi)]).await;
        assert_eq!(
            j.status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "{b:?}: {}",
            j.teks
        );
        assert_eq!(store::bukti::jumlah(u.l.pool(), None).await.unwrap(), 1);
        assert!(
            berkas_di(&dir.join(".sementara")).is_empty(),
            "{b:?}: sisa sementara"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn bukti_terdokumentasi_di_openapi() {
    let (u, dir) = siapkan_bukti(Backend::Sqlite, |_| {}).await;
    let mut k = Klien::baru(&u);
    let d = k.get("/api/openapi.json").await.json();
    let post = &d["paths"]["/api/v1/instansi/{iid}/bukti"]["post"];
    for kode in ["201", "413", "415", "422"] {
        assert!(post["responses"][kode].is_object(), "{kode}");
    }
    assert!(post["requestBody"]["content"]["multipart/form-data"].is_object());
    let get = &d["paths"]["/api/v1/instansi/{iid}/bukti/{id}"]["get"];
    assert!(get["responses"]["200"]["content"]["image/jpeg"].is_object());
    let _ = std::fs::remove_dir_all(&dir);
}
