//! Perkakas tes HTTP: aplikasi di dalam proses (router axum) di atas basis
//! data baru, klien kecil yang menyimpan cookie, dan data dua instansi.
#![allow(dead_code)]

use app::akun::AkunBaru;
use app::organisasi::instansi::MasukanInstansi;
use app::organisasi::pegawai::MasukanPegawai;
use app::organisasi::unit::MasukanUnit;
use app::{Konteks, Layanan, Peran};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::Value;
use store::Backend;
use tower::ServiceExt;

pub const SANDI: &str = "sandi-uji-123";

pub struct Uji {
    pub router: Router,
    pub l: Layanan,
    pub a: DataInstansi,
    pub b: DataInstansi,
}

pub struct DataInstansi {
    pub id: String,
    pub unit_id: String,
    pub pegawai_id: String,
    pub nip: String,
    pub jabatan_id: String,
}

pub async fn siapkan(backend: Backend) -> Uji {
    let db = store::uji::db_baru(backend).await.expect("db");
    let l = Layanan::baru(db);
    let k = Konteks::sistem();
    let a = isi_instansi(
        &l,
        &k,
        "Pemerintah Provinsi Maluku",
        "provinsi",
        "81",
        "198503152010011002",
        "admin.a",
        "pegawai.a",
    )
    .await;
    let b = isi_instansi(
        &l,
        &k,
        "Pemerintah Kota Ambon",
        "kota",
        "81.71",
        "199001012015031001",
        "admin.b",
        "pegawai.b",
    )
    .await;
    let nasional = app::organisasi::instansi::buat(
        &l,
        &k,
        MasukanInstansi {
            nama: "Nasional".into(),
            jenis: "nasional".into(),
            kode_wilayah: None,
            zona_waktu: Some("WIB".into()),
            versi: None,
        },
    )
    .await
    .unwrap();
    akun(&l, &nasional.id, "super", None, vec![Peran::SuperAdmin]).await;
    let state = web::AppState::baru(l.clone());
    Uji {
        router: web::router(state),
        l,
        a,
        b,
    }
}

pub async fn akun(
    l: &Layanan,
    instansi: &str,
    username: &str,
    pegawai_id: Option<String>,
    peran: Vec<Peran>,
) {
    app::akun::buat_akun(
        l,
        &Konteks::sistem(),
        AkunBaru {
            instansi_id: instansi.into(),
            username: username.into(),
            nama: username.into(),
            sandi: SANDI.into(),
            pegawai_id,
            peran,
        },
    )
    .await
    .unwrap();
}

