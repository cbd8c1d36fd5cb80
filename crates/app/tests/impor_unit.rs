//! Impor dan ekspor unit kerja, pada SQLite dan PostgreSQL (`store::uji`).

use app::impor::{self, Format, LaporanImpor};
use app::organisasi::instansi::MasukanInstansi;
use app::{Bahasa, Konteks, Layanan};
use store::uji::{backend_uji, db_baru};

async fn siapkan(b: store::Backend) -> (Layanan, Konteks, String) {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    let k = Konteks::sistem();
    let m = MasukanInstansi {
        nama: "Lembaga Uji".into(),
        jenis: "lembaga".into(),
        kode_wilayah: None,
        zona_waktu: None,
        versi: None,
    };
    let iid = app::organisasi::instansi::buat(&l, &k, m).await.unwrap().id;
    (l, k, iid)
}

fn pastikan_diterima(l: &LaporanImpor) {
    assert!(l.diterima, "ditolak: {}", l.ke_teks(Bahasa::Id));
}

/// CSV gaya Excel Indonesia: pemisah `;`, koma desimal, tanggal HH/BB/TTTT.
const POHON: &str = "nama;singkatan;jenis;induk;urutan;berlaku_mulai;berlaku_sampai\n\
Lembaga Uji;;lainnya;;0;01/01/2020;\n\
Dinas Kesehatan;Dinkes;Perangkat Daerah;Lembaga Uji;1,0;01/01/2020;\n\
Sekretariat;;sekretariat;Dinas Kesehatan;1;01/01/2020;\n\
Dinas Pendidikan;Disdik;perangkat_daerah;Lembaga Uji;2,00;2020-01-01;\n\
Sekretariat;;sekretariat;Dinas Pendidikan;1;;\n\
Subbagian Umum;;subbagian;Dinas Pendidikan > Sekretariat;1.000;;\n";

#[tokio::test]
async fn csv_titik_koma_dengan_koma_desimal_membangun_pohon() {
    for b in backend_uji() {
        let (l, k, iid) = siapkan(b).await;
        let lap = impor::impor_unit(&l, &k, &iid, "unit.csv", POHON.as_bytes())
            .await
            .unwrap();
        pastikan_diterima(&lap);
        assert_eq!(lap.pemisah.as_deref(), Some(";"));
        assert_eq!(lap.dibuat, 6, "{b:?}");
        let semua = store::organisasi::semua_unit(l.pool(), &iid).await.unwrap();
        let cari = |nama: &str| semua.iter().filter(|u| u.nama == nama).collect::<Vec<_>>();
        let dinkes = cari("Dinas Kesehatan")[0];
        let disdik = cari("Dinas Pendidikan")[0];
        assert_eq!((dinkes.urutan, disdik.urutan), (1, 2));
        assert_eq!(dinkes.jenis, "perangkat_daerah");
        assert_eq!(dinkes.singkatan.as_deref(), Some("Dinkes"));
        assert_eq!(dinkes.berlaku_mulai, "2020-01-01");
        let sub = cari("Subbagian Umum")[0];
        assert_eq!(sub.urutan, 1000, "titik ribuan pada CSV ber-;");
        let induk_sub = semua
            .iter()
            .find(|u| Some(&u.id) == sub.induk_id.as_ref())
            .unwrap();
        assert_eq!(induk_sub.induk_id.as_deref(), Some(disdik.id.as_str()));
        // Impor ulang berkas yang sama: tidak ada yang ganda.
        let lap = impor::impor_unit(&l, &k, &iid, "unit.csv", POHON.as_bytes())
            .await
            .unwrap();
        pastikan_diterima(&lap);
        assert_eq!(
            (lap.dibuat, lap.diperbarui, lap.tidak_berubah),
            (0, 0, 6),
            "{b:?}"
        );
        assert_eq!(
            store::organisasi::semua_unit(l.pool(), &iid)
                .await
                .unwrap()
                .len(),
            6
        );
    }
}

