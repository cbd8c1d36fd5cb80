//! Impor pegawai dari ekspor SIASN (BKN), pada SQLite dan PostgreSQL:
//! berkas contoh (tests/data/siasn_pegawai.csv, nama dan NIP rekaan dengan
//! struktur NIP yang sah) mengisi pegawai dengan unit, jabatan dan status;
//! unit yang tidak ada ditolak dengan nomor baris dan kolomnya (tidak ada
//! yang ditulis); impor ulang memperbarui, tidak menggandakan.

use app::impor::{self, Jenis};
use app::organisasi::instansi::MasukanInstansi;
use app::organisasi::unit::MasukanUnit;
use app::{Konteks, Layanan};
use store::uji::{backend_uji, db_baru};

const CONTOH: &str = include_str!("data/siasn_pegawai.csv");

struct Dunia {
    l: Layanan,
    iid: String,
    sekretariat_dinkes: String,
    sekretariat_disdik: String,
}

async fn unit(l: &Layanan, iid: &str, induk: Option<&str>, nama: &str) -> String {
    let m = MasukanUnit {
        induk_id: induk.map(str::to_string),
        nama: nama.into(),
        jenis: "lainnya".into(),
        berlaku_mulai: Some("2020-01-01".into()),
        ..Default::default()
    };
    app::organisasi::unit::buat(l, &Konteks::sistem(), iid, m)
        .await
        .unwrap()
        .id
}

/// Pemkab > Dinas Kesehatan > Sekretariat, Pemkab > Dinas Pendidikan >
/// Sekretariat ("Sekretariat" kembar: dibedakan UNOR_INDUK_NAMA).
async fn dunia(b: store::Backend) -> Dunia {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    let m = MasukanInstansi {
        nama: "Pemerintah Kabupaten Sampel".into(),
        jenis: "lembaga".into(),
        kode_wilayah: None,
        zona_waktu: Some("WIB".into()),
        versi: None,
    };
    let iid = app::organisasi::instansi::buat(&l, &Konteks::sistem(), m)
        .await
        .unwrap()
        .id;
    let akar = unit(&l, &iid, None, "Pemerintah Kabupaten Sampel").await;
    let dk = unit(&l, &iid, Some(&akar), "Dinas Kesehatan").await;
    let dp = unit(&l, &iid, Some(&akar), "Dinas Pendidikan").await;
    let sekretariat_dinkes = unit(&l, &iid, Some(&dk), "Sekretariat").await;
    let sekretariat_disdik = unit(&l, &iid, Some(&dp), "Sekretariat").await;
    Dunia {
        l,
        iid,
        sekretariat_dinkes,
        sekretariat_disdik,
    }
}

async fn impor(d: &Dunia, isi: &str) -> impor::LaporanImpor {
    impor::impor_pegawai_siasn(
        &d.l,
        &Konteks::sistem(),
        &d.iid,
        "siasn.csv",
        isi.as_bytes(),
    )
    .await
    .unwrap()
}

async fn pegawai(d: &Dunia, nip: &str) -> store::organisasi::Pegawai {
    store::organisasi::pegawai_nip(d.l.pool(), &d.iid, nip)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("pegawai {nip}"))
}

