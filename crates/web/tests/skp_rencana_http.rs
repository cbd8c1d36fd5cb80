//! Rencana SKP dari berkas dan templat per jabatan lewat HTTP (isu 11), di
//! SQLite dan PostgreSQL: ekspor → impor tanpa perubahan (200, `berubah`
//! false), berkas salah 422 `impor_ditolak` dengan laporan per baris, rekan
//! 403; halaman SKP menampilkan unduhan dan galat per baris; BKD mengelola
//! templat (PUT berkas, daftar, unduh, jadikan templat, hapus).

mod umum;

use app::Peran;
use axum::http::{Method, StatusCode};
use serde_json::Value;
use store::uji::backend_uji;
use umum::{Klien, SANDI, Uji, akun, siapkan};

const KEPALA: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon";
const KABID: &str = "197505052000031002";
const STAF1: &str = "198503152010011003";
const REKAN: &str = "199108172015022005";
const BATAS: &str = "----batas-rencana-uji-9a1c";

async fn masuk(u: &Uji, nama: &str) -> Klien {
    let mut k = Klien::baru(u);
    let j = k.masuk(nama, SANDI).await;
    assert_eq!(j.status, StatusCode::SEE_OTHER, "masuk {nama}");
    k
}

async fn pid(u: &Uji, iid: &str, nip: &str) -> String {
    store::organisasi::pegawai_nip(u.l.pool(), iid, nip)
        .await
        .unwrap()
        .unwrap()
        .id
}

