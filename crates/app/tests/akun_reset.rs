//! Akun (isu 11): sandi yang hilang diatur ulang oleh rantai atasan,
//! pimpinan unit (juga Plt./Plh.), admin BKD, atau lewat tautan surel sekali
//! pakai. Lewat layanan, di SQLite dan PostgreSQL.
//!
//! Dunia uji (instansi A, Pemprov Maluku):
//! - Dinas Kesehatan (akar) ⊃ Bidang Kesmas ⊃ Seksi Gizi; Bidang P2P di bawah akar;
//! - Kepala (akar) ← Kabid (Bidang Kesmas) ← Kasi (Seksi Gizi) ← Staf, Rekan
//!   (Seksi Gizi), Perencana (Seksi Gizi, peran perencana);
//! - Sekretaris (akar, atasan Kepala, peran pimpinan unit): memimpin akar;
//! - Plt: pegawai Bidang P2P dengan Plt. Bidang Kesmas yang berjalan; PltLama:
//!   Plt. yang sudah selesai;
//! - instansi B (Kota Ambon): pegawai berperan pimpinan unit, admin B.

use app::akun::{AkunBaru, HasilMasuk};
use app::organisasi::instansi::MasukanInstansi;
use app::organisasi::pegawai::MasukanPegawai;
use app::organisasi::unit::MasukanUnit;
use app::{Bahasa, Galat, Konteks, Layanan, Peran};
use std::path::PathBuf;
use store::uji::{backend_uji, db_baru};

const SANDI: &str = "sandi-uji-123";

struct Dunia {
    l: Layanan,
    a: String,
    b: String,
    outbox: PathBuf,
    /// username → (id akun, id pegawai)
    akun: std::collections::HashMap<&'static str, (String, Option<String>)>,
    alamat: std::sync::atomic::AtomicUsize,
}

fn nip(n: usize) -> String {
    format!("19800101200501{}{:03}", 1 + n % 2, n)
}

impl Dunia {
    fn id(&self, u: &str) -> String {
        self.akun[u].0.clone()
    }
    fn pegawai(&self, u: &str) -> String {
        self.akun[u].1.clone().unwrap()
    }
    /// Alamat baru per masuk, agar pembatas masuk tidak ikut campur.
    fn alamat(&self) -> String {
        let n = self
            .alamat
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        format!("10.9.{}.{}", n / 250, n % 250 + 1)
    }
    async fn masuk(&self, u: &str, sandi: &str) -> Result<HasilMasuk, Galat> {
        let alamat = self.alamat();
        app::akun::masuk(&self.l, Bahasa::Id, u, sandi, &alamat).await
    }
    async fn konteks(&self, u: &str) -> Konteks {
        let h = self
            .masuk(u, SANDI)
            .await
            .unwrap_or_else(|e| panic!("masuk {u}: {e:?}"));
        Konteks::dengan(h.aktor, Bahasa::Id)
    }
    /// Menjalankan semua tugas latar yang siap; id tugasnya.
    async fn jalankan_tugas(&self) -> Vec<String> {
        let mut v = Vec::new();
        while let Some(id) = app::tugas::jalankan_satu(&self.l, "uji").await.unwrap() {
            v.push(id);
        }
        v
    }
    fn surel(&self) -> Vec<String> {
        let Ok(d) = std::fs::read_dir(&self.outbox) else {
            return Vec::new();
        };
        d.filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }
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
        jenis: "bidang".into(),
        berlaku_mulai: Some("2020-01-01".into()),
        ..Default::default()
    };
    app::organisasi::unit::buat(l, &Konteks::sistem(), iid, m)
        .await
        .unwrap()
        .id
}

