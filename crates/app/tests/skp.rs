//! SKP (isu 11) lewat layanan, di SQLite dan PostgreSQL: membuka periode
//! (idempoten, tanpa atasan, pensiun dipisah, pindah unit), siapa melihat
//! SKP siapa, RHK sebelum RHK atasan ada lalu ditautkan, penurunan RHK ke
//! beberapa bawahan, alur dengan riwayat, realisasi dengan bukti hanya oleh
//! pemilik (kiriman ulang tidak digandakan), umpan balik, evaluasi tanpa
//! perubahan yang hilang, kalibrasi kurva dengan unit kecil digabung, dan
//! salinan struktur tahun lalu.

use app::organisasi::instansi::MasukanInstansi;
use app::organisasi::pegawai::MasukanPegawai;
use app::organisasi::unit::MasukanUnit;
use app::skp::evaluasi::{MasukanEvaluasi, MasukanKurva};
use app::skp::periode::MasukanPeriodeSkp;
use app::skp::realisasi::{MasukanRealisasi, MasukanUmpanBalik};
use app::skp::{MasukanIndikator, MasukanLangkah, MasukanRhk, MasukanTurunkan};
use app::{Aktor, Bahasa, Galat, Konteks, Layanan, Peran};
use rules::permenpanrb_6_2022::{PredikatOrganisasi, RatingKinerja};
use rules::skp::LangkahSkp;
use store::uji::{backend_uji, db_baru};

const KEPALA: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon";
const TAHUN: i64 = 2026;

const KADIS: &str = "197001012000031001";
const KABID: &str = "197505052000031002";
const STAF1: &str = "198503152010011003";
const STAF2: &str = "198606162010011004";
const REKAN: &str = "199108172015022005";
const TANPA: &str = "199202022015021006";
const PENSIUN: &str = "196001011985031007";
const LUAR: &str = "198001012005011008";

struct Dunia {
    l: Layanan,
    prov: String,
    ambon: String,
    dinas: String,
}

