//! Penilaian juri per rubrik, daftar tugas juri, dan pernyataan konflik kepentingan.

use super::*;

pub(super) struct TugasTampil {
    entri_id: String,
    judul: String,
    instansi: String,
    kelompok: String,
    tahap: i64,
    nama_tahap: String,
    buka: bool,
    dinilai: bool,
    nilai: String,
}

#[derive(Template)]
#[template(path = "kompetisi_penilaian.html")]
pub(super) struct HalamanPenilaian {
    b: Bingkai,
    kid: String,
    kompetisi: String,
    tugas: Vec<TugasTampil>,
    belum: usize,
    pesan: Option<String>,
}

pub(super) async fn penilaian(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
    Query(q): Query<TanyaOk>,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let t = Teks(p.bahasa());
    k.aktor().atau_halaman(&p)?;
    let d = kp::lihat(l, k, &kid).await.atau_halaman(&p)?;
    let tugas = jr::tugas_saya(l, k, &kid).await.atau_halaman(&p)?;
    let nama_kelompok: HashMap<&str, &str> = d
        .kelompok
        .iter()
        .map(|g| (g.kode.as_str(), g.nama.as_str()))
        .collect();
    let tugas: Vec<TugasTampil> = tugas
        .into_iter()
        .map(|x| {
            let kriteria: Vec<store::kompetisi::Kriteria> = d
                .tahap
                .iter()
                .find(|th| th.tahap.urutan == x.tahap)
                .map(|th| th.kriteria.clone())
                .unwrap_or_default();
            let nilai = x
                .skor
                .as_ref()
                .and_then(|m| serde_json::to_string(m).ok())
                .and_then(|j| jr::nilai_tertimbang(&kriteria, &j))
                .map(|n| n.to_string())
                .unwrap_or_default();
            TugasTampil {
                kelompok: nama_kelompok
                    .get(x.kelompok.as_str())
                    .map(|n| n.to_string())
                    .unwrap_or(x.kelompok),
                dinilai: x.skor.is_some(),
                entri_id: x.entri_id,
                judul: x.judul,
                instansi: x.instansi,
                tahap: x.tahap,
                nama_tahap: x.nama_tahap,
                buka: x.buka,
                nilai,
            }
        })
        .collect();
    // Yang masih perlu dinilai dulu, lalu yang sudah, lalu tahap yang tidak buka.
    let mut tugas = tugas;
    tugas.sort_by_key(|x| (!x.buka, x.dinilai));
    let belum = tugas.iter().filter(|x| x.buka && !x.dinilai).count();
    let pesan = match q.ok.as_str() {
        "tersimpan" => Some(t.s("Nilai tersimpan.", "Scores saved.")),
        "konflik" => Some(t.s(
            "Konflik kepentingan tercatat; entri itu tidak lagi ditugaskan kepada Anda.",
            "Conflict of interest recorded; that entry is no longer assigned to you.",
        )),
        _ => None,
    }
    .map(str::to_string);
    Ok(render(&HalamanPenilaian {
        b: Bingkai::dari(&p, t.s("Penilaian saya", "My scoring")),
        kid,
        kompetisi: d.kompetisi.nama,
        tugas,
        belum,
        pesan,
    }))
}

pub(super) struct KriteriaTampil {
    kode: String,
    nama: String,
    bobot: String,
}