async fn pegawai(
    l: &Layanan,
    iid: &str,
    n: usize,
    unit: &str,
    atasan: Option<&str>,
    email: Option<&str>,
) -> String {
    app::organisasi::pegawai::buat(
        l,
        &Konteks::sistem(),
        iid,
        MasukanPegawai {
            nip: Some(nip(n)),
            nama: format!("Pegawai Uji {n}"),
            jenis_asn: "pns".into(),
            unit_id: unit.into(),
            atasan_id: atasan.map(str::to_string),
            email: email.map(str::to_string),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("pegawai {n}: {e:?}"))
    .id
}

async fn akun(
    l: &Layanan,
    iid: &str,
    username: &str,
    pegawai: Option<&str>,
    peran: Vec<Peran>,
) -> String {
    app::akun::buat_akun(
        l,
        &Konteks::sistem(),
        AkunBaru {
            instansi_id: iid.into(),
            username: username.into(),
            nama: username.into(),
            sandi: SANDI.into(),
            pegawai_id: pegawai.map(str::to_string),
            peran,
        },
    )
    .await
    .unwrap_or_else(|e| panic!("akun {username}: {e:?}"))
    .id
}

async fn dunia(b: store::Backend) -> Dunia {
    let mut l = Layanan::baru(db_baru(b).await.unwrap());
    let outbox = std::env::temp_dir().join(format!("kinerja-akun-reset-{}", store::id_baru()));
    l.konfigurasi.outbox = Some(outbox.clone());
    l.konfigurasi.alamat_publik = Some("https://kinerja.malukuprov.go.id/".into());
    let a = instansi(&l, "Pemerintah Provinsi Maluku", "provinsi", "81").await;
    let bb = instansi(&l, "Pemerintah Kota Ambon", "kota", "81.71").await;
    let akar = unit(&l, &a, None, "Dinas Kesehatan").await;
    let kesmas = unit(&l, &a, Some(&akar), "Bidang Kesmas").await;
    let gizi = unit(&l, &a, Some(&kesmas), "Seksi Gizi").await;
    let p2p = unit(&l, &a, Some(&akar), "Bidang P2P").await;
    let kepala = pegawai(&l, &a, 1, &akar, None, None).await;
    let kabid = pegawai(&l, &a, 2, &kesmas, Some(&kepala), None).await;
    let kasi = pegawai(&l, &a, 3, &gizi, Some(&kabid), None).await;
    let staf = pegawai(&l, &a, 4, &gizi, Some(&kasi), Some("staf@contoh.go.id")).await;
    let rekan = pegawai(&l, &a, 5, &gizi, Some(&kasi), None).await;
    let perencana = pegawai(&l, &a, 6, &gizi, Some(&kasi), None).await;
    let sekretaris = pegawai(&l, &a, 7, &akar, Some(&kepala), None).await;
    let plt = pegawai(&l, &a, 8, &p2p, Some(&kepala), None).await;
    let plt_lama = pegawai(&l, &a, 9, &p2p, Some(&kepala), None).await;
    let ub = unit(&l, &bb, None, "Dinas Kesehatan Kota").await;
    let luar = pegawai(&l, &bb, 10, &ub, None, None).await;
    let hari_ini = app::organisasi::hari_ini();
    for (p, mulai, selesai) in [
        (&plt, "2020-01-01", None),
        (&plt_lama, "2020-01-01", Some("2020-12-31")),
    ] {
        app::organisasi::penugasan::tugaskan_sementara(
            &l,
            &Konteks::sistem(),
            &a,
            p,
            "plt",
            &kesmas,
            None,
            mulai,
            selesai,
        )
        .await
        .unwrap();
    }
    assert!(hari_ini.as_str() > "2020-12-31");
    let mut m = std::collections::HashMap::new();
    let pg = vec![Peran::Pegawai];
    for (u, p, peran) in [
        (
            "kepala",
            Some(&kepala),
            vec![Peran::Pegawai, Peran::PimpinanUnit],
        ),
        ("kabid", Some(&kabid), pg.clone()),
        ("kasi", Some(&kasi), pg.clone()),
        ("staf", Some(&staf), pg.clone()),
        ("rekan", Some(&rekan), pg.clone()),
        (
            "perencana",
            Some(&perencana),
            vec![Peran::Pegawai, Peran::Perencana],
        ),
        (
            "sekretaris",
            Some(&sekretaris),
            vec![Peran::Pegawai, Peran::PimpinanUnit],
        ),
        ("plt", Some(&plt), pg.clone()),
        ("plt.lama", Some(&plt_lama), pg.clone()),
        ("admin.a", None, vec![Peran::AdminInstansi]),
    ] {
        let id = akun(&l, &a, u, p.map(String::as_str), peran).await;
        m.insert(u, (id, p.cloned()));
    }
    for (u, p, peran) in [
        (
            "luar",
            Some(&luar),
            vec![Peran::Pegawai, Peran::PimpinanUnit],
        ),
        ("admin.b", None, vec![Peran::AdminInstansi]),
    ] {
        let id = akun(&l, &bb, u, p.map(String::as_str), peran).await;
        m.insert(u, (id, p.cloned()));
    }
    Dunia {
        l,
        a,
        b: bb,
        outbox,
        akun: m,
        alamat: Default::default(),
    }
}

async fn selesai(d: Dunia) {
    let _ = std::fs::remove_dir_all(&d.outbox);
    d.l.db.tutup().await;
}

/// Aktor mengatur ulang sandi akun `sasaran`; sandi sementaranya.
async fn atur_ulang(d: &Dunia, aktor: &str, sasaran: &str) -> Result<String, Galat> {
    let k = d.konteks(aktor).await;
    let iid = if sasaran == "luar" || sasaran == "admin.b" {
        &d.b
    } else {
        &d.a
    };
    app::akun::atur_ulang_sandi_sementara(&d.l, &k, iid, &d.id(sasaran)).await
}

fn dilarang(r: Result<String, Galat>, konteks: &str) {
    match r {
        Err(Galat::Dilarang(_)) => {}
        lain => panic!("{konteks}: harus 403, dapat {lain:?}"),
    }
}

/// Sandi sementara berlaku sekali untuk masuk dengan kewajiban ganti; sandi
/// lama tidak berlaku.
async fn periksa_sandi_sementara(d: &Dunia, u: &str, sementara: &str, konteks: &str) {
    assert!(
        d.masuk(u, SANDI).await.is_err(),
        "{konteks}: sandi lama masih berlaku"
    );
    let h = d.masuk(u, sementara).await.expect(konteks);
    assert!(h.wajib_ganti_sandi, "{konteks}: tanpa kewajiban ganti");
    let s = app::akun::dari_sesi(&d.l, &h.token).await.unwrap().unwrap();
    assert!(s.wajib_ganti_sandi, "{konteks}: sesi tanpa tanda");
}

#[tokio::test]
async fn atasan_langsung_mengatur_ulang_sandi_sementara() {
    for b in backend_uji() {
        let d = dunia(b).await;
        // Staf punya sesi dan token API sebelum sandinya diatur ulang.
        let h = d.masuk("staf", SANDI).await.unwrap();
        assert!(!h.wajib_ganti_sandi);
        let ks = Konteks::dengan(h.aktor.clone(), Bahasa::Id);
        let tk = app::akun::buat_token(&d.l, &ks, "otomasi", "tulis", 30)
            .await
            .unwrap();
        let sementara = atur_ulang(&d, "kasi", "staf")
            .await
            .expect("atasan langsung");
        assert_eq!(sementara.len(), 14, "{sementara}");
        assert!(
            app::akun::dari_sesi(&d.l, &h.token)
                .await
                .unwrap()
                .is_none(),
            "{b:?}: sesi lama tidak diputus"
        );
        assert!(
            app::akun::dari_token_api(&d.l, &tk.token)
                .await
                .unwrap()
                .is_none(),
            "{b:?}: token API tidak dicabut"
        );
        periksa_sandi_sementara(&d, "staf", &sementara, "atasan langsung").await;
        // Audit: siapa dan atas dasar apa.
        let c = store::audit::riwayat_objek(d.l.pool(), &d.a, "pengguna", &d.id("staf"), 10)
            .await
            .unwrap();
        let x = c
            .iter()
            .find(|c| c.aksi == "atur_ulang_sandi")
            .expect("audit atur ulang");
        assert_eq!(x.nama_pengguna, "kasi");
        assert_eq!(x.pengguna_id.as_deref(), Some(d.id("kasi").as_str()));
        assert!(
            x.sesudah.as_deref().unwrap().contains("\"atasan\""),
            "{:?}",
            x.sesudah
        );
        assert!(!x.sesudah.as_deref().unwrap().contains(&sementara));
        // Pemiliknya diberi tahu, juga lewat surel (alamatnya tercatat).
        let n = store::notifikasi::daftar(d.l.pool(), &d.a, &d.id("staf"), 10)
            .await
            .unwrap();
        assert!(n[0].isi.contains("kasi"), "{b:?}: {:?}", n[0].isi);
        d.jalankan_tugas().await;
        let surel = d.surel();
        assert_eq!(surel.len(), 1, "{b:?}");
        assert!(surel[0].contains("To: staf@contoh.go.id"));
        assert!(!surel[0].contains(&sementara), "sandi sementara di surel");
        // Ganti ke sandi yang sama ditolak; ganti sungguhan menghapus tanda.
        let h = d.masuk("staf", &sementara).await.unwrap();
        let ks = Konteks::dengan(h.aktor.clone(), Bahasa::Id);
        let g = app::akun::ganti_sandi(&d.l, &ks, &sementara, &sementara, &sementara, None)
            .await
            .unwrap_err();
        assert_eq!(g.kode(), "input_tidak_valid", "{b:?}");
        app::akun::ganti_sandi(
            &d.l,
            &ks,
            &sementara,
            "sandi-baru-staf-1",
            "sandi-baru-staf-1",
            Some(&h.token),
        )
        .await
        .unwrap();
        let s = app::akun::dari_sesi(&d.l, &h.token).await.unwrap().unwrap();
        assert!(!s.wajib_ganti_sandi, "{b:?}: tanda tidak dihapus");
        assert!(
            !d.masuk("staf", "sandi-baru-staf-1")
                .await
                .unwrap()
                .wajib_ganti_sandi
        );
        selesai(d).await;
    }
}

#[tokio::test]
async fn atasan_tak_langsung_dan_pimpinan_unit_boleh() {
    for b in backend_uji() {
        let d = dunia(b).await;
        // Kabid → Kasi → Staf: atasan tak langsung.
        let s = atur_ulang(&d, "kabid", "staf").await.expect("kabid");
        periksa_sandi_sementara(&d, "staf", &s, "atasan tak langsung").await;
        // Kepala → Kabid → Kasi → Staf.
        atur_ulang(&d, "kepala", "kasi").await.expect("kepala");
        // Sekretaris memimpin unit akar (dan turunannya): boleh atas staf
        // yang bukan bawahannya dalam rantai atasan.
        atur_ulang(&d, "sekretaris", "rekan")
            .await
            .expect("pimpinan unit akar");
        // Lewat id pegawai (tombol halaman pegawai) dan dengan sandi ketikan.
        let k = d.konteks("kabid").await;
        assert!(
            app::akun::boleh_atur_ulang_sandi_pegawai(&d.l, &k, &d.a, &d.pegawai("kasi"))
                .await
                .unwrap()
        );
        let s = app::akun::atur_ulang_sandi_pegawai(&d.l, &k, &d.a, &d.pegawai("kasi"))
            .await
            .unwrap();
        periksa_sandi_sementara(&d, "kasi", &s, "lewat pegawai").await;
        app::akun::atur_ulang_sandi(&d.l, &k, &d.a, &d.id("kasi"), "diketik-atasan-1")
            .await
            .unwrap();
        periksa_sandi_sementara(&d, "kasi", "diketik-atasan-1", "ketikan").await;
        let g = app::akun::atur_ulang_sandi(&d.l, &k, &d.a, &d.id("kasi"), "pendek")
            .await
            .unwrap_err();
        assert_eq!(g.kode(), "input_tidak_valid");
        selesai(d).await;
    }
}

#[tokio::test]
async fn plt_kepala_unit_boleh_selama_berjalan() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let s = atur_ulang(&d, "plt", "staf").await.expect("Plt. berjalan");
        periksa_sandi_sementara(&d, "staf", &s, "Plt.").await;
        // Plt. yang sudah selesai tidak lagi.
        dilarang(atur_ulang(&d, "plt.lama", "staf").await, "Plt. selesai");
        let k = d.konteks("plt.lama").await;
        assert!(
            !app::akun::boleh_atur_ulang_sandi_pegawai(&d.l, &k, &d.a, &d.pegawai("staf"))
                .await
                .unwrap()
        );
        selesai(d).await;
    }
}

