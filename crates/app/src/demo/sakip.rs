//! SAKIP demo (isu 10), tahun yang sama dengan anggaran demo (2026):
//! RPJMD 2025–2029 Provinsi Maluku dan Kota Ambon dengan tujuan, sasaran,
//! IKU dan tautan ke program rencana 2026; realisasi IKU triwulan I–II;
//! Perjanjian Kinerja di setiap status; LKE 2025 selesai dan LKE 2026 yang
//! sedang direviu. Sebagian simpul sengaja merah, satu sasaran tanpa program
//! dan satu sub kegiatan yatim, supaya setiap tanda muncul.

use crate::peran::Peran;
use crate::sakip::{self as sk, MasukanIku, MasukanSasaran, MasukanTarget};
use crate::{Aktor, Bahasa, Hasil, Konteks, Layanan};
use store::organisasi::UnitKerja;

const TAHUN: i64 = 2026;

/// Satu IKU demo: nama, satuan, polaritas, rekap, target 2025, target 2026,
/// target akhir, realisasi 2025 (TW IV), realisasi 2026 TW I dan II.
struct IkuDemo {
    nama: &'static str,
    satuan: &'static str,
    polaritas: &'static str,
    rekap: &'static str,
    target_2025: &'static str,
    target_2026: &'static str,
    target_tw_2026: [Option<&'static str>; 4],
    target_akhir: &'static str,
    realisasi_2025: &'static str,
    realisasi_2026: [&'static str; 2],
    penjelasan: &'static str,
}

struct SasaranDemo {
    kode: &'static str,
    nama: &'static str,
    unit: Option<&'static str>,
    program: &'static [&'static str],
    iku: &'static [IkuDemo],
}

struct TujuanDemo {
    kode: &'static str,
    nama: &'static str,
    iku: &'static [IkuDemo],
    sasaran: &'static [SasaranDemo],
}

const MALUKU: &[TujuanDemo] = &[
    TujuanDemo {
        kode: "T1",
        nama: "Meningkatnya kualitas sumber daya manusia Maluku",
        iku: &[IkuDemo {
            nama: "Indeks Pembangunan Manusia",
            satuan: "Indeks",
            polaritas: "positif",
            rekap: "snapshot",
            target_2025: "71,20",
            target_2026: "71,60",
            target_tw_2026: [None; 4],
            target_akhir: "72,50",
            realisasi_2025: "71,05",
            realisasi_2026: ["71,10", "71,32"],
            penjelasan: "Angka sementara BPS; umur harapan hidup naik, rata-rata lama sekolah tetap.",
        }],
        sasaran: &[
            SasaranDemo {
                kode: "S1.1",
                nama: "Meningkatnya derajat kesehatan masyarakat",
                unit: Some("Dinas Kesehatan"),
                program: &["1.02.02", "1.02.03"],
                iku: &[
                    IkuDemo {
                        nama: "Prevalensi balita stunting",
                        satuan: "%",
                        polaritas: "negatif",
                        rekap: "snapshot",
                        target_2025: "22",
                        target_2026: "20",
                        target_tw_2026: [None; 4],
                        target_akhir: "14",
                        realisasi_2025: "23,1",
                        realisasi_2026: ["24", "22,5"],
                        penjelasan: "Pengukuran serentak posyandu Juni; penurunan di Seram Bagian Timur belum mengimbangi Kepulauan Aru.",
                    },
                    IkuDemo {
                        nama: "Persentase fasilitas kesehatan terakreditasi",
                        satuan: "%",
                        polaritas: "positif",
                        rekap: "snapshot",
                        target_2025: "75",
                        target_2026: "80",
                        target_tw_2026: [None; 4],
                        target_akhir: "95",
                        realisasi_2025: "76",
                        realisasi_2026: ["78", "82"],
                        penjelasan: "Enam puskesmas terakreditasi pada triwulan II.",
                    },
                ],
            },
            SasaranDemo {
                kode: "S1.2",
                nama: "Meningkatnya akses dan mutu pendidikan menengah",
                unit: Some("Dinas Pendidikan dan Kebudayaan"),
                program: &["1.01.02"],
                iku: &[IkuDemo {
                    nama: "Angka partisipasi kasar SMA/SMK",
                    satuan: "%",
                    polaritas: "positif",
                    rekap: "snapshot",
                    target_2025: "93",
                    target_2026: "95",
                    target_tw_2026: [None; 4],
                    target_akhir: "98",
                    realisasi_2025: "92",
                    realisasi_2026: ["88", "88"],
                    penjelasan: "Data Dapodik semester genap.",
                }],
            },
            SasaranDemo {
                kode: "S1.3",
                nama: "Meningkatnya kualitas tata kelola pemerintahan daerah",
                unit: None,
                program: &[],
                iku: &[],
            },
        ],
    },
    TujuanDemo {
        kode: "T2",
        nama: "Meningkatnya perekonomian daerah berbasis kemaritiman",
        iku: &[IkuDemo {
            nama: "Pertumbuhan ekonomi",
            satuan: "%",
            polaritas: "positif",
            rekap: "snapshot",
            target_2025: "5,3",
            target_2026: "5,5",
            target_tw_2026: [None; 4],
            target_akhir: "6",
            realisasi_2025: "5,1",
            realisasi_2026: ["3,9", "4,1"],
            penjelasan: "Ekspor perikanan melambat pada triwulan I karena cuaca.",
        }],
        sasaran: &[
            SasaranDemo {
                kode: "S2.1",
                nama: "Meningkatnya produksi perikanan tangkap",
                unit: Some("Dinas Kelautan dan Perikanan"),
                program: &["3.25.03"],
                iku: &[IkuDemo {
                    nama: "Produksi perikanan tangkap",
                    satuan: "ribu ton",
                    polaritas: "positif",
                    rekap: "kumulatif",
                    target_2025: "560",
                    target_2026: "600",
                    target_tw_2026: [Some("130"), Some("300"), Some("450"), Some("600")],
                    target_akhir: "700",
                    realisasi_2025: "548",
                    realisasi_2026: ["120", "140"],
                    penjelasan: "Produksi triwulan I rendah karena musim angin barat.",
                }],
            },
            SasaranDemo {
                kode: "S2.2",
                nama: "Meningkatnya infrastruktur pengendali banjir dan pengaman pantai",
                unit: Some("Dinas Pekerjaan Umum dan Penataan Ruang"),
                program: &["1.03.02"],
                iku: &[IkuDemo {
                    nama: "Panjang tanggul dan pengaman pantai terbangun",
                    satuan: "km",
                    polaritas: "positif",
                    rekap: "kumulatif",
                    target_2025: "8",
                    target_2026: "10",
                    target_tw_2026: [None; 4],
                    target_akhir: "45",
                    realisasi_2025: "6",
                    realisasi_2026: ["1", "0,5"],
                    penjelasan: "Lelang ulang paket Wai Batu Merah; pekerjaan fisik baru mulai Juni.",
                }],
            },
        ],
    },
];

const AMBON: &[TujuanDemo] = &[TujuanDemo {
    kode: "T1",
    nama: "Meningkatnya derajat kesehatan masyarakat Kota Ambon",
    iku: &[],
    sasaran: &[SasaranDemo {
        kode: "S1.1",
        nama: "Menurunnya prevalensi stunting",
        unit: Some("Dinas Kesehatan"),
        program: &["1.02.02"],
        iku: &[IkuDemo {
            nama: "Prevalensi balita stunting",
            satuan: "%",
            polaritas: "negatif",
            rekap: "snapshot",
            target_2025: "20",
            target_2026: "18",
            target_tw_2026: [None; 4],
            target_akhir: "12",
            realisasi_2025: "21,4",
            realisasi_2026: ["21", "20,5"],
            penjelasan: "Anggaran stunting lebih banyak ke rapat dan perjalanan daripada makanan tambahan.",
        }],
    }],
}];

fn unit_bernama<'a>(unit: &'a [UnitKerja], nama: &str) -> Option<&'a UnitKerja> {
    unit.iter().find(|u| u.nama == nama)
}

