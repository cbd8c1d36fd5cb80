//! Daftar hasil kompetisi yang diumumkan (publik).

use super::*;

pub(super) struct BarisHasilTampil {
    /// Baris pertama kelompoknya (judul kelompok di atasnya).
    kelompok_baru: bool,
    urutan: String,
    judul: String,
    instansi: String,
    kelompok: String,
    keputusan: &'static str,
    kelas: &'static str,
    nilai: String,
    alasan: String,
    inovasi: Option<String>,
}

#[derive(Template)]
#[template(path = "kompetisi_hasil.html")]
pub(super) struct HalamanHasil {
    b: Bingkai,
    kid: String,
    urutan: i64,
    kompetisi: String,
    diumumkan: Option<String>,
    baris: Vec<BarisHasilTampil>,
    penyelenggara: bool,
}

pub(super) async fn hasil(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((kid, u)): Path<(String, i64)>,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let t = Teks(p.bahasa());
    let d = hs::daftar(l, k, &kid, u).await.atau_halaman(&p)?;
    let x = kp::lihat(l, k, &kid).await.atau_halaman(&p)?;
    let nama_kelompok: HashMap<&str, &str> = x
        .kelompok
        .iter()
        .map(|g| (g.kode.as_str(), g.nama.as_str()))
        .collect();
    let penyelenggara =
        k.aktor.is_some() && app::kebijakan::wajib_penyelenggara(k, &x.kompetisi).is_ok();
    let mut sebelum = String::new();
    let baris = d
        .baris
        .into_iter()
        .map(|r| {
            let (kep, kelas) = keputusan(&t, &r.keputusan);
            let kelompok_baru = r.kelompok != sebelum;
            sebelum = r.kelompok.clone();
            BarisHasilTampil {
                kelompok_baru,
                urutan: r.urutan.map(|x| x.to_string()).unwrap_or_default(),
                kelompok: nama_kelompok
                    .get(r.kelompok.as_str())
                    .map(|x| x.to_string())
                    .unwrap_or(r.kelompok),
                judul: r.judul,
                instansi: r.instansi,
                keputusan: kep,
                kelas,
                nilai: r.nilai.unwrap_or_default(),
                alasan: r.alasan.unwrap_or_default(),
                inovasi: r.inovasi_id,
            }
        })
        .collect();
    let res = render(&HalamanHasil {
        b: Bingkai::dari(&p, format!("{} · {}", d.tahap, t.s("hasil", "results"))),
        kid,
        urutan: u,
        kompetisi: d.kompetisi,
        diumumkan: d.diumumkan_pada.map(|w| t.tanggal(&w)),
        baris,
        penyelenggara,
    });
    Ok(res)
}