#[tokio::test]
async fn rekan_bawahan_diri_dan_peran_lebih_tinggi_ditolak() {
    for b in backend_uji() {
        let d = dunia(b).await;
        // Rekan satu seksi, satu atasan.
        dilarang(atur_ulang(&d, "rekan", "staf").await, "rekan");
        let k = d.konteks("rekan").await;
        assert!(
            !app::akun::boleh_atur_ulang_sandi_pegawai(&d.l, &k, &d.a, &d.pegawai("staf"))
                .await
                .unwrap()
        );
        let g = app::akun::atur_ulang_sandi_pegawai(&d.l, &k, &d.a, &d.pegawai("staf"))
            .await
            .unwrap_err();
        assert!(matches!(g, Galat::Dilarang(_)), "{g:?}");
        // Bawahan mengatur ulang sandi atasannya.
        dilarang(atur_ulang(&d, "staf", "kasi").await, "bawahan ke atasan");
        dilarang(atur_ulang(&d, "kasi", "kepala").await, "ke kepala");
        // Pimpinan unit akar tidak pernah ke atas, walau kepala tercatat di
        // unit yang dipimpinnya.
        dilarang(
            atur_ulang(&d, "sekretaris", "kepala").await,
            "pimpinan unit ke atasannya",
        );
        // Diri sendiri: lewat ganti sandi, bukan atur ulang.
        dilarang(atur_ulang(&d, "kasi", "kasi").await, "diri");
        // Akun yang memegang peran yang tidak dipegang atasannya: BKD saja.
        dilarang(atur_ulang(&d, "kasi", "perencana").await, "perencana");
        atur_ulang(&d, "admin.a", "perencana")
            .await
            .expect("admin BKD");
        // Akun tanpa pegawai (admin BKD) tidak diatur ulang atasan siapa pun.
        dilarang(atur_ulang(&d, "kepala", "admin.a").await, "akun admin");
        // Akun yang tidak ada: bukan admin mendapat 403 (tidak bocor).
        let k = d.konteks("kepala").await;
        let g = app::akun::atur_ulang_sandi_sementara(&d.l, &k, &d.a, "tidak-ada")
            .await
            .unwrap_err();
        assert!(matches!(g, Galat::Dilarang(_)), "{g:?}");
        // Sandi-sandi itu tidak berubah.
        for u in ["staf", "kasi", "kepala", "admin.a"] {
            assert!(d.masuk(u, SANDI).await.is_ok(), "{b:?}: sandi {u} berubah");
        }
        selesai(d).await;
    }
}

