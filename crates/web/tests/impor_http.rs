//! Impor dan ekspor lewat halaman: unggahan multipart dengan CSRF, laporan
//! per baris (422 bila ditolak), batas 10 MB, unduhan sebagai lampiran.
//! SQLite dan PostgreSQL.

mod umum;

use axum::http::{Method, StatusCode, header};
use store::uji::backend_uji;
use umum::{Klien, SANDI, Uji, siapkan};

const KEPALA: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon";

fn multipart(csrf: Option<&str>, nama: &str, isi: &[u8]) -> (String, Vec<u8>) {
    let batas = "----kinerjaUjiBatas7d93";
    let mut b = Vec::new();
    if let Some(c) = csrf {
        b.extend_from_slice(
            format!("--{batas}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{c}\r\n")
                .as_bytes(),
        );
    }
    b.extend_from_slice(
        format!("--{batas}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{nama}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    b.extend_from_slice(isi);
    b.extend_from_slice(format!("\r\n--{batas}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={batas}"), b)
}

async fn unggah(
    k: &mut Klien,
    jalur: &str,
    csrf: Option<&str>,
    nama: &str,
    isi: &[u8],
) -> umum::Jawaban {
    let (jenis, badan) = multipart(csrf, nama, isi);
    k.kirim(Method::POST, jalur, Some(&jenis), badan, false)
        .await
}

async fn admin(u: &Uji, nama: &str, iid: &str) -> (Klien, String) {
    let mut k = Klien::baru(u);
    k.masuk(nama, SANDI).await;
    let j = k.get(&format!("/instansi/{iid}/pegawai/impor")).await;
    let csrf = k.csrf.clone().unwrap_or_default();
    assert!(
        j.status == StatusCode::OK || j.status == StatusCode::FORBIDDEN,
        "{}",
        j.status
    );
    (k, csrf)
}

fn berkas(baris: &[&str]) -> Vec<u8> {
    let mut s = String::from(KEPALA);
    for b in baris {
        s.push('\n');
        s.push_str(b);
    }
    s.into_bytes()
}

async fn jumlah(u: &Uji) -> i64 {
    store::organisasi::jumlah_pegawai(u.l.pool(), Some(&u.a.id))
        .await
        .unwrap()
}

#[tokio::test]
async fn unggah_berhasil_dan_laporan_galat_per_baris() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let (mut k, csrf) = admin(&u, "admin.a", &u.a.id).await;
        let j = k.get(&format!("/instansi/{}/pegawai/impor", u.a.id)).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.teks.contains("multipart/form-data") && j.teks.contains("templat.xlsx"),
            "{}",
            j.teks
        );
        let jalur = format!("/instansi/{}/pegawai/impor", u.a.id);
        // Maria (sudah ada) naik golongan; pegawai baru di bawahnya, atasannya didefinisikan di baris sesudahnya.
        let isi = berkas(&[
            "199108172015022003,Dewi Sahetapy,,,pns,III/a,Dinas Kesehatan,Pengolah Data,198503152010011002,aktif,,",
            "198503152010011002,Maria Latuconsina,,,pns,III/c,Dinas Kesehatan,Analis Kebijakan Ahli Muda,,aktif,,",
        ]);
        let j = unggah(&mut k, &jalur, Some(&csrf), "pegawai.csv", &isi).await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        assert!(
            j.teks.contains("1 dibuat, 1 diperbarui, 0 tidak berubah"),
            "{}",
            j.teks
        );
        assert!(
            j.teks.contains("Pengolah Data"),
            "jabatan baru disebut di catatan"
        );
        assert_eq!(jumlah(&u).await, 2);
        // Satu baris buruk: 422, baris dan kolomnya disebut, tidak ada yang ditulis.
        let isi = berkas(&[
            "199205102019032004,Yosef Ririmasse,,,pns,II/c,Dinas Kesehatan,,,aktif,,",
            "199205102019033004,Salsa Tuasikal,,,pns,II/c,Dinas Kesehatan,,,aktif,,",
        ]);
        let j = unggah(&mut k, &jalur, Some(&csrf), "buruk.csv", &isi).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(
            j.teks.contains("<td>3</td><td><strong>nip</strong>: "),
            "{}",
            j.teks
        );
        assert!(j.teks.contains("Tidak ada data yang disimpan"));
        assert_eq!(jumlah(&u).await, 2, "{b:?}");
        // Bahasa Inggris.
        k.bahasa = Some("en".into());
        let j = unggah(&mut k, &jalur, Some(&csrf), "buruk.csv", &isi).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            j.teks.contains("Import rejected") && j.teks.contains("Nothing was saved"),
            "{}",
            j.teks
        );
        k.bahasa = None;
    }
}

