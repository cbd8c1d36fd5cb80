//! Dunia uji aksi perubahan bersama (isu 13): Pemprov Maluku dengan BPSDM,
//! Kota Ambon dan Pemprov Papua beserta pegawainya, akun sungguhan per
//! peran. Dipakai `aksi_perubahan.rs`, `aksi_lanjutan.rs` dan (pembantunya)
//! `aksi_pindah.rs`; tidak setiap berkas memakai semuanya.
#![allow(dead_code)]

use app::organisasi::instansi::MasukanInstansi;
use app::organisasi::unit::MasukanUnit;
use app::{Aktor, Bahasa, Galat, Konteks, Layanan, Peran};
use store::uji::db_baru;

pub const KEPALA: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon";

// NIP peran uji.
pub const KEPALA_BPSDM: &str = "197204101998031005";
pub const ALUMNI_PROV: &str = "198503152010011002";
pub const MENTOR_PROV: &str = "197811232005011004";
pub const REKAN_PROV: &str = "199108172015022003";
pub const ALUMNI_AMBON: &str = "198902252014021013";
pub const ATASAN_AMBON: &str = "197001012000031001";
pub const ALUMNI_PAPUA: &str = "199001012015031002";

pub struct Dunia {
    pub l: Layanan,
    pub prov: String,
    pub ambon: String,
    pub papua: String,
    pub unit_bpsdm: String,
}

pub async fn instansi(l: &Layanan, nama: &str, jenis: &str, kode: &str) -> String {
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

pub async fn unit(l: &Layanan, iid: &str, induk: Option<&str>, nama: &str) -> String {
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

pub async fn pegawai(l: &Layanan, iid: &str, baris: &[String]) {
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

pub async fn dunia(b: store::Backend) -> Dunia {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    let prov = instansi(&l, "Pemerintah Provinsi Maluku", "provinsi", "81").await;
    let ambon = instansi(&l, "Pemerintah Kota Ambon", "kota", "81.71").await;
    let papua = instansi(&l, "Pemerintah Provinsi Papua", "provinsi", "91").await;
    let akar = unit(&l, &prov, None, "Pemprov Maluku").await;
    let unit_bpsdm = unit(&l, &prov, Some(&akar), "BPSDM").await;
    unit(&l, &ambon, None, "Pemkot Ambon").await;
    unit(&l, &papua, None, "Pemprov Papua").await;
    pegawai(
        &l,
        &prov,
        &[
            format!("{KEPALA_BPSDM},Kepala BPSDM,,,pns,IV/c,Pemprov Maluku > BPSDM,Kepala,,aktif,,"),
            format!("{MENTOR_PROV},Mentor Prov,,,pns,IV/a,Pemprov Maluku > BPSDM,Kabid,{KEPALA_BPSDM},aktif,mentor@contoh.go.id,"),
            format!("{ALUMNI_PROV},Ana Alumni,,,pns,III/d,Pemprov Maluku > BPSDM,Kasubbid,{MENTOR_PROV},aktif,ana@contoh.go.id,"),
            format!("{REKAN_PROV},Rekan,,,pns,III/a,Pemprov Maluku > BPSDM,Analis,{MENTOR_PROV},aktif,,"),
        ],
    )
    .await;
    pegawai(
        &l,
        &ambon,
        &[
            format!("{ATASAN_AMBON},Atasan Ambon,,,pns,IV/a,Pemkot Ambon,Kadis,,aktif,,"),
            format!(
                "{ALUMNI_AMBON},Budi Ambon,,,pns,III/c,Pemkot Ambon,Kabid,{ATASAN_AMBON},aktif,,"
            ),
        ],
    )
    .await;
    pegawai(
        &l,
        &papua,
        &[format!(
            "{ALUMNI_PAPUA},Cici Papua,,,pns,III/c,Pemprov Papua,Kabid,,aktif,,"
        )],
    )
    .await;
    Dunia {
        l,
        prov,
        ambon,
        papua,
        unit_bpsdm,
    }
}

pub async fn pid(l: &Layanan, iid: &str, nip: &str) -> String {
    store::organisasi::pegawai_nip(l.pool(), iid, nip)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Konteks dengan akun sungguhan (progres dan notifikasi merujuk pengguna).
pub async fn orang(l: &Layanan, iid: &str, nip: Option<&str>, peran: &[Peran]) -> Konteks {
    let pegawai_id = match nip {
        Some(n) => Some(pid(l, iid, n).await),
        None => None,
    };
    let username = format!("u{}", store::id_baru().replace('-', ""));
    let p = app::akun::buat_akun(
        l,
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

pub fn dilarang<T: std::fmt::Debug>(r: Result<T, Galat>) {
    assert!(matches!(r, Err(Galat::Dilarang(_))), "{r:?}");
}