#[tokio::test]
async fn instansi_lain_dan_token_baca_ditolak() {
    for b in backend_uji() {
        let d = dunia(b).await;
        // Pimpinan unit dan admin instansi lain.
        dilarang(
            atur_ulang(&d, "luar", "staf").await,
            "pimpinan instansi lain",
        );
        dilarang(
            atur_ulang(&d, "admin.b", "staf").await,
            "admin instansi lain",
        );
        dilarang(atur_ulang(&d, "kepala", "luar").await, "ke instansi lain");
        let k = d.konteks("luar").await;
        assert!(
            !app::akun::boleh_atur_ulang_sandi_pegawai(&d.l, &k, &d.a, &d.pegawai("staf"))
                .await
                .unwrap()
        );
        let g = app::akun::atur_ulang_sandi_pegawai(&d.l, &k, &d.a, &d.pegawai("staf"))
            .await
            .unwrap_err();
        assert!(matches!(g, Galat::Dilarang(_)), "{g:?}");
        // Token API baca milik atasan: ditolak; token tulis: boleh.
        let k = d.konteks("kasi").await;
        for (cakupan, boleh) in [("baca", false), ("tulis", true)] {
            let t = app::akun::buat_token(&d.l, &k, "mesin", cakupan, 1)
                .await
                .unwrap();
            let aktor = app::akun::dari_token_api(&d.l, &t.token)
                .await
                .unwrap()
                .unwrap();
            let kt = Konteks::dengan(aktor, Bahasa::Id);
            let r = app::akun::atur_ulang_sandi_sementara(&d.l, &kt, &d.a, &d.id("staf")).await;
            if boleh {
                r.expect("token tulis");
            } else {
                match r {
                    Err(Galat::Dilarang(m)) => assert!(m.contains("membaca"), "{m}"),
                    lain => panic!("token baca: {lain:?}"),
                }
                assert!(
                    !app::akun::boleh_atur_ulang_sandi_pegawai(&d.l, &kt, &d.a, &d.pegawai("staf"))
                        .await
                        .unwrap()
                );
            }
        }
        // Tamu.
        let g = app::akun::atur_ulang_sandi_sementara(
            &d.l,
            &Konteks::publik(Bahasa::Id),
            &d.a,
            &d.id("staf"),
        )
        .await
        .unwrap_err();
        assert!(matches!(g, Galat::TidakMasuk(_)), "{g:?}");
        selesai(d).await;
    }
}

