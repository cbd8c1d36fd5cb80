//! Tugas latar dan notifikasi lewat HTTP (isu 7): impor besar menjadi tugas
//! (202, Location, hasil = laporan, semua atau tidak sama sekali), status
//! hanya untuk pemilik/admin/super admin, notifikasi dan lonceng.
//! SQLite dan PostgreSQL.

mod umum;

use axum::http::{Method, StatusCode};
use store::uji::backend_uji;
use umum::{Klien, SANDI, Uji, siapkan};

const KEPALA: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon";

/// Aplikasi yang meneruskan impor di atas 150 bita (lebih dari baris judul) ke latar.
fn dengan_latar(u: &Uji) -> axum::Router {
    let mut l = u.l.clone();
    l.konfigurasi.impor_latar_bita = Some(150);
    web::router(web::AppState::baru(l))
}

async fn klien(u: &Uji, router: &axum::Router, nama: &str) -> Klien {
    let mut k = Klien {
        router: router.clone(),
        ..Klien::baru(u)
    };
    let j = k.masuk(nama, SANDI).await;
    assert_eq!(j.status, StatusCode::SEE_OTHER, "{nama}");
    k
}

fn berkas(baris: &[&str]) -> Vec<u8> {
    let mut s = String::from(KEPALA);
    for b in baris {
        s.push('\n');
        s.push_str(b);
    }
    s.into_bytes()
}

async fn impor(k: &mut Klien, iid: &str, isi: Vec<u8>) -> umum::Jawaban {
    k.kirim(
        Method::POST,
        &format!("/api/v1/instansi/{iid}/pegawai/impor?nama_berkas=pegawai.csv"),
        Some("text/csv"),
        isi,
        true,
    )
    .await
}

async fn jumlah(u: &Uji) -> i64 {
    store::organisasi::jumlah_pegawai(u.l.pool(), Some(&u.a.id))
        .await
        .unwrap()
}

