//! Kontrak HTTP anggaran (isu 9) pada SQLite dan PostgreSQL: bentuk persis
//! jawaban tetapkan (422 `gerbang_keluaran`), nilai-uang dan keselarasan,
//! impor lewat API, 409 `periode_dikunci`, halaman impor dan tampilan
//! wilayah. Baris peran × hubungan ada di matriks_akses_http.rs.

mod umum;

use app::Peran;
use axum::http::{Method, StatusCode};
use serde_json::Value;
use store::uji::backend_uji;
use umum::{Klien, SANDI, akun, siapkan};

const KEPALA: &str = "unit,program_kode,program_nama,kegiatan_kode,kegiatan_nama,subkegiatan_kode,subkegiatan_nama,indikator,satuan,polaritas,baseline,target,target_tw1,target_tw2,target_tw3,target_tw4,pagu\n";

fn dua_desimal(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        let (a, b) = s.split_once('.').unwrap_or(("", ""));
        !a.is_empty()
            && a.trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_digit())
            && b.len() == 2
            && b.chars().all(|c| c.is_ascii_digit())
    })
}

#[tokio::test]
async fn kontrak_tetapkan_nilai_uang_keselarasan_dan_kunci() {
    for backend in backend_uji() {
        let u = siapkan(backend).await;
        let iid = u.a.id.clone();
        akun(&u.l, &iid, "perencana.uji", None, vec![Peran::Perencana]).await;
        akun(&u.l, &iid, "keuangan.uji", None, vec![Peran::Keuangan]).await;
        let mut p = Klien::baru(&u);
        p.masuk("perencana.uji", SANDI).await;
        let mut k = Klien::baru(&u);
        k.masuk("keuangan.uji", SANDI).await;
        let unit = &u.a.unit_id;
        let rencana = format!(
            "{KEPALA}{unit},1.02.02,Program Kesehatan,1.02.02.2.02,Layanan Kesehatan,1.02.02.2.02.0015,Gizi Masyarakat,Jumlah Balita Gizi Buruk yang Ditangani,Orang,positif,,100,25,50,75,100,1000000000\n\
{unit},1.02.02,,1.02.02.2.02,,1.02.02.2.02.0016,Kesehatan Kerja,,,,,,,,,,50000000\n"
        );
        let j = p
            .kirim(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/impor/rencana?nama_berkas=r.csv"),
                Some("text/csv"),
                rencana.clone().into_bytes(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(
            j.json()["laporan"]["dibuat"],
            2 + 2 + 1,
            "program, kegiatan, dua sub kegiatan, satu indikator"
        );
        // Impor yang salah: 422 impor_ditolak dengan laporan per baris.
        let salah = format!(
            "{KEPALA}{unit},1.02.02,,1.02.02.2.02,,1.02.02.2.02.0015,,x,Orang,miring,,-1,,,,,abc\n"
        );
        let j = p
            .kirim(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/impor/rencana"),
                Some("text/csv"),
                salah.into_bytes(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        let v = j.json();
        assert_eq!(v["error"]["code"], "impor_ditolak");
        let kolom: Vec<&str> = v["laporan"]["galat"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kolom"].as_str().unwrap())
            .collect();
        assert_eq!(kolom, ["polaritas", "target", "pagu"], "{v}");

        // Tetapkan: 422 gerbang_keluaran, fields berkunci kode sub kegiatan.
        let j = p
            .kirim(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/tetapkan"),
                None,
                Vec::new(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        let v = j.json();
        assert_eq!(v["error"]["code"], "gerbang_keluaran");
        let f = v["error"]["fields"].as_object().unwrap();
        assert_eq!(f.keys().collect::<Vec<_>>(), ["1.02.02.2.02.0016"]);
        let kek = v["kekurangan"].as_array().unwrap();
        assert_eq!(kek[0]["subkegiatan"], "1.02.02.2.02.0016");
        assert_eq!(kek[0]["kode"], "tanpa_indikator");
        // Melengkapi lewat PUT sub kegiatan (versi wajib), lalu tetapkan.
        let d = p
            .get(&format!(
                "/api/v1/instansi/{iid}/anggaran/2025/subkegiatan/1.02.02.2.02.0016"
            ))
            .await
            .json();
        let badan = serde_json::json!({"nama": d["nama"], "unit_id": d["unit_id"], "pagu": d["pagu"], "versi": d["versi"],
            "indikator": [{"nama": "Jumlah Pekerja yang Dilayani", "satuan": "Orang", "target": "40", "target_triwulan": ["10", "20", "30", "40"]}]});
        let j = p
            .json(
                Method::PUT,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/subkegiatan/1.02.02.2.02.0016"),
                &badan.to_string(),
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert!(j.json()["kekurangan"].as_array().unwrap().is_empty());
        let j = p
            .kirim(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/tetapkan"),
                None,
                Vec::new(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(j.json()["rencana"]["revisi"][0]["status"], "ditetapkan");

        // Realisasi, kunci, nilai uang.
        let real = "subkegiatan_kode,bulan,jumlah\n1.02.02.2.02.0015,1,450000000\n1.02.02.2.02.0015,2,500000000\n";
        let j = k
            .kirim(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/impor/realisasi-anggaran"),
                Some("text/csv"),
                real.as_bytes().to_vec(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let kel = "subkegiatan_kode,indikator,triwulan,realisasi,bukti_url\n1.02.02.2.02.0015,Jumlah Balita Gizi Buruk yang Ditangani,4,30,\n";
        let j = p
            .kirim(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/impor/realisasi-keluaran"),
                Some("text/csv"),
                kel.as_bytes().to_vec(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let j = k
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/kunci"),
                r#"{"jenis":"anggaran","periode":2,"alasan":"Tutup buku"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        let j = k
            .json(
                Method::PUT,
                &format!(
                    "/api/v1/instansi/{iid}/anggaran/2025/realisasi-anggaran/1.02.02.2.02.0015/2"
                ),
                r#"{"jumlah":"1","versi":1}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::CONFLICT);
        assert_eq!(j.json()["error"]["code"], "periode_dikunci");
        assert!(j.json()["error"]["fields"]["bulan"].is_string());
        let j = k
            .json(
                Method::PUT,
                &format!(
                    "/api/v1/instansi/{iid}/anggaran/2025/realisasi-anggaran/1.02.02.2.02.0015/13"
                ),
                r#"{"jumlah":"1","versi":0}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        let j = p
            .get(&format!(
                "/api/v1/instansi/{iid}/anggaran/2025/nilai-uang?bulan=12"
            ))
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let v = j.json();
        let s = &v["subkegiatan"].as_array().unwrap()[0];
        for kunci in [
            "kode",
            "unit",
            "pagu",
            "realisasi_anggaran",
            "penyerapan_persen",
            "capaian_persen",
            "biaya_per_satuan",
            "tanda",
        ] {
            assert!(s.get(kunci).is_some(), "{kunci} tidak ada: {s}");
        }
        for kunci in [
            "pagu",
            "realisasi_anggaran",
            "penyerapan_persen",
            "capaian_persen",
            "biaya_per_satuan",
        ] {
            assert!(dua_desimal(&s[kunci]), "{kunci}: {}", s[kunci]);
        }
        assert_eq!(s["kode"], "1.02.02.2.02.0015");
        assert_eq!(s["penyerapan_persen"], "95.00");
        assert_eq!(s["capaian_persen"], "30.00");
        let tanda: Vec<&str> = s["tanda"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["kode"].as_str().unwrap())
            .collect();
        assert_eq!(
            tanda,
            [
                "uang_habis_hasil_tidak_jelas",
                "hasil_tanpa_bukti",
                "keluaran_tertinggal"
            ]
        );
        assert!(s["tanda"][0]["pesan"].as_str().unwrap().contains("95"));
        assert!(v["ringkasan"].is_object());
        let j = p
            .get(&format!(
                "/api/v1/instansi/{iid}/anggaran/2025/nilai-uang?bulan=13"
            ))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        let j = p
            .get(&format!("/api/v1/instansi/{iid}/anggaran/2025/keselarasan"))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        let prg = &j.json()["program"][0];
        for kunci in ["kode", "selaras", "alasan", "peringatan"] {
            assert!(prg.get(kunci).is_some(), "{kunci}: {prg}");
        }

        // Halaman: impor realisasi lewat formulir tersedia bagi keuangan, tidak bagi perencana.
        let j = k
            .get(&format!(
                "/instansi/{iid}/anggaran/2025/realisasi-anggaran/impor"
            ))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        let j = p
            .get(&format!(
                "/instansi/{iid}/anggaran/2025/realisasi-anggaran/impor"
            ))
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        let j = p
            .get(&format!("/instansi/{iid}/anggaran/2025/rencana/ekspor.csv"))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.teks
                .trim_start_matches('\u{feff}')
                .starts_with("unit,program_kode"),
            "{}",
            j.teks
        );
        let j = p.get("/wilayah/81/anggaran/2025").await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("Pemerintah Kota Ambon"));
        assert!(
            j.teks
                .contains("/api/v1/wilayah/81/anggaran/2025/ekspor?format=xlsx")
        );
        // Sebaran per instansi: satu titik per instansi berencana ditetapkan.
        assert!(j.teks.contains("id=\"sebaran-instansi\""), "{}", j.teks);
        // Ekspor tampilan provinsi: satu baris per instansi, kolom tetap.
        let j = p.get("/api/v1/wilayah/81/anggaran/2025/ekspor").await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let csv = j.teks.trim_start_matches('\u{feff}');
        assert!(
            csv.starts_with("instansi,kode_wilayah,revisi,pagu,realisasi_anggaran,penyerapan_persen,capaian_tertimbang_persen,jumlah_subkegiatan,jumlah_bertanda,program_tidak_selaras"),
            "{csv}"
        );
        assert!(
            csv.lines()
                .any(|x| x.starts_with("Pemerintah Kota Ambon,81.71,")),
            "{csv}"
        );
        let j = p
            .get("/api/v1/wilayah/81/anggaran/2025/ekspor?format=xlsx")
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.byte.starts_with(b"PK"), "XLSX adalah ZIP");
        let j = p
            .get("/api/v1/wilayah/81/anggaran/2025/ekspor?format=pdf")
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Halaman sub kegiatan: keuangan mengisi bulan 3; perencana tidak boleh.
        let jalur = format!("/instansi/{iid}/anggaran/2025/subkegiatan/1.02.02.2.02.0015");
        let j = k.get(&jalur).await;
        // Pejabat penanggung jawab: kepala unit menurut data kepegawaian.
        let kepala = store::organisasi::pegawai(u.l.pool(), &iid, &u.a.pegawai_id)
            .await
            .unwrap()
            .unwrap()
            .nama;
        assert!(
            j.teks.contains(&format!("<dd id=\"pejabat\">{kepala}")),
            "{}",
            j.teks
        );
        assert!(j.teks.contains("Simpan realisasi anggaran"), "{}", j.teks);
        let csrf = k.csrf.clone().unwrap();
        // Titik ribuan dan koma desimal seperti diketik orang Indonesia.
        let j = k
            .form(
                &format!("{jalur}/realisasi"),
                &[
                    ("_csrf", &csrf),
                    ("aksi", "anggaran"),
                    ("b3", "1.500.000,50"),
                    ("l3", ""),
                    ("v3", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("1 bulan disimpan"));
        assert!(
            j.teks.contains("1500000.50"),
            "nilai tersimpan tampil di isian"
        );
        let j = k
            .form(
                &format!("{jalur}/realisasi"),
                &[
                    ("_csrf", &csrf),
                    ("aksi", "anggaran"),
                    ("b5", "-3"),
                    ("l5", ""),
                    ("v5", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Bulan 2 terkunci: pesan di halaman, 409.
        let j = k
            .form(
                &format!("{jalur}/realisasi"),
                &[
                    ("_csrf", &csrf),
                    ("aksi", "anggaran"),
                    ("b2", "1"),
                    ("l2", "500000000.00"),
                    ("v2", "1"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::CONFLICT);
        assert!(j.teks.contains("dikunci"));
        let pc = p.csrf.clone().unwrap();
        let j = p
            .form(
                &format!("{jalur}/realisasi"),
                &[
                    ("_csrf", &pc),
                    ("aksi", "anggaran"),
                    ("b4", "1"),
                    ("l4", ""),
                    ("v4", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        // Perencana mengisi keluaran triwulan 1 dengan tautan bukti.
        let j = p
            .form(
                &format!("{jalur}/realisasi"),
                &[
                    ("_csrf", &pc),
                    ("aksi", "keluaran"),
                    ("indikator", "Jumlah Balita Gizi Buruk yang Ditangani"),
                    ("triwulan", "1"),
                    ("realisasi", "20"),
                    ("bukti_url", "https://contoh.go.id/foto"),
                    ("versi", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("Realisasi keluaran disimpan"));
        let mut b = Klien::baru(&u);
        b.masuk("admin.b", SANDI).await;
        assert_eq!(
            b.get("/wilayah/81/anggaran/2025").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            b.get("/api/v1/wilayah/81/anggaran/2025/ekspor")
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            b.get(&format!("/instansi/{iid}/anggaran/2025"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        u.l.db.tutup().await;
    }
}

/// Halaman rencana menampilkan indikator hasil program dan kegiatan;
/// perencana menyuntingnya di draf lewat formulir (galat di sebelah
/// kolomnya, isian tetap); pembaca lain hanya melihat tabelnya.
#[tokio::test]
async fn halaman_indikator_hasil_program_dan_kegiatan() {
    for backend in backend_uji() {
        let u = siapkan(backend).await;
        let iid = u.a.id.clone();
        akun(&u.l, &iid, "perencana.uji", None, vec![Peran::Perencana]).await;
        akun(&u.l, &iid, "keuangan.uji", None, vec![Peran::Keuangan]).await;
        let mut p = Klien::baru(&u);
        p.masuk("perencana.uji", SANDI).await;
        let mut k = Klien::baru(&u);
        k.masuk("keuangan.uji", SANDI).await;
        let unit = &u.a.unit_id;
        let rencana = format!(
            "{KEPALA}{unit},1.02.02,Program Kesehatan,,,,,Persentase balita gizi buruk yang ditangani,%,positif,70,90,75,80,85,90,\n\
{unit},1.02.02,,1.02.02.2.02,Layanan Kesehatan,1.02.02.2.02.0015,Gizi Masyarakat,Jumlah Balita Gizi Buruk yang Ditangani,Orang,positif,,100,25,50,75,100,1000000000\n"
        );
        let j = p
            .kirim(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/impor/rencana?nama_berkas=r.csv"),
                Some("text/csv"),
                rencana.into_bytes(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(j.json()["laporan"]["dibuat"], 1 + 1 + 1 + 2);

        // Ringkasan: tabel program → kegiatan dengan tautan penyuntingan.
        let j = p.get(&format!("/instansi/{iid}/anggaran/2025")).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("id=\"indikator-hasil\""), "{}", j.teks);
        assert!(
            j.teks
                .contains("Persentase balita gizi buruk yang ditangani")
        );
        assert!(j.teks.contains(&format!(
            "/instansi/{iid}/anggaran/2025/hasil/1.02.02.2.02\""
        )));
        // Halaman kegiatan: formulir bagi perencana.
        let jalur = format!("/instansi/{iid}/anggaran/2025/hasil/1.02.02.2.02");
        let j = p.get(&jalur).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("id=\"form-hasil\""), "{}", j.teks);
        let csrf = p.csrf.clone().unwrap();
        // Baris formulir pertama kosong, kedua salah: galat di baris kedua,
        // yang diketik tetap ada.
        let j = p
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf),
                    ("versi", "1"),
                    ("unit_id", ""),
                    ("i0_nama", ""),
                    ("i1_nama", "Cakupan layanan gizi rujukan"),
                    ("i1_satuan", "%"),
                    ("i1_polaritas", "positif"),
                    ("i1_target", "enam puluh"),
                    ("i1_tw1", ""),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(j.teks.contains("id=\"i1_target-galat\""), "{}", j.teks);
        assert!(j.teks.contains("value=\"enam puluh\""));
        assert!(j.teks.contains("value=\"Cakupan layanan gizi rujukan\""));
        // Target triwulan kumulatif: triwulan IV harus = target tahunan.
        let j = p
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf),
                    ("versi", "1"),
                    ("i0_nama", "Cakupan layanan gizi rujukan"),
                    ("i0_satuan", "%"),
                    ("i0_polaritas", "positif"),
                    ("i0_baseline", "50"),
                    ("i0_target", "65"),
                    ("i0_tw1", "20"),
                    ("i0_tw2", "40"),
                    ("i0_tw3", "60"),
                    ("i0_tw4", "60"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(j.teks.contains("id=\"i0_tw4-galat\""), "{}", j.teks);
        assert!(j.teks.contains("tidak sama dengan target tahunan"));
        let j = p
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf),
                    ("versi", "1"),
                    ("unit_id", unit),
                    ("i0_nama", "Cakupan layanan gizi rujukan"),
                    ("i0_satuan", "%"),
                    ("i0_polaritas", "positif"),
                    ("i0_baseline", "50"),
                    ("i0_target", "65"),
                    ("i0_tw1", "20"),
                    ("i0_tw2", "40"),
                    ("i0_tw3", "60"),
                    ("i0_tw4", "65"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);
        let ke = j.lokasi().unwrap();
        assert!(ke.ends_with("/hasil/1.02.02.2.02?disimpan=1"), "{ke}");
        let j = p.get(&ke).await;
        assert!(j.teks.contains("Indikator hasil disimpan"), "{}", j.teks);
        assert!(j.teks.contains("value=\"65\""));
        // Versi basi: 409, pesannya di halaman.
        let j = p
            .form(
                &jalur,
                &[("_csrf", &csrf), ("versi", "1"), ("i0_nama", "X")],
            )
            .await;
        assert_eq!(j.status, StatusCode::CONFLICT, "{}", j.teks);
        assert!(j.teks.contains("id=\"pesan-galat\""));

        // Keuangan membaca (tabel, tanpa formulir) dan tidak boleh menyimpan.
        let j = k.get(&jalur).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(!j.teks.contains("form-hasil"));
        assert!(j.teks.contains("Cakupan layanan gizi rujukan"));
        let kc = k.csrf.clone().unwrap();
        let j = k
            .form(&jalur, &[("_csrf", &kc), ("versi", "2"), ("i0_nama", "X")])
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        // Pegawai biasa tidak membaca rencana; sub kegiatan bukan program/kegiatan.
        let mut g = Klien::baru(&u);
        g.masuk("pegawai.a", SANDI).await;
        assert_eq!(g.get(&jalur).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            p.get(&format!(
                "/instansi/{iid}/anggaran/2025/hasil/1.02.02.2.02.0015"
            ))
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        // Ekspor halaman memuat baris hasil (subkegiatan_kode dan pagu kosong).
        let j = p
            .get(&format!("/instansi/{iid}/anggaran/2025/rencana/ekspor.csv"))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.teks
                .contains(",1.02.02,Program Kesehatan,1.02.02.2.02,Layanan Kesehatan,,,Cakupan layanan gizi rujukan,%,positif,50,65,20,40,60,65,\n")
                || j.teks
                    .contains(",1.02.02,Program Kesehatan,1.02.02.2.02,Layanan Kesehatan,,,Cakupan layanan gizi rujukan,%,positif,50,65,20,40,60,65,\r\n"),
            "{}",
            j.teks
        );
        u.l.db.tutup().await;
    }
}