#[tokio::test]
async fn admin_tetap_dengan_kontraknya() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let k = d.konteks("admin.a").await;
        app::akun::atur_ulang_sandi(&d.l, &k, &d.a, &d.id("kepala"), "diketik-admin-1")
            .await
            .unwrap();
        periksa_sandi_sementara(&d, "kepala", "diketik-admin-1", "admin").await;
        let g = app::akun::atur_ulang_sandi(&d.l, &k, &d.a, "tidak-ada", "diketik-admin-2")
            .await
            .unwrap_err();
        assert!(matches!(g, Galat::TidakDitemukan(_)), "{g:?}");
        let c = store::audit::riwayat_objek(d.l.pool(), &d.a, "pengguna", &d.id("kepala"), 10)
            .await
            .unwrap();
        assert!(
            c.iter().any(|c| c.aksi == "atur_ulang_sandi"
                && c.sesudah.as_deref().unwrap_or("").contains("\"admin\"")),
            "{c:?}"
        );
        selesai(d).await;
    }
}

// ---------- lupa sandi lewat surel ----------

/// Tautan di surel: (token, isi surel).
fn tautan(eml: &str) -> String {
    // Isi teks surel mungkin quoted-printable: sambung baris lunak dulu.
    let isi = eml.replace("=\r\n", "").replace("=\n", "");
    let awal = "https://kinerja.malukuprov.go.id/lupa-sandi/";
    let i = isi
        .find(awal)
        .unwrap_or_else(|| panic!("tanpa tautan: {eml}"));
    let token: String = isi[i + awal.len()..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    assert_eq!(token.len(), 64, "{eml}");
    token
}

fn tidak_berlaku(r: Result<(), Galat>, konteks: &str) {
    match r {
        Err(Galat::TidakDitemukan(m)) => assert!(m.contains("tidak berlaku"), "{m}"),
        lain => panic!("{konteks}: harus tidak berlaku, dapat {lain:?}"),
    }
}

#[tokio::test]
async fn surel_tautan_sekali_pakai() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let h = d.masuk("staf", SANDI).await.unwrap();
        let nip_staf = nip(4);
        app::akun::minta_tautan_sandi(&d.l, Bahasa::Id, &nip_staf, "10.1.1.1")
            .await
            .unwrap();
        let tugas = d.jalankan_tugas().await;
        assert_eq!(tugas.len(), 1, "{b:?}");
        let surel = d.surel();
        assert_eq!(surel.len(), 1, "{b:?}");
        assert!(surel[0].contains("To: staf@contoh.go.id"), "{}", surel[0]);
        assert!(surel[0].contains("Subject: Atur ulang sandi Kinerja"));
        let token = tautan(&surel[0]);
        // Hanya hash yang tersimpan; token tidak ada di muatan maupun hasil tugas.
        let baris: Vec<(String,)> = sqlx::query_as("SELECT token_hash FROM token_sandi")
            .fetch_all(d.l.pool())
            .await
            .unwrap();
        assert_eq!(baris, vec![(app::akun::hash_token(&token),)]);
        let t = store::tugas::tugas(d.l.pool(), &tugas[0])
            .await
            .unwrap()
            .unwrap();
        assert_eq!(t.status, "selesai", "{:?}", t.galat);
        assert!(!t.muatan.contains(&token) && !t.hasil.clone().unwrap().contains(&token));
        assert!(!t.hasil.unwrap().contains("staf@"), "alamat di hasil tugas");
        assert!(app::akun::tautan_sandi_berlaku(&d.l, &token).await.unwrap());
        // Aturan sandi sama dengan ganti sandi; token tidak terpakai olehnya.
        let g = app::akun::atur_sandi_lewat_tautan(&d.l, Bahasa::Id, &token, "pendek", "pendek")
            .await
            .unwrap_err();
        assert_eq!(g.kode(), "input_tidak_valid");
        let g = app::akun::atur_sandi_lewat_tautan(
            &d.l,
            Bahasa::Id,
            &token,
            "sandi-surel-123",
            "sandi-surel-124",
        )
        .await
        .unwrap_err();
        assert_eq!(g.kode(), "input_tidak_valid");
        app::akun::atur_sandi_lewat_tautan(
            &d.l,
            Bahasa::Id,
            &token,
            "sandi-surel-123",
            "sandi-surel-123",
        )
        .await
        .unwrap();
        // Sekali pakai; sesi lama diputus; sandi baru tanpa kewajiban ganti.
        assert!(!app::akun::tautan_sandi_berlaku(&d.l, &token).await.unwrap());
        tidak_berlaku(
            app::akun::atur_sandi_lewat_tautan(
                &d.l,
                Bahasa::Id,
                &token,
                "sandi-surel-999",
                "sandi-surel-999",
            )
            .await,
            "pemakaian kedua",
        );
        assert!(
            app::akun::dari_sesi(&d.l, &h.token)
                .await
                .unwrap()
                .is_none()
        );
        assert!(d.masuk("staf", SANDI).await.is_err());
        let h = d.masuk("staf", "sandi-surel-123").await.unwrap();
        assert!(!h.wajib_ganti_sandi);
        let c = store::audit::riwayat_objek(d.l.pool(), &d.a, "pengguna", &d.id("staf"), 10)
            .await
            .unwrap();
        let aksi: Vec<&str> = c.iter().map(|c| c.aksi.as_str()).collect();
        assert!(aksi.contains(&"kirim_tautan_sandi"), "{aksi:?}");
        assert!(aksi.contains(&"atur_sandi_lewat_surel"), "{aksi:?}");
        // Token acak yang tidak pernah dibuat.
        tidak_berlaku(
            app::akun::atur_sandi_lewat_tautan(
                &d.l,
                Bahasa::Id,
                &app::akun::token_acak(),
                "sandi-surel-999",
                "sandi-surel-999",
            )
            .await,
            "token karangan",
        );
        selesai(d).await;
    }
}

