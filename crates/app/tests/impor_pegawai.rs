//! Impor dan ekspor pegawai, pada SQLite dan PostgreSQL (`store::uji`).

use app::impor::{self, Format, Jenis, LaporanImpor};
use app::organisasi::instansi::MasukanInstansi;
use app::organisasi::unit::MasukanUnit;
use app::{Aktor, Bahasa, Galat, Konteks, Layanan, Peran};
use store::uji::{backend_uji, db_baru};

const KEPALA: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon";

struct Dunia {
    l: Layanan,
    k: Konteks,
    iid: String,
    lain: String,
}

async fn unit(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    induk: Option<&str>,
    nama: &str,
    jenis: &str,
) -> String {
    let m = MasukanUnit {
        induk_id: induk.map(str::to_string),
        nama: nama.into(),
        jenis: jenis.into(),
        berlaku_mulai: Some("2020-01-01".into()),
        ..Default::default()
    };
    app::organisasi::unit::buat(l, k, iid, m).await.unwrap().id
}

/// Instansi uji dengan pohon: Pemkot > Dinas Kesehatan > Sekretariat, Pemkot > Dinas Pendidikan > Sekretariat;
/// dan satu instansi lain.
async fn dunia(b: store::Backend) -> Dunia {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    let k = Konteks::sistem();
    let buat = |nama: &str| MasukanInstansi {
        nama: nama.into(),
        jenis: "lembaga".into(),
        kode_wilayah: None,
        zona_waktu: Some("WIT".into()),
        versi: None,
    };
    let iid = app::organisasi::instansi::buat(&l, &k, buat("Lembaga Uji"))
        .await
        .unwrap()
        .id;
    let lain = app::organisasi::instansi::buat(&l, &k, buat("Lembaga Lain"))
        .await
        .unwrap()
        .id;
    let akar = unit(&l, &k, &iid, None, "Lembaga Uji", "lainnya").await;
    let dk = unit(
        &l,
        &k,
        &iid,
        Some(&akar),
        "Dinas Kesehatan",
        "perangkat_daerah",
    )
    .await;
    let dp = unit(
        &l,
        &k,
        &iid,
        Some(&akar),
        "Dinas Pendidikan",
        "perangkat_daerah",
    )
    .await;
    unit(&l, &k, &iid, Some(&dk), "Sekretariat", "sekretariat").await;
    unit(&l, &k, &iid, Some(&dp), "Sekretariat", "sekretariat").await;
    unit(&l, &k, &lain, None, "Lembaga Lain", "lainnya").await;
    Dunia { l, k, iid, lain }
}

fn berkas(baris: &[&str]) -> Vec<u8> {
    let mut s = String::from(KEPALA);
    for b in baris {
        s.push('\n');
        s.push_str(b);
    }
    s.push('\n');
    s.into_bytes()
}

/// Empat pegawai: kepala dinas, sekretaris (atasannya kepala), dua staf di Sekretariat Dinkes.
fn empat() -> Vec<&'static str> {
    vec![
        "197204101998031005,Hasan Pattimura,dr.,M.Kes.,pns,IV/c,Dinas Kesehatan,Kepala Dinas Kesehatan,,aktif,hasan@contoh.go.id,081234567890",
        "198503152010011002,Budi Santoso,,\"S.Kom., M.Si.\",pns,III/d,Dinas Kesehatan > Sekretariat,Sekretaris Dinas Kesehatan,197204101998031005,aktif,,",
        "199108172015022003,Maria Latuconsina,,S.K.M.,pns,III/a,Dinas Kesehatan > Sekretariat,Analis Kesehatan,198503152010011002,aktif,,",
        "198902252024211013,Yohanis Tuhumury,,,pppk,IX,Dinas Kesehatan > Sekretariat,Analis Kesehatan,198503152010011002,,,",
    ]
}

async fn jumlah_pegawai(d: &Dunia) -> i64 {
    store::organisasi::jumlah_pegawai(d.l.pool(), Some(&d.iid))
        .await
        .unwrap()
}

