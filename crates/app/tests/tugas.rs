//! Tugas latar (isu 7): percobaan ulang dengan jeda berlipat, kunci
//! idempotensi, slot jadwal dari dua "proses" (dua kolam koneksi pada satu
//! basis data), sewa yang habis, dan surel (outbox .eml dan SMTP ke penampung
//! kecil di tes ini). SQLite dan PostgreSQL.

use app::tugas::{self, JENIS_UJI_GAGAL, TugasBaru};
use app::{Layanan, notifikasi};
use serde_json::json;
use std::time::Duration;
use store::uji::{backend_uji, db_baru};
use store::{Backend, Db};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

fn layanan(db: Db) -> Layanan {
    let mut l = Layanan::baru(db);
    l.konfigurasi.tugas_uji = true;
    l.konfigurasi.jeda_ulang_dasar_ms = 300;
    l
}

/// Kolam koneksi kedua ke basis data yang sama (proses server kedua).
async fn buka_lagi(db: &Db) -> Db {
    match db.backend() {
        Backend::Sqlite => {
            let (berkas,): (String,) =
                sqlx::query_as("SELECT file FROM pragma_database_list WHERE name = 'main'")
                    .fetch_one(db.pool())
                    .await
                    .unwrap();
            Db::buka(&format!("sqlite://{berkas}")).await.unwrap()
        }
        Backend::Postgres => {
            let (skema,): (String,) = sqlx::query_as("SELECT current_schema()::text")
                .fetch_one(db.pool())
                .await
                .unwrap();
            let url = std::env::var("KINERJA_TEST_PG_URL").unwrap();
            let sep = if url.contains('?') { '&' } else { '?' };
            Db::buka(&format!("{url}{sep}options=-csearch_path%3D{skema}"))
                .await
                .unwrap()
        }
    }
}

async fn tugas(l: &Layanan, id: &str) -> store::tugas::Tugas {
    store::tugas::tugas(l.pool(), id).await.unwrap().unwrap()
}

#[tokio::test]
async fn gagal_dicoba_lagi_dengan_jeda_berlipat_lalu_berhasil() {
    for b in backend_uji() {
        let l = layanan(db_baru(b).await.unwrap());
        let (t, baru) = tugas::antre(
            &l,
            TugasBaru::baru(JENIS_UJI_GAGAL, json!({"gagal_kali": 2})),
            None,
        )
        .await
        .unwrap();
        assert!(baru);
        let mut jeda = Vec::new();
        for percobaan in 1..=2 {
            let sebelum = store::tugas::ms_sekarang();
            assert_eq!(
                tugas::jalankan_satu(&l, "a").await.unwrap(),
                Some(t.id.clone())
            );
            let x = tugas(&l, &t.id).await;
            assert_eq!(x.status, "antre", "{b:?}");
            assert_eq!(x.percobaan, percobaan);
            assert!(x.galat.unwrap().contains("gagal sengaja"));
            jeda.push(x.jalan_setelah - sebelum);
            // Belum waktunya: tidak ada yang siap.
            assert_eq!(tugas::jalankan_satu(&l, "a").await.unwrap(), None, "{b:?}");
            tokio::time::sleep(Duration::from_millis(
                (x.jalan_setelah - store::tugas::ms_sekarang()).max(0) as u64 + 20,
            ))
            .await;
        }
        // 300 ms lalu 600 ms (berlipat dua). Batas bawah pasti; batas atas
        // longgar karena memuat lama percobaannya sendiri di mesin yang sibuk.
        assert!(jeda[0] >= 300 && jeda[0] < 1_800, "{b:?}: {jeda:?}");
        assert!(jeda[1] >= 600 && jeda[1] < 2_100, "{b:?}: {jeda:?}");
        assert_eq!(
            tugas::jalankan_satu(&l, "a").await.unwrap(),
            Some(t.id.clone())
        );
        let x = tugas(&l, &t.id).await;
        assert_eq!(x.status, "selesai", "{b:?}");
        assert_eq!(x.percobaan, 3);
        assert!(x.selesai_pada.is_some());

        // Percobaan habis: gagal untuk selamanya.
        let (t, _) = tugas::antre(
            &l,
            TugasBaru {
                maks_percobaan: 2,
                ..TugasBaru::baru(JENIS_UJI_GAGAL, json!({"gagal_kali": 10}))
            },
            None,
        )
        .await
        .unwrap();
        let mut l2 = l.clone();
        l2.konfigurasi.jeda_ulang_dasar_ms = 0;
        tugas::jalankan_satu(&l2, "a").await.unwrap();
        tugas::jalankan_satu(&l2, "a").await.unwrap();
        let x = tugas(&l, &t.id).await;
        assert_eq!((x.status.as_str(), x.percobaan), ("gagal", 2), "{b:?}");
        assert_eq!(tugas::jalankan_satu(&l2, "a").await.unwrap(), None);
        l.db.tutup().await;
    }
}

