//! SAKIP lewat HTTP (isu 10) di atas demo Maluku, di SQLite dan PostgreSQL:
//! kontrak JSON pohon (`id, jenis, nama, unit, indikator[{nama, satuan,
//! target, realisasi, capaian_persen}], anak`, desimal dua tempat), gambar
//! SVG, jalur positif keputusan PK oleh pihak kedua (yang tidak dapat
//! dibangkitkan matriks akses), halaman dan formulir, LKjIP XLSX/PDF, LKE.

mod umum;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use store::uji::backend_uji;
use umum::Klien;

async fn dunia(b: store::Backend) -> (axum::Router, app::Layanan, String) {
    let l = app::Layanan::baru(store::uji::db_baru(b).await.unwrap());
    app::demo::isi_demo(&l).await.unwrap();
    let maluku = store::organisasi::semua_instansi(l.pool())
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.kode_wilayah.as_deref() == Some("81"))
        .unwrap()
        .id;
    (web::router(web::AppState::baru(l.clone())), l, maluku)
}

async fn masuk(router: &axum::Router, nama: &str) -> Klien {
    let mut k = Klien {
        router: router.clone(),
        cookie: vec![],
        csrf: None,
        bahasa: None,
        bearer: None,
        header_lain: Vec::new(),
    };
    let j = k.masuk(nama, app::demo::SANDI_DEMO).await;
    assert_eq!(j.status, StatusCode::SEE_OTHER, "masuk {nama}");
    k
}

fn dua_desimal(v: &Value) -> bool {
    v.is_null()
        || v.as_str().is_some_and(|s| {
            let (a, b) = s.split_once('.').unwrap_or(("", ""));
            !a.is_empty() && b.len() == 2 && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
        })
}

fn periksa_simpul(s: &Value, jumlah: &mut usize) {
    *jumlah += 1;
    for k in ["id", "jenis", "nama", "unit", "indikator", "anak"] {
        assert!(s.get(k).is_some(), "kolom {k} hilang: {s}");
    }
    assert!(
        ["tujuan", "sasaran", "program", "kegiatan", "subkegiatan"]
            .contains(&s["jenis"].as_str().unwrap())
    );
    for i in s["indikator"].as_array().unwrap() {
        for k in ["nama", "satuan", "target", "realisasi", "capaian_persen"] {
            assert!(i.get(k).is_some(), "kolom indikator {k} hilang: {i}");
        }
        assert!(
            dua_desimal(&i["realisasi"]) && dua_desimal(&i["capaian_persen"]),
            "{i}"
        );
    }
    for a in s["anak"].as_array().unwrap() {
        periksa_simpul(a, jumlah);
    }
}