async fn pegawai(d: &Dunia, nip: &str) -> app::organisasi::Pegawai {
    store::organisasi::pegawai_nip(d.l.pool(), &d.iid, nip)
        .await
        .unwrap()
        .expect(nip)
}

async fn impor(d: &Dunia, nama: &str, isi: &[u8]) -> LaporanImpor {
    impor::impor_pegawai(&d.l, &d.k, &d.iid, nama, isi)
        .await
        .unwrap()
}

fn pastikan_diterima(l: &LaporanImpor) {
    assert!(l.diterima, "ditolak: {}", l.ke_teks(Bahasa::Id));
}

#[tokio::test]
async fn csv_koma_membuat_semua_dan_menyelesaikan_rujukan() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let lap = impor(&d, "pegawai.csv", &berkas(&empat())).await;
        pastikan_diterima(&lap);
        assert_eq!(
            (lap.dibuat, lap.diperbarui, lap.tidak_berubah),
            (4, 0, 0),
            "{b:?}"
        );
        assert_eq!(lap.pemisah.as_deref(), Some(","));
        assert_eq!(jumlah_pegawai(&d).await, 4);
        let kepala = pegawai(&d, "197204101998031005").await;
        let budi = pegawai(&d, "198503152010011002").await;
        let maria = pegawai(&d, "199108172015022003").await;
        let yo = pegawai(&d, "198902252024211013").await;
        assert_eq!(budi.gelar_belakang.as_deref(), Some("S.Kom., M.Si."));
        assert_eq!(budi.atasan_id.as_deref(), Some(kepala.id.as_str()));
        assert_eq!(maria.atasan_id.as_deref(), Some(budi.id.as_str()));
        assert_eq!(maria.jenis_kelamin.as_deref(), Some("P"));
        assert_eq!(yo.jenis_asn, "pppk");
        assert_eq!(yo.status, "aktif");
        assert_eq!(kepala.telepon.as_deref(), Some("081234567890"));
        // "Sekretariat" di bawah Dinas Kesehatan, bukan Dinas Pendidikan.
        let u = store::organisasi::unit(d.l.pool(), &d.iid, &budi.unit_id)
            .await
            .unwrap()
            .unwrap();
        let induk = store::organisasi::unit(d.l.pool(), &d.iid, u.induk_id.as_deref().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (u.nama.as_str(), induk.nama.as_str()),
            ("Sekretariat", "Dinas Kesehatan")
        );
        // Jabatan yang belum ada dibuat sekali per unit dan disebut di laporan.
        let jab = store::organisasi::semua_jabatan(d.l.pool(), &d.iid)
            .await
            .unwrap();
        assert_eq!(jab.len(), 3, "{jab:?}");
        assert_eq!(maria.jabatan_id, yo.jabatan_id);
        assert!(jab.iter().all(|j| j.jenis == "pelaksana"));
        assert_eq!(
            lap.info.iter().filter(|c| c.kolom == "jabatan").count(),
            3,
            "{:?}",
            lap.info
        );
        // Satu audit per pegawai yang dibuat, plus riwayat penempatan.
        let audit = store::audit::riwayat_objek(d.l.pool(), &d.iid, "pegawai", &budi.id, 10)
            .await
            .unwrap();
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0].aksi, "buat");
        assert_eq!(
            store::organisasi::riwayat_pegawai(d.l.pool(), &d.iid, &budi.id)
                .await
                .unwrap()
                .len(),
            1
        );
    }
}

#[tokio::test]
async fn csv_titik_koma_dengan_bom_dan_crlf() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let mut isi = b"\xEF\xBB\xBF".to_vec();
        isi.extend_from_slice(KEPALA.replace(',', ";").as_bytes());
        isi.extend_from_slice(b"\r\n197204101998031005;Hasan Pattimura;dr.;M.Kes.;PNS;iv/c;Dinas Kesehatan;Kepala Dinas;;Aktif;;\r\n");
        isi.extend_from_slice(b"198503152010011002;Budi Santoso;;S.Kom., M.Si.;pns;III/d;dinas kesehatan > sekretariat;;197204101998031005;;;\r\n");
        let lap = impor(&d, "pegawai;excel.csv", &isi).await;
        pastikan_diterima(&lap);
        assert_eq!(lap.pemisah.as_deref(), Some(";"));
        assert_eq!(lap.dibuat, 2, "{b:?}");
        let budi = pegawai(&d, "198503152010011002").await;
        assert_eq!(budi.gelar_belakang.as_deref(), Some("S.Kom., M.Si."));
        let kepala = pegawai(&d, "197204101998031005").await;
        assert_eq!(kepala.golongan.as_deref(), Some("IV/c"));
        assert_eq!(kepala.jenis_asn, "pns");
        assert_eq!(budi.atasan_id.as_deref(), Some(kepala.id.as_str()));
    }
}