#[tokio::test]
async fn kunci_idempotensi_mengembalikan_tugas_yang_sama() {
    for b in backend_uji() {
        let l = layanan(db_baru(b).await.unwrap());
        let baru = || TugasBaru {
            kunci: Some("impor:satu-kali".into()),
            ..TugasBaru::baru(JENIS_UJI_GAGAL, json!({}))
        };
        let (a, a_baru) = tugas::antre(&l, baru(), Some(b"isi")).await.unwrap();
        let (c, c_baru) = tugas::antre(&l, baru(), Some(b"lain")).await.unwrap();
        assert!(a_baru && !c_baru, "{b:?}");
        assert_eq!(a.id, c.id);
        // Serentak dari sepuluh permintaan: tetap satu.
        let mut set = tokio::task::JoinSet::new();
        for _ in 0..10 {
            let l = l.clone();
            let t = baru();
            set.spawn(async move { tugas::antre(&l, t, None).await.unwrap().0.id });
        }
        while let Some(id) = set.join_next().await {
            assert_eq!(id.unwrap(), a.id, "{b:?}");
        }
        assert_eq!(
            store::tugas::jumlah_kunci(l.pool(), "impor:satu-kali")
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            store::tugas::berkas(l.pool(), &a.id)
                .await
                .unwrap()
                .unwrap(),
            b"isi"
        );
        l.db.tutup().await;
    }
}

#[tokio::test]
async fn dua_proses_satu_slot_jadwal_satu_tugas() {
    for b in backend_uji() {
        let l1 = layanan(db_baru(b).await.unwrap());
        let l2 = layanan(buka_lagi(&l1.db).await);
        let waktu = time::macros::datetime!(2026-12-01 03:00 UTC);
        // Kedua proses menjadwalkan slot yang sama berkali-kali, serentak.
        let mut set = tokio::task::JoinSet::new();
        for i in 0..8 {
            let l = if i % 2 == 0 { l1.clone() } else { l2.clone() };
            set.spawn(async move { tugas::jadwalkan(&l, waktu).await.unwrap()[0].id.clone() });
        }
        let mut id = Vec::new();
        while let Some(x) = set.join_next().await {
            id.push(x.unwrap());
        }
        id.dedup();
        assert_eq!(id.len(), 1, "{b:?}: {id:?}");
        let kunci = "pengingat_harian:2026-12-01";
        assert_eq!(
            store::tugas::jumlah_kunci(l1.pool(), kunci).await.unwrap(),
            1,
            "{b:?}"
        );
        // Kedua pekerja berebut: satu menjalankannya, sekali.
        let (a, c) = tokio::join!(
            tugas::jalankan_satu(&l1, "proses-1"),
            tugas::jalankan_satu(&l2, "proses-2")
        );
        let dijalankan: Vec<_> = [a.unwrap(), c.unwrap()].into_iter().flatten().collect();
        assert_eq!(dijalankan, vec![id[0].clone()], "{b:?}");
        let t = tugas(&l1, &id[0]).await;
        assert_eq!((t.status.as_str(), t.percobaan), ("selesai", 1), "{b:?}");
        assert_eq!(
            t.hasil.unwrap(),
            r#"{"notifikasi_belum_dibaca":0,"slot":"2026-12-01"}"#
        );
        // Slot berikutnya (tanggal WIB berganti pukul 17.00 UTC) adalah tugas baru.
        let esok = tugas::jadwalkan(&l2, time::macros::datetime!(2026-12-01 17:00 UTC))
            .await
            .unwrap();
        assert_ne!(esok[0].id, id[0]);
        assert_eq!(esok[0].kunci, "pengingat_harian:2026-12-02");
        l2.db.tutup().await;
        l1.db.tutup().await;
    }
}