async fn jumlah(d: &Dunia) -> usize {
    store::organisasi::semua_pegawai(d.l.pool(), &d.iid)
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn ekspor_siasn_mengisi_pegawai_dan_impor_ulang_memperbarui() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let lap = impor(&d, CONTOH).await;
        assert!(lap.diterima, "{b:?}: {:?}", lap.galat);
        assert_eq!(lap.jenis, Jenis::PegawaiSiasn);
        assert_eq!((lap.baris_data, lap.dibuat), (8, 8), "{b:?}");
        assert_eq!(jumlah(&d).await, 8);
        // Kolom SIASN lain diabaikan dengan satu catatan, bukan satu per kolom.
        let lain: Vec<_> = lap
            .info
            .iter()
            .filter(|c| c.pesan.contains("PNS_ID"))
            .collect();
        assert_eq!(lain.len(), 1, "{:?}", lap.info);

        let kadis = pegawai(&d, "197203152000031001").await;
        let sekr = pegawai(&d, "197808212003122002").await;
        let budi = pegawai(&d, "198501102010011003").await;
        // Unit kembar dibedakan UNOR_INDUK_NAMA; atasan dari ATASAN_NIP.
        assert_eq!(budi.unit_id, d.sekretariat_dinkes, "{b:?}");
        assert_eq!(budi.atasan_id.as_deref(), Some(sekr.id.as_str()));
        assert_eq!(sekr.atasan_id.as_deref(), Some(kadis.id.as_str()));
        assert_eq!(budi.golongan.as_deref(), Some("III/c"));
        assert_eq!(budi.gelar_belakang.as_deref(), Some("S.Kom."));
        assert_eq!(kadis.gelar_depan.as_deref(), Some("dr."));
        assert_eq!(budi.tanggal_lahir.as_deref(), Some("1985-01-10"));
        assert_eq!(sekr.jenis_kelamin.as_deref(), Some("P"));
        // Kedudukan hukum → status.
        for (nip, status) in [
            ("198501102010011003", "aktif"), // Tugas Belajar
            ("199002142015022004", "cuti"),  // CLTN
            ("197006061994031006", "diberhentikan_sementara"),
            ("196301011986032007", "aktif"), // Masa Persiapan Pensiun
            ("195801011980031008", "pensiun"),
        ] {
            assert_eq!(pegawai(&d, nip).await.status, status, "{b:?} {nip}");
        }
        let dedi = pegawai(&d, "198703052022211005").await;
        assert_eq!(dedi.jenis_asn, "pppk");
        assert_eq!(dedi.golongan.as_deref(), Some("IX"));
        assert_eq!(dedi.unit_id, d.sekretariat_disdik);
        // Jabatan dibuat di unitnya; jenisnya dari JENIS_JABATAN_NAMA.
        let jab = store::organisasi::semua_jabatan(d.l.pool(), &d.iid)
            .await
            .unwrap();
        let jenis = |nama: &str| {
            jab.iter()
                .find(|j| j.nama == nama)
                .map(|j| j.jenis.clone())
                .unwrap_or_else(|| panic!("jabatan {nama}"))
        };
        assert_eq!(jenis("Pranata Komputer Ahli Muda"), "fungsional");
        assert_eq!(jenis("Pengelola Data"), "pelaksana");
        assert_eq!(jenis("Kepala Dinas Kesehatan"), "pelaksana");
        assert_eq!(
            budi.jabatan_id.as_deref().map(|j| jab
                .iter()
                .any(|x| x.id == j && x.unit_id == d.sekretariat_dinkes)),
            Some(true)
        );

        // Impor ulang berkas yang sama: tidak ada yang dibuat atau diubah.
        let lap = impor(&d, CONTOH).await;
        assert!(lap.diterima, "{:?}", lap.galat);
        assert_eq!(
            (lap.dibuat, lap.diperbarui, lap.tidak_berubah),
            (0, 0, 8),
            "{b:?}"
        );
        // Budi kembali dari tugas belajar sebagai kepala sekretariat baru:
        // diperbarui, tidak digandakan; jabatan yang ada dipakai lagi.
        let ubah = CONTOH.replace(
            ";PNS;Tugas Belajar;P;III/a;III/c;",
            ";PNS;Aktif;P;III/a;III/d;",
        );
        assert_ne!(ubah, CONTOH);
        let lap = impor(&d, &ubah).await;
        assert!(lap.diterima, "{:?}", lap.galat);
        assert_eq!((lap.dibuat, lap.diperbarui), (0, 1), "{b:?}");
        assert_eq!(jumlah(&d).await, 8);
        assert_eq!(
            pegawai(&d, "198501102010011003").await.golongan.as_deref(),
            Some("III/d")
        );
        let n_jab = store::organisasi::semua_jabatan(d.l.pool(), &d.iid)
            .await
            .unwrap()
            .len();
        assert_eq!(n_jab, jab.len(), "{b:?}");
    }
}