#[tokio::test]
async fn csrf_hak_akses_dan_batas_ukuran() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let jalur = format!("/instansi/{}/pegawai/impor", u.a.id);
        let isi =
            berkas(&["199205102019032004,Yosef Ririmasse,,,pns,II/c,Dinas Kesehatan,,,aktif,,"]);
        let (mut k, csrf) = admin(&u, "admin.a", &u.a.id).await;
        // Tanpa token CSRF, atau token salah: 403, tidak ada yang ditulis.
        assert_eq!(
            unggah(&mut k, &jalur, None, "a.csv", &isi).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            unggah(&mut k, &jalur, Some("salah"), "a.csv", &isi)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        // Lebih dari 10 MB: 413 dengan pesan yang jelas.
        let besar = vec![b'a'; 10 * 1024 * 1024 + 1];
        let j = unggah(&mut k, &jalur, Some(&csrf), "besar.csv", &besar).await;
        assert_eq!(j.status, StatusCode::PAYLOAD_TOO_LARGE, "{b:?}");
        assert!(j.teks.contains("10 MB"), "{}", j.teks);
        assert_eq!(jumlah(&u).await, 1);
        // Admin instansi lain: dilarang, dengan token CSRF sesinya sendiri.
        let (mut kb, csrf_b) = admin(&u, "admin.b", &u.b.id).await;
        assert_eq!(kb.get(&jalur).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            unggah(&mut kb, &jalur, Some(&csrf_b), "a.csv", &isi)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            kb.get(&format!("/instansi/{}/pegawai/ekspor.csv", u.a.id))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        // Pegawai biasa: tidak boleh mengimpor, juga tidak mengekspor data pribadi rekan.
        let mut p = Klien::baru(&u);
        p.masuk("pegawai.a", SANDI).await;
        assert_eq!(p.get(&jalur).await.status, StatusCode::FORBIDDEN);
        for f in ["csv", "xlsx"] {
            let e = p
                .get(&format!("/instansi/{}/pegawai/ekspor.{f}", u.a.id))
                .await;
            assert_eq!(e.status, StatusCode::FORBIDDEN, "{b:?} ekspor.{f}");
            assert!(!e.teks.contains(&u.a.nip));
        }
        assert_eq!(jumlah(&u).await, 1, "{b:?}");
    }
}

#[tokio::test]
async fn ekspor_dan_templat_sebagai_lampiran_lalu_diimpor_kembali() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let (mut k, csrf) = admin(&u, "admin.a", &u.a.id).await;
        let j = k
            .get(&format!("/instansi/{}/pegawai/ekspor.csv", u.a.id))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        let cd = j
            .headers
            .get(header::CONTENT_DISPOSITION)
            .unwrap()
            .to_str()
            .unwrap();
        assert!(cd.starts_with("attachment;") && cd.contains(".csv"), "{cd}");
        assert!(
            j.headers
                .get(header::CONTENT_TYPE)
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        assert_eq!(j.headers.get(header::CACHE_CONTROL).unwrap(), "no-store");
        assert!(
            j.teks.contains(KEPALA) && j.teks.contains(&u.a.nip),
            "{}",
            j.teks
        );
        for (jalur, magic) in [
            ("pegawai/ekspor.xlsx", true),
            ("pegawai/templat.xlsx", true),
            ("pegawai/templat.csv", false),
            ("unit/ekspor.xlsx", true),
            ("unit/ekspor.csv", false),
        ] {
            let (st, cd, isi) = unduh(&k, &format!("/instansi/{}/{jalur}", u.a.id)).await;
            assert_eq!(st, StatusCode::OK, "{jalur}");
            assert!(cd.starts_with("attachment;"), "{jalur}: {cd}");
            assert_eq!(isi.starts_with(b"PK\x03\x04"), magic, "{jalur}");
        }
        // Ekspor XLSX diunggah kembali: tidak berubah.
        let (_, _, isi) = unduh(&k, &format!("/instansi/{}/pegawai/ekspor.xlsx", u.a.id)).await;
        let j = unggah(
            &mut k,
            &format!("/instansi/{}/pegawai/impor", u.a.id),
            Some(&csrf),
            "ekspor.xlsx",
            &isi,
        )
        .await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        assert!(
            j.teks.contains("0 dibuat, 0 diperbarui, 1 tidak berubah"),
            "{}",
            j.teks
        );
        // Unit lewat halaman juga.
        let j = k.get(&format!("/instansi/{}/unit/impor", u.a.id)).await;
        assert_eq!(j.status, StatusCode::OK);
        let csrf = k.csrf.clone().unwrap();
        let j = unggah(
            &mut k,
            &format!("/instansi/{}/unit/impor", u.a.id),
            Some(&csrf),
            "unit.csv",
            b"nama;jenis;induk;urutan\nBidang P2P;bidang;Dinas Kesehatan;2,0\n",
        )
        .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert!(j.teks.contains("1 dibuat"), "{}", j.teks);
    }
}