async fn tambah_iku_demo(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    sasaran_id: &str,
    d: &IkuDemo,
) -> Hasil<()> {
    let iku = sk::tambah_iku(
        l,
        k,
        iid,
        sasaran_id,
        MasukanIku {
            nama: d.nama.into(),
            satuan: Some(d.satuan.into()),
            polaritas: Some(d.polaritas.into()),
            rekap: Some(d.rekap.into()),
            baseline: None,
            target_akhir: Some(d.target_akhir.into()),
            target: vec![
                MasukanTarget {
                    tahun: TAHUN - 1,
                    target: d.target_2025.into(),
                    target_tw: None,
                },
                MasukanTarget {
                    tahun: TAHUN,
                    target: d.target_2026.into(),
                    target_tw: Some(d.target_tw_2026.map(|x| x.map(str::to_string))),
                },
            ],
        },
    )
    .await?;
    let isi =
        |realisasi: &str, penjelasan: Option<&str>, url: Option<String>| sk::MasukanRealisasiIku {
            realisasi: realisasi.into(),
            penjelasan: penjelasan.map(str::to_string),
            bukti_id: None,
            bukti_url: url,
            versi: Some(0),
        };
    sk::simpan_realisasi_iku(
        l,
        k,
        iid,
        TAHUN - 1,
        &iku.id,
        4,
        isi(d.realisasi_2025, None, None),
    )
    .await?;
    for (i, r) in d.realisasi_2026.iter().enumerate() {
        let tw = i as i64 + 1;
        let url = format!(
            "https://kinerja.malukuprov.go.id/bukti/iku/{}/tw{tw}",
            iku.id
        );
        sk::simpan_realisasi_iku(
            l,
            k,
            iid,
            TAHUN,
            &iku.id,
            tw,
            isi(r, (tw == 2).then_some(d.penjelasan), Some(url)),
        )
        .await?;
    }
    Ok(())
}