#[tokio::test]
async fn tautan_kedaluwarsa_dan_tautan_lama_ditolak() {
    for b in backend_uji() {
        let d = dunia(b).await;
        app::akun::minta_tautan_sandi(&d.l, Bahasa::Id, "staf", "10.1.1.2")
            .await
            .unwrap();
        d.jalankan_tugas().await;
        let lama = tautan(&d.surel()[0]);
        // Permintaan kedua: satu token berlaku per akun, yang lama batal.
        let _ = std::fs::remove_dir_all(&d.outbox);
        app::akun::minta_tautan_sandi(&d.l, Bahasa::En, "staf", "10.1.1.2")
            .await
            .unwrap();
        d.jalankan_tugas().await;
        let surel = d.surel();
        assert!(surel[0].contains("Subject: Reset your Kinerja password"));
        let baru = tautan(&surel[0]);
        assert_ne!(lama, baru);
        assert!(!app::akun::tautan_sandi_berlaku(&d.l, &lama).await.unwrap());
        tidak_berlaku(
            app::akun::atur_sandi_lewat_tautan(
                &d.l,
                Bahasa::Id,
                &lama,
                "sandi-x-1234",
                "sandi-x-1234",
            )
            .await,
            "tautan lama",
        );
        // Masa berlaku 30 menit: disimpan sebagai waktu kedaluwarsa.
        let (dibuat, habis): (String, String) =
            sqlx::query_as("SELECT dibuat_pada, kedaluwarsa_pada FROM token_sandi")
                .fetch_one(d.l.pool())
                .await
                .unwrap();
        let f = time::format_description::well_known::Rfc3339;
        let menit = (time::OffsetDateTime::parse(&habis, &f).unwrap()
            - time::OffsetDateTime::parse(&dibuat, &f).unwrap())
        .whole_minutes();
        assert_eq!(menit, 30, "{dibuat} → {habis}");
        // Kedaluwarsa.
        sqlx::query("UPDATE token_sandi SET kedaluwarsa_pada = $1")
            .bind("2020-01-01T00:00:00.000Z")
            .execute(d.l.pool())
            .await
            .unwrap();
        assert!(!app::akun::tautan_sandi_berlaku(&d.l, &baru).await.unwrap());
        tidak_berlaku(
            app::akun::atur_sandi_lewat_tautan(
                &d.l,
                Bahasa::Id,
                &baru,
                "sandi-x-1234",
                "sandi-x-1234",
            )
            .await,
            "kedaluwarsa",
        );
        assert!(d.masuk("staf", SANDI).await.is_ok(), "sandi berubah");
        // Pembersihan berkala membuang token kedaluwarsa.
        app::akun::bersihkan_pembatas(&d.l).await.unwrap();
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM token_sandi")
            .fetch_one(d.l.pool())
            .await
            .unwrap();
        assert_eq!(n, 0);
        // Atur ulang oleh atasan membatalkan tautan yang belum dipakai.
        app::akun::minta_tautan_sandi(&d.l, Bahasa::Id, "staf", "10.1.1.3")
            .await
            .unwrap();
        let _ = std::fs::remove_dir_all(&d.outbox);
        d.jalankan_tugas().await;
        let t = tautan(&d.surel()[0]);
        atur_ulang(&d, "kasi", "staf").await.unwrap();
        assert!(!app::akun::tautan_sandi_berlaku(&d.l, &t).await.unwrap());
        selesai(d).await;
    }
}