/// Unduhan biner (Klien menyimpan badan sebagai teks).
async fn unduh(k: &Klien, jalur: &str) -> (StatusCode, String, Vec<u8>) {
    use tower::ServiceExt;
    let cookie = k
        .cookie
        .iter()
        .map(|(a, b)| format!("{a}={b}"))
        .collect::<Vec<_>>()
        .join("; ");
    let r = axum::http::Request::builder()
        .uri(jalur)
        .header(header::COOKIE, cookie)
        .body(axum::body::Body::empty())
        .unwrap();
    let res = k.router.clone().oneshot(r).await.unwrap();
    let st = res.status();
    let cd = res
        .headers()
        .get(header::CONTENT_DISPOSITION)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let isi = axum::body::to_bytes(res.into_body(), 50 * 1024 * 1024)
        .await
        .unwrap()
        .to_vec();
    (st, cd, isi)
}

#[tokio::test]
async fn api_json_422_dengan_laporan_dan_ekspor() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        k.masuk("admin.a", SANDI).await;
        let jalur = format!(
            "/api/v1/instansi/{}/pegawai/impor?nama_berkas=a.csv",
            u.a.id
        );
        let buruk =
            berkas(&["199205102019033004,Salsa Tuasikal,,,pns,II/c,Dinas Kesehatan,,,aktif,,"]);
        // Sesi cookie tanpa header CSRF: dilarang.
        assert_eq!(
            k.kirim(Method::POST, &jalur, Some("text/csv"), buruk.clone(), false)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let j = k
            .kirim(Method::POST, &jalur, Some("text/csv"), buruk, true)
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b:?}: {}",
            j.teks
        );
        let v = j.json();
        assert_eq!(v["error"]["code"], "impor_ditolak");
        assert_eq!(v["laporan"]["galat"][0]["baris"], 2);
        assert_eq!(v["laporan"]["galat"][0]["kolom"], "nip");
        let baik = berkas(&[
            "199205102019032004,Yosef Ririmasse,,,pns,II/c,Dinas Kesehatan,,198503152010011002,aktif,,",
        ]);
        let j = k
            .kirim(Method::POST, &jalur, Some("text/csv"), baik, true)
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(j.json()["laporan"]["dibuat"], 1);
        let j = k
            .get(&format!(
                "/api/v1/instansi/{}/pegawai/ekspor?format=csv",
                u.a.id
            ))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.teks.contains("199205102019032004,Yosef Ririmasse"),
            "{}",
            j.teks
        );
        let j = k
            .get(&format!(
                "/api/v1/instansi/{}/pegawai/ekspor?format=pdf",
                u.a.id
            ))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Instansi lain lewat API: 403 JSON.
        let j = k
            .get(&format!("/api/v1/instansi/{}/pegawai/ekspor", u.b.id))
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        assert_eq!(j.json()["error"]["code"], "dilarang");
        // Rute API lain di bawah /api/v1/instansi/{iid}/pegawai tetap berjalan.
        let j = k
            .get(&format!(
                "/api/v1/instansi/{}/pegawai/{}",
                u.a.id, u.a.pegawai_id
            ))
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
    }
}

#[tokio::test]
async fn impor_siasn_lewat_halaman() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let (mut k, _) = admin(&u, "admin.a", &u.a.id).await;
        // Halaman impor pegawai menautkan impor SIASN.
        let j = k.get(&format!("/instansi/{}/pegawai/impor", u.a.id)).await;
        assert!(j.teks.contains("/pegawai/impor-siasn"), "{b:?}");
        let jalur = format!("/instansi/{}/pegawai/impor-siasn", u.a.id);
        let j = k.get(&jalur).await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}");
        assert!(j.teks.contains("UNOR_INDUK_NAMA") || j.teks.contains("unor_induk_nama"));
        let csrf = k.csrf.clone().unwrap();
        let sebelum = jumlah(&u).await;
        let j = unggah(
            &mut k,
            &jalur,
            Some(&csrf),
            "siasn.csv",
            b"NIP BARU;NAMA;UNOR_NAMA;KEDUDUKAN_HUKUM_NAMA;AGAMA_NAMA\n199912312024011999;Siasn Tidak Ada;Bidang Khayalan;Aktif;Islam\n",
        )
        .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(j.teks.contains("UNOR_NAMA"), "{}", j.teks);
        assert_eq!(jumlah(&u).await, sebelum);
        let j = unggah(
            &mut k,
            &jalur,
            Some(&csrf),
            "siasn.csv",
            b"NIP BARU;NAMA;UNOR_NAMA;KEDUDUKAN_HUKUM_NAMA;AGAMA_NAMA\n199912312024011999;Siasn Web;Dinas Kesehatan;CLTN;Islam\n",
        )
        .await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        assert!(j.teks.contains("1 dibuat"), "{}", j.teks);
        assert_eq!(jumlah(&u).await, sebelum + 1);
    }
}