#[tokio::test]
async fn unit_tidak_ada_dan_kedudukan_tidak_dikenal_ditolak_per_baris() {
    for b in backend_uji() {
        let d = dunia(b).await;
        // Baris 4 (Budi): unit yang belum diimpor; baris 7 (Hendra): kedudukan
        // hukum yang tidak dikenal. Tidak ada yang ditulis.
        let rusak = CONTOH
            .replace(
                "S1;Teknik Informatika;Sekretariat;Dinas Kesehatan;",
                "S1;Teknik Informatika;Bidang Tidak Ada;Dinas Kesehatan;",
            )
            .replace(";PNS;Pemberhentian Sementara;", ";PNS;Dipecat;");
        let lap = impor(&d, &rusak).await;
        assert!(!lap.diterima, "{b:?}");
        assert_eq!(jumlah(&d).await, 0, "{b:?}");
        let unit = lap
            .galat
            .iter()
            .find(|c| c.baris == 4)
            .unwrap_or_else(|| panic!("{:?}", lap.galat));
        assert_eq!(unit.kolom, "UNOR_NAMA");
        assert!(unit.pesan.contains("Bidang Tidak Ada"), "{}", unit.pesan);
        assert!(unit.pesan.contains("impor unit"), "{}", unit.pesan);
        let kh = lap.galat.iter().find(|c| c.baris == 7).unwrap();
        assert_eq!(kh.kolom, "KEDUDUKAN_HUKUM_NAMA");
        assert!(
            kh.pesan.contains("Dipecat") && kh.pesan.contains("CLTN"),
            "{}",
            kh.pesan
        );
        assert_eq!(lap.galat.len(), 2, "{:?}", lap.galat);

        // Judul kolom: huruf kecil, spasi = garis bawah; NIP salah menyebut kolom SIASN.
        let kecil = "nip baru,Nama,unor_nama,Unor Induk Nama,kedudukan_hukum_nama\n\
                     198501102010011003,Budi,Sekretariat,Dinas Kesehatan,Aktif\n\
                     12345,Salah,Sekretariat,Dinas Pendidikan,Aktif\n";
        let lap = impor(&d, kecil).await;
        assert!(!lap.diterima);
        assert_eq!(lap.galat.len(), 1, "{:?}", lap.galat);
        assert_eq!(
            (lap.galat[0].baris, lap.galat[0].kolom.as_str()),
            (3, "NIP_BARU")
        );
        let lap = impor(
            &d,
            &kecil.replace("12345,Salah,", "199002142015022004,Siti,"),
        )
        .await;
        assert!(lap.diterima, "{:?}", lap.galat);
        assert_eq!(lap.dibuat, 2);
        assert_eq!(
            pegawai(&d, "199002142015022004").await.unit_id,
            d.sekretariat_disdik
        );
        // Kolom wajib yang hilang: ditolak dengan nama kolom SIASN.
        let lap = impor(&d, "NAMA,UNOR_NAMA\nBudi,Sekretariat\n").await;
        assert!(!lap.diterima);
        assert!(
            lap.galat.iter().any(|c| c.kolom == "NIP_BARU"),
            "{:?}",
            lap.galat
        );
    }
}

/// Ekspor SIASN lebar: kolom yang dipakai jauh di kanan (di sini sesudah 70
/// kolom lain, `UNOR_NAMA` di kolom ke-98) tetap terbaca.
#[tokio::test]
async fn ekspor_siasn_lebar_tetap_terbaca() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let lebar: String = CONTOH
            .lines()
            .enumerate()
            .map(|(i, baris)| {
                let isian: Vec<String> = (1..=70)
                    .map(|n| {
                        if i == 0 {
                            format!("KOLOM_LAIN_{n}")
                        } else {
                            String::new()
                        }
                    })
                    .collect();
                format!("{};{baris}\n", isian.join(";"))
            })
            .collect();
        let kepala = lebar.lines().next().unwrap();
        assert!(
            kepala.split(';').position(|k| k == "UNOR_NAMA").unwrap() >= 90,
            "UNOR_NAMA harus jauh di kanan"
        );
        let lap = impor(&d, &lebar).await;
        assert!(lap.diterima, "{b:?}: {:?}", lap.galat);
        assert_eq!((lap.baris_data, lap.dibuat), (8, 8), "{b:?}");
    }
}
