//! Provinsi demo (Maluku) dan pembangkit data skala besar untuk tolok ukur.
//!
//! Deterministik: RNG berbenih tetap, sehingga setiap `--demo` menghasilkan
//! data dan login yang sama. Akun dibuat hanya untuk login peran (hash
//! Argon2 untuk 100.000 pegawai akan memakan hampir satu jam).

mod aksi;
mod anggaran;
pub use anggaran::isi_skala_anggaran;
pub use sakip::isi_skala_sakip;
mod data;
mod inovasi;
mod inovasi_skala;
pub use inovasi::isi_inovasi;
pub use inovasi_skala::{RingkasSkalaKompetisi, isi_skala_inovasi, isi_skala_kompetisi};
mod pembangkit;
mod sakip;
mod skp;
mod skp_skala;
pub use skp_skala::{RingkasSkalaSkp, foto_jpeg, isi_skala_skp};

pub use aksi::{isi_demo_aksi, isi_skala_aksi};

use pembangkit::Pembangkit;

use crate::{Hasil, Layanan, Peran};
use std::collections::HashSet;
use store::organisasi::Instansi;

pub const SANDI_DEMO: &str = "kinerja-demo";

/// NIP tetap untuk pegawai yang punya login demo (didokumentasikan di README).
pub const NIP_PIMPINAN: &str = "197204101998031005";
pub const NIP_PEGAWAI: &str = "199108172015022003";
pub const NIP_MENTOR: &str = "197811232005011004";

#[derive(Debug, Clone)]
pub struct AkunDemo {
    pub login: &'static str,
    pub peran: &'static str,
    pub instansi: &'static str,
}

/// Login demo, sama setiap kali (sandi semuanya `SANDI_DEMO`).
pub fn akun_demo() -> Vec<AkunDemo> {
    vec![
        AkunDemo {
            login: "superadmin",
            peran: "super_admin",
            instansi: "Nasional",
        },
        AkunDemo {
            login: "admin.bkd",
            peran: "admin_instansi",
            instansi: "Pemerintah Provinsi Maluku",
        },
        AkunDemo {
            login: "perencana",
            peran: "perencana",
            instansi: "Pemerintah Provinsi Maluku",
        },
        AkunDemo {
            login: "keuangan",
            peran: "keuangan",
            instansi: "Pemerintah Provinsi Maluku",
        },
        AkunDemo {
            login: NIP_PIMPINAN,
            peran: "pimpinan_unit",
            instansi: "Pemerintah Provinsi Maluku (Kepala Dinas Kesehatan)",
        },
        AkunDemo {
            login: NIP_PEGAWAI,
            peran: "pegawai",
            instansi: "Pemerintah Provinsi Maluku (Dinas Kesehatan)",
        },
        AkunDemo {
            login: "juri",
            peran: "penilai",
            instansi: "Juri eksternal kompetisi inovasi (Universitas Pattimura); akun di Pemerintah Provinsi Maluku",
        },
        AkunDemo {
            login: inovasi::LOGIN_OPERATOR,
            peran: "operator_inovasi",
            instansi: "Pemerintah Provinsi Maluku (penyelenggara kompetisi inovasi, juga peserta)",
        },
        AkunDemo {
            login: inovasi::LOGIN_OPERATOR_AMBON,
            peran: "operator_inovasi",
            instansi: "Pemerintah Kota Ambon (peserta, replikasi)",
        },
        AkunDemo {
            login: "operator.malteng",
            peran: "operator_inovasi",
            instansi: "Pemerintah Kabupaten Maluku Tengah",
        },
        AkunDemo {
            login: "operator.buru",
            peran: "operator_inovasi",
            instansi: "Pemerintah Kabupaten Buru",
        },
        AkunDemo {
            login: "inspektur",
            peran: "inspektur",
            instansi: "Pemerintah Provinsi Maluku (Inspektorat)",
        },
        AkunDemo {
            login: "pengendali.mutu",
            peran: "inspektur",
            instansi: "Pemerintah Provinsi Maluku (Inspektorat, penjaminan mutu LKE)",
        },
        AkunDemo {
            login: "pengendali.teknis",
            peran: "inspektur",
            instansi: "Pemerintah Provinsi Maluku (Inspektorat, evaluasi LKE)",
        },
        AkunDemo {
            login: NIP_MENTOR,
            peran: "mentor",
            instansi: "Pemerintah Provinsi Maluku (BPSDM)",
        },
        AkunDemo {
            login: skp::LOGIN_PENILAI,
            peran: "pegawai, pimpinan_unit",
            instansi: "Pemerintah Provinsi Maluku (Kepala Seksi, penilai SKP pegawai demo)",
        },
        AkunDemo {
            login: skp::LOGIN_ATASAN_PENILAI,
            peran: "pegawai, pimpinan_unit",
            instansi: "Pemerintah Provinsi Maluku (Kepala Bidang, menetapkan kurva)",
        },
        AkunDemo {
            login: "admin.ambon",
            peran: "admin_instansi",
            instansi: "Pemerintah Kota Ambon",
        },
    ]
}