#[tokio::test]
async fn sewa_habis_diklaim_ulang_dan_hanya_pemegang_yang_menutup() {
    for b in backend_uji() {
        let l = layanan(db_baru(b).await.unwrap());
        let (t, _) = tugas::antre(&l, TugasBaru::baru(JENIS_UJI_GAGAL, json!({})), None)
            .await
            .unwrap();
        let pool = l.pool();
        let be = l.db.backend();
        let s = store::tugas::ms_sekarang();
        let a = store::tugas::klaim(pool, be, "A", s, s + 300)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((a.id.as_str(), a.percobaan), (t.id.as_str(), 1));
        // Masih disewa A: B tidak mendapat apa-apa.
        let s = store::tugas::ms_sekarang();
        assert!(
            store::tugas::klaim(pool, be, "B", s, s + 300)
                .await
                .unwrap()
                .is_none(),
            "{b:?}"
        );
        tokio::time::sleep(Duration::from_millis(350)).await;
        // A "mati": sewanya habis, B mengklaim ulang.
        let s = store::tugas::ms_sekarang();
        let c = store::tugas::klaim(pool, be, "B", s, s + 60_000)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (c.id.as_str(), c.percobaan, c.pemegang.as_deref()),
            (t.id.as_str(), 2, Some("B"))
        );
        let mut tx = l.db.mulai().await.unwrap();
        assert!(
            !store::tugas::selesai(&mut tx, &t.id, "A", "{}")
                .await
                .unwrap(),
            "A tidak lagi memegang"
        );
        assert!(
            store::tugas::selesai(&mut tx, &t.id, "B", "{}")
                .await
                .unwrap()
        );
        assert!(
            !store::tugas::selesai(&mut tx, &t.id, "B", "{}")
                .await
                .unwrap(),
            "tidak selesai dua kali"
        );
        tx.commit().await.unwrap();
        assert!(
            !store::tugas::perpanjang(pool, &t.id, "B", s + 1)
                .await
                .unwrap()
        );
        l.db.tutup().await;
    }
}

#[tokio::test]
async fn surel_tanpa_smtp_menjadi_eml_di_outbox() {
    for b in backend_uji() {
        let mut l = layanan(db_baru(b).await.unwrap());
        let dir = std::env::temp_dir().join(format!("kinerja-outbox-{}", store::id_baru()));
        l.konfigurasi.outbox = Some(dir.clone());
        let t = notifikasi::antre_surel(
            &l,
            "dewi@contoh.go.id",
            "Impor selesai",
            "Laporan impor siap.",
            None,
        )
        .await
        .unwrap();
        assert_eq!(
            tugas::jalankan_satu(&l, "a").await.unwrap(),
            Some(t.id.clone())
        );
        let x = tugas(&l, &t.id).await;
        assert_eq!(x.status, "selesai", "{b:?}: {:?}", x.galat);
        let eml = std::fs::read_to_string(dir.join(format!("{}.eml", t.id))).unwrap();
        assert!(eml.contains("Subject: Impor selesai"), "{eml}");
        assert!(eml.contains("To: dewi@contoh.go.id"), "{eml}");
        assert!(eml.contains("Laporan impor siap."), "{eml}");
        let _ = std::fs::remove_dir_all(&dir);
        l.db.tutup().await;
    }
}

/// Penampung SMTP kecil: satu sesi per koneksi, menyimpan isi DATA.
async fn penampung_smtp() -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let dengar = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = dengar.local_addr().unwrap().port();
    let (kirim, terima) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = dengar.accept().await else {
                return;
            };
            let kirim = kirim.clone();
            tokio::spawn(async move {
                let (baca, mut tulis) = sock.into_split();
                let mut baca = BufReader::new(baca);
                tulis.write_all(b"220 penampung ESMTP\r\n").await.unwrap();
                let mut baris = String::new();
                let mut data: Option<String> = None;
                loop {
                    baris.clear();
                    if baca.read_line(&mut baris).await.unwrap_or(0) == 0 {
                        return;
                    }
                    if let Some(d) = data.as_mut() {
                        if baris == ".\r\n" {
                            let _ = kirim.send(data.take().unwrap());
                            tulis.write_all(b"250 diterima\r\n").await.unwrap();
                        } else {
                            d.push_str(&baris);
                        }
                        continue;
                    }
                    let perintah = baris.to_ascii_uppercase();
                    let jawab: &[u8] =
                        if perintah.starts_with("EHLO") || perintah.starts_with("HELO") {
                            b"250 penampung\r\n"
                        } else if perintah.starts_with("DATA") {
                            data = Some(String::new());
                            b"354 lanjut\r\n"
                        } else if perintah.starts_with("QUIT") {
                            tulis.write_all(b"221 sampai jumpa\r\n").await.unwrap();
                            return;
                        } else {
                            b"250 ok\r\n"
                        };
                    tulis.write_all(jawab).await.unwrap();
                }
            });
        }
    });
    (port, terima)
}