#[tokio::test]
async fn impor_besar_menjadi_tugas_dan_hasilnya_laporan() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let r = dengan_latar(&u);
        let mut k = klien(&u, &r, "admin.a").await;
        let isi = berkas(&[
            "199108172015022003,Dewi Sahetapy,,,pns,III/a,Dinas Kesehatan,Pengolah Data,198503152010011002,aktif,,",
            "199205102019032004,Yosef Ririmasse,,,pns,II/c,Dinas Kesehatan,,,aktif,,",
        ]);
        let j = impor(&mut k, &u.a.id, isi.clone()).await;
        assert_eq!(j.status, StatusCode::ACCEPTED, "{b:?}: {}", j.teks);
        let v = j.json();
        let id = v["tugas"]["id"].as_str().unwrap().to_string();
        let lokasi = format!("/api/v1/tugas/{id}");
        assert_eq!(v["lokasi"], lokasi.as_str());
        assert_eq!(j.lokasi().as_deref(), Some(lokasi.as_str()));
        assert_eq!(v["tugas"]["status"], "antre");
        assert_eq!(v["tugas"]["jenis"], "impor");
        assert_eq!(jumlah(&u).await, 1, "belum ada yang ditulis");
        let s = k.get(&lokasi).await;
        assert_eq!(s.status, StatusCode::OK);
        assert_eq!(s.json()["status"], "antre");

        // Pekerja (di `serve` berjalan sendiri) mengerjakannya.
        assert_eq!(
            app::tugas::jalankan_satu(&u.l, "uji").await.unwrap(),
            Some(id.clone())
        );
        let s = k.get(&lokasi).await.json();
        assert_eq!(s["status"], "selesai", "{b:?}: {s}");
        assert_eq!(s["percobaan"], 1);
        assert!(s["selesai_pada"].is_string());
        assert_eq!(s["hasil"]["laporan"]["diterima"], true, "{s}");
        assert_eq!(s["hasil"]["laporan"]["dibuat"], 2);
        assert_eq!(jumlah(&u).await, 3, "{b:?}");
        // Berkasnya tidak disimpan lagi.
        assert!(
            store::tugas::berkas(u.l.pool(), &id)
                .await
                .unwrap()
                .is_none()
        );

        // Halaman status dan notifikasi untuk pemilik.
        let h = k.get(&format!("/tugas/{id}")).await;
        assert_eq!(h.status, StatusCode::OK);
        assert!(h.teks.contains("data-status=\"selesai\""), "{}", h.teks);
        assert!(h.teks.contains("2 dibuat"), "{}", h.teks);
        let n = k.get("/api/v1/notifikasi").await.json();
        assert_eq!(n["belum_dibaca"], 1, "{b:?}: {n}");
        assert_eq!(n["isi"][0]["tautan"], format!("/tugas/{id}").as_str());
        let beranda = k.get("/notifikasi").await;
        assert!(beranda.teks.contains("href=\"/notifikasi\""), "lonceng");
        assert!(
            beranda.teks.contains("<strong>1</strong>"),
            "{}",
            beranda.teks
        );
        assert!(beranda.teks.contains("Impor selesai"), "{}", beranda.teks);
        let csrf = k.csrf.clone().unwrap();
        let nid = n["isi"][0]["id"].as_str().unwrap().to_string();
        let j = k
            .form("/notifikasi/baca", &[("_csrf", &csrf), ("id", &nid)])
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER);
        assert_eq!(k.get("/api/v1/notifikasi").await.json()["belum_dibaca"], 0);
        let h = k.get("/akun").await;
        assert!(
            !h.teks.contains("🔔 <strong>"),
            "tidak ada angka bila semua dibaca"
        );

        // Idempotency-Key: kiriman ulang yang sama mengembalikan tugas yang sama.
        k.header_lain = vec![("idempotency-key", "unggah-42".to_string())];
        let a = impor(&mut k, &u.a.id, isi.clone()).await.json()["tugas"]["id"].clone();
        let c = impor(&mut k, &u.a.id, isi.clone()).await.json()["tugas"]["id"].clone();
        assert_eq!(a, c, "{b:?}");
        k.header_lain.clear();

        // Semua atau tidak sama sekali: satu baris buruk, tidak ada yang ditulis.
        let buruk = berkas(&[
            "199205102019032005,Salsa Tuasikal,,,pns,II/c,Dinas Kesehatan,,,aktif,,",
            "19920510201903300X,Nus Pattiasina,,,pns,II/c,Dinas Kesehatan,,,aktif,,",
        ]);
        let j = impor(&mut k, &u.a.id, buruk).await;
        assert_eq!(j.status, StatusCode::ACCEPTED);
        let id = j.json()["tugas"]["id"].as_str().unwrap().to_string();
        while app::tugas::jalankan_satu(&u.l, "uji")
            .await
            .unwrap()
            .is_some()
        {}
        let s = k.get(&format!("/api/v1/tugas/{id}")).await.json();
        assert_eq!(s["status"], "selesai", "{s}");
        assert_eq!(s["hasil"]["laporan"]["diterima"], false, "{s}");
        assert_eq!(s["hasil"]["laporan"]["galat"][0]["baris"], 3, "{s}");
        assert_eq!(jumlah(&u).await, 3, "{b:?}: tidak ada yang ditulis");
        let h = k.get(&format!("/tugas/{id}")).await;
        assert!(h.teks.contains("<td>3</td><td>nip</td>"), "{}", h.teks);

        // Berkas kecil tetap langsung (200).
        let kecil = format!("{KEPALA}\n").into_bytes();
        let j = impor(&mut k, &u.a.id, kecil).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn status_tugas_hanya_untuk_pemilik_admin_dan_super_admin() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let r = dengan_latar(&u);
        let mut pemilik = klien(&u, &r, "admin.a").await;
        let isi =
            berkas(&["199205102019032004,Yosef Ririmasse,,,pns,II/c,Dinas Kesehatan,,,aktif,,"]);
        let j = impor(&mut pemilik, &u.a.id, isi.clone()).await;
        assert_eq!(j.status, StatusCode::ACCEPTED, "{}", j.teks);
        let id = j.json()["tugas"]["id"].as_str().unwrap().to_string();
        let api = format!("/api/v1/tugas/{id}");
        let halaman = format!("/tugas/{id}");

        for nama in ["pegawai.a", "admin.b", "pegawai.b"] {
            let mut k = klien(&u, &r, nama).await;
            assert_eq!(
                k.get(&api).await.status,
                StatusCode::FORBIDDEN,
                "{b:?} {nama}"
            );
            assert_eq!(
                k.get(&halaman).await.status,
                StatusCode::FORBIDDEN,
                "{b:?} {nama}"
            );
            // Pegawai tidak dapat mengantre impor sama sekali.
            if nama == "pegawai.a" {
                assert_eq!(
                    impor(&mut k, &u.a.id, isi.clone()).await.status,
                    StatusCode::FORBIDDEN
                );
            }
        }
        let mut sa = klien(&u, &r, "super").await;
        assert_eq!(sa.get(&api).await.status, StatusCode::OK, "{b:?}");
        assert_eq!(pemilik.get(&halaman).await.status, StatusCode::OK);
        let mut tamu = Klien {
            router: r.clone(),
            ..Klien::baru(&u)
        };
        assert_eq!(tamu.get(&api).await.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            pemilik.get("/api/v1/tugas/tidak-ada").await.status,
            StatusCode::NOT_FOUND
        );
        // Notifikasi orang lain tidak dapat ditandai.
        app::tugas::jalankan_satu(&u.l, "uji").await.unwrap();
        let n = pemilik.get("/api/v1/notifikasi").await.json();
        let nid = n["isi"][0]["id"].as_str().unwrap().to_string();
        let mut lain = klien(&u, &r, "admin.b").await;
        let j = lain
            .json(Method::POST, &format!("/api/v1/notifikasi/{nid}/baca"), "")
            .await;
        assert_eq!(j.status, StatusCode::NOT_FOUND, "{}", j.teks);
        assert_eq!(
            lain.get("/api/v1/notifikasi").await.json()["belum_dibaca"],
            0
        );
        let j = pemilik
            .json(Method::POST, &format!("/api/v1/notifikasi/{nid}/baca"), "")
            .await;
        assert_eq!(j.status, StatusCode::NO_CONTENT, "{}", j.teks);
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn unggahan_halaman_besar_diarahkan_ke_halaman_tugas() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let r = dengan_latar(&u);
        let mut k = klien(&u, &r, "admin.a").await;
        let jalur = format!("/instansi/{}/pegawai/impor", u.a.id);
        k.get(&jalur).await;
        let csrf = k.csrf.clone().unwrap();
        let isi =
            berkas(&["199205102019032004,Yosef Ririmasse,,,pns,II/c,Dinas Kesehatan,,,aktif,,"]);
        let batas = "----kinerjaUjiTugas";
        let mut badan = format!(
            "--{batas}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf}\r\n\
             --{batas}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"p.csv\"\r\n\
             Content-Type: text/csv\r\n\r\n"
        )
        .into_bytes();
        badan.extend_from_slice(&isi);
        badan.extend_from_slice(format!("\r\n--{batas}--\r\n").as_bytes());
        let jenis = format!("multipart/form-data; boundary={batas}");
        let j = k
            .kirim(Method::POST, &jalur, Some(&jenis), badan, false)
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{b:?}: {}", j.teks);
        let lok = j.lokasi().unwrap();
        assert!(lok.starts_with("/tugas/"), "{lok}");
        let h = k.get(&lok).await;
        assert!(h.teks.contains("data-status=\"antre\""), "{}", h.teks);
        app::tugas::jalankan_satu(&u.l, "uji").await.unwrap();
        let h = k.get(&lok).await;
        assert!(h.teks.contains("data-status=\"selesai\""), "{}", h.teks);
        assert_eq!(jumlah(&u).await, 2, "{b:?}");
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn notifikasi_dengan_surel_pegawai_ke_outbox_dan_lonceng() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut l = u.l.clone();
        let dir = std::env::temp_dir().join(format!("kinerja-outbox-{}", store::id_baru()));
        l.konfigurasi.outbox = Some(dir.clone());
        let g = store::organisasi::pegawai(l.pool(), &u.a.id, &u.a.pegawai_id)
            .await
            .unwrap()
            .unwrap();
        app::organisasi::pegawai::ubah(
            &l,
            &app::Konteks::sistem(),
            &u.a.id,
            &u.a.pegawai_id,
            app::organisasi::pegawai::MasukanPegawai {
                nip: g.nip.clone(),
                nama: g.nama.clone(),
                jenis_asn: g.jenis_asn.clone(),
                unit_id: g.unit_id.clone(),
                jabatan_id: g.jabatan_id.clone(),
                email: Some("maria@contoh.go.id".into()),
                versi: Some(g.versi),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let p = store::akun::pengguna_pegawai(l.pool(), &u.a.id, &u.a.pegawai_id)
            .await
            .unwrap()
            .unwrap();
        app::notifikasi::kirim(
            &l,
            app::notifikasi::NotifikasiBaru {
                instansi_id: u.a.id.clone(),
                pengguna_id: p.id.clone(),
                judul: "Target SKP menunggu persetujuan".into(),
                isi: "Atasan Anda belum menyetujui target SKP.".into(),
                tautan: Some("/akun".into()),
            },
        )
        .await
        .unwrap();
        // Surel dikirim oleh tugas, bukan oleh permintaan.
        let id = app::tugas::jalankan_satu(&l, "uji").await.unwrap().unwrap();
        let eml = std::fs::read_to_string(dir.join(format!("{id}.eml"))).unwrap();
        assert!(eml.contains("To: maria@contoh.go.id"), "{b:?}: {eml}");
        assert!(
            eml.contains("Subject: Target SKP menunggu persetujuan"),
            "{eml}"
        );
        // Lonceng pegawai itu menunjukkan satu.
        let r = web::router(web::AppState::baru(l.clone()));
        let mut k = klien(&u, &r, "pegawai.a").await;
        let h = k.get("/akun").await;
        assert!(h.teks.contains("<strong>1</strong></a>"), "{}", h.teks);
        let daftar = k.get("/notifikasi").await;
        assert!(
            daftar.teks.contains("Atasan Anda belum menyetujui"),
            "{}",
            daftar.teks
        );
        let csrf = k.csrf.clone().unwrap();
        let j = k.form("/notifikasi/baca", &[("_csrf", &csrf)]).await;
        assert_eq!(j.status, StatusCode::SEE_OTHER);
        assert_eq!(k.get("/api/v1/notifikasi").await.json()["belum_dibaca"], 0);
        let _ = std::fs::remove_dir_all(&dir);
        u.l.db.tutup().await;
    }
}

