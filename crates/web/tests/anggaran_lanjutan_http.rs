//! HTTP lanjutan isu 9 pada SQLite dan PostgreSQL: realisasi indikator hasil
//! di halaman program (isian per triwulan, galat di sebelah kolomnya, yang
//! diketik tetap ada, verifikasi pimpinan unit) dan lewat API realisasi
//! keluaran dengan kode program; pejabat penanggung jawab yang ditetapkan;
//! kolom `lokasi` impor rencana.

mod umum;

use app::Peran;
use axum::http::{Method, StatusCode};
use store::uji::backend_uji;
use umum::{Klien, SANDI, akun, siapkan};

const KEPALA: &str = "unit,program_kode,program_nama,kegiatan_kode,kegiatan_nama,subkegiatan_kode,subkegiatan_nama,indikator,satuan,polaritas,baseline,target,target_tw1,target_tw2,target_tw3,target_tw4,pagu,lokasi\n";

#[tokio::test]
async fn realisasi_hasil_di_halaman_program_dan_pejabat() {
    for backend in backend_uji() {
        let u = siapkan(backend).await;
        let iid = u.a.id.clone();
        let unit = u.a.unit_id.clone();
        akun(&u.l, &iid, "perencana.uji", None, vec![Peran::Perencana]).await;
        let kepala = app::organisasi::pegawai::buat(
            &u.l,
            &app::Konteks::sistem(),
            &iid,
            app::organisasi::pegawai::MasukanPegawai {
                nip: Some("197501012000031001".into()),
                nama: "Kepala Dinas".into(),
                jenis_asn: "pns".into(),
                unit_id: unit.clone(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        akun(
            &u.l,
            &iid,
            "kepala.uji",
            Some(kepala.id.clone()),
            vec![Peran::PimpinanUnit],
        )
        .await;
        akun(&u.l, &u.b.id, "perencana.b", None, vec![Peran::Perencana]).await;
        let mut p = Klien::baru(&u);
        p.masuk("perencana.uji", SANDI).await;
        let mut kp = Klien::baru(&u);
        kp.masuk("kepala.uji", SANDI).await;
        let mut lain = Klien::baru(&u);
        lain.masuk("perencana.b", SANDI).await;

        let rencana = format!(
            "{KEPALA}{unit},1.02.02,Program Kesehatan,1.02.02.2.02,Layanan Kesehatan,1.02.02.2.02.0015,Gizi Masyarakat,Jumlah Balita Gizi Buruk yang Ditangani,Orang,positif,,100,25,50,75,100,1000000000,Kecamatan Sirimau\n\
{unit},1.02.02,,,,,,Persentase balita gizi buruk yang ditangani,%,positif,70,90,75,80,85,90,,\n"
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

        // Pejabat: JSON sub kegiatan (aditif) dan formulir halaman.
        let api_sub = format!("/api/v1/instansi/{iid}/anggaran/2025/subkegiatan/1.02.02.2.02.0015");
        let d = p.get(&api_sub).await.json();
        assert_eq!(d["pejabat_asal"], "kepegawaian", "{d}");
        assert_eq!(d["lokasi"], "Kecamatan Sirimau", "{d}");
        let halaman_sub = format!("/instansi/{iid}/anggaran/2025/subkegiatan/1.02.02.2.02.0015");
        p.get(&halaman_sub).await;
        let csrf = p.csrf.clone().unwrap();
        let versi = d["versi"].to_string();
        let j = p
            .form(
                &halaman_sub,
                &[
                    ("_csrf", &csrf),
                    ("versi", &versi),
                    ("nama", "Gizi Masyarakat"),
                    ("unit_id", &unit),
                    ("pagu", "1000000000"),
                    ("lokasi", "Kecamatan Sirimau"),
                    ("pejabat_id", "199901012020011999"),
                    ("i0_nama", "Jumlah Balita Gizi Buruk yang Ditangani"),
                    ("i0_target", "100"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(
            j.teks.contains("value=\"199901012020011999\""),
            "yang diketik tetap"
        );
        assert!(
            j.teks.contains("id=\"pejabat_id\"") && j.teks.contains("tidak ada di instansi ini"),
            "{}",
            j.teks
        );
        let badan = serde_json::json!({"nama": d["nama"], "unit_id": d["unit_id"], "pagu": d["pagu"],
            "lokasi": d["lokasi"], "versi": d["versi"], "indikator": d["indikator"], "pejabat_id": u.a.nip});
        let j = p.json(Method::PUT, &api_sub, &badan.to_string()).await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let v = j.json();
        assert_eq!(v["pejabat_asal"], "ditetapkan", "{v}");
        assert_eq!(v["pejabat_id"], u.a.pegawai_id.as_str());
        let j = p.get(&halaman_sub).await;
        assert!(j.teks.contains("(ditetapkan perencana)"), "{}", j.teks);

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

        // Halaman program: tabel realisasi hasil dengan isian per triwulan.
        let jalur = format!("/instansi/{iid}/anggaran/2025/hasil/1.02.02");
        let j = p.get(&jalur).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("id=\"realisasi-hasil\""), "{}", j.teks);
        assert!(
            j.teks.len() < 14 * 1024,
            "halaman ≤ 14 KB: {}",
            j.teks.len()
        );
        let csrf = p.csrf.clone().unwrap();
        let isi = |realisasi: &'static str, tw: &'static str, versi: &'static str| {
            vec![
                ("aksi", "isi"),
                ("sel", "1"),
                ("indikator", "Persentase balita gizi buruk yang ditangani"),
                ("triwulan", tw),
                ("realisasi", realisasi),
                ("bukti_url", "https://contoh.go.id/gizi"),
                ("versi", versi),
            ]
        };
        let mut f = vec![("_csrf", csrf.as_str())];
        f.extend(isi("tujuh puluh", "2", "0"));
        let j = p.form(&format!("{jalur}/realisasi"), &f).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(j.teks.contains("value=\"tujuh puluh\""), "{}", j.teks);
        assert!(
            j.teks.contains("<p class=\"galat\">Isi angka"),
            "{}",
            j.teks
        );
        let mut f = vec![("_csrf", csrf.as_str())];
        f.extend(isi("72", "2", "0"));
        let j = p.form(&format!("{jalur}/realisasi"), &f).await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert!(j.teks.contains("Realisasi indikator hasil disimpan"));
        // 72 / 80 = 90 %.
        assert!(j.teks.contains("90,00%"), "{}", j.teks);
        // Perencana instansi lain: 403.
        let lc = lain.csrf.clone().unwrap_or_default();
        let mut f = vec![("_csrf", lc.as_str())];
        f.extend(isi("80", "2", "1"));
        let j = lain.form(&format!("{jalur}/realisasi"), &f).await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);

        // Pimpinan unit penanggung jawab memverifikasi dari halaman.
        let j = kp.get(&jalur).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("class=\"verifikasi\""), "{}", j.teks);
        let kc = kp.csrf.clone().unwrap();
        let j = kp
            .form(
                &format!("{jalur}/realisasi"),
                &[
                    ("_csrf", &kc),
                    ("aksi", "verifikasi"),
                    ("sel", "1"),
                    ("indikator", "Persentase balita gizi buruk yang ditangani"),
                    ("triwulan", "2"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert!(j.teks.contains("Realisasi indikator hasil diverifikasi"));
        assert!(j.teks.contains("terverifikasi"));

        // API realisasi keluaran dengan kode program: rute yang sama.
        let j = p
            .json(
                Method::PUT,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/realisasi-keluaran/1.02.02/3"),
                r#"{"indikator": "Persentase balita gizi buruk yang ditangani", "realisasi": "84", "versi": 0}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(j.json()["subkegiatan_kode"], "1.02.02");
        let j = lain
            .json(
                Method::PUT,
                &format!("/api/v1/instansi/{iid}/anggaran/2025/realisasi-keluaran/1.02.02/3"),
                r#"{"indikator": "Persentase balita gizi buruk yang ditangani", "realisasi": "85", "versi": 1}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{}", j.teks);
        // Ekspor rencana menulis kolom lokasi kembali.
        let j = p
            .get(&format!(
                "/api/v1/instansi/{iid}/anggaran/2025/ekspor/rencana"
            ))
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert!(j.teks.contains(",Kecamatan Sirimau"), "{}", j.teks);
    }
}