async fn instansi(l: &Layanan, nama: &str, jenis: &str, kode: &str) -> String {
    let m = MasukanInstansi {
        nama: nama.into(),
        jenis: jenis.into(),
        kode_wilayah: Some(kode.into()),
        zona_waktu: Some("WIT".into()),
        versi: None,
    };
    app::organisasi::instansi::buat(l, &Konteks::sistem(), m)
        .await
        .unwrap()
        .id
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

async fn pegawai(l: &Layanan, iid: &str, baris: &[String]) {
    let mut s = String::from(KEPALA);
    for b in baris {
        s.push('\n');
        s.push_str(b);
    }
    let lap = app::impor::impor_pegawai(l, &Konteks::sistem(), iid, "p.csv", s.as_bytes())
        .await
        .unwrap();
    assert!(lap.diterima, "{:?}", lap.galat);
}

async fn dunia(b: store::Backend) -> Dunia {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    let prov = instansi(&l, "Pemerintah Provinsi Maluku", "provinsi", "81").await;
    let ambon = instansi(&l, "Pemerintah Kota Ambon", "kota", "81.71").await;
    let akar = unit(&l, &prov, None, "Pemprov Maluku").await;
    let dinas = unit(&l, &prov, Some(&akar), "Dinas Kesehatan").await;
    unit(&l, &prov, Some(&dinas), "Bidang Pelayanan").await;
    unit(&l, &ambon, None, "Pemkot Ambon").await;
    let d = "Pemprov Maluku > Dinas Kesehatan";
    let bid = "Pemprov Maluku > Dinas Kesehatan > Bidang Pelayanan";
    pegawai(
        &l,
        &prov,
        &[
            format!("{KADIS},Kadis,,,pns,IV/c,{d},Kepala Dinas,,aktif,,"),
            format!("{KABID},Kabid,,,pns,IV/a,{d},Kepala Bidang,{KADIS},aktif,,"),
            format!("{STAF1},Staf Satu,,,pns,III/c,{bid},Analis,{KABID},aktif,,"),
            format!("{STAF2},Staf Dua,,,pns,III/b,{bid},Analis,{KABID},aktif,,"),
            format!("{REKAN},Rekan,,,pns,III/a,{bid},Analis,{KABID},aktif,,"),
            format!("{TANPA},Tanpa Atasan,,,pns,III/a,{bid},Pengelola,,aktif,,"),
            format!("{PENSIUN},Purna,,,pns,IV/a,{bid},Analis,{KABID},pensiun,,"),
        ],
    )
    .await;
    pegawai(
        &l,
        &ambon,
        &[format!(
            "{LUAR},Orang Ambon,,,pns,III/c,Pemkot Ambon,Analis,,aktif,,"
        )],
    )
    .await;
    Dunia {
        l,
        prov,
        ambon,
        dinas,
    }
}

async fn pid(d: &Dunia, iid: &str, nip: &str) -> String {
    store::organisasi::pegawai_nip(d.l.pool(), iid, nip)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn orang(d: &Dunia, iid: &str, nip: Option<&str>, peran: &[Peran]) -> Konteks {
    let pegawai_id = match nip {
        Some(n) => Some(pid(d, iid, n).await),
        None => None,
    };
    let username = format!("u{}", store::id_baru().replace('-', ""));
    let p = app::akun::buat_akun(
        &d.l,
        &Konteks::sistem(),
        app::akun::AkunBaru {
            instansi_id: iid.into(),
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
            instansi_id: iid.into(),
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

fn dilarang<T: std::fmt::Debug>(r: Result<T, Galat>) {
    assert!(matches!(r, Err(Galat::Dilarang(_))), "{r:?}");
}

fn kode_status<T: std::fmt::Debug>(r: Result<T, Galat>, kode: &str) {
    match r {
        Err(Galat::Status { kode: k, .. }) => assert_eq!(k, kode),
        lain => panic!("harus 409 {kode}: {lain:?}"),
    }
}

fn kolom<T: std::fmt::Debug>(r: Result<T, Galat>, kolom: &str) {
    match r {
        Err(Galat::InputTidakValid { fields, .. }) => {
            assert!(
                fields.contains_key(kolom),
                "{kolom} tidak ada di {fields:?}"
            )
        }
        lain => panic!("harus 422 pada {kolom}: {lain:?}"),
    }
}

fn rhk(uraian: &str, atasan: Option<&str>, versi: i64) -> MasukanRhk {
    MasukanRhk {
        jenis: "utama".into(),
        uraian: uraian.into(),
        rhk_atasan_id: atasan.map(str::to_string),
        perspektif: None,
        jam_beban: Some("300".into()),
        indikator: vec![MasukanIndikator {
            aspek: "kuantitas".into(),
            uraian: format!("Jumlah {uraian}"),
            target: "12".into(),
            satuan: "dokumen".into(),
        }],
        versi: Some(versi),
    }
}

fn png() -> Vec<u8> {
    let mut v = Vec::new();
    let img = image::RgbImage::from_pixel(3, 2, image::Rgb([10, 200, 10]));
    img.write_to(&mut std::io::Cursor::new(&mut v), image::ImageFormat::Png)
        .unwrap();
    v
}

async fn buka(d: &Dunia, k: &Konteks, tahun: i64) -> app::skp::periode::HasilBukaPeriode {
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
    .unwrap()
}

async fn skp_dari(d: &Dunia, k: &Konteks, nip: &str) -> app::skp::TampilanSkp {
    let p = pid(d, &d.prov, nip).await;
    app::skp::skp_pegawai(&d.l, k, &d.prov, TAHUN, &p)
        .await
        .unwrap()
}

fn langkah(l: LangkahSkp, catatan: Option<&str>, versi: i64) -> MasukanLangkah {
    MasukanLangkah {
        langkah: l,
        catatan: catatan.map(str::to_string),
        versi: Some(versi),
    }
}

fn evaluasi(h: RatingKinerja, p: RatingKinerja, versi: Option<i64>) -> MasukanEvaluasi {
    MasukanEvaluasi {
        periode: format!("{TAHUN}-TW1"),
        rating_hasil: h,
        rating_perilaku: p,
        catatan: None,
        versi,
    }
}

#[tokio::test]
async fn periode_rencana_alur_dan_akses() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin = orang(&d, &d.prov, None, &[Peran::AdminInstansi]).await;
        let admin_ambon = orang(&d, &d.ambon, None, &[Peran::AdminInstansi]).await;
        let kabid = orang(&d, &d.prov, Some(KABID), &[Peran::Pegawai]).await;
        let staf1 = orang(&d, &d.prov, Some(STAF1), &[Peran::Pegawai]).await;
        let rekan = orang(&d, &d.prov, Some(REKAN), &[Peran::Pegawai]).await;

        // Hanya BKD membuka periode; idempoten; tanpa atasan dihitung; pensiun tidak.
        dilarang(
            app::skp::periode::buka_periode(
                l,
                &staf1,
                &d.prov,
                &MasukanPeriodeSkp {
                    tahun: TAHUN,
                    frekuensi: None,
                    ambang_kurva: None,
                },
            )
            .await,
        );
        let h = buka(&d, &admin, TAHUN).await;
        assert_eq!((h.dibuat, h.sudah_ada, h.tanpa_atasan), (6, 0, 2), "{b:?}");
        let h = buka(&d, &admin, TAHUN).await;
        assert_eq!((h.dibuat, h.sudah_ada, h.tanpa_atasan), (0, 6, 2));
        let pm = app::skp::periode::pemetaan(l, &admin, &d.prov, TAHUN)
            .await
            .unwrap();
        assert_eq!(pm.perlu_perbaikan.len(), 2);
        assert!(
            pm.perlu_perbaikan
                .iter()
                .all(|x| x.masalah == "tanpa_atasan")
        );
        assert_eq!(pm.tidak_ber_skp.len(), 1);
        assert_eq!(pm.tidak_ber_skp[0].masalah, "pensiun");
        assert_eq!(pm.belum_ber_skp, 0);

        // Siapa melihat SKP staf 1: dirinya, penilainya, BKD; bukan rekan, bukan instansi lain.
        let s1 = skp_dari(&d, &staf1, STAF1).await;
        assert_eq!(s1.status, "draf");
        assert_eq!(s1.penilai_id, Some(pid(&d, &d.prov, KABID).await));
        assert_eq!(s1.atasan_penilai_id, Some(pid(&d, &d.prov, KADIS).await));
        assert!(s1.hak.pemilik && !s1.hak.penilai);
        let p1 = pid(&d, &d.prov, STAF1).await;
        dilarang(app::skp::skp_pegawai(l, &rekan, &d.prov, TAHUN, &p1).await);
        dilarang(app::skp::skp_pegawai(l, &admin_ambon, &d.prov, TAHUN, &p1).await);
        assert!(
            app::skp::skp_pegawai(l, &admin, &d.prov, TAHUN, &p1)
                .await
                .is_ok()
        );
        let dari_kabid = app::skp::skp_pegawai(l, &kabid, &d.prov, TAHUN, &p1)
            .await
            .unwrap();
        assert!(dari_kabid.hak.penilai && !dari_kabid.hak.pemilik);

        // RHK sebelum RHK atasan ada; menaut ke RHK bukan milik penilai ditolak.
        let s1 = app::skp::tambah_rhk(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            rhk("Laporan mutu", None, s1.versi),
        )
        .await
        .unwrap();
        assert_eq!(s1.rhk.len(), 1);
        assert_eq!(s1.rhk[0].rhk_atasan_id, None);
        assert_eq!(s1.rhk[0].indikator[0].target, "12");
        let sr = skp_dari(&d, &rekan, REKAN).await;
        let sr = app::skp::tambah_rhk(
            l,
            &rekan,
            &d.prov,
            &sr.id,
            rhk("Punya rekan", None, sr.versi),
        )
        .await
        .unwrap();
        kolom(
            app::skp::ubah_rhk(
                l,
                &staf1,
                &d.prov,
                &s1.id,
                &s1.rhk[0].id,
                rhk("Laporan mutu", Some(&sr.rhk[0].id), s1.versi),
            )
            .await,
            "rhk_atasan_id",
        );
        // Orang lain tidak menyusun SKP staf 1; versi basi 409.
        dilarang(app::skp::tambah_rhk(l, &kabid, &d.prov, &s1.id, rhk("x", None, s1.versi)).await);
        assert!(matches!(
            app::skp::tambah_rhk(l, &staf1, &d.prov, &s1.id, rhk("x", None, s1.versi - 1)).await,
            Err(Galat::Konflik(_))
        ));

        // Kabid menyusun RHK-nya; staf 1 menautkan kemudian.
        let sk = skp_dari(&d, &kabid, KABID).await;
        let sk = app::skp::tambah_rhk(
            l,
            &kabid,
            &d.prov,
            &sk.id,
            rhk("Mutu layanan naik", None, sk.versi),
        )
        .await
        .unwrap();
        let rhk_kabid = sk.rhk[0].id.clone();
        let s1 = app::skp::ubah_rhk(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            &s1.rhk[0].id,
            rhk("Laporan mutu", Some(&rhk_kabid), s1.versi),
        )
        .await
        .unwrap();
        assert_eq!(s1.rhk[0].rhk_atasan_id.as_deref(), Some(rhk_kabid.as_str()));

        // Kabid menurunkan RHK-nya ke staf 2 dan rekan sekaligus.
        let s2 = skp_dari(&d, &kabid, STAF2).await;
        let dibuat = app::skp::turunkan_rhk(
            l,
            &kabid,
            &d.prov,
            &rhk_kabid,
            MasukanTurunkan {
                skp_id: vec![s2.id.clone(), sr.id.clone()],
                uraian: Some("Survei kepuasan".into()),
                indikator: vec![],
            },
        )
        .await
        .unwrap();
        assert_eq!(dibuat.len(), 2);
        let s2 = skp_dari(&d, &kabid, STAF2).await;
        assert_eq!(s2.rhk[0].rhk_atasan_id.as_deref(), Some(rhk_kabid.as_str()));
        // Staf tidak menurunkan RHK atasannya ke siapa pun.
        dilarang(
            app::skp::turunkan_rhk(
                l,
                &staf1,
                &d.prov,
                &rhk_kabid,
                MasukanTurunkan {
                    skp_id: vec![s2.id.clone()],
                    uraian: None,
                    indikator: vec![],
                },
            )
            .await,
        );

        // Alur: ajukan → terkunci → dikembalikan (catatan wajib) → ajukan → disetujui.
        dilarang(
            app::skp::langkah(
                l,
                &kabid,
                &d.prov,
                &s1.id,
                langkah(LangkahSkp::Ajukan, None, s1.versi),
            )
            .await,
        );
        let s1 = app::skp::langkah(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            langkah(LangkahSkp::Ajukan, None, s1.versi),
        )
        .await
        .unwrap();
        assert_eq!(s1.status, "diajukan");
        kode_status(
            app::skp::tambah_rhk(l, &staf1, &d.prov, &s1.id, rhk("y", None, s1.versi)).await,
            "skp_terkunci",
        );
        dilarang(
            app::skp::langkah(
                l,
                &staf1,
                &d.prov,
                &s1.id,
                langkah(LangkahSkp::Setujui, None, s1.versi),
            )
            .await,
        );
        kolom(
            app::skp::langkah(
                l,
                &kabid,
                &d.prov,
                &s1.id,
                langkah(LangkahSkp::Kembalikan, None, s1.versi),
            )
            .await,
            "catatan",
        );
        let s1 = app::skp::langkah(
            l,
            &kabid,
            &d.prov,
            &s1.id,
            langkah(
                LangkahSkp::Kembalikan,
                Some("Tambahkan target waktu"),
                s1.versi,
            ),
        )
        .await
        .unwrap();
        assert_eq!(s1.status, "dikembalikan");
        let s1 = app::skp::langkah(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            langkah(LangkahSkp::Ajukan, None, s1.versi),
        )
        .await
        .unwrap();
        kode_status(
            app::skp::langkah(
                l,
                &staf1,
                &d.prov,
                &s1.id,
                langkah(LangkahSkp::Ajukan, None, s1.versi),
            )
            .await,
            "status_tidak_sesuai",
        );
        let s1 = app::skp::langkah(
            l,
            &kabid,
            &d.prov,
            &s1.id,
            langkah(LangkahSkp::Setujui, None, s1.versi),
        )
        .await
        .unwrap();
        assert_eq!(s1.status, "disetujui");
        let riwayat = app::skp::riwayat_langkah(l, &staf1, &d.prov, &s1.id)
            .await
            .unwrap();
        let urut: Vec<&str> = riwayat.iter().map(|r| r.ke.as_str()).collect();
        assert_eq!(urut, ["diajukan", "dikembalikan", "diajukan", "disetujui"]);
        assert_eq!(
            riwayat[1].catatan.as_deref(),
            Some("Tambahkan target waktu")
        );
        // SKP tanpa penilai tidak dapat diajukan: BKD harus membetulkan atasannya.
        let tanpa = orang(&d, &d.prov, Some(TANPA), &[Peran::Pegawai]).await;
        let st = skp_dari(&d, &tanpa, TANPA).await;
        let st = app::skp::tambah_rhk(l, &tanpa, &d.prov, &st.id, rhk("Arsip", None, st.versi))
            .await
            .unwrap();
        kolom(
            app::skp::langkah(
                l,
                &tanpa,
                &d.prov,
                &st.id,
                langkah(LangkahSkp::Ajukan, None, st.versi),
            )
            .await,
            "penilai_id",
        );

        // Realisasi: hanya pemilik; periode harus triwulan tahun itu; bukti tersimpan.
        let ind = s1.rhk[0].indikator[0].id.clone();
        let m = |periode: &str, kunci: &str| MasukanRealisasi {
            indikator_id: ind.clone(),
            periode: periode.into(),
            realisasi: "3".into(),
            catatan: "Tiga laporan selesai".into(),
            tautan: String::new(),
            kunci_klien: kunci.into(),
        };
        let foto = png();
        let berkas = || {
            Some(app::bukti::BerkasMasuk {
                nama: "foto.png".into(),
                isi: foto.clone(),
            })
        };
        dilarang(
            app::skp::realisasi::kirim(l, &kabid, &d.prov, &s1.id, m("2026-TW1", ""), None).await,
        );
        dilarang(
            app::skp::realisasi::kirim(l, &rekan, &d.prov, &s1.id, m("2026-TW1", ""), None).await,
        );
        kolom(
            app::skp::realisasi::kirim(l, &staf1, &d.prov, &s1.id, m("2026-B01", ""), None).await,
            "periode",
        );
        kolom(
            app::skp::realisasi::kirim(l, &staf1, &d.prov, &s1.id, m("2025-TW1", ""), None).await,
            "periode",
        );
        let r = app::skp::realisasi::kirim(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            m("2026-tw1", "antrean-1"),
            berkas(),
        )
        .await
        .unwrap();
        assert!(r.baru);
        assert_eq!(r.periode, "2026-TW1");
        assert_eq!(r.status, "menunggu");
        let bukti = r.bukti.clone().unwrap();
        assert_eq!(bukti.ukuran, foto.len() as i64);
        // Kiriman ulang dari antrean luring: entri yang sama, tidak digandakan.
        let ulang = app::skp::realisasi::kirim(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            m("2026-TW1", "antrean-1"),
            berkas(),
        )
        .await
        .unwrap();
        assert!(!ulang.baru);
        assert_eq!(ulang.id, r.id);
        let semua = app::skp::realisasi::daftar(l, &kabid, &d.prov, &s1.id)
            .await
            .unwrap();
        assert_eq!(semua.len(), 1);
        // Bukti: penilai melihat lewat realisasi; rekan tidak.
        let bid = semua[0].bukti_id.clone().unwrap();
        assert_eq!(
            app::bukti::lihat(l, &kabid, &d.prov, &bid)
                .await
                .unwrap()
                .sha256,
            bukti.sha256
        );
        dilarang(app::bukti::lihat(l, &rekan, &d.prov, &bid).await);

        // Umpan balik: hanya penilai; tolak wajib beralasan; versi basi 409.
        let ub = |diterima: bool, teks: Option<&str>, versi: i64| MasukanUmpanBalik {
            diterima,
            umpan_balik: teks.map(str::to_string),
            versi: Some(versi),
        };
        dilarang(
            app::skp::realisasi::umpan_balik(l, &staf1, &d.prov, &s1.id, &r.id, ub(true, None, 1))
                .await,
        );
        kolom(
            app::skp::realisasi::umpan_balik(l, &kabid, &d.prov, &s1.id, &r.id, ub(false, None, 1))
                .await,
            "umpan_balik",
        );
        let x = app::skp::realisasi::umpan_balik(
            l,
            &kabid,
            &d.prov,
            &s1.id,
            &r.id,
            ub(true, Some("Bagus"), 1),
        )
        .await
        .unwrap();
        assert_eq!(x.status, "diverifikasi");
        assert!(matches!(
            app::skp::realisasi::umpan_balik(
                l,
                &kabid,
                &d.prov,
                &s1.id,
                &r.id,
                ub(false, Some("x"), 1)
            )
            .await,
            Err(Galat::Konflik(_))
        ));

        // Evaluasi: hanya penilai; predikat dari matriks; tanpa perubahan hilang.
        use RatingKinerja::*;
        dilarang(
            app::skp::evaluasi::nilai(
                l,
                &staf1,
                &d.prov,
                &s1.id,
                evaluasi(DiAtasEkspektasi, DiAtasEkspektasi, None),
            )
            .await,
        );
        let e = app::skp::evaluasi::nilai(
            l,
            &kabid,
            &d.prov,
            &s1.id,
            evaluasi(DiAtasEkspektasi, DiAtasEkspektasi, None),
        )
        .await
        .unwrap();
        assert_eq!((e.predikat.as_str(), e.versi), ("sangat_baik", 1));
        // Penilai kedua yang tidak melihat simpanan pertama: 428, lalu 409 dengan versi basi.
        assert!(matches!(
            app::skp::evaluasi::nilai(
                l,
                &kabid,
                &d.prov,
                &s1.id,
                evaluasi(SesuaiEkspektasi, SesuaiEkspektasi, None)
            )
            .await,
            Err(Galat::VersiWajib(_))
        ));
        let e2 = app::skp::evaluasi::nilai(
            l,
            &kabid,
            &d.prov,
            &s1.id,
            evaluasi(SesuaiEkspektasi, DiBawahEkspektasi, Some(1)),
        )
        .await
        .unwrap();
        assert_eq!((e2.predikat.as_str(), e2.versi), ("kurang", 2));
        assert!(matches!(
            app::skp::evaluasi::nilai(
                l,
                &kabid,
                &d.prov,
                &s1.id,
                evaluasi(SesuaiEkspektasi, SesuaiEkspektasi, Some(1))
            )
            .await,
            Err(Galat::Konflik(_))
        ));
        // Rekan tidak melihat rating orang lain.
        dilarang(app::skp::evaluasi::daftar(l, &rekan, &d.prov, &s1.id).await);
        assert_eq!(
            app::skp::evaluasi::daftar(l, &staf1, &d.prov, &s1.id)
                .await
                .unwrap()
                .len(),
            1
        );
    }
}

#[tokio::test]
async fn kalibrasi_kurva_pindah_unit_dan_tahun_berikutnya() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin = orang(&d, &d.prov, None, &[Peran::AdminInstansi]).await;
        let kadis = orang(
            &d,
            &d.prov,
            Some(KADIS),
            &[Peran::Pegawai, Peran::PimpinanUnit],
        )
        .await;
        let kabid = orang(&d, &d.prov, Some(KABID), &[Peran::Pegawai]).await;
        let rekan = orang(&d, &d.prov, Some(REKAN), &[Peran::Pegawai]).await;
        buka(&d, &admin, TAHUN).await;
        use RatingKinerja::*;
        // Staf 1 dan 2 sangat baik, rekan baik (oleh kabid); kabid baik (oleh kadis).
        for (nip, h, p) in [
            (STAF1, DiAtasEkspektasi, DiAtasEkspektasi),
            (STAF2, DiAtasEkspektasi, DiAtasEkspektasi),
            (REKAN, SesuaiEkspektasi, SesuaiEkspektasi),
        ] {
            let s = skp_dari(&d, &kabid, nip).await;
            app::skp::evaluasi::nilai(l, &kabid, &d.prov, &s.id, evaluasi(h, p, None))
                .await
                .unwrap();
        }
        let sk = skp_dari(&d, &kadis, KABID).await;
        app::skp::evaluasi::nilai(
            l,
            &kadis,
            &d.prov,
            &sk.id,
            evaluasi(SesuaiEkspektasi, SesuaiEkspektasi, None),
        )
        .await
        .unwrap();

        // Bidang (4 pegawai < ambang 5) digabung ke Dinas: satu kurva untuk 6 pegawai.
        let periode = format!("{TAHUN}-TW1");
        let bidang = store::organisasi::pegawai_nip(l.pool(), &d.prov, STAF1)
            .await
            .unwrap()
            .unwrap()
            .unit_id;
        let k = app::skp::evaluasi::kalibrasi(l, &kabid, &d.prov, TAHUN, &periode, &bidang)
            .await
            .unwrap();
        assert_eq!(k.kelompok.unit_id, d.dinas);
        assert!(k.kelompok.digabung);
        assert_eq!(k.kelompok.jumlah, 6);
        assert_eq!((k.distribusi.sangat_baik, k.distribusi.baik), (2, 2));
        assert_eq!(k.belum_dinilai, 2);
        assert!(!k.memenuhi);
        assert_eq!(
            k.pelanggaran[0].aturan,
            "predikat_organisasi_belum_ditetapkan"
        );
        assert!(!k.boleh_tetapkan, "kabid menilai, bukan atasan penilai");
        dilarang(app::skp::evaluasi::kalibrasi(l, &rekan, &d.prov, TAHUN, &periode, &bidang).await);

        // Pucuk kelompok Dinas adalah Kadis, yang dinilai kepala daerah (di luar
        // sistem): BKD menetapkan atas namanya; Kadis dan Kabid tidak.
        // Predikat Baik: harus ada Butuh Perbaikan/Kurang → dilanggar.
        let kurva = |predikat: Option<PredikatOrganisasi>,
                     finalkan: bool,
                     alasan: Option<&str>,
                     versi: i64| MasukanKurva {
            tahun: TAHUN,
            periode: periode.clone(),
            unit_id: bidang.clone(),
            predikat_organisasi: predikat,
            finalkan,
            alasan_pengecualian: alasan.map(str::to_string),
            versi: Some(versi),
        };
        dilarang(
            app::skp::evaluasi::simpan_kurva(
                l,
                &kabid,
                &d.prov,
                kurva(Some(PredikatOrganisasi::Baik), false, None, 0),
            )
            .await,
        );
        let k = app::skp::evaluasi::simpan_kurva(
            l,
            &admin,
            &d.prov,
            kurva(Some(PredikatOrganisasi::Baik), false, None, 0),
        )
        .await
        .unwrap();
        assert_eq!(k.predikat_organisasi.as_deref(), Some("baik"));
        assert!(!k.memenuhi);
        let aturan: Vec<&str> = k.pelanggaran.iter().map(|p| p.aturan.as_str()).collect();
        assert_eq!(aturan, ["harus_ada_butuh_perbaikan_atau_kurang"]);
        // Finalisasi ditolak selama kurva dilanggar.
        kode_status(
            app::skp::evaluasi::simpan_kurva(l, &admin, &d.prov, kurva(None, true, None, k.versi))
                .await,
            "kurva_dilanggar",
        );
        // Penilai menyesuaikan: rekan menjadi Butuh Perbaikan → kurva terpenuhi.
        let sr = skp_dari(&d, &kabid, REKAN).await;
        app::skp::evaluasi::nilai(
            l,
            &kabid,
            &d.prov,
            &sr.id,
            evaluasi(DiBawahEkspektasi, SesuaiEkspektasi, Some(1)),
        )
        .await
        .unwrap();
        let k = app::skp::evaluasi::kalibrasi(l, &kadis, &d.prov, TAHUN, &periode, &bidang)
            .await
            .unwrap();
        assert!(k.memenuhi, "{:?}", k.pelanggaran);
        // Masih ada yang belum dinilai: perlu alasan pengecualian (diaudit).
        kode_status(
            app::skp::evaluasi::simpan_kurva(l, &admin, &d.prov, kurva(None, true, None, k.versi))
                .await,
            "belum_semua_dinilai",
        );
        let k = app::skp::evaluasi::simpan_kurva(
            l,
            &admin,
            &d.prov,
            kurva(
                None,
                true,
                Some("Kadis dinilai gubernur; satu PPPK tanpa atasan"),
                k.versi,
            ),
        )
        .await
        .unwrap();
        assert!(k.final_);
        // Sesudah final: rating unit terkunci.
        let s1 = skp_dari(&d, &kabid, STAF1).await;
        kode_status(
            app::skp::evaluasi::nilai(
                l,
                &kabid,
                &d.prov,
                &s1.id,
                evaluasi(SesuaiEkspektasi, SesuaiEkspektasi, Some(1)),
            )
            .await,
            "kurva_final",
        );

        // Pindah unit di tengah tahun: SKP lama ditutup dengan riwayatnya, SKP baru di unit baru.
        let p2 = pid(&d, &d.prov, STAF2).await;
        let lama = store::organisasi::pegawai(l.pool(), &d.prov, &p2)
            .await
            .unwrap()
            .unwrap();
        app::organisasi::pegawai::ubah(
            l,
            &admin,
            &d.prov,
            &p2,
            MasukanPegawai {
                nip: lama.nip.clone(),
                nama: lama.nama.clone(),
                gelar_depan: None,
                gelar_belakang: None,
                jenis_asn: lama.jenis_asn.clone(),
                golongan: lama.golongan.clone(),
                unit_id: d.dinas.clone(),
                jabatan_id: lama.jabatan_id.clone(),
                atasan_id: lama.atasan_id.clone(),
                status: Some("aktif".into()),
                email: None,
                telepon: None,
                versi: Some(lama.versi),
                tmt_penempatan: None,
            },
        )
        .await
        .unwrap();
        let h = buka(&d, &admin, TAHUN).await;
        assert_eq!((h.dibuat, h.sudah_ada), (1, 5));
        let riwayat = store::skp::riwayat_skp_pegawai(l.pool(), &d.prov, TAHUN, &p2)
            .await
            .unwrap();
        assert_eq!(riwayat.len(), 2);
        assert_eq!(riwayat.iter().filter(|s| s.aktif == 1).count(), 1);
        let ditutup = riwayat.iter().find(|s| s.aktif == 0).unwrap();
        assert_eq!(ditutup.alasan_berakhir.as_deref(), Some("pindah_unit"));
        // Evaluasinya tetap bersama SKP lama.
        assert_eq!(
            store::skp::evaluasi_skp(l.pool(), &d.prov, &ditutup.id)
                .await
                .unwrap()
                .len(),
            1
        );

        // Tahun berikutnya menyalin struktur; tautan ke RHK atasan ikut dipetakan.
        let sk = skp_dari(&d, &kabid, KABID).await;
        let sk = app::skp::tambah_rhk(
            l,
            &kabid,
            &d.prov,
            &sk.id,
            rhk("Mutu layanan", None, sk.versi),
        )
        .await
        .unwrap();
        let s1 = skp_dari(&d, &kabid, STAF1).await;
        // SKP staf 1 di kasus ini masih draf: tambahkan RHK yang menaut.
        let staf1 = orang(&d, &d.prov, Some(STAF1), &[Peran::Pegawai]).await;
        app::skp::tambah_rhk(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            rhk("Laporan", Some(&sk.rhk[0].id), s1.versi),
        )
        .await
        .unwrap();
        let h = buka(&d, &admin, TAHUN + 1).await;
        assert_eq!(h.dibuat, 6);
        let p1 = pid(&d, &d.prov, STAF1).await;
        let baru = app::skp::skp_pegawai(l, &staf1, &d.prov, TAHUN + 1, &p1)
            .await
            .unwrap();
        assert_eq!(baru.rhk.len(), 1);
        assert_eq!(baru.rhk[0].uraian, "Laporan");
        assert_eq!(baru.rhk[0].indikator.len(), 1);
        let pk = pid(&d, &d.prov, KABID).await;
        let kabid_baru = app::skp::skp_pegawai(l, &kabid, &d.prov, TAHUN + 1, &pk)
            .await
            .unwrap();
        assert_eq!(
            baru.rhk[0].rhk_atasan_id.as_deref(),
            Some(kabid_baru.rhk[0].id.as_str())
        );
        assert_ne!(kabid_baru.rhk[0].id, sk.rhk[0].id);
    }
}

#[tokio::test]
async fn dasbor_tanpa_target_dan_cakupannya() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin = orang(&d, &d.prov, None, &[Peran::AdminInstansi]).await;
        let admin_ambon = orang(&d, &d.ambon, None, &[Peran::AdminInstansi]).await;
        let kadis = orang(
            &d,
            &d.prov,
            Some(KADIS),
            &[Peran::Pegawai, Peran::PimpinanUnit],
        )
        .await;
        let kabid = orang(&d, &d.prov, Some(KABID), &[Peran::Pegawai]).await;
        let staf1 = orang(&d, &d.prov, Some(STAF1), &[Peran::Pegawai]).await;
        // Sebelum periode dibuka: enam pegawai wajib ber-SKP, semuanya tanpa SKP.
        let x = app::skp::dasbor::dasbor(l, &admin, &d.prov, TAHUN)
            .await
            .unwrap();
        assert_eq!(
            (x.pegawai, x.dengan_skp, x.tanpa_skp_jumlah),
            (6, 0, 6),
            "{b:?}"
        );
        buka(&d, &admin, TAHUN).await;
        let s1 = skp_dari(&d, &staf1, STAF1).await;
        let s1 = app::skp::tambah_rhk(l, &staf1, &d.prov, &s1.id, rhk("Laporan", None, s1.versi))
            .await
            .unwrap();
        let s1 = app::skp::langkah(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            langkah(LangkahSkp::Ajukan, None, s1.versi),
        )
        .await
        .unwrap();
        app::skp::langkah(
            l,
            &kabid,
            &d.prov,
            &s1.id,
            langkah(LangkahSkp::Setujui, None, s1.versi),
        )
        .await
        .unwrap();
        let x = app::skp::dasbor::dasbor(l, &admin, &d.prov, TAHUN)
            .await
            .unwrap();
        assert_eq!((x.dengan_skp, x.disetujui, x.tanpa_skp_jumlah), (6, 1, 0));
        assert_eq!(x.persen_disetujui, "16.67");
        assert_eq!(x.rhk_tanpa_intervensi, 1, "RHK staf 1 belum menaut");
        assert_eq!((x.indikator, x.indikator_tanpa_bukti), (1, 1));
        // 300 jam RHK: di bawah separuh 1.250 jam efektif.
        assert_eq!(x.beban_kurang, 6);
        let analis = x
            .beban_jabatan
            .iter()
            .find(|j| j.jabatan == "Analis")
            .unwrap();
        assert_eq!((analis.pegawai, analis.jam.as_str()), (3, "300.00"));
        // Realisasi berbukti tautan: indikator tidak lagi tanpa bukti.
        let ind = s1.rhk[0].indikator[0].id.clone();
        app::skp::realisasi::kirim(
            l,
            &staf1,
            &d.prov,
            &s1.id,
            MasukanRealisasi {
                indikator_id: ind,
                periode: format!("{TAHUN}-TW1"),
                realisasi: "3".into(),
                catatan: String::new(),
                tautan: "https://contoh.go.id/laporan".into(),
                kunci_klien: String::new(),
            },
            None,
        )
        .await
        .unwrap();
        let x = app::skp::dasbor::dasbor(l, &admin, &d.prov, TAHUN)
            .await
            .unwrap();
        assert_eq!(x.indikator_tanpa_bukti, 0);
        // Pimpinan unit: unitnya dan turunannya; pegawai biasa dan instansi lain tidak.
        let x = app::skp::dasbor::dasbor(l, &kadis, &d.prov, TAHUN)
            .await
            .unwrap();
        assert_eq!(x.pegawai, 6);
        dilarang(app::skp::dasbor::dasbor(l, &staf1, &d.prov, TAHUN).await);
        dilarang(app::skp::dasbor::dasbor(l, &admin_ambon, &d.prov, TAHUN).await);
    }
}