#[tokio::test]
async fn surel_lewat_smtp_dan_dicoba_lagi_bila_smtp_mati() {
    for b in backend_uji() {
        let mut l = layanan(db_baru(b).await.unwrap());
        // SMTP mati (port tertutup): kembali ke antrean dengan galatnya.
        let mati = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port_mati = mati.local_addr().unwrap().port();
        drop(mati);
        l.konfigurasi.smtp_url = Some(format!("smtp://127.0.0.1:{port_mati}"));
        let t = notifikasi::antre_surel(&l, "maria@contoh.go.id", "Pengingat SKP", "Isi.", None)
            .await
            .unwrap();
        tugas::jalankan_satu(&l, "a").await.unwrap();
        let x = tugas(&l, &t.id).await;
        assert_eq!((x.status.as_str(), x.percobaan), ("antre", 1), "{b:?}");
        assert!(x.galat.unwrap().contains("SMTP"));
        // Penampung hidup: percobaan berikutnya terkirim.
        let (port, mut terima) = penampung_smtp().await;
        l.konfigurasi.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        tokio::time::sleep(Duration::from_millis(350)).await;
        assert_eq!(
            tugas::jalankan_satu(&l, "a").await.unwrap(),
            Some(t.id.clone())
        );
        let x = tugas(&l, &t.id).await;
        assert_eq!(x.status, "selesai", "{b:?}: {:?}", x.galat);
        let isi = tokio::time::timeout(Duration::from_secs(5), terima.recv())
            .await
            .unwrap()
            .unwrap();
        assert!(isi.contains("Subject: Pengingat SKP"), "{isi}");
        assert!(isi.contains("To: maria@contoh.go.id"), "{isi}");
        l.db.tutup().await;
    }
}

#[tokio::test]
async fn dua_proses_dengan_pekerja_dan_penjadwal_sungguhan_satu_pengingat() {
    for b in backend_uji() {
        let l1 = layanan(db_baru(b).await.unwrap());
        let l2 = layanan(buka_lagi(&l1.db).await);
        // Seperti dua `serve`: masing-masing dua pekerja dan satu penjadwal.
        let mut h = tugas::mulai_pekerja(&l1, 2, Duration::from_millis(20));
        h.extend(tugas::mulai_pekerja(&l2, 2, Duration::from_millis(20)));
        let t = tugas::jadwalkan(&l1, time::OffsetDateTime::now_utc())
            .await
            .unwrap()[0]
            .clone();
        let mulai = std::time::Instant::now();
        loop {
            let x = tugas(&l1, &t.id).await;
            if x.status == "selesai" {
                break;
            }
            assert!(
                mulai.elapsed() < Duration::from_secs(20),
                "{b:?}: {}",
                x.status
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        for x in &h {
            x.abort();
        }
        let x = tugas(&l1, &t.id).await;
        assert_eq!((x.status.as_str(), x.percobaan), ("selesai", 1), "{b:?}");
        assert_eq!(
            store::tugas::jumlah_kunci(l1.pool(), &t.kunci)
                .await
                .unwrap(),
            1,
            "{b:?}"
        );
        // Satu tugas per jenis terjadwal untuk slot hari ini (pengingat harian,
        // pengingat aksi perubahan isu 13, pengingat SKP isu 11), walau dua
        // proses menjadwalkan.
        let (n, jenis): (i64, i64) =
            sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT jenis) FROM tugas")
                .fetch_one(l1.pool())
                .await
                .unwrap();
        assert_eq!(
            (n, jenis),
            (3, 3),
            "{b:?}: satu tugas per jenis untuk slot hari ini"
        );
        l2.db.tutup().await;
        l1.db.tutup().await;
    }
}