#[tokio::test]
async fn akun_tidak_dikenal_jawaban_sama_tanpa_surel() {
    for b in backend_uji() {
        let d = dunia(b).await;
        // Tidak ada, tanpa alamat surel, nonaktif, dan yang ada: jawaban sama
        // (Ok, pesan netral yang sama), surel hanya untuk yang terakhir.
        sqlx::query("UPDATE pengguna SET aktif = 0 WHERE id = $1")
            .bind(d.id("plt.lama"))
            .execute(d.l.pool())
            .await
            .unwrap();
        for (i, u) in [
            "tidak.ada",
            "199912312020121999",
            "rekan",
            "plt.lama",
            "staf",
        ]
        .into_iter()
        .enumerate()
        {
            let r =
                app::akun::minta_tautan_sandi(&d.l, Bahasa::Id, u, &format!("10.2.2.{i}")).await;
            assert!(r.is_ok(), "{b:?} {u}: {r:?}");
        }
        let tugas = d.jalankan_tugas().await;
        assert_eq!(tugas.len(), 5, "{b:?}: satu tugas per permintaan");
        let mut dikirim = 0;
        for id in &tugas {
            let t = store::tugas::tugas(d.l.pool(), id).await.unwrap().unwrap();
            assert_eq!(t.status, "selesai", "{:?}", t.galat);
            if t.hasil.unwrap().contains("true") {
                dikirim += 1;
            }
        }
        assert_eq!(dikirim, 1);
        let surel = d.surel();
        assert_eq!(surel.len(), 1, "{b:?}");
        assert!(surel[0].contains("To: staf@contoh.go.id"));
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM token_sandi")
            .fetch_one(d.l.pool())
            .await
            .unwrap();
        assert_eq!(n, 1, "token hanya untuk akun yang menerima surel");
        // Pesan netral satu untuk semua.
        assert!(app::akun::pesan_tautan_terkirim(Bahasa::Id).contains("Bila NIP"));
        // Kosong: galat isian (tidak menyangkut akun mana pun).
        let g = app::akun::minta_tautan_sandi(&d.l, Bahasa::Id, "  ", "10.2.3.1")
            .await
            .unwrap_err();
        assert_eq!(g.kode(), "input_tidak_valid");
        // Tanpa SMTP maupun outbox: jawaban sama, tidak ada tugas.
        let mut l = d.l.clone();
        l.konfigurasi.outbox = None;
        app::akun::minta_tautan_sandi(&l, Bahasa::Id, "kasi", "10.2.4.1")
            .await
            .unwrap();
        assert!(d.jalankan_tugas().await.is_empty());
        selesai(d).await;
    }
}