#[tokio::test]
async fn rhk_pimpinan_dari_perjanjian_kinerja() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin = orang(&d, &d.prov, None, &[Peran::AdminInstansi]).await;
        let kadis = orang(
            &d,
            &d.prov,
            Some(KADIS),
            &[Peran::Pegawai, Peran::PimpinanUnit],
        )
        .await;
        let kabid = orang(&d, &d.prov, Some(KABID), &[Peran::Pegawai]).await;
        buka(&d, &admin, TAHUN).await;
        let sk = skp_dari(&d, &kadis, KADIS).await;
        // Belum ada PK disetujui: 409 pk_tidak_ada.
        let m = |versi| app::skp::MasukanDariPk {
            perspektif: None,
            versi: Some(versi),
        };
        kode_status(
            app::skp::rhk_dari_pk(l, &kadis, &d.prov, &sk.id, m(sk.versi)).await,
            "pk_tidak_ada",
        );
        // PK disetujui dengan Kadis sebagai pihak pertama: dua sasaran, tiga indikator.
        let w = store::sekarang();
        let pk = store::sakip::PerjanjianKinerja {
            instansi_id: d.prov.clone(),
            id: store::id_baru(),
            tahun: TAHUN,
            unit_id: d.dinas.clone(),
            revisi: 0,
            status: "disetujui".into(),
            pihak_pertama_id: Some(pid(&d, &d.prov, KADIS).await),
            pihak_kedua_id: None,
            alasan_perubahan: None,
            catatan: None,
            diajukan_oleh: None,
            diajukan_pada: None,
            diputuskan_oleh: None,
            diputuskan_pada: None,
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        };
        let baris = |n: i64, sasaran: &str, indikator: &str, target: &str| store::sakip::BarisPk {
            instansi_id: d.prov.clone(),
            id: store::id_baru(),
            pk_id: pk.id.clone(),
            urutan: n,
            sumber: "iku".into(),
            sumber_kunci: format!("iku-{n}"),
            sasaran: sasaran.into(),
            indikator: indikator.into(),
            satuan: Some("%".into()),
            target: target.into(),
        };
        let mut tx = l.db.mulai().await.unwrap();
        store::sakip::sisipkan_pk(&mut tx, &pk).await.unwrap();
        store::sakip::sisipkan_baris_pk(
            &mut tx,
            &[
                baris(0, "Menurunnya stunting", "Prevalensi balita stunting", "20"),
                baris(
                    1,
                    "Menurunnya stunting",
                    "Cakupan imunisasi dasar lengkap",
                    "90-95",
                ),
                baris(
                    2,
                    "Meningkatnya mutu layanan",
                    "Puskesmas terakreditasi",
                    "80",
                ),
            ],
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        // Hanya pemiliknya.
        dilarang(app::skp::rhk_dari_pk(l, &kabid, &d.prov, &sk.id, m(sk.versi)).await);
        let h = app::skp::rhk_dari_pk(l, &kadis, &d.prov, &sk.id, m(sk.versi))
            .await
            .unwrap();
        assert_eq!((h.rhk_dibuat, h.sudah_ada), (2, 0), "{b:?}");
        let r = &h.skp.rhk[0];
        assert_eq!(r.uraian, "Menurunnya stunting");
        assert_eq!(r.perspektif.as_deref(), Some("penerima_layanan"));
        let target: Vec<&str> = r.indikator.iter().map(|i| i.target.as_str()).collect();
        assert_eq!(target, ["20", "95"], "rentang memakai batas atas");
        assert_eq!(h.skp.rhk[1].indikator.len(), 1);
        // Idempoten per sasaran.
        let h = app::skp::rhk_dari_pk(l, &kadis, &d.prov, &sk.id, m(h.skp.versi))
            .await
            .unwrap();
        assert_eq!((h.rhk_dibuat, h.sudah_ada), (0, 2));
        assert_eq!(h.skp.rhk.len(), 2);
    }
}

