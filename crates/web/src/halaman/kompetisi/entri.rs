//! Entri peserta per bagian: draf tidak pernah kehilangan teks, bukti diunggah
//! dari formulir yang sama, ajukan dan tarik.

use super::*;

pub(super) struct BagianTampil {
    kode: &'static str,
    label: &'static str,
    maks: usize,
    replikasi: bool,
    nilai: String,
    galat: String,
}

pub(super) struct BuktiTampil {
    id: String,
    nama: String,
    dipilih: bool,
}

pub(super) struct HasilTampil {
    tahap: String,
    keputusan: &'static str,
    kelas: &'static str,
    alasan: String,
    nilai: String,
    urutan: String,
}

#[derive(Template)]
#[template(path = "kompetisi_entri.html")]
pub(super) struct HalamanEntri {
    b: Bingkai,
    kid: String,
    kompetisi: String,
    eid: Option<String>,
    instansi: String,
    status: Option<(&'static str, &'static str)>,
    /// Formulir dapat diubah (draf milik instansinya, pendaftaran buka).
    boleh_ubah: bool,
    boleh_tarik: bool,
    versi: i64,
    f: Isian,
    galat_lain: Vec<String>,
    bagian: Vec<BagianTampil>,
    kelompok: Vec<(String, String, bool)>,
    bukti: Vec<BuktiTampil>,
    hasil: Vec<HasilTampil>,
    pesan: Option<String>,
}