fn instansi_baru(nama: &str, jenis: &str, kode: Option<&str>, zona: &str) -> Instansi {
    let w = store::sekarang();
    Instansi {
        id: store::id_baru(),
        nama: nama.to_string(),
        jenis: jenis.to_string(),
        kode_wilayah: kode.map(str::to_string),
        zona_waktu: zona.to_string(),
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    }
}

/// Mengisi provinsi demo bila basis data masih kosong. `false` bila sudah berisi.
pub async fn isi_demo(l: &Layanan) -> Hasil<bool> {
    if store::organisasi::jumlah_instansi(l.pool()).await? > 0 {
        // Basis data demo lama: aksi perubahan (isu 13) dan SAKIP (isu 10)
        // ditambahkan sekali.
        let aksi = isi_demo_aksi(l).await?;
        let sakip = sakip::isi_sakip(l).await?;
        let skp = skp::isi_skp(l).await?;
        let inovasi = inovasi::isi_inovasi(l).await?;
        return Ok(aksi || sakip || skp || inovasi);
    }
    let mut g = Pembangkit::baru(2026);
    let nasional = instansi_baru("Kementerian PANRB (Nasional)", "nasional", None, "WIB");
    let maluku = instansi_baru("Pemerintah Provinsi Maluku", "provinsi", Some("81"), "WIT");
    let ambon = instansi_baru("Pemerintah Kota Ambon", "kota", Some("81.71"), "WIT");
    let mut tx = l.db.mulai().await?;
    for i in [&nasional, &maluku, &ambon] {
        store::organisasi::sisipkan_instansi(&mut tx, i).await?;
    }
    let akar_nasional = g.unit(
        &nasional.id,
        None,
        "Kedeputian Reformasi Birokrasi",
        None,
        "lainnya",
        0,
    );
    g.simpan_unit(&mut tx, &akar_nasional).await?;
    let tokoh = g
        .bangun(
            &mut tx,
            &maluku,
            data::PERANGKAT_DAERAH_PROVINSI,
            2000,
            "Gubernur Maluku",
            true,
        )
        .await?;
    g.bangun(
        &mut tx,
        &ambon,
        data::PERANGKAT_DAERAH_KOTA,
        420,
        "Wali Kota Ambon",
        false,
    )
    .await?;
    tx.commit().await?;

    let k = crate::Konteks::sistem();
    let akun = |instansi: &Instansi,
                username: &str,
                nama: &str,
                pegawai_id: Option<String>,
                peran: Vec<Peran>| crate::akun::AkunBaru {
        instansi_id: instansi.id.clone(),
        username: username.to_string(),
        nama: nama.to_string(),
        sandi: SANDI_DEMO.to_string(),
        pegawai_id,
        peran,
    };
    let daftar = vec![
        akun(
            &nasional,
            "superadmin",
            "Super Admin Nasional",
            None,
            vec![Peran::SuperAdmin],
        ),
        akun(
            &maluku,
            "admin.bkd",
            "Admin BKD Provinsi Maluku",
            None,
            vec![Peran::AdminInstansi],
        ),
        akun(
            &maluku,
            "perencana",
            "Perencana Bappeda Maluku",
            None,
            vec![Peran::Perencana],
        ),
        akun(
            &maluku,
            "keuangan",
            "Keuangan BPKAD Maluku",
            None,
            vec![Peran::Keuangan],
        ),
        akun(
            &maluku,
            NIP_PIMPINAN,
            "Kepala Dinas Kesehatan",
            tokoh.kepala_dinkes.clone(),
            vec![Peran::PimpinanUnit, Peran::Pegawai],
        ),
        akun(
            &maluku,
            NIP_PEGAWAI,
            "Pegawai Dinas Kesehatan",
            tokoh.staf_dinkes.clone(),
            vec![Peran::Pegawai],
        ),
        akun(&maluku, "juri", "Juri Inovasi", None, vec![Peran::Penilai]),
        akun(
            &maluku,
            "inspektur",
            "Inspektur Provinsi Maluku",
            None,
            vec![Peran::Inspektur],
        ),
        akun(
            &maluku,
            NIP_MENTOR,
            "Mentor BPSDM",
            tokoh.kabid_bpsdm.clone(),
            vec![Peran::Mentor, Peran::Pegawai],
        ),
        akun(
            &ambon,
            "admin.ambon",
            "Admin BKPSDM Kota Ambon",
            None,
            vec![Peran::AdminInstansi],
        ),
    ];
    for a in daftar {
        // Nama akun pegawai mengikuti nama pegawainya.
        let mut a = a;
        if let Some(pid) = &a.pegawai_id {
            if let Some(p) = store::organisasi::pegawai(l.pool(), &a.instansi_id, pid).await? {
                a.nama = p.nama;
            }
        }
        crate::akun::buat_akun(l, &k, a).await?;
    }
    isi_demo_aksi(l).await?;
    anggaran::isi_anggaran(l, &maluku.id, &ambon.id).await?;
    sakip::isi_sakip(l).await?;
    skp::isi_skp(l).await?;
    inovasi::isi_inovasi(l).await?;
    store::organisasi::rapikan_setelah_muat(l.pool()).await?;
    Ok(true)
}