#[tokio::test]
async fn realisasi_dari_dan_ke_berkas() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin = orang(&d, &d.prov, None, &[Peran::AdminInstansi]).await;
        let staf1 = orang(&d, &d.prov, Some(STAF1), &[Peran::Pegawai]).await;
        let kabid = orang(&d, &d.prov, Some(KABID), &[Peran::Pegawai]).await;
        buka(&d, &admin, TAHUN).await;
        let s1 = skp_dari(&d, &staf1, STAF1).await;
        let s1 = app::skp::tambah_rhk(l, &staf1, &d.prov, &s1.id, rhk("Laporan", None, s1.versi))
            .await
            .unwrap();
        let ind = s1.rhk[0].indikator[0].id.clone();
        // Ekspor: satu baris per indikator per triwulan.
        let csv = app::skp::impor::ekspor(l, &staf1, &d.prov, &s1.id, app::impor::Format::Csv)
            .await
            .unwrap();
        let teks = String::from_utf8(csv.clone()).unwrap();
        assert_eq!(teks.lines().count(), 1 + 4, "{teks}");
        assert!(teks.contains(&format!("{TAHUN}-TW3")));
        // Impor: semua atau tidak sama sekali, laporan per baris.
        let isi = format!(
            "indikator_id,periode,realisasi,catatan\n{ind},{TAHUN}-TW1,\"3,5\",Dari Excel\n{ind},{TAHUN}-B02,1,salah\nbukan-indikator,{TAHUN}-TW2,1,\n"
        );
        let lap = app::skp::impor::impor(l, &staf1, &d.prov, &s1.id, "r.csv", isi.as_bytes())
            .await
            .unwrap();
        assert!(!lap.diterima, "{b:?}");
        let kolom: Vec<(usize, &str)> = lap
            .galat
            .iter()
            .map(|g| (g.baris, g.kolom.as_str()))
            .collect();
        assert_eq!(kolom, [(3, "periode"), (4, "indikator_id")]);
        assert!(
            app::skp::realisasi::daftar(l, &staf1, &d.prov, &s1.id)
                .await
                .unwrap()
                .is_empty()
        );
        // Berkas yang benar: satu entri menunggu umpan balik.
        let isi = format!(
            "indikator_id,periode,realisasi,catatan\n{ind},{TAHUN}-TW1,\"3,5\",Dari Excel\n{ind},{TAHUN}-TW2,,\n"
        );
        let lap = app::skp::impor::impor(l, &staf1, &d.prov, &s1.id, "r.csv", isi.as_bytes())
            .await
            .unwrap();
        assert!(lap.diterima, "{:?}", lap.galat);
        assert_eq!((lap.dibuat, lap.kosong, lap.tidak_berubah), (1, 1, 0));
        let r = app::skp::realisasi::daftar(l, &staf1, &d.prov, &s1.id)
            .await
            .unwrap();
        assert_eq!(
            (r[0].realisasi.as_str(), r[0].status.as_str()),
            ("3.5", "menunggu")
        );
        // Ekspor memuat nilainya; mengimpor ekspor itu apa adanya tidak menggandakan.
        for format in [app::impor::Format::Csv, app::impor::Format::Xlsx] {
            let berkas = app::skp::impor::ekspor(l, &staf1, &d.prov, &s1.id, format)
                .await
                .unwrap();
            let lap = app::skp::impor::impor(l, &staf1, &d.prov, &s1.id, "ekspor", &berkas)
                .await
                .unwrap();
            assert!(lap.diterima, "{:?}", lap.galat);
            assert_eq!((lap.dibuat, lap.tidak_berubah, lap.kosong), (0, 1, 3));
        }
        // Hanya pemilik yang mengimpor; penilai membaca ekspornya.
        dilarang(app::skp::impor::impor(l, &kabid, &d.prov, &s1.id, "r.csv", isi.as_bytes()).await);
        assert!(
            app::skp::impor::ekspor(l, &kabid, &d.prov, &s1.id, app::impor::Format::Csv)
                .await
                .is_ok()
        );
    }
}