#[derive(Template)]
#[template(path = "kompetisi_nilai.html")]
pub(super) struct HalamanNilai {
    b: Bingkai,
    kid: String,
    eid: String,
    urutan: i64,
    kompetisi: String,
    nama_tahap: String,
    instansi: String,
    kelompok: String,
    tanggal_implementasi: String,
    bagian: Vec<(&'static str, String)>,
    video: Option<String>,
    bukti: Vec<String>,
    kriteria: Vec<KriteriaTampil>,
    versi: i64,
    buka: bool,
    f: Isian,
    fk: Isian,
}

impl HalamanNilai {
    fn kolom(&self, kode: &str) -> String {
        format!("skor.{kode}")
    }
    fn galat_lain(&self) -> Vec<String> {
        self.f
            .galat
            .iter()
            .filter(|(k, _)| {
                k.as_str() != "catatan"
                    && !self
                        .kriteria
                        .iter()
                        .any(|c| format!("skor.{}", c.kode) == **k)
            })
            .map(|(k, v)| format!("{k}: {v}"))
            .collect()
    }
}

/// Halaman menilai: isi entri dan formulir nilai per kriteria. Entri yang
/// tidak ditugaskan kepada juri ini di tahap itu: 404.
pub(super) async fn tampil_nilai(
    s: &AppState,
    p: &Pengunjung,
    eid: &str,
    u: i64,
    f: Option<Isian>,
    fk: Isian,
    st: StatusCode,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let t = Teks(p.bahasa());
    k.aktor().atau_halaman(p)?;
    let d = en::lihat(l, k, eid).await.atau_halaman(p)?;
    let kid = d.entri.kompetisi_id.clone();
    let tidak_ada = || {
        crate::halaman::galat(
            p,
            Galat::TidakDitemukan(
                k.t(
                    "Entri ini tidak ditugaskan kepada Anda di tahap itu.",
                    "This entry is not assigned to you at that stage.",
                )
                .into(),
            ),
        )
    };
    if !d.hak.juri {
        return Err(tidak_ada());
    }
    let tugas = jr::tugas_saya(l, k, &kid)
        .await
        .atau_halaman(p)?
        .into_iter()
        .find(|x| x.entri_id == eid && x.tahap == u)
        .ok_or_else(tidak_ada)?;
    let x = kp::lihat(l, k, &kid).await.atau_halaman(p)?;
    let kriteria: Vec<KriteriaTampil> = x
        .tahap
        .iter()
        .find(|th| th.tahap.urutan == u)
        .map(|th| {
            th.kriteria
                .iter()
                .map(|c| KriteriaTampil {
                    kode: c.kode.clone(),
                    nama: c.nama.clone(),
                    bobot: c.bobot.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let f = f.unwrap_or_else(|| {
        let mut f = Isian::default();
        if let Some(m) = &tugas.skor {
            for (kode, v) in m {
                f.set(&format!("skor.{kode}"), v.clone());
            }
        }
        f.set("catatan", tugas.catatan.clone().unwrap_or_default());
        f
    });
    let bagian = en::bagian_untuk(&d.jenis_kompetisi)
        .iter()
        .filter_map(|b| {
            d.isi_entri
                .bagian
                .get(b.kode)
                .filter(|v| !v.trim().is_empty())
                .map(|v| (b.label(t.0), v.clone()))
        })
        .collect();
    let kelompok = x
        .kelompok
        .iter()
        .find(|g| g.kode == d.entri.kelompok)
        .map(|g| g.nama.clone())
        .unwrap_or_else(|| d.entri.kelompok.clone());
    let tpl = HalamanNilai {
        b: Bingkai::dari(p, d.entri.judul.clone()),
        kid,
        eid: eid.to_string(),
        urutan: u,
        kompetisi: d.kompetisi.clone(),
        nama_tahap: tugas.nama_tahap.clone(),
        instansi: d.instansi.clone(),
        kelompok,
        tanggal_implementasi: d
            .entri
            .tanggal_implementasi
            .as_deref()
            .map(|x| t.tanggal(x))
            .unwrap_or_default(),
        bagian,
        video: tautan_aman(d.entri.video_url.as_deref()),
        bukti: d.isi_entri.bukti.clone(),
        kriteria,
        versi: tugas.versi,
        buka: tugas.buka,
        f,
        fk,
    };
    Ok((st, render(&tpl)).into_response())
}

pub(super) async fn halaman_nilai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((eid, u)): Path<(String, i64)>,
) -> HasilHalaman {
    tampil_nilai(&s, &p, &eid, u, None, Isian::default(), StatusCode::OK).await
}

pub(super) async fn simpan_nilai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((eid, u)): Path<(String, i64)>,
    Form(pasangan): Form<Vec<(String, String)>>,
) -> HasilHalaman {
    let k = &p.konteks;
    k.aktor().atau_halaman(&p)?;
    let v = |kunci: &str| {
        pasangan
            .iter()
            .rev()
            .find(|(a, _)| a == kunci)
            .map(|(_, b)| b.clone())
            .unwrap_or_default()
    };
    p.periksa_csrf(&v("_csrf")).atau_halaman(&p)?;
    let mut f = Isian::default();
    let mut skor = BTreeMap::new();
    for (kunci, isi) in &pasangan {
        if let Some(kode) = kunci.strip_prefix("skor.") {
            f.set(kunci, isi.clone());
            skor.insert(kode.to_string(), isi.trim().to_string());
        }
    }
    let catatan = v("catatan");
    f.set("catatan", catatan.clone());
    let versi = v("versi").trim().parse::<i64>().ok();
    let hasil = async {
        let versi = app::galat::versi_wajib(k, versi)?;
        let m = MasukanNilai {
            versi: None,
            skor,
            catatan: Some(catatan).filter(|c| !c.trim().is_empty()),
        };
        jr::nilai(&s.layanan, k, &eid, u, versi, m).await
    }
    .await;
    match hasil {
        Ok(n) => Ok(Redirect::to(&format!(
            "/kompetisi/{}/penilaian?ok=tersimpan#entri-{}",
            enkode(&n.kompetisi_id),
            enkode(&eid)
        ))
        .into_response()),
        Err(g) => {
            let st = galat_di_halaman(&p, g, &mut f)?;
            tampil_nilai(&s, &p, &eid, u, Some(f), Isian::default(), st).await
        }
    }
}

#[derive(serde::Deserialize, Default)]
pub(super) struct FormKonflik {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    alasan: String,
    #[serde(default)]
    tahap: i64,
}

pub(super) async fn konflik(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(eid): Path<String>,
    Form(fr): Form<FormKonflik>,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    k.aktor().atau_halaman(&p)?;
    p.periksa_csrf(&fr.csrf).atau_halaman(&p)?;
    let d = en::lihat(l, k, &eid).await.atau_halaman(&p)?;
    let kid = d.entri.kompetisi_id.clone();
    let m = MasukanKonflik {
        entri_id: eid.clone(),
        alasan: fr.alasan.clone(),
    };
    match jr::nyatakan_konflik(l, k, &kid, m).await {
        Ok(_) => Ok(
            Redirect::to(&format!("/kompetisi/{}/penilaian?ok=konflik", enkode(&kid)))
                .into_response(),
        ),
        Err(g) => {
            let mut fk = Isian::default();
            fk.set("alasan", fr.alasan);
            let st = galat_di_halaman(&p, g, &mut fk)?;
            tampil_nilai(&s, &p, &eid, fr.tahap, None, fk, st).await
        }
    }
}