/// Impor anggaran besar (isu 9): perencana mengirim rencana di atas ambang,
/// 202 dengan tugas; pekerja menjalankannya atas nama perencana (hak dibaca
/// ulang) dan laporannya menjadi hasil tugas; pegawai biasa tidak dapat
/// mengantrekannya.
#[tokio::test]
async fn impor_anggaran_besar_menjadi_tugas() {
    const KEPALA_RENCANA: &str = "unit,program_kode,program_nama,kegiatan_kode,kegiatan_nama,subkegiatan_kode,subkegiatan_nama,indikator,satuan,polaritas,baseline,target,target_tw1,target_tw2,target_tw3,target_tw4,pagu\n";
    for b in backend_uji() {
        let u = siapkan(b).await;
        let iid = u.a.id.clone();
        umum::akun(
            &u.l,
            &iid,
            "perencana.uji",
            None,
            vec![app::Peran::Perencana],
        )
        .await;
        let r = dengan_latar(&u);
        let mut p = klien(&u, &r, "perencana.uji").await;
        let unit = &u.a.unit_id;
        let rencana = format!(
            "{KEPALA_RENCANA}{unit},1.02.02,Program Kesehatan,1.02.02.2.02,Layanan Kesehatan,1.02.02.2.02.0015,Gizi Masyarakat,Balita gizi buruk ditangani,Orang,positif,,100,25,50,75,100,1000000000\n"
        );
        let jalur = format!("/api/v1/instansi/{iid}/anggaran/2025/impor/rencana?nama_berkas=r.csv");
        let mut pegawai = klien(&u, &r, "pegawai.a").await;
        let j = pegawai
            .kirim(
                Method::POST,
                &jalur,
                Some("text/csv"),
                rencana.clone().into_bytes(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}: {}", j.teks);
        let j = p
            .kirim(
                Method::POST,
                &jalur,
                Some("text/csv"),
                rencana.into_bytes(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::ACCEPTED, "{b:?}: {}", j.teks);
        let id = j.json()["tugas"]["id"].as_str().unwrap().to_string();
        assert_eq!(
            app::tugas::jalankan_satu(&u.l, "uji").await.unwrap(),
            Some(id.clone())
        );
        let s = p.get(&format!("/api/v1/tugas/{id}")).await.json();
        assert_eq!(s["status"], "selesai", "{b:?}: {s}");
        assert_eq!(s["hasil"]["laporan"]["diterima"], true, "{s}");
        assert_eq!(
            s["hasil"]["laporan"]["dibuat"], 4,
            "program, kegiatan, sub kegiatan, indikator"
        );
        let v = p
            .get(&format!(
                "/api/v1/instansi/{iid}/anggaran/2025/subkegiatan/1.02.02.2.02.0015"
            ))
            .await;
        assert_eq!(v.status, StatusCode::OK, "{}", v.teks);
    }
}