#[tokio::test]
async fn xlsx_pulang_pergi_tidak_berubah_dan_tidak_ganda() {
    for b in backend_uji() {
        let d = dunia(b).await;
        pastikan_diterima(&impor(&d, "awal.csv", &berkas(&empat())).await);
        let sebelum = store::organisasi::semua_pegawai(d.l.pool(), &d.iid)
            .await
            .unwrap();
        for f in [Format::Xlsx, Format::Csv] {
            let isi = impor::ekspor_pegawai(&d.l, &d.k, &d.iid, f).await.unwrap();
            if f == Format::Xlsx {
                assert!(isi.starts_with(b"PK\x03\x04"));
            }
            let lap = impor(&d, &format!("ekspor.{}", f.ekstensi()), &isi).await;
            pastikan_diterima(&lap);
            assert_eq!(
                (lap.dibuat, lap.diperbarui, lap.tidak_berubah),
                (0, 0, 4),
                "{b:?} {f:?}"
            );
        }
        assert_eq!(jumlah_pegawai(&d).await, 4);
        let sesudah = store::organisasi::semua_pegawai(d.l.pool(), &d.iid)
            .await
            .unwrap();
        assert_eq!(sebelum, sesudah, "versi dan isi tetap");
        assert_eq!(
            store::organisasi::semua_jabatan(d.l.pool(), &d.iid)
                .await
                .unwrap()
                .len(),
            3
        );
    }
}

#[tokio::test]
async fn impor_ulang_memperbarui_tepat_satu_baris() {
    for b in backend_uji() {
        let d = dunia(b).await;
        pastikan_diterima(&impor(&d, "awal.csv", &berkas(&empat())).await);
        let lama = pegawai(&d, "199108172015022003").await;
        let mut baris = empat();
        // Maria pindah ke Sekretariat Dinas Pendidikan dan naik golongan.
        baris[2] = "199108172015022003,Maria Latuconsina,,S.K.M.,pns,III/b,Dinas Pendidikan > Sekretariat,Analis Kesehatan,198503152010011002,aktif,,";
        let lap = impor(&d, "ubah.csv", &berkas(&baris)).await;
        pastikan_diterima(&lap);
        assert_eq!(
            (lap.dibuat, lap.diperbarui, lap.tidak_berubah),
            (0, 1, 3),
            "{b:?}"
        );
        let baru = pegawai(&d, "199108172015022003").await;
        assert_eq!(baru.id, lama.id);
        assert_eq!(baru.versi, lama.versi + 1);
        assert_eq!(baru.golongan.as_deref(), Some("III/b"));
        assert_ne!(baru.unit_id, lama.unit_id);
        // Jabatan dengan nama itu belum ada di unit baru: dibuat di sana.
        assert_ne!(baru.jabatan_id, lama.jabatan_id);
        assert_eq!(pegawai(&d, "198503152010011002").await.versi, 1);
        // Riwayat penempatan: yang lama ditutup, yang baru dibuka (aturan simpan_ubah).
        let r = store::organisasi::riwayat_pegawai(d.l.pool(), &d.iid, &baru.id)
            .await
            .unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r.iter().filter(|x| x.selesai.is_none()).count(), 1);
        let audit = store::audit::riwayat_objek(d.l.pool(), &d.iid, "pegawai", &baru.id, 10)
            .await
            .unwrap();
        assert_eq!(
            audit
                .iter()
                .map(|a| a.aksi.as_str())
                .collect::<Vec<_>>()
                .len(),
            2
        );
        assert!(audit.iter().any(|a| a.aksi == "ubah"));
        assert_eq!(jumlah_pegawai(&d).await, 4);
    }
}