#[tokio::test]
async fn pohon_json_dan_svg_sesuai_kontrak() {
    for b in backend_uji() {
        let (router, _l, iid) = dunia(b).await;
        // Pegawai biasa membaca pohon instansinya (dokumen publik).
        let mut k = masuk(&router, app::demo::NIP_PEGAWAI).await;
        let j = k
            .get(&format!("/api/v1/instansi/{iid}/sakip/2026/pohon"))
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let v = j.json();
        let akar = v.as_array().expect("badan = larik simpul akar");
        assert_eq!(akar.len(), 2);
        assert_eq!(akar[0]["jenis"], "tujuan");
        let mut n = 0;
        for s in akar {
            periksa_simpul(s, &mut n);
        }
        assert!(n >= 15, "{b:?}: {n} simpul");
        // Sampai triwulan I: stunting 24 terhadap 20 → 80,00.
        let j = k
            .get(&format!(
                "/api/v1/instansi/{iid}/sakip/2026/pohon?triwulan=1"
            ))
            .await;
        assert!(
            j.teks.contains(r#""capaian_persen":"80.00""#),
            "{}",
            &j.teks[..300.min(j.teks.len())]
        );
        let j = k
            .get(&format!(
                "/api/v1/instansi/{iid}/sakip/2026/pohon?format=svg"
            ))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("image/svg+xml")
        );
        assert!(
            j.teks.starts_with("<svg") && j.teks.contains("S2.2") && j.teks.contains("#b3261e")
        );
        let j = k
            .get(&format!(
                "/api/v1/instansi/{iid}/sakip/2026/pohon?format=pdf"
            ))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.json()["error"]["fields"]["format"].is_string());
        // Halaman pohon: tiga tingkat, sasaran merah dengan buktinya.
        let j = k.get(&format!("/instansi/{iid}/sakip/2026")).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains(r#"id="simpul-S2.2" data-warna="merah""#));
        assert!(j.teks.contains("/bukti/iku/"));
        assert!(j.teks.contains("Sasaran tanpa program"));
        // Pegawai biasa tidak membaca LKE.
        let j = k
            .get(&format!("/api/v1/instansi/{iid}/sakip/2026/evaluasi"))
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn pk_diusulkan_perencana_disetujui_atasan_lewat_http() {
    for b in backend_uji() {
        let (router, l, iid) = dunia(b).await;
        let mut perencana = masuk(&router, "perencana").await;
        // Bidang di bawah Dinas Kesehatan: pihak keduanya kepala dinas (login pimpinan).
        let unit = store::organisasi::semua_unit(l.pool(), &iid)
            .await
            .unwrap()
            .into_iter()
            .find(|u| u.nama == "Bidang Pelayanan Kesehatan")
            .unwrap();
        let j = perencana
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/sakip/2026/perjanjian"),
                &json!({"unit_id": unit.id}).to_string(),
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        let pk = j.json();
        assert_eq!(pk["status"], "usulan");
        assert!(!pk["baris"].as_array().unwrap().is_empty());
        let id = pk["id"].as_str().unwrap().to_string();
        let versi = pk["versi"].as_i64().unwrap();
        let badan = json!({"keputusan": "setujui", "versi": versi}).to_string();
        // Inspektur membaca, tidak memutuskan; perencana pun tidak.
        let mut inspektur = masuk(&router, "inspektur").await;
        let j = inspektur
            .get(&format!("/api/v1/instansi/{iid}/sakip/perjanjian/{id}"))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        let j = inspektur
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/sakip/perjanjian/{id}/keputusan"),
                &badan,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        let j = perencana
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/sakip/perjanjian/{id}/keputusan"),
                &badan,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        // Kepala dinas (pihak kedua) melihat tombol di halaman, lalu menyetujui.
        let mut atasan = masuk(&router, app::demo::NIP_PIMPINAN).await;
        let j = atasan
            .get(&format!("/instansi/{iid}/sakip/2026/perjanjian"))
            .await;
        assert!(
            j.teks
                .contains(&format!("/sakip/perjanjian/{id}/keputusan")),
            "tombol keputusan"
        );
        let csrf = atasan.csrf.clone().unwrap();
        let j = atasan
            .form(
                &format!("/instansi/{iid}/sakip/perjanjian/{id}/keputusan"),
                &[
                    ("_csrf", &csrf),
                    ("keputusan", "kembalikan"),
                    ("catatan", ""),
                    ("versi", &versi.to_string()),
                    ("tahun", "2026"),
                ],
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "catatan wajib saat mengembalikan"
        );
        let j = atasan
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/sakip/perjanjian/{id}/keputusan"),
                &badan,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(j.json()["status"], "disetujui");
        // Versi lama: tidak ada lagi yang menunggu.
        let j = atasan
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/sakip/perjanjian/{id}/keputusan"),
                &badan,
            )
            .await;
        assert_eq!(j.status, StatusCode::CONFLICT);
        // Saran predikat untuk unit itu tersedia dengan alasannya.
        let j = perencana
            .get(&format!("/api/v1/instansi/{iid}/sakip/2026/predikat"))
            .await;
        assert!(
            j.json()
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["unit_id"] == json!(unit.id))
        );
    }
}