/// Renstra, IKU, tautan dan realisasi satu instansi.
async fn renstra(l: &Layanan, iid: &str, nama_periode: &str, pohon: &[TujuanDemo]) -> Hasil<()> {
    let k = Konteks::sistem();
    let unit = store::organisasi::semua_unit(l.pool(), iid).await?;
    let p = sk::buat_periode(
        l,
        &k,
        iid,
        sk::MasukanPeriode {
            nama: nama_periode.into(),
            tahun_awal: TAHUN - 1,
            tahun_akhir: TAHUN + 3,
        },
    )
    .await?;
    for t in pohon {
        let tujuan = sk::tambah_sasaran(
            l,
            &k,
            iid,
            &p.id,
            MasukanSasaran {
                jenis: "tujuan".into(),
                induk_id: None,
                kode: t.kode.into(),
                nama: t.nama.into(),
                unit_id: None,
            },
        )
        .await?;
        for d in t.iku {
            tambah_iku_demo(l, &k, iid, &tujuan.id, d).await?;
        }
        for s in t.sasaran {
            let unit_id = s
                .unit
                .and_then(|n| unit_bernama(&unit, n))
                .map(|u| u.id.clone());
            let x = sk::tambah_sasaran(
                l,
                &k,
                iid,
                &p.id,
                MasukanSasaran {
                    jenis: "sasaran".into(),
                    induk_id: Some(tujuan.id.clone()),
                    kode: s.kode.into(),
                    nama: s.nama.into(),
                    unit_id,
                },
            )
            .await?;
            for d in s.iku {
                tambah_iku_demo(l, &k, iid, &x.id, d).await?;
            }
            if !s.program.is_empty() {
                sk::tautkan_program(
                    l,
                    &k,
                    iid,
                    TAHUN,
                    &x.id,
                    sk::MasukanTautan {
                        program_kode: s.program.iter().map(|x| x.to_string()).collect(),
                    },
                )
                .await?;
            }
            // Stunting lintas unit: sosial dan perikanan ikut menyumbang.
            if s.nama.contains("kesehatan masyarakat") {
                let kontributor: Vec<String> = ["Dinas Sosial", "Dinas Kelautan dan Perikanan"]
                    .iter()
                    .filter_map(|n| unit_bernama(&unit, n))
                    .map(|u| u.id.clone())
                    .collect();
                sk::simpan_kontributor(
                    l,
                    &k,
                    iid,
                    TAHUN,
                    sk::MasukanKontributor {
                        simpul: format!("sasaran:{}", x.id),
                        unit_id: kontributor,
                    },
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// Konteks atasan (pihak kedua) sebuah PK, untuk memutuskannya.
async fn konteks_pegawai(l: &Layanan, iid: &str, pegawai_id: &str) -> Hasil<Konteks> {
    let akun = store::akun::pengguna_pegawai(l.pool(), iid, pegawai_id).await?;
    let nama = store::organisasi::pegawai(l.pool(), iid, pegawai_id)
        .await?
        .map(|p| p.nama)
        .unwrap_or_default();
    Ok(Konteks::dengan(
        Aktor {
            instansi_id: iid.into(),
            pengguna_id: akun
                .as_ref()
                .map(|a| a.id.clone())
                .unwrap_or_else(|| format!("demo-{pegawai_id}")),
            username: akun.map(|a| a.username).unwrap_or_else(|| "demo".into()),
            nama,
            pegawai_id: Some(pegawai_id.into()),
            peran: vec![Peran::PimpinanUnit, Peran::Pegawai],
            hanya_baca: false,
        },
        Bahasa::Id,
    ))
}

/// PK satu unit: `None` = usulan saja; `Some(true)` disetujui; `Some(false)` dikembalikan.
async fn pk(
    l: &Layanan,
    iid: &str,
    unit: &[UnitKerja],
    nama: &str,
    putusan: Option<bool>,
) -> Hasil<()> {
    let k = Konteks::sistem();
    let Some(u) = unit_bernama(unit, nama) else {
        return Ok(());
    };
    let x = sk::ajukan_pk(
        l,
        &k,
        iid,
        TAHUN,
        sk::MasukanPk {
            unit_id: u.id.clone(),
            indikator: None,
            alasan_perubahan: None,
        },
    )
    .await?;
    let (Some(setuju), Some(atasan)) = (putusan, x.pk.pihak_kedua_id.clone()) else {
        return Ok(());
    };
    let ka = konteks_pegawai(l, iid, &atasan).await?;
    sk::putuskan_pk(
        l,
        &ka,
        iid,
        &x.pk.id,
        sk::MasukanKeputusanPk {
            keputusan: if setuju { "setujui" } else { "kembalikan" }.into(),
            catatan: (!setuju)
                .then(|| "Target produksi triwulan perlu diselaraskan dengan RKPD.".into()),
            versi: x.pk.versi,
        },
    )
    .await?;
    Ok(())
}

/// Jawaban LKE demo: semua kriteria, `mutu` menentukan berapa yang A/B/C.
async fn isi_lke(l: &Layanan, iid: &str, tahun: i64, mutu: usize) -> Hasil<()> {
    let k = Konteks::sistem();
    let t = rules::sakip::templat_bawaan();
    for (i, c) in t.kriteria().enumerate() {
        let jawaban = match c.jenis {
            rules::sakip::JenisJawaban::YaTidak => {
                if i % 7 == 3 && mutu < 2 {
                    "T"
                } else {
                    "Y"
                }
            }
            rules::sakip::JenisJawaban::AE => ["A", "B", "B", "C"][(i + mutu) % 4],
            rules::sakip::JenisJawaban::Pilihan => c.pilihan.first().map_or("", |o| &o.kode),
        };
        let url = format!(
            "https://kinerja.malukuprov.go.id/bukti/lke/{tahun}/{}",
            c.kode
        );
        sk::isi_jawaban(
            l,
            &k,
            iid,
            tahun,
            &c.kode,
            sk::MasukanJawaban {
                jawaban: Some(jawaban.into()),
                catatan: None,
                bukti_id: None,
                bukti_url: Some(url),
                versi: Some(0),
            },
        )
        .await?;
    }
    sk::ajukan_lke(l, &k, iid, tahun, Some("LKE mandiri siap direviu.".into())).await?;
    Ok(())
}

/// Tiga peninjau inspektorat demo (akun dibuat bila belum ada).
async fn peninjau(l: &Layanan, iid: &str) -> Hasil<Vec<Konteks>> {
    let mut hasil = Vec::new();
    for (u, nama) in [
        ("inspektur", "Inspektur Provinsi Maluku"),
        ("pengendali.mutu", "Pengendali Mutu Inspektorat"),
        ("pengendali.teknis", "Pengendali Teknis Inspektorat"),
    ] {
        let p = match store::akun::pengguna_untuk_masuk(l.pool(), u).await? {
            Some(p) => p,
            None => {
                crate::akun::buat_akun(
                    l,
                    &Konteks::sistem(),
                    crate::akun::AkunBaru {
                        instansi_id: iid.into(),
                        username: u.into(),
                        nama: nama.into(),
                        sandi: super::SANDI_DEMO.into(),
                        pegawai_id: None,
                        peran: vec![Peran::Inspektur],
                    },
                )
                .await?
            }
        };
        hasil.push(Konteks::dengan(
            Aktor {
                instansi_id: iid.into(),
                pengguna_id: p.id,
                username: p.username,
                nama: p.nama,
                pegawai_id: None,
                peran: vec![Peran::Inspektur],
                hanya_baca: false,
            },
            Bahasa::Id,
        ));
    }
    Ok(hasil)
}

async fn tahap(l: &Layanan, k: &Konteks, iid: &str, tahun: i64, komentar: &str) -> Hasil<()> {
    sk::putuskan_tahap(
        l,
        k,
        iid,
        tahun,
        sk::MasukanTahap {
            keputusan: "setuju".into(),
            komentar: Some(komentar.into()),
        },
    )
    .await?;
    Ok(())
}

/// Foto berita acara (PNG kecil yang digambar di sini) sebagai bukti
/// realisasi TW II tanggul yang merah: bukti di penyimpanan bukti, bukan
/// tautan luar, agar dapat dibuka di peramban tanpa internet.
async fn bukti_tanggul(l: &Layanan, iid: &str) -> Hasil<()> {
    // Diunggah perencana instansi itu (bukti selalu milik seorang pengguna instansi).
    let Some(pengguna) = store::akun::pengguna_untuk_masuk(l.pool(), "perencana")
        .await?
        .filter(|p| p.instansi_id == iid)
    else {
        return Ok(());
    };
    let k = Konteks::dengan(
        Aktor {
            instansi_id: iid.into(),
            pengguna_id: pengguna.id,
            username: pengguna.username,
            nama: pengguna.nama,
            pegawai_id: None,
            peran: vec![Peran::Perencana],
            hanya_baca: false,
        },
        Bahasa::Id,
    );
    let r = sk::renstra(l, &k, iid, TAHUN).await?;
    let Some(iku) = r.iku.iter().find(|i| i.nama.starts_with("Panjang tanggul")) else {
        return Ok(());
    };
    let gambar = image::RgbImage::from_fn(320, 200, |x, y| {
        if y > 140 {
            image::Rgb([120, 95, 60])
        } else if (x / 40 + y / 40) % 2 == 0 {
            image::Rgb([200, 210, 220])
        } else {
            image::Rgb([90, 140, 190])
        }
    });
    let mut isi = Vec::new();
    gambar
        .write_to(&mut std::io::Cursor::new(&mut isi), image::ImageFormat::Png)
        .map_err(|e| crate::Galat::Internal(format!("demo bukti: {e}")))?;
    let b = crate::bukti::unggah(
        l,
        &k,
        iid,
        vec![crate::bukti::BerkasMasuk {
            nama: "berita-acara-tanggul-tw2.png".into(),
            isi,
        }],
    )
    .await?;
    let versi = store::sakip::realisasi_iku_tahun(l.pool(), iid, TAHUN)
        .await?
        .into_iter()
        .find(|x| x.iku_id == iku.id && x.triwulan == 2)
        .map(|x| x.versi)
        .unwrap_or(0);
    sk::simpan_realisasi_iku(
        l,
        &k,
        iid,
        TAHUN,
        &iku.id,
        2,
        sk::MasukanRealisasiIku {
            realisasi: "0,5".into(),
            penjelasan: Some(
                "Lelang ulang paket Wai Batu Merah; pekerjaan fisik baru mulai Juni.".into(),
            ),
            bukti_id: b.first().map(|x| x.id.clone()),
            bukti_url: None,
            versi: Some(versi),
        },
    )
    .await?;
    Ok(())
}

/// Mengisi SAKIP demo bila rencana 2026 Maluku ada dan Renstra belum.
pub async fn isi_sakip(l: &Layanan) -> Hasil<bool> {
    let pool = l.pool();
    let semua = store::organisasi::semua_instansi(pool).await?;
    let cari = |kode: &str| {
        semua
            .iter()
            .find(|i| i.kode_wilayah.as_deref() == Some(kode))
            .cloned()
    };
    let (Some(maluku), Some(ambon)) = (cari("81"), cari("81.71")) else {
        return Ok(false);
    };
    if !store::sakip::daftar_periode(pool, &maluku.id)
        .await?
        .is_empty()
        || store::perencanaan::rencana_tahun(pool, &maluku.id, TAHUN)
            .await?
            .is_empty()
    {
        return Ok(false);
    }
    renstra(l, &maluku.id, "RPJMD Provinsi Maluku 2025–2029", MALUKU).await?;
    bukti_tanggul(l, &maluku.id).await?;
    renstra(l, &ambon.id, "RPJMD Kota Ambon 2025–2029", AMBON).await?;

    let unit = store::organisasi::semua_unit(pool, &maluku.id).await?;
    pk(l, &maluku.id, &unit, "Dinas Kesehatan", Some(true)).await?;
    pk(
        l,
        &maluku.id,
        &unit,
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        Some(true),
    )
    .await?;
    pk(
        l,
        &maluku.id,
        &unit,
        "Dinas Pendidikan dan Kebudayaan",
        None,
    )
    .await?;
    pk(
        l,
        &maluku.id,
        &unit,
        "Dinas Kelautan dan Perikanan",
        Some(false),
    )
    .await?;
    let unit_ambon = store::organisasi::semua_unit(pool, &ambon.id).await?;
    pk(l, &ambon.id, &unit_ambon, "Dinas Kesehatan", Some(true)).await?;

    // LKE 2025 selesai (tiga peninjau), LKE 2026 lewat verifikasi.
    let r = peninjau(l, &maluku.id).await?;
    isi_lke(l, &maluku.id, TAHUN - 1, 1).await?;
    tahap(l, &r[0], &maluku.id, TAHUN - 1, "Bukti lengkap.").await?;
    tahap(
        l,
        &r[1],
        &maluku.id,
        TAHUN - 1,
        "Kertas kerja sesuai standar.",
    )
    .await?;
    tahap(l, &r[2], &maluku.id, TAHUN - 1, "Nilai akhir ditetapkan.").await?;
    isi_lke(l, &maluku.id, TAHUN, 0).await?;
    tahap(
        l,
        &r[0],
        &maluku.id,
        TAHUN,
        "Bukti diverifikasi; lanjut ke penjaminan mutu.",
    )
    .await?;
    Ok(true)
}

/// Tolok ukur SAKIP: untuk setiap instansi sintetis dengan rencana `tahun`
/// dan tanpa Renstra: 3 tujuan × 4 sasaran (unit bergiliran) × 2 IKU dengan
/// realisasi TW I–II, setiap program bertaut ke dua sasaran (simpul
/// bersama), dan usulan PK untuk setiap unit. Jumlah instansi yang diisi.
pub async fn isi_skala_sakip(l: &Layanan, tahun: i64) -> Hasil<usize> {
    let k = Konteks::sistem();
    let pool = l.pool();
    let mut n = 0;
    for i in store::organisasi::semua_instansi(pool).await? {
        if !store::sakip::daftar_periode(pool, &i.id).await?.is_empty()
            || store::perencanaan::rencana_tahun(pool, &i.id, tahun)
                .await?
                .is_empty()
        {
            continue;
        }
        let unit = store::organisasi::semua_unit(pool, &i.id).await?;
        let program: Vec<String> = crate::sakip::capaian::program_tahun(l, &i.id, tahun)
            .await?
            .into_iter()
            .collect();
        let p = sk::buat_periode(
            l,
            &k,
            &i.id,
            sk::MasukanPeriode {
                nama: format!("Renstra {}–{}", tahun - 1, tahun + 3),
                tahun_awal: tahun - 1,
                tahun_akhir: tahun + 3,
            },
        )
        .await?;
        let mut sasaran = Vec::new();
        for t in 0..3 {
            let tujuan = sk::tambah_sasaran(
                l,
                &k,
                &i.id,
                &p.id,
                MasukanSasaran {
                    jenis: "tujuan".into(),
                    induk_id: None,
                    kode: format!("T{}", t + 1),
                    nama: format!("Tujuan {}", t + 1),
                    unit_id: None,
                },
            )
            .await?;
            for s in 0..4 {
                let no = t * 4 + s;
                let x = sk::tambah_sasaran(
                    l,
                    &k,
                    &i.id,
                    &p.id,
                    MasukanSasaran {
                        jenis: "sasaran".into(),
                        induk_id: Some(tujuan.id.clone()),
                        kode: format!("S{}.{}", t + 1, s + 1),
                        nama: format!("Sasaran strategis {}", no + 1),
                        unit_id: unit.get(no % unit.len().max(1)).map(|u| u.id.clone()),
                    },
                )
                .await?;
                for j in 0..2 {
                    let iku = sk::tambah_iku(
                        l,
                        &k,
                        &i.id,
                        &x.id,
                        MasukanIku {
                            nama: format!("IKU {}.{}", no + 1, j + 1),
                            satuan: Some("%".into()),
                            polaritas: Some(if j == 0 { "positif" } else { "negatif" }.into()),
                            rekap: Some(if j == 0 { "kumulatif" } else { "snapshot" }.into()),
                            baseline: None,
                            target_akhir: Some("100".into()),
                            target: vec![MasukanTarget {
                                tahun,
                                target: format!("{}", 40 + no * 3),
                                target_tw: None,
                            }],
                        },
                    )
                    .await?;
                    for tw in 1..=2 {
                        sk::simpan_realisasi_iku(
                            l,
                            &k,
                            &i.id,
                            tahun,
                            &iku.id,
                            tw,
                            sk::MasukanRealisasiIku {
                                realisasi: format!(
                                    "{}",
                                    10 + (no * 7 + j * 3 + tw as usize * 5) % 40
                                ),
                                penjelasan: Some("Realisasi sintetis tolok ukur.".into()),
                                bukti_id: None,
                                bukti_url: Some("https://contoh.go.id/bukti".into()),
                                versi: Some(0),
                            },
                        )
                        .await?;
                    }
                }
                sasaran.push(x.id);
            }
        }
        for (no, kode) in program.iter().enumerate() {
            for s in [no % sasaran.len(), (no + 5) % sasaran.len()] {
                let ada: Vec<String> = store::sakip::tautan_tahun(pool, &i.id, tahun)
                    .await?
                    .into_iter()
                    .filter(|t| t.sasaran_id == sasaran[s])
                    .map(|t| t.program_kode)
                    .chain([kode.clone()])
                    .collect();
                sk::tautkan_program(
                    l,
                    &k,
                    &i.id,
                    tahun,
                    &sasaran[s],
                    sk::MasukanTautan { program_kode: ada },
                )
                .await?;
            }
        }
        for u in &unit {
            let _ = sk::ajukan_pk(
                l,
                &k,
                &i.id,
                tahun,
                sk::MasukanPk {
                    unit_id: u.id.clone(),
                    indikator: None,
                    alasan_perubahan: None,
                },
            )
            .await;
        }
        n += 1;
    }
    Ok(n)
}
