//! Rencana SKP dari/ke XLSX/CSV dan templat per jabatan (isu 11), di SQLite
//! dan PostgreSQL: ekspor → impor tanpa perubahan tidak mengubah apa pun,
//! baris baru menambah RHK, aspek salah ditolak dengan baris dan kolomnya,
//! RHK yang masih dirujuk tidak dapat dihapus lewat berkas, rekan kerja
//! ditolak; templat jabatan dipakai draf baru tanpa SKP tahun lalu, sedang
//! pegawai ber-SKP tahun lalu mendapat salinannya.

use app::impor::Format;
use app::organisasi::instansi::MasukanInstansi;
use app::organisasi::unit::MasukanUnit;
use app::skp::periode::MasukanPeriodeSkp;
use app::skp::{MasukanIndikator, MasukanRhk};
use app::{Aktor, Bahasa, Galat, Konteks, Layanan, Peran};
use store::uji::{backend_uji, db_baru};

const KEPALA: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon";
const TAHUN: i64 = 2026;
const KABID: &str = "197505052000031002";
const STAF1: &str = "198503152010011003";
const STAF2: &str = "198606162010011004";
const REKAN: &str = "199108172015022005";

struct Dunia {
    l: Layanan,
    prov: String,
}

async fn dunia(b: store::Backend) -> Dunia {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    let prov = app::organisasi::instansi::buat(
        &l,
        &Konteks::sistem(),
        MasukanInstansi {
            nama: "Pemerintah Provinsi Maluku".into(),
            jenis: "provinsi".into(),
            kode_wilayah: Some("81".into()),
            zona_waktu: Some("WIT".into()),
            versi: None,
        },
    )
    .await
    .unwrap()
    .id;
    app::organisasi::unit::buat(
        &l,
        &Konteks::sistem(),
        &prov,
        MasukanUnit {
            induk_id: None,
            nama: "Dinas Kesehatan".into(),
            jenis: "lainnya".into(),
            berlaku_mulai: Some("2020-01-01".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let u = "Dinas Kesehatan";
    let csv = format!(
        "{KEPALA}\n{KABID},Kabid,,,pns,IV/a,{u},Kepala Bidang,,aktif,,\n\
         {STAF1},Staf Satu,,,pns,III/c,{u},Analis,{KABID},aktif,,\n\
         {STAF2},Staf Dua,,,pns,III/b,{u},Analis,{KABID},aktif,,\n\
         {REKAN},Rekan,,,pns,III/a,{u},Pengelola,{KABID},aktif,,"
    );
    let lap = app::impor::impor_pegawai(&l, &Konteks::sistem(), &prov, "p.csv", csv.as_bytes())
        .await
        .unwrap();
    assert!(lap.diterima, "{:?}", lap.galat);
    Dunia { l, prov }
}

async fn pid(d: &Dunia, nip: &str) -> String {
    store::organisasi::pegawai_nip(d.l.pool(), &d.prov, nip)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn orang(d: &Dunia, nip: Option<&str>, peran: &[Peran]) -> Konteks {
    let pegawai_id = match nip {
        Some(n) => Some(pid(d, n).await),
        None => None,
    };
    let username = format!("u{}", store::id_baru().replace('-', ""));
    let p = app::akun::buat_akun(
        &d.l,
        &Konteks::sistem(),
        app::akun::AkunBaru {
            instansi_id: d.prov.clone(),
            username: username.clone(),
            nama: username.clone(),
            sandi: "sandi-uji-panjang-1".into(),
            pegawai_id: pegawai_id.clone(),
            peran: peran.to_vec(),
        },
    )
    .await
    .unwrap();
    Konteks::dengan(
        Aktor {
            instansi_id: d.prov.clone(),
            pengguna_id: p.id,
            username,
            nama: "x".into(),
            pegawai_id,
            peran: peran.to_vec(),
            hanya_baca: false,
        },
        Bahasa::Id,
    )
}

async fn buka(d: &Dunia, k: &Konteks, tahun: i64) {
    app::skp::periode::buka_periode(
        &d.l,
        k,
        &d.prov,
        &MasukanPeriodeSkp {
            tahun,
            frekuensi: None,
            ambang_kurva: None,
        },
    )
    .await
    .unwrap();
}

async fn skp(d: &Dunia, k: &Konteks, nip: &str, tahun: i64) -> app::skp::TampilanSkp {
    let p = pid(d, nip).await;
    app::skp::skp_pegawai(&d.l, k, &d.prov, tahun, &p)
        .await
        .unwrap()
}

fn rhk(uraian: &str, atasan: Option<&str>, ind: &[(&str, &str)], versi: i64) -> MasukanRhk {
    MasukanRhk {
        jenis: "utama".into(),
        uraian: uraian.into(),
        rhk_atasan_id: atasan.map(str::to_string),
        perspektif: None,
        jam_beban: Some("300".into()),
        indikator: ind
            .iter()
            .map(|(u, t)| MasukanIndikator {
                aspek: "kuantitas".into(),
                uraian: u.to_string(),
                target: t.to_string(),
                satuan: "dokumen".into(),
            })
            .collect(),
        versi: Some(versi),
    }
}

fn dilarang<T: std::fmt::Debug>(r: Result<T, Galat>) {
    assert!(matches!(r, Err(Galat::Dilarang(_))), "{r:?}");
}

fn teks(b: &[u8]) -> String {
    String::from_utf8(b.to_vec())
        .unwrap()
        .trim_start_matches('\u{feff}')
        .to_string()
}

#[tokio::test]
async fn rencana_dari_berkas() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin = orang(&d, None, &[Peran::AdminInstansi]).await;
        let kabid = orang(&d, Some(KABID), &[Peran::Pegawai]).await;
        let staf1 = orang(&d, Some(STAF1), &[Peran::Pegawai]).await;
        let rekan = orang(&d, Some(REKAN), &[Peran::Pegawai]).await;
        buka(&d, &admin, TAHUN).await;
        // Kabid: satu RHK; staf 1 mengintervensinya dan punya RHK kedua tanpa indikator.
        let sk = skp(&d, &kabid, KABID, TAHUN).await;
        let sk = app::skp::tambah_rhk(
            l,
            &kabid,
            &d.prov,
            &sk.id,
            rhk(
                "Pelayanan kesehatan bermutu",
                None,
                &[("Puskesmas terakreditasi", "10")],
                sk.versi,
            ),
        )
        .await
        .unwrap();
        let rhk_kabid = sk.rhk[0].id.clone();
        let s1 = skp(&d, &staf1, STAF1, TAHUN).await;
        let s1 = app::skp::tambah_rhk(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            rhk(
                "Laporan mutu, triwulanan",
                Some(&rhk_kabid),
                &[("Laporan tersusun", "4"), ("Ketepatan \"waktu\"", "95,5")],
                s1.versi,
            ),
        )
        .await
        .unwrap();
        let s1 = app::skp::tambah_rhk(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            rhk("Dukungan administrasi", None, &[], s1.versi),
        )
        .await
        .unwrap();

        // Ekspor → impor tanpa perubahan: tidak ada yang berubah (CSV dan XLSX).
        let csv = app::skp::rencana_berkas::ekspor(l, &staf1, &d.prov, &s1.id, Format::Csv)
            .await
            .unwrap();
        let isi = teks(&csv);
        let baris: Vec<&str> = isi.lines().collect();
        assert_eq!(
            baris[0],
            "rhk_no,jenis,rhk,rhk_atasan_id,perspektif,jam_beban,aspek,indikator,target,satuan"
        );
        assert_eq!(baris.len(), 4, "{isi}");
        assert!(
            baris[3].starts_with("2,utama,Dukungan administrasi,,,300,,,,"),
            "{isi}"
        );
        assert!(baris[1].contains(&rhk_kabid));
        for (nama, berkas) in [
            ("r.csv", csv.clone()),
            (
                "r.xlsx",
                app::skp::rencana_berkas::ekspor(l, &kabid, &d.prov, &s1.id, Format::Xlsx)
                    .await
                    .unwrap(),
            ),
        ] {
            let lap = app::skp::rencana_berkas::impor(l, &staf1, &d.prov, &s1.id, nama, &berkas)
                .await
                .unwrap();
            assert!(lap.diterima && !lap.berubah, "{b:?} {nama} {lap:?}");
            assert_eq!(lap.tidak_berubah, 2);
        }
        let sesudah = skp(&d, &staf1, STAF1, TAHUN).await;
        assert_eq!(sesudah.versi, s1.versi, "impor ulang tidak menyentuh SKP");

        // Baris tambahan menambah RHK; target diubah; RHK tanpa indikator mendapat indikator.
        let ubah = format!(
            "{}\n{}\n2,utama,Dukungan administrasi,,,300,waktu,Surat selesai,5,hari\n\
             3,tambahan,Narasumber pelatihan,,,,kuantitas,Sesi,2,kali\n",
            baris[0],
            [baris[1], &baris[2].replace("95.5", "97")].join("\n"),
        );
        let lap =
            app::skp::rencana_berkas::impor(l, &staf1, &d.prov, &s1.id, "u.csv", ubah.as_bytes())
                .await
                .unwrap();
        assert!(lap.diterima && lap.berubah, "{lap:?}");
        assert_eq!(
            (lap.rhk_dibuat, lap.rhk_diubah, lap.rhk_dihapus),
            (1, 0, 0),
            "{lap:?}"
        );
        assert_eq!(
            (
                lap.indikator_dibuat,
                lap.indikator_diubah,
                lap.indikator_dihapus
            ),
            (2, 1, 0),
            "{lap:?}"
        );
        let s1 = skp(&d, &staf1, STAF1, TAHUN).await;
        assert_eq!(s1.rhk.len(), 3);
        let tambahan = s1.rhk.iter().find(|r| r.jenis == "tambahan").unwrap();
        assert_eq!(tambahan.uraian, "Narasumber pelatihan");
        let mutu = s1
            .rhk
            .iter()
            .find(|r| r.uraian.starts_with("Laporan"))
            .unwrap();
        assert_eq!(mutu.rhk_atasan_id.as_deref(), Some(rhk_kabid.as_str()));
        assert!(mutu.indikator.iter().any(|i| i.target == "97"));

        // Menghapus lewat berkas: RHK tambahan hilang dari berkas → dihapus.
        let csv = teks(
            &app::skp::rencana_berkas::ekspor(l, &staf1, &d.prov, &s1.id, Format::Csv)
                .await
                .unwrap(),
        );
        let tanpa: Vec<&str> = csv.lines().filter(|x| !x.contains("Narasumber")).collect();
        let lap = app::skp::rencana_berkas::impor(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            "h.csv",
            tanpa.join("\n").as_bytes(),
        )
        .await
        .unwrap();
        assert!(lap.diterima, "{lap:?}");
        assert_eq!((lap.rhk_dihapus, lap.indikator_dihapus), (1, 1));
        assert_eq!(skp(&d, &staf1, STAF1, TAHUN).await.rhk.len(), 2);

        // Aspek salah: ditolak dengan baris dan kolomnya; tidak ada yang disimpan.
        let salah = format!(
            "{}\n1,utama,RHK baru,,,,mutu,Indikator,3,dokumen\n",
            baris[0]
        );
        let v = skp(&d, &staf1, STAF1, TAHUN).await.versi;
        let lap =
            app::skp::rencana_berkas::impor(l, &staf1, &d.prov, &s1.id, "s.csv", salah.as_bytes())
                .await
                .unwrap();
        assert!(!lap.diterima);
        assert!(
            lap.galat.iter().any(|g| g.baris == 2 && g.kolom == "aspek"),
            "{:?}",
            lap.galat
        );
        let s1 = skp(&d, &staf1, STAF1, TAHUN).await;
        assert_eq!((s1.versi, s1.rhk.len()), (v, 2));

        // rhk_atasan_id harus RHK pejabat penilai: RHK staf sendiri ditolak.
        let sendiri = s1.rhk[0].id.clone();
        let salah = format!(
            "{}\n1,utama,RHK baru,{sendiri},,,kuantitas,Indikator,3,dokumen\n",
            baris[0]
        );
        let lap =
            app::skp::rencana_berkas::impor(l, &staf1, &d.prov, &s1.id, "a.csv", salah.as_bytes())
                .await
                .unwrap();
        assert!(
            lap.galat
                .iter()
                .any(|g| g.baris == 2 && g.kolom == "rhk_atasan_id"),
            "{:?}",
            lap.galat
        );

        // RHK kabid diintervensi staf 1: berkas tanpa RHK itu ditolak dengan namanya.
        let kosong_kabid = format!(
            "{}\n1,utama,RHK lain,,,,kuantitas,Indikator,3,dokumen\n",
            baris[0]
        );
        let lap = app::skp::rencana_berkas::impor(
            l,
            &kabid,
            &d.prov,
            &sk.id,
            "k.csv",
            kosong_kabid.as_bytes(),
        )
        .await
        .unwrap();
        assert!(!lap.diterima);
        assert!(
            lap.galat
                .iter()
                .any(|g| g.kolom == "rhk" && g.pesan.contains("Pelayanan kesehatan bermutu")),
            "{:?}",
            lap.galat
        );
        assert_eq!(skp(&d, &kabid, KABID, TAHUN).await.rhk.len(), 1);

        // Rekan kerja: 403; penilai membaca (ekspor) tetapi tidak mengimpor.
        dilarang(
            app::skp::rencana_berkas::impor(l, &rekan, &d.prov, &s1.id, "x.csv", salah.as_bytes())
                .await,
        );
        dilarang(app::skp::rencana_berkas::ekspor(l, &rekan, &d.prov, &s1.id, Format::Csv).await);
        dilarang(
            app::skp::rencana_berkas::impor(l, &kabid, &d.prov, &s1.id, "x.csv", csv.as_bytes())
                .await,
        );
    }
}

#[tokio::test]
async fn templat_per_jabatan() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin = orang(&d, None, &[Peran::AdminInstansi]).await;
        let staf1 = orang(&d, Some(STAF1), &[Peran::Pegawai]).await;
        let rekan = orang(&d, Some(REKAN), &[Peran::Pegawai]).await;
        buka(&d, &admin, TAHUN).await;
        // Staf 1 punya SKP berisi tahun ini; staf 2 (jabatan sama) tidak.
        let s1 = skp(&d, &staf1, STAF1, TAHUN).await;
        app::skp::tambah_rhk(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            rhk("RHK tahun lalu staf 1", None, &[("Dokumen", "3")], s1.versi),
        )
        .await
        .unwrap();
        let jabatan = store::skp::skp(l.pool(), &d.prov, &s1.id)
            .await
            .unwrap()
            .unwrap()
            .jabatan_id
            .unwrap();

        // Hanya BKD.
        dilarang(app::skp::templat::daftar(l, &rekan, &d.prov).await);
        let berkas = "rhk_no,jenis,rhk,rhk_atasan_id,perspektif,jam_beban,aspek,indikator,target,satuan\n\
                      1,utama,Analisis data kesehatan,abaikan-saya,,120,kuantitas,Laporan analisis,4,laporan\n\
                      1,,,,,,waktu,Tepat waktu,100,persen\n\
                      2,tambahan,Piket pelayanan,,,,,,,\n";
        dilarang(
            app::skp::templat::unggah(l, &rekan, &d.prov, &jabatan, "t.csv", berkas.as_bytes())
                .await,
        );
        // Aspek salah ditolak per baris (pemeriksaan yang sama).
        let salah = berkas.replace("waktu,Tepat", "mutu,Tepat");
        let lap =
            app::skp::templat::unggah(l, &admin, &d.prov, &jabatan, "t.csv", salah.as_bytes())
                .await
                .unwrap();
        assert!(!lap.diterima);
        assert!(
            lap.galat.iter().any(|g| g.baris == 3 && g.kolom == "aspek"),
            "{:?}",
            lap.galat
        );
        let lap =
            app::skp::templat::unggah(l, &admin, &d.prov, &jabatan, "t.csv", berkas.as_bytes())
                .await
                .unwrap();
        assert!(lap.diterima, "{lap:?}");
        let daftar = app::skp::templat::daftar(l, &admin, &d.prov).await.unwrap();
        assert_eq!(daftar.len(), 1);
        assert_eq!(daftar[0].jabatan, "Analis");
        assert_eq!((daftar[0].jumlah_rhk, daftar[0].jumlah_indikator), (2, 2));
        // Unduhan: kolom sama, tanpa tautan atasan.
        let unduh = teks(
            &app::skp::templat::unduh(l, &admin, &d.prov, &jabatan, Format::Csv)
                .await
                .unwrap(),
        );
        assert!(!unduh.contains("abaikan-saya"), "{unduh}");
        assert!(
            unduh.contains("2,tambahan,Piket pelayanan,,,,,,,"),
            "{unduh}"
        );

        // Periode berikut: staf 2 (tanpa RHK tahun lalu) mendapat templat,
        // staf 1 mendapat salinan tahun lalunya.
        buka(&d, &admin, TAHUN + 1).await;
        let s2 = skp(&d, &admin, STAF2, TAHUN + 1).await;
        let uraian: Vec<&str> = s2.rhk.iter().map(|r| r.uraian.as_str()).collect();
        assert_eq!(
            uraian,
            ["Analisis data kesehatan", "Piket pelayanan"],
            "{b:?}"
        );
        assert_eq!(s2.rhk[0].indikator.len(), 2);
        assert_eq!(s2.rhk[0].rhk_atasan_id, None);
        assert_eq!(s2.rhk[0].jam_beban.as_deref(), Some("120"));
        let s1b = skp(&d, &admin, STAF1, TAHUN + 1).await;
        let uraian: Vec<&str> = s1b.rhk.iter().map(|r| r.uraian.as_str()).collect();
        assert_eq!(uraian, ["RHK tahun lalu staf 1"]);
        // Rekan (jabatan lain, tanpa templat): kosong.
        assert!(skp(&d, &admin, REKAN, TAHUN + 1).await.rhk.is_empty());

        // Jadikan templat dari SKP staf 1; hapus.
        let t = app::skp::templat::dari_skp(l, &admin, &d.prov, &s1.id)
            .await
            .unwrap();
        assert_eq!((t.jumlah_rhk, t.versi), (1, 2));
        dilarang(app::skp::templat::dari_skp(l, &staf1, &d.prov, &s1.id).await);
        dilarang(app::skp::templat::hapus(l, &rekan, &d.prov, &jabatan).await);
        app::skp::templat::hapus(l, &admin, &d.prov, &jabatan)
            .await
            .unwrap();
        assert!(
            app::skp::templat::daftar(l, &admin, &d.prov)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(matches!(
            app::skp::templat::unduh(l, &admin, &d.prov, &jabatan, Format::Csv).await,
            Err(Galat::TidakDitemukan(_))
        ));
    }
}