#[tokio::test]
async fn lke_lkjip_dan_formulir_yang_tidak_kehilangan_isian() {
    for b in backend_uji() {
        let (router, _l, iid) = dunia(b).await;
        let mut inspektur = masuk(&router, "inspektur").await;
        let j = inspektur
            .get(&format!("/api/v1/instansi/{iid}/sakip/2026/evaluasi"))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        let v = j.json();
        assert!(dua_desimal(&v["nilai"]["nilai"]));
        assert_eq!(v["status"], "penjaminan_mutu");
        assert_eq!(v["tahun_lalu"]["tahun"], 2025);
        let j = inspektur
            .get(&format!("/api/v1/instansi/{iid}/sakip/2026/lkjip.xlsx"))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.as_bytes().starts_with(b"PK"));
        // Realisasi IKU lewat halaman: isian salah tetap tertulis, dengan galatnya.
        let mut perencana = masuk(&router, "perencana").await;
        let j = perencana
            .get(&format!("/instansi/{iid}/sakip/2026/capaian"))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        let iku = j
            .teks
            .split("name=\"iku\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        let csrf = perencana.csrf.clone().unwrap();
        let j = perencana
            .form(
                &format!("/instansi/{iid}/sakip/2026/capaian"),
                &[
                    ("_csrf", &csrf),
                    ("iku", &iku),
                    ("triwulan", "3"),
                    ("realisasi", "dua puluh"),
                    ("penjelasan", "Catatan panjang yang tidak boleh hilang"),
                    ("bukti_url", ""),
                    ("versi", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            j.teks.contains("value=\"dua puluh\"")
                && j.teks.contains("Catatan panjang yang tidak boleh hilang")
        );
        assert!(j.teks.contains("aria-invalid=\"true\""));
        let j = perencana
            .form(
                &format!("/instansi/{iid}/sakip/2026/capaian"),
                &[
                    ("_csrf", &csrf),
                    ("iku", &iku),
                    ("triwulan", "3"),
                    ("realisasi", "71,5"),
                    ("penjelasan", ""),
                    ("bukti_url", ""),
                    ("versi", "0"),
                ],
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::OK,
            "{}",
            &j.teks[..400.min(j.teks.len())]
        );
        // Renstra lewat halaman: IKU tanpa nama ditolak, target yang diketik tetap ada.
        let j = perencana
            .get(&format!("/instansi/{iid}/sakip/2026/renstra"))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("RPJMD Provinsi Maluku 2025–2029"));
        let sasaran = j
            .teks
            .split("name=\"sasaran_id\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        let j = perencana
            .form(
                &format!("/instansi/{iid}/sakip/2026/renstra"),
                &[
                    ("_csrf", &csrf),
                    ("aksi", "iku"),
                    ("sasaran_id", &sasaran),
                    ("nama", ""),
                    ("satuan", "%"),
                    ("polaritas", "positif"),
                    ("rekap", "snapshot"),
                    ("target", "77,5"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            j.teks.contains("value=\"77,5\""),
            "target yang diketik hilang"
        );
        let j = perencana
            .form(
                &format!("/instansi/{iid}/sakip/2026/renstra"),
                &[
                    ("_csrf", &csrf),
                    ("aksi", "iku"),
                    ("sasaran_id", &sasaran),
                    ("nama", "Indeks kepuasan layanan"),
                    ("satuan", "indeks"),
                    ("polaritas", "positif"),
                    ("rekap", "snapshot"),
                    ("target", "77,5"),
                ],
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::OK,
            "{}",
            &j.teks[..300.min(j.teks.len())]
        );
        assert!(j.teks.contains("Indeks kepuasan layanan") && j.teks.contains("77.5"));
        // LKE 2027 lewat halaman: jawaban di luar pilihan ditolak di kriterianya.
        let j = perencana
            .form(
                &format!("/instansi/{iid}/sakip/2027/evaluasi/kriteria/1.a.1"),
                &[
                    ("_csrf", &csrf),
                    ("jawaban", "B"),
                    ("bukti_url", "https://contoh.go.id/x"),
                    ("versi", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.teks.contains("Pilihan: Y, T"));
        let j = perencana
            .form(
                &format!("/instansi/{iid}/sakip/2027/evaluasi/kriteria/1.a.1"),
                &[
                    ("_csrf", &csrf),
                    ("jawaban", "Y"),
                    ("bukti_url", "https://contoh.go.id/x"),
                    ("versi", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("1.a.1"));
    }
}

/// Kuesioner wp-eval-sakip dimuat lewat API (`?format=`), lalu dijawab di
/// halaman LKE sebagai daftar pilihan (radio) dengan teks tiap tingkat.
#[tokio::test]
async fn kuesioner_dimuat_lewat_api_dan_dijawab_di_halaman() {
    let mendagri = include_str!("../../../data/sakip/wp-eval-sakip_kuesioner_mendagri.json");
    let menpan = include_str!("../../../data/sakip/wp-eval-sakip_kuesioner_menpan.json");
    for b in backend_uji() {
        let (router, _l, iid) = dunia(b).await;
        let mut sa = masuk(&router, "superadmin").await;
        let j = sa
            .json(
                Method::POST,
                "/api/v1/sakip/lke-templat/2030?format=xls",
                mendagri,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        let v = j.json();
        assert!(
            v["error"]["fields"]["format"]
                .as_str()
                .unwrap()
                .contains("kuesioner_mendagri"),
            "{v}"
        );
        // Tanpa format (bawaan `lke`): berkas kuesioner bukan JSON templat LKE.
        let j = sa
            .json(Method::POST, "/api/v1/sakip/lke-templat/2030", mendagri)
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.json()["error"]["fields"]["templat"].is_string());
        // Berkas MenPAN rusak, pesan dalam bahasa Inggris dengan jalur di berkas.
        sa.bahasa = Some("en".into());
        let rusak = menpan.replacen("\"bobot\":\"25\",", "", 1);
        let j = sa
            .json(
                Method::POST,
                "/api/v1/sakip/lke-templat/2030?format=kuesioner_menpan",
                &rusak,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            j.json()["error"]["fields"]["[0].kuesioner.bobot"],
            "[0].kuesioner.bobot must be between 0 and 100"
        );
        sa.bahasa = None;
        let j = sa
            .json(
                Method::POST,
                "/api/v1/sakip/lke-templat/2030?format=kuesioner_mendagri",
                mendagri,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        assert_eq!(j.json()["tahun"], 2030);

        // Halaman: pilihan tingkat sebagai radio dengan teksnya.
        let mut perencana = masuk(&router, "perencana").await;
        let halaman = format!("/instansi/{iid}/sakip/2030/evaluasi");
        let j = perencana.get(&halaman).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.teks
                .contains("<input type=\"radio\" id=\"o-1.a.1-3\" name=\"jawaban\" value=\"3\">")
        );
        assert!(j.teks.contains("Tingkat III: Penentuan prioritas kegiatan"));
        assert!(
            j.teks
                .contains("Kuesioner tingkat kematangan perangkat daerah")
        );
        let csrf = perencana.csrf.clone().unwrap();
        let kriteria = format!("/instansi/{iid}/sakip/2030/evaluasi/kriteria/1.a.1");
        let j = perencana
            .form(
                &kriteria,
                &[
                    ("_csrf", &csrf),
                    ("jawaban", "9"),
                    ("bukti_url", ""),
                    ("versi", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.teks.contains("Pilihan: 1, 2, 3, 4, 5"));
        let j = perencana
            .form(
                &kriteria,
                &[
                    ("_csrf", &csrf),
                    ("jawaban", "3"),
                    ("bukti_url", "https://contoh.go.id/renja.pdf"),
                    ("versi", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("value=\"3\" checked"));
        assert!(j.teks.contains("Jawaban: 3 (Tingkat III: "));
        // JSON: jenis, opsi, instrumen; 9,10 × 0,6 = 5,46.
        let v = perencana
            .get(&format!("/api/v1/instansi/{iid}/sakip/2030/evaluasi"))
            .await
            .json();
        assert_eq!(v["instrumen"], "kuesioner");
        assert_eq!(v["nilai"]["nilai"], "5.46");
        let c = &v["komponen"][0]["sub"][0]["kriteria"][0];
        assert_eq!(
            (c["jenis"].as_str(), c["jawaban"].as_str()),
            (Some("pilihan"), Some("3"))
        );
        assert_eq!(c["opsi"].as_array().unwrap().len(), 5);
        assert_eq!(c["opsi"][2]["nilai"], "0.60");
        assert!(
            perencana
                .get(&halaman)
                .await
                .teks
                .contains("Evaluasi mandiri (LKE) 2030")
        );
        // Sisa kriteria lewat API, ajukan; peninjau melihat pilihan yang sama.
        for n in 2..=11 {
            let j = perencana
                .json(
                    Method::PUT,
                    &format!("/api/v1/instansi/{iid}/sakip/2030/evaluasi/kriteria/{n}.a.1"),
                    r#"{"jawaban": "4", "versi": 0}"#,
                )
                .await;
            assert_eq!(j.status, StatusCode::OK, "{n}: {}", j.teks);
        }
        let j = perencana
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/sakip/2030/evaluasi/ajukan"),
                "{}",
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        // 9,10 × 0,6 + 90,90 × 0,8 = 5,46 + 72,72 = 78,18 → BB.
        assert_eq!(
            (
                j.json()["nilai"]["nilai"].as_str(),
                j.json()["nilai"]["predikat"].as_str()
            ),
            (Some("78.18"), Some("BB"))
        );
        let mut inspektur = masuk(&router, "inspektur").await;
        let j = inspektur.get(&halaman).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.teks
                .contains("id=\"r-1.a.1-5\" name=\"jawaban\" value=\"5\">")
        );
        assert!(
            j.teks
                .contains("id=\"r-1.a.1-\" name=\"jawaban\" value=\"\" checked>")
        );
    }
}