#[tokio::test]
async fn pengingat_skp_tepat_sekali_dan_berjenjang() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin = orang(&d, &d.prov, None, &[Peran::AdminInstansi]).await;
        let staf1 = orang(&d, &d.prov, Some(STAF1), &[Peran::Pegawai]).await;
        let kabid = orang(&d, &d.prov, Some(KABID), &[Peran::Pegawai]).await;
        buka(&d, &admin, TAHUN).await;
        let jumlah = |k: &Konteks| {
            let k = k.clone();
            async move { app::notifikasi::daftar(l, &k).await.unwrap().len() }
        };
        // 25 Januari (WIT): SKP masih draf → pengingat ke pemiliknya (yang punya akun).
        let waktu = |s: &str| {
            time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).unwrap()
        };
        let r = app::skp::pengingat::jalankan(l, waktu(&format!("{TAHUN}-01-25T03:00:00Z")))
            .await
            .unwrap();
        assert_eq!(r.skp_diperiksa, 6, "{b:?}");
        assert!(r.peristiwa_baru >= 6, "{r:?}");
        assert_eq!(jumlah(&staf1).await, 1);
        assert_eq!(jumlah(&kabid).await, 1);
        // Diulang: tidak ada yang terkirim dua kali.
        let r = app::skp::pengingat::jalankan(l, waktu(&format!("{TAHUN}-01-25T09:00:00Z")))
            .await
            .unwrap();
        assert_eq!((r.peristiwa_baru, r.notifikasi), (0, 0));
        // 8 Februari: lewat sepekan → penilai (kabid) diberi tahu tentang bawahannya.
        app::skp::pengingat::jalankan(l, waktu(&format!("{TAHUN}-02-08T03:00:00Z")))
            .await
            .unwrap();
        // Kabid: SKP-nya sendiri lewat batas + tiga bawahan belum disetujui.
        assert_eq!(jumlah(&kabid).await, 1 + 1 + 3);
        // 3 Maret: BKD mendapat eskalasi untuk setiap SKP yang belum disetujui.
        let r = app::skp::pengingat::jalankan(l, waktu(&format!("{TAHUN}-03-03T03:00:00Z")))
            .await
            .unwrap();
        assert!(r.notifikasi >= 6, "{r:?}");
        assert!(jumlah(&admin).await >= 6);
    }
}