#[tokio::test]
async fn ekspor_lalu_impor_tidak_berubah_dan_id_mengganti_nama() {
    for b in backend_uji() {
        let (l, k, iid) = siapkan(b).await;
        pastikan_diterima(
            &impor::impor_unit(&l, &k, &iid, "unit.csv", POHON.as_bytes())
                .await
                .unwrap(),
        );
        for f in [Format::Xlsx, Format::Csv] {
            let isi = impor::ekspor_unit(&l, &k, &iid, f).await.unwrap();
            let lap = impor::impor_unit(&l, &k, &iid, &format!("unit.{}", f.ekstensi()), &isi)
                .await
                .unwrap();
            pastikan_diterima(&lap);
            assert_eq!(
                (lap.dibuat, lap.diperbarui, lap.tidak_berubah),
                (0, 0, 6),
                "{b:?} {f:?}"
            );
        }
        // Ekspor menulis jalur yang unik untuk induk yang namanya kembar.
        let csv = String::from_utf8(impor::ekspor_unit(&l, &k, &iid, Format::Csv).await.unwrap())
            .unwrap();
        assert!(csv.contains("Dinas Pendidikan > Sekretariat"), "{csv}");
        // Mengganti nama lewat kolom id.
        let dinkes = store::organisasi::semua_unit(l.pool(), &iid)
            .await
            .unwrap()
            .into_iter()
            .find(|u| u.nama == "Dinas Kesehatan")
            .unwrap();
        let isi = format!(
            "id,nama,jenis,induk\n{},Dinas Kesehatan dan KB,perangkat_daerah,Lembaga Uji\n",
            dinkes.id
        );
        let lap = impor::impor_unit(&l, &k, &iid, "ganti.csv", isi.as_bytes())
            .await
            .unwrap();
        pastikan_diterima(&lap);
        assert_eq!(lap.diperbarui, 1);
        let u = store::organisasi::unit(l.pool(), &iid, &dinkes.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (u.nama.as_str(), u.versi, u.urutan),
            ("Dinas Kesehatan dan KB", 2, 1),
            "kolom urutan tidak ada: tetap"
        );
    }
}

#[tokio::test]
async fn galat_unit_disebut_per_baris_dan_tidak_ada_yang_ditulis() {
    for b in backend_uji() {
        let (l, k, iid) = siapkan(b).await;
        pastikan_diterima(
            &impor::impor_unit(&l, &k, &iid, "unit.csv", POHON.as_bytes())
                .await
                .unwrap(),
        );
        let lembaga = store::organisasi::semua_unit(l.pool(), &iid)
            .await
            .unwrap()
            .into_iter()
            .find(|u| u.nama == "Lembaga Uji")
            .unwrap();
        let isi = format!(
            "id,nama,jenis,induk,urutan\n\
             ,Bidang Baru,bidang,Dinas Kesehatan,1\n\
             ,Seksi A,seksi,Bidang Belum Ada,x\n\
             ,Sekretariat,sekretariat,,2\n\
             {},Lembaga Uji,lainnya,Dinas Kesehatan > Sekretariat,0\n\
             ,Bidang C,dinas,Sekretariat,1\n",
            lembaga.id
        );
        let lap = impor::impor_unit(&l, &k, &iid, "buruk.csv", isi.as_bytes())
            .await
            .unwrap();
        assert!(!lap.diterima);
        let letak: Vec<(usize, &str)> = lap
            .galat
            .iter()
            .map(|c| (c.baris, c.kolom.as_str()))
            .collect();
        assert_eq!(
            letak,
            vec![
                (3, "induk"),
                (3, "urutan"),
                (5, "induk"),
                (6, "jenis"),
                (6, "induk")
            ],
            "{:?}",
            lap.galat
        );
        assert!(
            lap.galat[2].pesan.contains("turunannya"),
            "{}",
            lap.galat[2].pesan
        );
        assert!(
            lap.galat[4].pesan.contains("3 unit"),
            "{}",
            lap.galat[4].pesan
        );
        assert_eq!(
            store::organisasi::semua_unit(l.pool(), &iid)
                .await
                .unwrap()
                .len(),
            6,
            "{b:?}"
        );
    }
}