async fn isi_instansi(
    l: &Layanan,
    k: &Konteks,
    nama: &str,
    jenis: &str,
    kode: &str,
    nip: &str,
    admin: &str,
    pegawai: &str,
) -> DataInstansi {
    let i = app::organisasi::instansi::buat(
        l,
        k,
        MasukanInstansi {
            nama: nama.into(),
            jenis: jenis.into(),
            kode_wilayah: Some(kode.into()),
            zona_waktu: None,
            versi: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(i.zona_waktu, "WIT", "Maluku memakai WIT");
    let u = app::organisasi::unit::buat(
        l,
        k,
        &i.id,
        MasukanUnit {
            nama: "Dinas Kesehatan".into(),
            jenis: "perangkat_daerah".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let j = app::organisasi::jabatan::buat(
        l,
        k,
        &i.id,
        app::organisasi::jabatan::MasukanJabatan {
            unit_id: u.id.clone(),
            nama: "Analis Kebijakan Ahli Muda".into(),
            jenis: "fungsional".into(),
            jenjang: Some("ahli_muda".into()),
            kelas: None,
        },
    )
    .await
    .unwrap();
    let p = app::organisasi::pegawai::buat(
        l,
        k,
        &i.id,
        MasukanPegawai {
            nip: Some(nip.into()),
            nama: "Maria Latuconsina".into(),
            jenis_asn: "pns".into(),
            unit_id: u.id.clone(),
            jabatan_id: Some(j.id.clone()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    akun(l, &i.id, admin, None, vec![Peran::AdminInstansi]).await;
    akun(l, &i.id, pegawai, Some(p.id.clone()), vec![Peran::Pegawai]).await;
    DataInstansi {
        id: i.id,
        unit_id: u.id,
        pegawai_id: p.id,
        nip: nip.into(),
        jabatan_id: j.id,
    }
}

/// Klien kecil: menyimpan cookie sesi dan token CSRF.
pub struct Klien {
    pub router: Router,
    pub cookie: Vec<(String, String)>,
    pub csrf: Option<String>,
    pub bahasa: Option<String>,
    pub bearer: Option<String>,
    /// Header tambahan untuk permintaan berikutnya (mis. If-Match, Referer).
    pub header_lain: Vec<(&'static str, String)>,
}

pub struct Jawaban {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub teks: String,
    /// Bita apa adanya (PDF, XLSX); `teks` adalah tafsiran UTF-8-nya.
    pub byte: Vec<u8>,
}

impl Jawaban {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.teks)
            .unwrap_or_else(|e| panic!("bukan JSON ({e}): {}", self.teks))
    }
    pub fn lokasi(&self) -> Option<String> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }
}

impl Klien {
    pub fn baru(u: &Uji) -> Self {
        Klien {
            router: u.router.clone(),
            cookie: vec![],
            csrf: None,
            bahasa: None,
            bearer: None,
            header_lain: Vec::new(),
        }
    }

    fn header_cookie(&self) -> String {
        self.cookie
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn kirim(
        &mut self,
        metode: Method,
        jalur: &str,
        jenis: Option<&str>,
        badan: Vec<u8>,
        csrf_header: bool,
    ) -> Jawaban {
        let mut r = Request::builder().method(metode).uri(jalur);
        if !self.cookie.is_empty() {
            r = r.header(header::COOKIE, self.header_cookie());
        }
        if let Some(j) = jenis {
            r = r.header(header::CONTENT_TYPE, j);
        }
        if let Some(b) = &self.bahasa {
            r = r.header(header::ACCEPT_LANGUAGE, b);
        }
        if let Some(t) = &self.bearer {
            r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        for (k, v) in &self.header_lain {
            r = r.header(*k, v);
        }
        if csrf_header {
            if let Some(c) = &self.csrf {
                r = r.header("x-csrf-token", c);
            }
        }
        let res = self
            .router
            .clone()
            .oneshot(r.body(Body::from(badan)).unwrap())
            .await
            .unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        for sc in headers.get_all(header::SET_COOKIE) {
            let s = sc.to_str().unwrap();
            let kv = s.split(';').next().unwrap();
            let (k, v) = kv.split_once('=').unwrap();
            self.cookie.retain(|(a, _)| a != k);
            if !v.is_empty() {
                self.cookie.push((k.to_string(), v.to_string()));
            }
        }
        let byte = axum::body::to_bytes(res.into_body(), 50 * 1024 * 1024)
            .await
            .unwrap();
        let teks = String::from_utf8_lossy(&byte).to_string();
        if let Some(c) = ambil_csrf(&teks) {
            self.csrf = Some(c);
        }
        Jawaban {
            status,
            headers,
            teks,
            byte: byte.to_vec(),
        }
    }

    pub async fn get(&mut self, jalur: &str) -> Jawaban {
        self.kirim(Method::GET, jalur, None, vec![], false).await
    }

    pub async fn form(&mut self, jalur: &str, pasangan: &[(&str, &str)]) -> Jawaban {
        let badan = pasangan
            .iter()
            .map(|(k, v)| format!("{k}={}", web::halaman::enkode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.kirim(
            Method::POST,
            jalur,
            Some("application/x-www-form-urlencoded"),
            badan.into_bytes(),
            false,
        )
        .await
    }

    pub async fn json(&mut self, metode: Method, jalur: &str, badan: &str) -> Jawaban {
        self.kirim(
            metode,
            jalur,
            Some("application/json"),
            badan.as_bytes().to_vec(),
            true,
        )
        .await
    }

    /// Masuk lewat formulir (dengan CSRF tamu), lalu memuat token CSRF sesi.
    pub async fn masuk(&mut self, username: &str, sandi: &str) -> Jawaban {
        self.get("/masuk").await;
        let csrf = self.csrf.clone().expect("token CSRF di formulir masuk");
        let j = self
            .form(
                "/masuk",
                &[("username", username), ("sandi", sandi), ("_csrf", &csrf)],
            )
            .await;
        if j.status == StatusCode::SEE_OTHER {
            // Token CSRF sesi ada di setiap halaman (formulir keluar).
            self.get("/akun").await;
        }
        j
    }
}

fn ambil_csrf(html: &str) -> Option<String> {
    let i = html.find("name=\"_csrf\" value=\"")?;
    let s = &html[i + 20..];
    let j = s.find('"')?;
    Some(s[..j].to_string()).filter(|c| !c.is_empty())
}