/// Pimpinan unit (PermenPANRB 6/2022): rating hasil kerjanya mengikuti
/// predikat organisasi unitnya. Penilai tidak dapat menyimpan rating lain
/// sesudah predikat ditetapkan; rating yang diberikan sebelumnya
/// diselaraskan (dengan predikatnya) saat predikat ditetapkan, dan kurva
/// dinilai dengan predikat sesudah penyelarasan.
#[tokio::test]
async fn rating_hasil_pimpinan_unit_ikut_predikat_organisasi() {
    const KAPUS: &str = "198001012006041009";
    const STAF_PUS: &str = "199001012014022010";
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let uptd = unit(l, &d.prov, Some(&d.dinas), "UPTD Puskesmas").await;
        app::organisasi::jabatan::buat(
            l,
            &Konteks::sistem(),
            &d.prov,
            app::organisasi::jabatan::MasukanJabatan {
                unit_id: uptd.clone(),
                nama: "Kepala UPTD".into(),
                jenis: "pengawas".into(),
                jenjang: None,
                kelas: Some(9),
            },
        )
        .await
        .unwrap();
        let u = "Pemprov Maluku > Dinas Kesehatan > UPTD Puskesmas";
        pegawai(
            l,
            &d.prov,
            &[
                format!("{KAPUS},Kapus,,,pns,III/d,{u},Kepala UPTD,{KADIS},aktif,,"),
                format!("{STAF_PUS},Staf Pus,,,pns,III/a,{u},Perawat,{KAPUS},aktif,,"),
            ],
        )
        .await;
        let admin = orang(&d, &d.prov, None, &[Peran::AdminInstansi]).await;
        let kadis = orang(
            &d,
            &d.prov,
            Some(KADIS),
            &[Peran::Pegawai, Peran::PimpinanUnit],
        )
        .await;
        let kapus = orang(&d, &d.prov, Some(KAPUS), &[Peran::Pegawai]).await;
        buka(&d, &admin, TAHUN).await;
        use RatingKinerja::*;
        let s_kapus = skp_dari(&d, &kadis, KAPUS).await;
        let s_staf = skp_dari(&d, &kapus, STAF_PUS).await;
        let periode = format!("{TAHUN}-TW1");

        // Belum ada predikat: penilai memberi rating sementara; formulir
        // menyebut aturannya tanpa rating wajib.
        let awal = app::skp::evaluasi::nilai(
            l,
            &kadis,
            &d.prov,
            &s_kapus.id,
            evaluasi(DiAtasEkspektasi, SesuaiEkspektasi, None),
        )
        .await
        .unwrap();
        assert_eq!(awal.predikat, "baik");
        let (wajib, pesan) = app::skp::evaluasi::saran_pimpinan(
            l,
            &d.prov,
            &s_kapus,
            std::slice::from_ref(&periode),
            Bahasa::Id,
        )
        .await
        .unwrap()
        .remove(0)
        .expect("Kapus memimpin UPTD");
        assert!(wajib.is_none());
        assert!(pesan.contains("predikat organisasi"), "{pesan}");
        // Staf bukan pimpinan: tidak ada aturan pimpinan.
        assert!(
            app::skp::evaluasi::saran_pimpinan(
                l,
                &d.prov,
                &s_staf,
                std::slice::from_ref(&periode),
                Bahasa::Id
            )
            .await
            .unwrap()[0]
                .is_none()
        );
        app::skp::evaluasi::nilai(
            l,
            &kapus,
            &d.prov,
            &s_staf.id,
            evaluasi(SesuaiEkspektasi, SesuaiEkspektasi, None),
        )
        .await
        .unwrap();

        // BKD menetapkan predikat Butuh Perbaikan untuk kelompok UPTD:
        // rating hasil Kapus ikut (di bawah ekspektasi), predikatnya berubah.
        let k = app::skp::evaluasi::kalibrasi(l, &admin, &d.prov, TAHUN, &periode, &uptd)
            .await
            .unwrap();
        let k = app::skp::evaluasi::simpan_kurva(
            l,
            &admin,
            &d.prov,
            MasukanKurva {
                tahun: TAHUN,
                periode: periode.clone(),
                unit_id: uptd.clone(),
                predikat_organisasi: Some(PredikatOrganisasi::ButuhPerbaikan),
                finalkan: false,
                alasan_pengecualian: None,
                versi: Some(k.versi),
            },
        )
        .await
        .unwrap();
        let e = app::skp::evaluasi::daftar(l, &kadis, &d.prov, &s_kapus.id)
            .await
            .unwrap();
        let e = e.iter().find(|e| e.periode == periode).unwrap();
        assert_eq!(e.rating_hasil, "di_bawah_ekspektasi");
        assert_eq!(e.rating_perilaku, "sesuai_ekspektasi");
        assert_eq!(e.predikat, "butuh_perbaikan");
        assert_eq!(e.versi, awal.versi + 1);
        assert_eq!(k.predikat_organisasi.as_deref(), Some("butuh_perbaikan"));

        // Sesudahnya penilai tidak dapat memberi rating lain; yang sesuai diterima.
        kolom(
            app::skp::evaluasi::nilai(
                l,
                &kadis,
                &d.prov,
                &s_kapus.id,
                evaluasi(SesuaiEkspektasi, SesuaiEkspektasi, Some(e.versi)),
            )
            .await,
            "rating_hasil",
        );
        app::skp::evaluasi::nilai(
            l,
            &kadis,
            &d.prov,
            &s_kapus.id,
            evaluasi(DiBawahEkspektasi, DiAtasEkspektasi, Some(e.versi)),
        )
        .await
        .unwrap();
        let (wajib, _) = app::skp::evaluasi::saran_pimpinan(
            l,
            &d.prov,
            &s_kapus,
            std::slice::from_ref(&periode),
            Bahasa::Id,
        )
        .await
        .unwrap()
        .remove(0)
        .unwrap();
        assert_eq!(wajib, Some(DiBawahEkspektasi));
        // Staf tetap bebas dinilai penilainya.
        let es = app::skp::evaluasi::daftar(l, &kapus, &d.prov, &s_staf.id)
            .await
            .unwrap();
        assert_eq!(es[0].rating_hasil, "sesuai_ekspektasi");
    }
}