#[tokio::test]
async fn satu_baris_buruk_tidak_menulis_apa_pun_dan_semua_galat_dilaporkan() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let mut baris = empat();
        // Baris 3: bulan TMT 13; baris 5: surel dan unit salah.
        baris[1] = "198503152010131002,Budi Santoso,,,pns,III/d,Dinas Kesehatan > Sekretariat,,197204101998031005,aktif,,";
        baris[3] =
            "198902252024211013,Yohanis Tuhumury,,,pppk,IX,Dinas Pertanian,Analis,,,bukan-surel,";
        let jabatan_sebelum = store::organisasi::semua_jabatan(d.l.pool(), &d.iid)
            .await
            .unwrap()
            .len();
        let lap = impor(&d, "buruk.csv", &berkas(&baris)).await;
        assert!(!lap.diterima);
        assert_eq!((lap.dibuat, lap.diperbarui), (0, 0));
        let letak: Vec<(usize, &str)> = lap
            .galat
            .iter()
            .map(|c| (c.baris, c.kolom.as_str()))
            .collect();
        assert!(letak.contains(&(3, "nip")), "{letak:?}");
        assert!(letak.contains(&(5, "unit")), "{letak:?}");
        assert!(letak.contains(&(5, "email")), "{letak:?}");
        let nip = lap.galat.iter().find(|c| c.baris == 3).unwrap();
        assert!(nip.pesan.contains("bulan TMT"), "{}", nip.pesan);
        assert_eq!(
            jumlah_pegawai(&d).await,
            0,
            "{b:?}: tidak ada tulisan sebagian"
        );
        assert_eq!(
            store::organisasi::semua_jabatan(d.l.pool(), &d.iid)
                .await
                .unwrap()
                .len(),
            jabatan_sebelum
        );
        // Laporan dalam bahasa Inggris bila pengguna memilihnya.
        let en = Konteks {
            bahasa: Bahasa::En,
            ..Konteks::sistem()
        };
        let lap = impor::impor_pegawai(&d.l, &en, &d.iid, "buruk.csv", &berkas(&baris))
            .await
            .unwrap();
        assert!(
            lap.galat
                .iter()
                .any(|c| c.baris == 3 && c.pesan.contains("appointment month")),
            "{:?}",
            lap.galat
        );
        assert!(lap.ringkasan(Bahasa::En).contains("Nothing was saved"));
    }
}

fn xlsx_dengan_nip_angka() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in KEPALA.split(',').enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    // Baris 2 benar (teks); baris 3 NIP sebagai angka, seperti yang diketik di Excel.
    for (c, v) in [
        "197204101998031005",
        "Hasan Pattimura",
        "",
        "",
        "pns",
        "IV/c",
        "Dinas Kesehatan",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    ws.write_number(2, 0, 198503152010011002.0).unwrap();
    for (c, v) in [
        "Budi Santoso",
        "",
        "",
        "pns",
        "III/d",
        "Dinas Kesehatan > Sekretariat",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(2, c as u16 + 1, *v).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[tokio::test]
async fn nip_angka_di_xlsx_ditolak_dengan_penjelasan_15_digit() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let lap = impor(&d, "pegawai.xlsx", &xlsx_dengan_nip_angka()).await;
        assert!(!lap.diterima);
        assert_eq!(lap.format, Some(Format::Xlsx));
        assert_eq!(lap.galat.len(), 1, "{:?}", lap.galat);
        let g = &lap.galat[0];
        assert_eq!((g.baris, g.kolom.as_str()), (3, "nip"));
        assert!(g.pesan.contains("15 digit"), "{}", g.pesan);
        assert!(g.pesan.contains("198503152010011000"), "{}", g.pesan);
        assert_eq!(jumlah_pegawai(&d).await, 0);
        let en = Konteks {
            bahasa: Bahasa::En,
            ..Konteks::sistem()
        };
        let lap = impor::impor_pegawai(&d.l, &en, &d.iid, "pegawai.xlsx", &xlsx_dengan_nip_angka())
            .await
            .unwrap();
        assert!(
            lap.galat[0].pesan.contains("15 significant digits"),
            "{}",
            lap.galat[0].pesan
        );
        // CSV yang disimpan dari sel angka: notasi ilmiah dan ".0".
        let lap = impor(
            &d,
            "excel.csv",
            &berkas(&[
                "1.98503E+17,Budi,,,pns,,Dinas Kesehatan,,,,,",
                "199108172015022003.0,Maria,,,pns,,Dinas Kesehatan,,,,,",
            ]),
        )
        .await;
        assert!(!lap.diterima);
        assert_eq!(lap.galat.len(), 2, "{:?}", lap.galat);
        assert!(
            lap.galat
                .iter()
                .all(|g| g.kolom == "nip" && g.pesan.contains("15 digit"))
        );
        assert_eq!(jumlah_pegawai(&d).await, 0);
    }
}