impl HalamanEntri {
    fn galat_bukti(&self) -> String {
        self.f
            .galat
            .iter()
            .filter(|(k, _)| k.starts_with("bukti") || k.as_str() == "berkas")
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn ada_galat_bukti(&self) -> bool {
        !self.galat_bukti().is_empty()
    }
    fn tautan_bukti(&self, bid: &str) -> Option<String> {
        self.eid.as_ref().map(|e| {
            format!(
                "/api/v1/entri-kompetisi/{}/bukti/{}?varian=asli",
                enkode(e),
                enkode(bid)
            )
        })
    }
}

/// Kolom formulir entri yang punya tempat pesan sendiri.
pub(super) fn kolom_dikenal(k: &str) -> bool {
    matches!(
        k,
        "kelompok"
            | "judul"
            | "tanggal_implementasi"
            | "video_url"
            | "boleh_direplikasi"
            | "asal_inovasi_id"
            | "inovasi_id"
            | "berkas"
    ) || k.starts_with("bagian.")
        || k.starts_with("bukti")
}

pub(super) fn isian_dari_entri(
    e: &store::kompetisi::Entri,
    isi: &en::IsiEntri,
) -> (Isian, BTreeSet<String>) {
    let mut f = Isian::default();
    f.set("kelompok", e.kelompok.clone());
    f.set("judul", e.judul.clone());
    f.set(
        "tanggal_implementasi",
        e.tanggal_implementasi.clone().unwrap_or_default(),
    );
    f.set("video_url", e.video_url.clone().unwrap_or_default());
    if e.boleh_direplikasi == 1 {
        f.set("boleh_direplikasi", "1");
    }
    f.set(
        "asal_inovasi_id",
        e.asal_inovasi_id.clone().unwrap_or_default(),
    );
    f.set("inovasi_id", e.inovasi_id.clone().unwrap_or_default());
    for (k, v) in &isi.bagian {
        f.set(&format!("bagian.{k}"), v.clone());
    }
    (f, isi.bukti.iter().cloned().collect())
}

/// Kiriman formulir entri: pasangan teks dan berkas bukti baru (multipart),
/// atau pasangan teks saja (urlencoded).
pub(super) struct Kiriman {
    pasangan: Vec<(String, String)>,
    berkas: Vec<app::bukti::BerkasMasuk>,
}

impl Kiriman {
    fn v(&self, k: &str) -> String {
        self.pasangan
            .iter()
            .rev()
            .find(|(a, _)| a == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Teks satu field multipart paling banyak ini (bagian terpanjang 8.000
/// karakter, jadi 256 KiB longgar tetapi tidak tanpa batas).
const MAKS_TEKS_FIELD: usize = 256 * 1024;

pub(super) async fn baca_kiriman(
    s: &AppState,
    p: &Pengunjung,
    req: Request,
) -> Result<Kiriman, Galat> {
    let k = &p.konteks;
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let rusak = |rinci: String| {
        let pesan = format!(
            "{}: {rinci}",
            k.t("Formulir tidak terbaca", "The form could not be read")
        );
        Galat::InputTidakValid {
            kode: "formulir_tidak_valid".into(),
            fields: BTreeMap::from([("berkas".to_string(), pesan.clone())]),
            pesan,
        }
    };
    if !multipart {
        let Form(pasangan) = Form::<Vec<(String, String)>>::from_request(req, &())
            .await
            .map_err(|e| rusak(e.body_text()))?;
        return Ok(Kiriman {
            pasangan,
            berkas: Vec::new(),
        });
    }
    let mut mp = Multipart::from_request(req, &())
        .await
        .map_err(|e| rusak(e.body_text()))?;
    let c = &s.layanan.konfigurasi;
    let mut kiriman = Kiriman {
        pasangan: Vec::new(),
        berkas: Vec::new(),
    };
    let mut total: u64 = 0;
    while let Some(mut field) = mp.next_field().await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            app::bukti::galat_permintaan_terlalu_besar(k, crate::api::bukti::BATAS_MUTLAK as u64)
        } else {
            rusak(e.body_text())
        }
    })? {
        let nama_field = field.name().unwrap_or("").to_string();
        let berkas = nama_field == "berkas";
        let nama_berkas = field.file_name().unwrap_or("").to_string();
        let mut isi: Vec<u8> = Vec::new();
        while let Some(potong) = field.chunk().await.map_err(|e| rusak(e.body_text()))? {
            total += potong.len() as u64;
            if berkas {
                if (isi.len() + potong.len()) as u64 > c.bukti_maks_bita {
                    return Err(app::bukti::galat_terlalu_besar(
                        k,
                        &nama_berkas,
                        c.bukti_maks_bita,
                    ));
                }
                if total > c.bukti_maks_permintaan {
                    return Err(app::bukti::galat_permintaan_terlalu_besar(
                        k,
                        c.bukti_maks_permintaan,
                    ));
                }
            } else if isi.len() + potong.len() > MAKS_TEKS_FIELD {
                return Err(rusak(nama_field.chars().take(64).collect()));
            }
            isi.extend_from_slice(&potong);
        }
        if berkas {
            // Peramban mengirim bagian kosong bila tidak ada berkas dipilih.
            if isi.is_empty() && nama_berkas.is_empty() {
                continue;
            }
            if kiriman.berkas.len() >= c.bukti_maks_berkas {
                return Err(app::bukti::galat_terlalu_banyak(k, c.bukti_maks_berkas));
            }
            kiriman.berkas.push(app::bukti::BerkasMasuk {
                nama: nama_berkas,
                isi,
            });
        } else {
            let teks =
                String::from_utf8(isi).map_err(|_| rusak(nama_field.chars().take(64).collect()))?;
            kiriman.pasangan.push((nama_field, teks));
        }
    }
    Ok(kiriman)
}

/// Isian formulir dan masukan layanan dari kiriman.
pub(super) fn masukan_dari(
    kiriman: &Kiriman,
    kode_bagian: &[&str],
) -> (Isian, MasukanEntri, BTreeSet<String>) {
    let mut f = Isian::default();
    let mut bukti = BTreeSet::new();
    let mut bagian = BTreeMap::new();
    for (k, v) in &kiriman.pasangan {
        if k == "bukti" {
            if !v.is_empty() {
                bukti.insert(v.clone());
            }
            continue;
        }
        if let Some(kode) = k.strip_prefix("bagian.")
            && kode_bagian.contains(&kode)
        {
            bagian.insert(kode.to_string(), v.clone());
        }
        if kolom_dikenal(k) {
            f.set(k, v.clone());
        }
    }
    let opsi = |k: &str| Some(kiriman.v(k)).filter(|x| !x.trim().is_empty());
    let m = MasukanEntri {
        versi: None,
        kelompok: kiriman.v("kelompok"),
        judul: kiriman.v("judul"),
        tanggal_implementasi: opsi("tanggal_implementasi"),
        bagian,
        video_url: opsi("video_url"),
        boleh_direplikasi: !kiriman.v("boleh_direplikasi").is_empty(),
        asal_inovasi_id: opsi("asal_inovasi_id"),
        inovasi_id: opsi("inovasi_id"),
        bukti: bukti.iter().cloned().collect(),
    };
    (f, m, bukti)
}

pub(super) struct KonteksEntri {
    kid: String,
    kompetisi: String,
    jenis: String,
    kelompok: Vec<(String, String)>,
    pendaftaran_buka: bool,
}

pub(super) async fn konteks_entri(
    s: &AppState,
    p: &Pengunjung,
    kid: &str,
) -> Result<KonteksEntri, axum::response::Response> {
    let d = kp::lihat(&s.layanan, &p.konteks, kid)
        .await
        .atau_halaman(p)?;
    Ok(KonteksEntri {
        kid: d.kompetisi.id.clone(),
        kompetisi: d.kompetisi.nama.clone(),
        jenis: d.kompetisi.jenis.clone(),
        kelompok: d
            .kelompok
            .iter()
            .map(|g| (g.kode.clone(), g.nama.clone()))
            .collect(),
        pendaftaran_buka: d.tahap.first().is_some_and(|t| t.tahap.status == "buka"),
    })
}

pub(super) struct Tampil {
    eid: Option<String>,
    instansi: String,
    status: Option<String>,
    boleh_ubah: bool,
    boleh_tarik: bool,
    versi: i64,
    f: Isian,
    dipilih: BTreeSet<String>,
    hasil: Vec<en::HasilUntukPeserta>,
    pesan: Option<String>,
    st: StatusCode,
}

pub(super) async fn tampil_entri(
    s: &AppState,
    p: &Pengunjung,
    ke: KonteksEntri,
    x: Tampil,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let t = Teks(p.bahasa());
    let bagian: Vec<BagianTampil> = en::bagian_untuk(&ke.jenis)
        .iter()
        .map(|d| {
            let kolom = format!("bagian.{}", d.kode);
            BagianTampil {
                kode: d.kode,
                label: d.label(t.0),
                maks: d.maks,
                replikasi: d.replikasi,
                nilai: x.f.v(&kolom).to_string(),
                galat: x.f.g(&kolom).to_string(),
            }
        })
        .collect();
    // Unggahan sendiri (terbaru dulu) dan bukti yang sudah ada di entri.
    let mut bukti: Vec<BuktiTampil> = Vec::new();
    if x.boleh_ubah
        && let Some(a) = k.aktor.as_ref()
    {
        for b in app::bukti::daftar_milik_saya(l, k, &a.instansi_id)
            .await
            .unwrap_or_default()
        {
            bukti.push(BuktiTampil {
                dipilih: x.dipilih.contains(&b.id),
                nama: format!("{} ({} KB)", b.nama_asli, (b.ukuran + 1023) / 1024),
                id: b.id,
            });
        }
    }
    for (i, bid) in x.dipilih.iter().enumerate() {
        if !bukti.iter().any(|b| &b.id == bid) {
            bukti.push(BuktiTampil {
                id: bid.clone(),
                nama: format!("{} {}", t.s("Bukti", "Evidence"), i + 1),
                dipilih: true,
            });
        }
    }
    let galat_lain =
        x.f.galat
            .iter()
            .filter(|(kol, _)| !kolom_dikenal(kol))
            .map(|(kol, v)| format!("{kol}: {v}"))
            .collect();
    let hasil = x
        .hasil
        .into_iter()
        .map(|h| {
            let (kep, kelas) = keputusan(&t, &h.keputusan);
            HasilTampil {
                tahap: h.nama_tahap,
                keputusan: kep,
                kelas,
                alasan: h.alasan.unwrap_or_default(),
                nilai: h.nilai.unwrap_or_default(),
                urutan: h.urutan.map(|u| u.to_string()).unwrap_or_default(),
            }
        })
        .collect();
    let judul = if x.eid.is_some() {
        x.f.v("judul").to_string()
    } else {
        t.s("Entri baru", "New entry").to_string()
    };
    let tpl = HalamanEntri {
        b: Bingkai::dari(
            p,
            if judul.trim().is_empty() {
                t.s("Entri", "Entry").to_string()
            } else {
                judul
            },
        ),
        kelompok: crate::halaman::inovasi::pilihan(ke.kelompok.clone(), x.f.v("kelompok")),
        kid: ke.kid,
        kompetisi: ke.kompetisi,
        eid: x.eid,
        instansi: x.instansi,
        status: x.status.as_deref().map(|s| status_entri(&t, s)),
        boleh_ubah: x.boleh_ubah,
        boleh_tarik: x.boleh_tarik,
        versi: x.versi,
        galat_lain,
        f: x.f,
        bagian,
        bukti,
        hasil,
        pesan: x.pesan,
    };
    Ok((x.st, render(&tpl)).into_response())
}

pub(super) async fn entri_baru(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
) -> HasilHalaman {
    let a = p.konteks.aktor().atau_halaman(&p)?.clone();
    let ke = konteks_entri(&s, &p, &kid).await?;
    if !ke.pendaftaran_buka {
        return Err(crate::halaman::galat(
            &p,
            Galat::Status {
                kode: "pendaftaran_tutup".into(),
                pesan: p
                    .konteks
                    .t(
                        "Pendaftaran kompetisi ini tidak sedang dibuka.",
                        "Registration for this competition is not open.",
                    )
                    .into(),
                fields: Default::default(),
            },
        ));
    }
    let mut f = Isian::default();
    if let Some((k, _)) = ke.kelompok.first() {
        f.set("kelompok", k.clone());
    }
    let instansi = store::organisasi::instansi(s.layanan.pool(), &a.instansi_id)
        .await
        .ok()
        .flatten()
        .map(|i| i.nama)
        .unwrap_or_default();
    let x = Tampil {
        eid: None,
        instansi,
        status: None,
        boleh_ubah: true,
        boleh_tarik: false,
        versi: 0,
        f,
        dipilih: BTreeSet::new(),
        hasil: Vec::new(),
        pesan: None,
        st: StatusCode::OK,
    };
    tampil_entri(&s, &p, ke, x).await
}

/// Unggah berkas baru (bila ada), lalu simpan; galat apa pun → formulir
/// dengan semua isian seperti diketik dan pesan di samping kolomnya.
pub(super) async fn simpan_baru(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
    req: Request,
) -> HasilHalaman {
    let a = p.konteks.aktor().atau_halaman(&p)?.clone();
    let ke = konteks_entri(&s, &p, &kid).await?;
    let kode: Vec<&str> = en::bagian_untuk(&ke.jenis).iter().map(|b| b.kode).collect();
    let kiriman = baca_kiriman(&s, &p, req).await;
    let mut kiriman = match kiriman {
        Ok(x) => x,
        Err(g) => {
            let mut f = Isian::default();
            let st = galat_di_halaman(&p, g, &mut f)?;
            return tampil_entri(&s, &p, ke, tampil_kosong(f, st)).await;
        }
    };
    p.periksa_csrf(&kiriman.v("_csrf")).atau_halaman(&p)?;
    let l = &s.layanan;
    let k = &p.konteks;
    let hasil = async {
        unggah_baru(&s, &p, &a.instansi_id, &mut kiriman).await?;
        let (_, m, _) = masukan_dari(&kiriman, &kode);
        en::buat(l, k, &kid, m).await
    }
    .await;
    match hasil {
        Ok(e) => {
            if kiriman.v("aksi") == "ajukan" {
                return ajukan_lalu(&s, &p, ke, &e.id, e.versi, &kiriman, &kode).await;
            }
            Ok(
                Redirect::to(&format!("/entri-kompetisi/{}?ok=simpan", enkode(&e.id)))
                    .into_response(),
            )
        }
        Err(g) => {
            let (mut f, _, dipilih) = masukan_dari(&kiriman, &kode);
            let st = galat_di_halaman(&p, g, &mut f)?;
            let mut x = tampil_kosong(f, st);
            x.dipilih = dipilih;
            tampil_entri(&s, &p, ke, x).await
        }
    }
}

pub(super) fn tampil_kosong(f: Isian, st: StatusCode) -> Tampil {
    Tampil {
        eid: None,
        instansi: String::new(),
        status: None,
        boleh_ubah: true,
        boleh_tarik: false,
        versi: 0,
        f,
        dipilih: BTreeSet::new(),
        hasil: Vec::new(),
        pesan: None,
        st,
    }
}

/// Menyimpan berkas baru sebagai bukti instansi dan mencentangnya.
pub(super) async fn unggah_baru(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    kiriman: &mut Kiriman,
) -> Result<(), Galat> {
    if kiriman.berkas.is_empty() {
        return Ok(());
    }
    let berkas = std::mem::take(&mut kiriman.berkas);
    let baru = app::bukti::unggah(&s.layanan, &p.konteks, iid, berkas)
        .await
        .map_err(|g| match g {
            // Pesan berkas di samping kolom unggahnya.
            Galat::InputTidakValid { kode, pesan, .. } => Galat::InputTidakValid {
                kode,
                fields: BTreeMap::from([("berkas".to_string(), pesan.clone())]),
                pesan,
            },
            g => g,
        })?;
    for b in baru {
        kiriman.pasangan.push(("bukti".into(), b.id));
    }
    Ok(())
}

/// Setelah draf tersimpan: ajukan; bila belum lengkap, formulir ditampilkan
/// lagi (isinya sudah tersimpan) dengan alasan di samping setiap kolom.
pub(super) async fn ajukan_lalu(
    s: &AppState,
    p: &Pengunjung,
    ke: KonteksEntri,
    eid: &str,
    versi: i64,
    kiriman: &Kiriman,
    kode: &[&str],
) -> HasilHalaman {
    match en::ajukan(&s.layanan, &p.konteks, eid, versi).await {
        Ok(e) => Ok(
            Redirect::to(&format!("/entri-kompetisi/{}?ok=ajukan", enkode(&e.id))).into_response(),
        ),
        Err(g) => {
            let (mut f, _, dipilih) = masukan_dari(kiriman, kode);
            let st = galat_di_halaman(p, g, &mut f)?;
            let d = en::lihat(&s.layanan, &p.konteks, eid)
                .await
                .atau_halaman(p)?;
            let mut x = tampil_dari(&d, &ke, None, st);
            x.f = f;
            x.dipilih = dipilih;
            tampil_entri(s, p, ke, x).await
        }
    }
}

pub(super) fn tampil_dari(
    d: &DetailEntri,
    ke: &KonteksEntri,
    pesan: Option<String>,
    st: StatusCode,
) -> Tampil {
    let (f, dipilih) = isian_dari_entri(&d.entri, &d.isi_entri);
    let draf = d.entri.status == "draf";
    Tampil {
        eid: Some(d.entri.id.clone()),
        instansi: d.instansi.clone(),
        status: Some(d.entri.status.clone()),
        boleh_ubah: d.hak.ubah && draf && ke.pendaftaran_buka,
        boleh_tarik: d.hak.ubah && !draf && ke.pendaftaran_buka,
        versi: d.entri.versi,
        f,
        dipilih,
        hasil: d.hasil.clone(),
        pesan,
        st,
    }
}

pub(super) async fn entri(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(eid): Path<String>,
    Query(q): Query<TanyaOk>,
) -> HasilHalaman {
    let d = en::lihat(&s.layanan, &p.konteks, &eid)
        .await
        .atau_halaman(&p)?;
    let ke = konteks_entri(&s, &p, &d.entri.kompetisi_id).await?;
    let t = Teks(p.bahasa());
    let pesan = match q.ok.as_str() {
        "simpan" => Some(t.s("Draf tersimpan.", "Draft saved.")),
        "ajukan" => Some(t.s(
            "Entri diajukan. Anda dapat menariknya selama pendaftaran masih buka.",
            "Entry submitted. You can withdraw it while registration is open.",
        )),
        "tarik" => Some(t.s(
            "Entri ditarik dan kembali menjadi draf.",
            "Entry withdrawn; it is a draft again.",
        )),
        _ => None,
    }
    .map(str::to_string);
    let x = tampil_dari(&d, &ke, pesan, StatusCode::OK);
    tampil_entri(&s, &p, ke, x).await
}

pub(super) async fn simpan_entri(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(eid): Path<String>,
    req: Request,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let a = k.aktor().atau_halaman(&p)?.clone();
    let d = en::lihat(l, k, &eid).await.atau_halaman(&p)?;
    let ke = konteks_entri(&s, &p, &d.entri.kompetisi_id).await?;
    let kode: Vec<&str> = en::bagian_untuk(&ke.jenis).iter().map(|b| b.kode).collect();
    let mut kiriman = match baca_kiriman(&s, &p, req).await {
        Ok(x) => x,
        Err(g) => {
            let mut f = Isian::default();
            let st = galat_di_halaman(&p, g, &mut f)?;
            let mut x = tampil_dari(&d, &ke, None, st);
            x.f.galat = f.galat;
            x.f.pesan = f.pesan;
            return tampil_entri(&s, &p, ke, x).await;
        }
    };
    p.periksa_csrf(&kiriman.v("_csrf")).atau_halaman(&p)?;
    let versi = kiriman.v("versi").trim().parse::<i64>().ok();
    let hasil = async {
        let versi = app::galat::versi_wajib(k, versi)?;
        unggah_baru(&s, &p, &a.instansi_id, &mut kiriman).await?;
        let (_, m, _) = masukan_dari(&kiriman, &kode);
        en::ubah(l, k, &eid, versi, m).await
    }
    .await;
    match hasil {
        Ok(e) => {
            if kiriman.v("aksi") == "ajukan" {
                return ajukan_lalu(&s, &p, ke, &e.id, e.versi, &kiriman, &kode).await;
            }
            Ok(
                Redirect::to(&format!("/entri-kompetisi/{}?ok=simpan", enkode(&e.id)))
                    .into_response(),
            )
        }
        Err(g) => {
            let (mut f, _, dipilih) = masukan_dari(&kiriman, &kode);
            let st = galat_di_halaman(&p, g, &mut f)?;
            // Versi yang dilihat tetap (409: muat ulang menampilkan versi baru);
            // formulir tetap tampil agar teksnya tidak hilang.
            let mut x = tampil_dari(&d, &ke, None, st);
            x.boleh_ubah = d.hak.ubah;
            x.boleh_tarik = false;
            x.f = f;
            x.dipilih = dipilih;
            if let Some(v) = versi {
                x.versi = v;
            }
            tampil_entri(&s, &p, ke, x).await
        }
    }
}

#[derive(serde::Deserialize, Default)]
pub(super) struct FormVersi {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    versi: String,
}

pub(super) async fn tarik(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(eid): Path<String>,
    Form(f): Form<FormVersi>,
) -> HasilHalaman {
    let k = &p.konteks;
    k.aktor().atau_halaman(&p)?;
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let versi = app::galat::versi_wajib(k, f.versi.trim().parse().ok()).atau_halaman(&p)?;
    en::tarik(&s.layanan, k, &eid, versi)
        .await
        .atau_halaman(&p)?;
    Ok(Redirect::to(&format!("/entri-kompetisi/{}?ok=tarik", enkode(&eid))).into_response())
}