#[tokio::test]
async fn lupa_sandi_dibatasi_per_nama_dan_per_alamat() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let terlalu = |r: Result<(), Galat>, konteks: &str| match r {
            Err(Galat::TerlaluBanyak(m)) => assert!(m.contains("Coba lagi"), "{m}"),
            lain => panic!("{konteks}: harus 429, dapat {lain:?}"),
        };
        // Per nama pengguna, dari alamat mana pun; akun yang ada maupun tidak.
        for u in ["staf", "tidak.ada"] {
            for i in 0..app::akun::BATAS_LUPA_NAMA {
                app::akun::minta_tautan_sandi(&d.l, Bahasa::Id, u, &format!("10.3.{i}.1"))
                    .await
                    .unwrap_or_else(|e| panic!("{b:?} {u} #{i}: {e:?}"));
            }
            terlalu(
                app::akun::minta_tautan_sandi(&d.l, Bahasa::Id, u, "10.3.9.9").await,
                u,
            );
            // Huruf besar dan spasi tidak melewati batas.
            terlalu(
                app::akun::minta_tautan_sandi(
                    &d.l,
                    Bahasa::Id,
                    &format!(" {} ", u.to_uppercase()),
                    "10.3.9.8",
                )
                .await,
                u,
            );
        }
        // Yang dibatasi tidak mengantre surel.
        let tugas = d.jalankan_tugas().await;
        assert_eq!(
            tugas.len(),
            2 * app::akun::BATAS_LUPA_NAMA as usize,
            "{b:?}"
        );
        assert_eq!(d.surel().len(), app::akun::BATAS_LUPA_NAMA as usize);
        // Per alamat: nama-nama berbeda dari satu alamat.
        for i in 0..app::akun::BATAS_LUPA_ALAMAT {
            app::akun::minta_tautan_sandi(&d.l, Bahasa::Id, &format!("acak.{i}"), "10.4.4.4")
                .await
                .unwrap_or_else(|e| panic!("{b:?} #{i}: {e:?}"));
        }
        terlalu(
            app::akun::minta_tautan_sandi(&d.l, Bahasa::Id, "rekan", "10.4.4.4").await,
            "alamat",
        );
        // Alamat lain tetap dilayani untuk nama itu.
        app::akun::minta_tautan_sandi(&d.l, Bahasa::Id, "rekan", "10.4.4.5")
            .await
            .unwrap();
        // Masuk tidak ikut tertahan oleh pembatas lupa sandi.
        assert!(d.masuk("staf", SANDI).await.is_ok());
        selesai(d).await;
    }
}