#[tokio::test]
async fn atasan_yang_didefinisikan_di_baris_sesudahnya_ditemukan() {
    for b in backend_uji() {
        let d = dunia(b).await;
        // Bawahan lebih dulu, atasan dua tingkat di bawahnya.
        let mut baris = empat();
        baris.reverse();
        let lap = impor(&d, "terbalik.csv", &berkas(&baris)).await;
        pastikan_diterima(&lap);
        assert_eq!(lap.dibuat, 4, "{b:?}");
        let kepala = pegawai(&d, "197204101998031005").await;
        let budi = pegawai(&d, "198503152010011002").await;
        let yo = pegawai(&d, "198902252024211013").await;
        assert_eq!(yo.atasan_id.as_deref(), Some(budi.id.as_str()));
        assert_eq!(budi.atasan_id.as_deref(), Some(kepala.id.as_str()));
        // Atasan yang tidak ada di mana pun, dan lingkaran, ditolak.
        let lap = impor(
            &d,
            "lingkar.csv",
            &berkas(&[
                "197204101998031005,Hasan Pattimura,,,pns,IV/c,Dinas Kesehatan,,198503152010011002,aktif,,",
                "198503152010011002,Budi Santoso,,,pns,III/d,Dinas Kesehatan,,197204101998031005,aktif,,",
                "199108172015022003,Maria Latuconsina,,,pns,III/a,Dinas Kesehatan,,197811232005011004,aktif,,",
            ]),
        )
        .await;
        assert!(!lap.diterima);
        let letak: Vec<(usize, &str)> = lap
            .galat
            .iter()
            .map(|c| (c.baris, c.kolom.as_str()))
            .collect();
        assert_eq!(
            letak,
            vec![(2, "nip_atasan"), (3, "nip_atasan"), (4, "nip_atasan")],
            "{:?}",
            lap.galat
        );
        assert!(lap.galat[0].pesan.contains("melingkar"));
        assert!(lap.galat[2].pesan.contains("197811232005011004"));
    }
}