/// Membangkitkan sekitar `n` pegawai tambahan di pemerintah kabupaten/kota
/// (kode wilayah nyata) untuk tolok ukur; tanpa akun.
pub async fn isi_skala(l: &Layanan, n: usize, per_instansi: usize) -> Hasil<usize> {
    let wilayah: Vec<(String, String, String)> = sqlx_wilayah(l).await?;
    let mut g = Pembangkit::baru(n as u64 ^ 0x5eed);
    let mut dibuat = 0usize;
    let per_instansi = per_instansi.max(100);
    for (kode, nama, tingkat) in wilayah {
        if dibuat >= n {
            break;
        }
        let sisa = (n - dibuat).min(per_instansi);
        let prov = &kode[..2];
        let zona = crate::organisasi::referensi::zona_waktu_provinsi(prov);
        let i = instansi_baru(&format!("Pemerintah {nama}"), &tingkat, Some(&kode), zona);
        let mut tx = l.db.mulai().await?;
        store::organisasi::sisipkan_instansi(&mut tx, &i).await?;
        let kepala = if tingkat == "kota" {
            "Wali Kota"
        } else {
            "Bupati"
        };
        let t = g
            .bangun(
                &mut tx,
                &i,
                data::PERANGKAT_DAERAH_KOTA,
                sisa,
                kepala,
                false,
            )
            .await?;
        tx.commit().await?;
        dibuat += t.jumlah;
    }
    store::organisasi::rapikan_setelah_muat(l.pool()).await?;
    Ok(dibuat)
}

async fn sqlx_wilayah(l: &Layanan) -> Hasil<Vec<(String, String, String)>> {
    let mut hasil = Vec::new();
    // Kabupaten/kota yang belum punya instansi, urut kode.
    let ada: HashSet<String> = store::organisasi::semua_instansi(l.pool())
        .await?
        .into_iter()
        .filter_map(|i| i.kode_wilayah)
        .collect();
    for kode_prov in 11..=96 {
        for w in store::wilayah::dalam_provinsi(l.pool(), &kode_prov.to_string()).await? {
            if w.tingkat != "provinsi" && !ada.contains(&w.kode) {
                hasil.push((w.kode, w.nama, w.tingkat));
            }
        }
    }
    Ok(hasil)
}