fn multipart(csrf: &str, isian: &[(&str, &str)], berkas: &[u8]) -> Vec<u8> {
    let mut b = Vec::new();
    for (k, v) in [("_csrf", csrf)].iter().chain(isian) {
        b.extend_from_slice(
            format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    b.extend_from_slice(
        format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"rencana.csv\"\r\nContent-Type: text/csv\r\n\r\n")
            .as_bytes(),
    );
    b.extend_from_slice(berkas);
    b.extend_from_slice(format!("\r\n--{BATAS}--\r\n").as_bytes());
    b
}

async fn unggah(k: &mut Klien, metode: Method, jalur: &str, isi: &[u8]) -> (StatusCode, Value) {
    let j = k
        .kirim(metode, jalur, Some("text/csv"), isi.to_vec(), true)
        .await;
    (
        j.status,
        serde_json::from_str(&j.teks).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn rencana_dan_templat_lewat_http() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let iid = u.a.id.clone();
        let k = app::Konteks::sistem();
        let csv = format!(
            "{KEPALA}\n{KABID},Kabid,,,pns,IV/a,Dinas Kesehatan,Kepala Bidang,,aktif,,\n\
             {STAF1},Staf Satu,,,pns,III/c,Dinas Kesehatan,Analis,{KABID},aktif,,\n\
             {REKAN},Rekan,,,pns,III/a,Dinas Kesehatan,Analis,{KABID},aktif,,"
        );
        let lap = app::impor::impor_pegawai(&u.l, &k, &iid, "p.csv", csv.as_bytes())
            .await
            .unwrap();
        assert!(lap.diterima, "{:?}", lap.galat);
        for (nama, nip) in [("staf1.a", STAF1), ("rekan.a", REKAN)] {
            let p = pid(&u, &iid, nip).await;
            akun(&u.l, &iid, nama, Some(p), vec![Peran::Pegawai]).await;
        }
        let mut admin = masuk(&u, "admin.a").await;
        let mut admin_b = masuk(&u, "admin.b").await;
        let mut staf1 = masuk(&u, "staf1.a").await;
        let mut rekan = masuk(&u, "rekan.a").await;
        let j = admin
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/skp/periode"),
                r#"{"tahun": 2026}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let s: Value = staf1
            .get(&format!("/api/v1/instansi/{iid}/skp?tahun=2026"))
            .await
            .json();
        let sid = s["id"].as_str().unwrap().to_string();
        let j = staf1
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/skp/{sid}/rhk"),
                &format!(
                    r#"{{"jenis":"utama","uraian":"Laporan mutu","indikator":[{{"aspek":"kuantitas","uraian":"Laporan","target":"4","satuan":"dokumen"}}],"versi":{}}}"#,
                    s["versi"]
                ),
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);

        // Ekspor → impor tanpa perubahan.
        let dasar = format!("/api/v1/instansi/{iid}/skp/{sid}/rencana");
        let j = staf1.get(&format!("{dasar}/ekspor?format=csv")).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.teks.contains("rhk_no,jenis,rhk,rhk_atasan_id"),
            "{}",
            j.teks
        );
        let berkas = j.byte.clone();
        let xlsx = staf1.get(&format!("{dasar}/ekspor?format=xlsx")).await;
        assert_eq!(xlsx.status, StatusCode::OK);
        assert!(xlsx.byte.starts_with(b"PK"));
        let impor = format!("{dasar}/impor?nama_berkas=r.csv");
        let (st, v) = unggah(&mut staf1, Method::POST, &impor, &berkas).await;
        assert_eq!(st, StatusCode::OK, "{b:?} {v}");
        assert_eq!(v["laporan"]["berubah"], false);
        // Aspek salah: 422 dengan laporan per baris.
        let salah = b"rhk_no,jenis,rhk,aspek,indikator,target,satuan\n1,utama,Laporan mutu,mutu,Laporan,4,dokumen\n";
        let (st, v) = unggah(&mut staf1, Method::POST, &impor, salah).await;
        assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(v["error"]["code"], "impor_ditolak", "{v}");
        assert_eq!(v["laporan"]["galat"][0]["baris"], 2, "{v}");
        assert_eq!(v["laporan"]["galat"][0]["kolom"], "aspek", "{v}");
        // Rekan: 403 membaca maupun mengimpor; format salah: 422 `format`.
        let (st, _) = unggah(&mut rekan, Method::POST, &impor, &berkas).await;
        assert_eq!(st, StatusCode::FORBIDDEN);
        let j = rekan.get(&format!("{dasar}/ekspor")).await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        let j = staf1.get(&format!("{dasar}/ekspor?format=pdf")).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);

        // Halaman SKP: unduhan dan impor dengan galat per baris.
        let j = staf1.get(&format!("/skp/{sid}")).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("id=\"unduh-rencana\""), "{}", j.teks);
        assert!(!j.teks.contains("id=\"jadikan-templat\""));
        let csrf = staf1.csrf.clone().unwrap();
        let jenis = format!("multipart/form-data; boundary={BATAS}");
        let j = staf1
            .kirim(
                Method::POST,
                &format!("/skp/{sid}/rencana/impor"),
                Some(&jenis),
                multipart(&csrf, &[], salah),
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(j.teks.contains("id=\"galat-rencana\""), "{}", j.teks);
        let j = staf1
            .kirim(
                Method::POST,
                &format!("/skp/{sid}/rencana/impor"),
                Some(&jenis),
                multipart(&csrf, &[], &berkas),
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert!(j.teks.contains("tidak ada yang berubah"), "{}", j.teks);
        // Impor realisasi di halaman memakai formulir berkas yang sama
        // (field `berkas`): berkas salah ditolak dengan laporan per baris,
        // formulir tanpa berkas ditolak dengan pesan di halaman.
        let j = staf1
            .kirim(
                Method::POST,
                &format!("/skp/{sid}/realisasi/impor"),
                Some(&jenis),
                multipart(&csrf, &[], b"bukan,kolom,realisasi\n1,2,3\n"),
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(j.teks.contains("Impor ditolak:"), "{}", j.teks);
        let j = staf1
            .kirim(
                Method::POST,
                &format!("/skp/{sid}/realisasi/impor"),
                Some(&jenis),
                multipart(&csrf, &[], b""),
                false,
            )
            .await;
        assert!(j.teks.contains("Pilih berkas XLSX atau CSV."), "{}", j.teks);
        // API juga menerima multipart (field `berkas`; nama dari berkasnya).
        let j = staf1
            .kirim(
                Method::POST,
                &format!("{dasar}/impor"),
                Some(&jenis),
                multipart("", &[], salah),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert_eq!(j.json()["laporan"]["nama_berkas"], "rencana.csv");
        let j = staf1
            .kirim(
                Method::POST,
                &format!("{dasar}/impor"),
                Some(&jenis),
                multipart("", &[], &berkas),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);

        // Templat (BKD).
        let jab = store::skp::skp(u.l.pool(), &iid, &sid)
            .await
            .unwrap()
            .unwrap()
            .jabatan_id
            .unwrap();
        let tdasar = format!("/api/v1/instansi/{iid}/skp/templat");
        for k in [&mut staf1, &mut admin_b] {
            assert_eq!(k.get(&tdasar).await.status, StatusCode::FORBIDDEN);
        }
        let t = format!("{tdasar}/{jab}");
        let (st, v) = unggah(
            &mut admin,
            Method::PUT,
            &format!("{t}?nama_berkas=t.csv"),
            &berkas,
        )
        .await;
        assert_eq!(st, StatusCode::OK, "{v}");
        assert_eq!(v["laporan"]["rhk_dibuat"], 1);
        let (st, _) = unggah(&mut staf1, Method::PUT, &t, &berkas).await;
        assert_eq!(st, StatusCode::FORBIDDEN);
        let v = admin.get(&tdasar).await.json();
        assert_eq!(v[0]["jabatan"], "Analis", "{v}");
        assert_eq!(v[0]["jumlah_indikator"], 1);
        let j = admin.get(&format!("{t}?format=csv")).await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("1,utama,Laporan mutu,,"), "{}", j.teks);
        let j = admin
            .kirim(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/skp/{sid}/jadikan-templat"),
                None,
                vec![],
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(j.json()["versi"], 2);
        // Halaman BKD.
        let j = admin.get("/skp/templat").await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.teks.contains(&format!("id=\"templat-{jab}\"")),
            "{}",
            j.teks
        );
        assert!(j.teks.len() < 14 * 1024);
        // Saringan pilihan jabatan: nama yang tidak ada → tanpa pilihan lain.
        let j = admin
            .get("/skp/templat?cari=tidak-ada-jabatan-begini")
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(
            j.teks
                .contains("name=\"cari\" value=\"tidak-ada-jabatan-begini\"")
        );
        assert!(!j.teks.contains("<option"), "{}", j.teks);
        assert_eq!(
            staf1.get("/skp/templat").await.status,
            StatusCode::FORBIDDEN
        );
        let j = admin.get(&format!("/skp/{sid}")).await;
        assert!(j.teks.contains("id=\"jadikan-templat\""));
        let j = admin.kirim(Method::DELETE, &t, None, vec![], true).await;
        assert_eq!(j.status, StatusCode::NO_CONTENT, "{}", j.teks);
        let j = admin.kirim(Method::DELETE, &t, None, vec![], true).await;
        assert_eq!(j.status, StatusCode::NOT_FOUND);
    }
}