#[tokio::test]
async fn admin_instansi_lain_tidak_boleh_mengimpor_atau_mengekspor() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let admin_lain = Aktor {
            instansi_id: d.lain.clone(),
            pengguna_id: "u-lain".into(),
            username: "admin.lain".into(),
            nama: "Admin Lain".into(),
            pegawai_id: None,
            peran: vec![Peran::AdminInstansi],
            hanya_baca: false,
        };
        let k = Konteks::dengan(admin_lain.clone(), Bahasa::Id);
        let r = impor::impor_pegawai(&d.l, &k, &d.iid, "a.csv", &berkas(&empat())).await;
        assert!(matches!(r, Err(Galat::Dilarang(_))), "{b:?}");
        let r = impor::impor_unit(&d.l, &k, &d.iid, "a.csv", b"nama,jenis\nX,bidang\n").await;
        assert!(matches!(r, Err(Galat::Dilarang(_))));
        assert!(matches!(
            impor::ekspor_pegawai(&d.l, &k, &d.iid, Format::Csv).await,
            Err(Galat::Dilarang(_))
        ));
        assert_eq!(jumlah_pegawai(&d).await, 0);
        // Admin instansi itu sendiri boleh; pengguna biasa instansi itu tidak boleh
        // mengimpor maupun mengekspor data pribadi seluruh instansi.
        let admin = Aktor {
            instansi_id: d.iid.clone(),
            ..admin_lain.clone()
        };
        let k = Konteks::dengan(admin, Bahasa::Id);
        pastikan_diterima(
            &impor::impor_pegawai(&d.l, &k, &d.iid, "a.csv", &berkas(&empat()))
                .await
                .unwrap(),
        );
        let biasa = Aktor {
            instansi_id: d.iid.clone(),
            peran: vec![Peran::Pegawai],
            ..admin_lain
        };
        let k = Konteks::dengan(biasa, Bahasa::Id);
        assert!(matches!(
            impor::impor_pegawai(&d.l, &k, &d.iid, "a.csv", &berkas(&empat())).await,
            Err(Galat::Dilarang(_))
        ));
        assert!(matches!(
            impor::ekspor_pegawai(&d.l, &k, &d.iid, Format::Csv).await,
            Err(Galat::Dilarang(_))
        ));
        assert!(
            impor::ekspor_unit(&d.l, &k, &d.iid, Format::Csv)
                .await
                .is_ok()
        );
    }
}

#[tokio::test]
async fn berkas_rusak_dan_judul_kolom_salah_dijelaskan() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let lap = impor(&d, "x.xlsx", b"nip,nama\n").await;
        assert!(!lap.diterima);
        assert!(lap.galat[0].pesan.contains("bukan XLSX"), "{:?}", lap.galat);
        let lap = impor(
            &d,
            "x.csv",
            b"nip,nama,unit,kolom_aneh\n198503152010011002,Budi,Dinas Kesehatan,?\n",
        )
        .await;
        assert!(!lap.diterima);
        assert_eq!(lap.galat.len(), 1, "{:?}", lap.galat);
        assert_eq!(
            (lap.galat[0].baris, lap.galat[0].kolom.as_str()),
            (1, "jenis_asn")
        );
        assert!(lap.info.iter().any(|c| c.kolom == "kolom_aneh"));
        let lap = impor(&d, "x.csv", KEPALA.as_bytes()).await;
        assert!(!lap.diterima);
        assert!(lap.galat[0].pesan.contains("tidak berisi baris data"));
        // Templat kosong: judulnya saja, dan diimpor kembali tanpa baris data.
        let t = impor::templat(Bahasa::Id, Format::Csv, Jenis::Pegawai).unwrap();
        assert!(String::from_utf8_lossy(&t).contains(KEPALA));
        let t = impor::templat(Bahasa::Id, Format::Xlsx, Jenis::Pegawai).unwrap();
        let lap = impor(&d, "templat.xlsx", &t).await;
        assert!(
            lap.galat[0].pesan.contains("tidak berisi baris data"),
            "{:?}",
            lap.galat
        );
    }
}

#[tokio::test]
async fn pegawai_yang_tidak_disebut_tidak_disentuh_dan_kolom_yang_hilang_tetap() {
    for b in backend_uji() {
        let d = dunia(b).await;
        pastikan_diterima(&impor(&d, "awal.csv", &berkas(&empat())).await);
        // Berkas tanpa kolom email/telepon/atasan/jabatan: nilai lama tetap.
        let isi = b"nip,nama,jenis_asn,unit,golongan\n197204101998031005,Hasan Pattimura,pns,Dinas Kesehatan,IV/d\n";
        let lap = impor(&d, "sebagian.csv", isi).await;
        pastikan_diterima(&lap);
        assert_eq!((lap.dibuat, lap.diperbarui), (0, 1));
        let kepala = pegawai(&d, "197204101998031005").await;
        assert_eq!(kepala.golongan.as_deref(), Some("IV/d"));
        assert_eq!(kepala.email.as_deref(), Some("hasan@contoh.go.id"));
        assert_eq!(kepala.gelar_depan.as_deref(), Some("dr."));
        assert!(kepala.jabatan_id.is_some());
        assert_eq!(jumlah_pegawai(&d).await, 4);
    }
}
