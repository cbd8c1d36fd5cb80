//! SKP lewat HTTP (isu 11), di SQLite dan PostgreSQL: kontrak membuka
//! periode `{"dibuat","sudah_ada","tanpa_atasan"}` (idempoten, hanya BKD),
//! kontrak SKP `{"id","pegawai_id","tahun","status","rhk":[…]}` dengan RHK
//! atasan dirujuk lewat id, siapa membaca SKP siapa, realisasi multipart
//! dengan foto (hanya pemilik; hash dan ukuran berkas sebagaimana dikirim;
//! kiriman ulang `kunci_klien` tidak digandakan; galat per field), umpan
//! balik, evaluasi tanpa perubahan yang hilang (berurutan dan bersamaan),
//! dan kalibrasi kurva unit yang menolak finalisasi selama dilanggar.

mod umum;

use app::Peran;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use store::uji::backend_uji;
use umum::{Klien, SANDI, Uji, akun, siapkan};

const TAHUN: i64 = 2026;
const KEPALA: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon";
const KADIS: &str = "197001012000031001";
const KABID: &str = "197505052000031002";
const STAF1: &str = "198503152010011003";
const STAF2: &str = "198606162010011004";
const REKAN: &str = "199108172015022005";
const PENSIUN: &str = "196001011985031007";

const BATAS: &str = "----batas-skp-uji-5d1f0c";
const JENIS_MULTIPART: &str = "multipart/form-data; boundary=----batas-skp-uji-5d1f0c";

/// Instansi A dari perkakas (unit "Dinas Kesehatan" tanpa induk, pegawai
/// Maria tanpa atasan) ditambah sub unit "Bidang Pelayanan" dan pegawai dari
/// CSV dengan NIP atasan. Akun: admin.a (BKD), pegawai.a (Maria), kadis.a,
/// kabid.a, staf1.a, staf2.a, rekan.a; admin.b di instansi lain.
struct Dunia {
    u: Uji,
    iid: String,
    dinas: String,
    bidang: String,
}

async fn dunia(b: store::Backend) -> Dunia {
    let u = siapkan(b).await;
    let k = app::Konteks::sistem();
    let iid = u.a.id.clone();
    let dinas = u.a.unit_id.clone();
    let bidang = app::organisasi::unit::buat(
        &u.l,
        &k,
        &iid,
        app::organisasi::unit::MasukanUnit {
            induk_id: Some(dinas.clone()),
            nama: "Bidang Pelayanan".into(),
            jenis: "lainnya".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    let d = "Dinas Kesehatan";
    let bid = "Dinas Kesehatan > Bidang Pelayanan";
    let csv = [
        KEPALA.to_string(),
        format!("{KADIS},Kadis,,,pns,IV/c,{d},Kepala Dinas,,aktif,,"),
        format!("{KABID},Kabid,,,pns,IV/a,{d},Kepala Bidang,{KADIS},aktif,,"),
        format!("{STAF1},Staf Satu,,,pns,III/c,{bid},Analis,{KABID},aktif,,"),
        format!("{STAF2},Staf Dua,,,pns,III/b,{bid},Analis,{KABID},aktif,,"),
        format!("{REKAN},Rekan,,,pns,III/a,{bid},Analis,{KABID},aktif,,"),
        format!("{PENSIUN},Purna,,,pns,IV/a,{bid},Analis,{KABID},pensiun,,"),
    ]
    .join("\n");
    let lap = app::impor::impor_pegawai(&u.l, &k, &iid, "p.csv", csv.as_bytes())
        .await
        .unwrap();
    assert!(lap.diterima, "{:?}", lap.galat);
    let dn = Dunia {
        u,
        iid,
        dinas,
        bidang,
    };
    for (nama, nip) in [
        ("kadis.a", KADIS),
        ("kabid.a", KABID),
        ("staf1.a", STAF1),
        ("staf2.a", STAF2),
        ("rekan.a", REKAN),
    ] {
        let p = pid(&dn, nip).await;
        akun(&dn.u.l, &dn.iid, nama, Some(p), vec![Peran::Pegawai]).await;
    }
    dn
}

async fn pid(d: &Dunia, nip: &str) -> String {
    store::organisasi::pegawai_nip(d.u.l.pool(), &d.iid, nip)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("pegawai {nip} tidak terimpor"))
        .id
}

async fn masuk(u: &Uji, nama: &str) -> Klien {
    let mut k = Klien::baru(u);
    if !nama.is_empty() {
        let j = k.masuk(nama, SANDI).await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "masuk {nama}");
        assert!(k.csrf.is_some(), "token CSRF sesi {nama}");
    }
    k
}

fn png() -> Vec<u8> {
    let g = image::RgbImage::from_fn(24, 18, |x, y| image::Rgb([x as u8 * 9, 120, y as u8 * 11]));
    let mut isi = Vec::new();
    g.write_to(&mut std::io::Cursor::new(&mut isi), image::ImageFormat::Png)
        .unwrap();
    isi
}

/// Badan multipart: field teks lalu berkas `bukti` opsional.
fn multipart(isian: &[(&str, &str)], bukti: Option<&[u8]>) -> Vec<u8> {
    let mut b = Vec::new();
    for (k, v) in isian {
        b.extend_from_slice(
            format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    if let Some(f) = bukti {
        b.extend_from_slice(
            format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"bukti\"; filename=\"kegiatan.png\"\r\nContent-Type: image/png\r\n\r\n")
                .as_bytes(),
        );
        b.extend_from_slice(f);
        b.extend_from_slice(b"\r\n");
    }
    b.extend_from_slice(format!("--{BATAS}--\r\n").as_bytes());
    b
}

/// SHA-256 (FIPS 180-4) heksadesimal huruf kecil, dihitung sendiri oleh tes
/// agar hash yang dilaporkan server dibandingkan dengan nilai independen.
fn sha256_hex(data: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut m = data.to_vec();
    m.push(0x80);
    while m.len() % 64 != 56 {
        m.push(0);
    }
    m.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for blok in m.chunks(64) {
        let mut w = [0u32; 64];
        for (wi, c) in w.iter_mut().zip(blok.chunks(4)) {
            *wi = u32::from_be_bytes(c.try_into().unwrap());
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for (ki, wi) in K.iter().zip(w) {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(*ki)
                .wrapping_add(wi);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

fn kunci(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("bukan objek: {v}"))
        .keys()
        .cloned()
        .collect()
}

fn s(v: &Value) -> String {
    v.as_str()
        .unwrap_or_else(|| panic!("bukan teks: {v}"))
        .to_string()
}

/// Galat JSON `{"error": {"code", "message", "fields"}}` dengan kode tertentu.
fn galat(j: &umum::Jawaban, status: StatusCode, kode: &str) -> Value {
    assert_eq!(j.status, status, "{}", j.teks);
    let v = j.json();
    assert_eq!(v["error"]["code"], kode, "{}", j.teks);
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.trim().is_empty()),
        "{}",
        j.teks
    );
    assert!(v["error"]["fields"].is_object(), "{}", j.teks);
    v
}

async fn buka_periode(d: &Dunia, admin: &mut Klien) -> Value {
    let j = admin
        .json(
            Method::POST,
            &format!("/api/v1/instansi/{}/skp/periode", d.iid),
            r#"{"tahun": 2026}"#,
        )
        .await;
    assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
    j.json()
}

/// SKP seorang pegawai (kosong: diri sendiri) lewat kontrak GET.
async fn skp(d: &Dunia, k: &mut Klien, pegawai: Option<&str>) -> Value {
    let mut jalur = format!("/api/v1/instansi/{}/skp?tahun={TAHUN}", d.iid);
    if let Some(p) = pegawai {
        jalur.push_str(&format!("&pegawai_id={p}"));
    }
    let j = k.get(&jalur).await;
    assert_eq!(j.status, StatusCode::OK, "{jalur}: {}", j.teks);
    j.json()
}

/// Pemilik menambah satu RHK lewat HTTP (201); SKP sesudahnya.
async fn tambah_rhk(d: &Dunia, k: &mut Klien, sk: &Value, badan: Value) -> Value {
    let mut badan = badan;
    badan["versi"] = sk["versi"].clone();
    let j = k
        .json(
            Method::POST,
            &format!("/api/v1/instansi/{}/skp/{}/rhk", d.iid, s(&sk["id"])),
            &badan.to_string(),
        )
        .await;
    assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
    j.json()
}

fn rhk_sederhana(uraian: &str, atasan: Option<&str>) -> Value {
    json!({
        "jenis": "utama",
        "uraian": uraian,
        "rhk_atasan_id": atasan,
        "indikator": [{"aspek": "kuantitas", "uraian": format!("Jumlah {uraian}"),
            "target": "12", "satuan": "dokumen"}],
    })
}

async fn nilai(
    d: &Dunia,
    k: &mut Klien,
    skp_id: &str,
    hasil: &str,
    perilaku: &str,
    versi: Option<i64>,
) -> umum::Jawaban {
    let mut badan =
        json!({"periode": "2026-TW1", "rating_hasil": hasil, "rating_perilaku": perilaku});
    if let Some(v) = versi {
        badan["versi"] = json!(v);
    }
    k.json(
        Method::POST,
        &format!("/api/v1/instansi/{}/skp/{skp_id}/evaluasi", d.iid),
        &badan.to_string(),
    )
    .await
}

#[test]
fn sha256_tes_sesuai_vektor_baku() {
    assert_eq!(
        sha256_hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    // Dua blok (56 bita: padding melimpah ke blok kedua).
    assert_eq!(
        sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
}

#[tokio::test]
async fn periode_kontrak_skp_dan_akses_http() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let iid = d.iid.clone();
        let mut admin = masuk(&d.u, "admin.a").await;
        let mut maria = masuk(&d.u, "pegawai.a").await;
        let mut admin_b = masuk(&d.u, "admin.b").await;
        let mut kabid = masuk(&d.u, "kabid.a").await;
        let mut staf1 = masuk(&d.u, "staf1.a").await;
        let mut rekan = masuk(&d.u, "rekan.a").await;
        let mut tamu = masuk(&d.u, "").await;

        // Membuka periode: pegawai biasa 403, BKD lain 403, tamu 401 — tidak ada yang dibuat.
        let jalur = format!("/api/v1/instansi/{iid}/skp/periode");
        for (k, harap) in [
            (&mut maria, StatusCode::FORBIDDEN),
            (&mut admin_b, StatusCode::FORBIDDEN),
            (&mut tamu, StatusCode::UNAUTHORIZED),
        ] {
            let j = k.json(Method::POST, &jalur, r#"{"tahun": 2026}"#).await;
            assert_eq!(j.status, harap, "{b:?}: {}", j.teks);
        }
        // 6 pegawai ber-SKP (pensiun tidak); Maria dan Kadis tanpa atasan.
        let v = buka_periode(&d, &mut admin).await;
        assert_eq!(
            kunci(&v),
            BTreeSet::from(["dibuat".into(), "sudah_ada".into(), "tanpa_atasan".into()]),
            "{v}"
        );
        assert_eq!(
            v,
            json!({"dibuat": 6, "sudah_ada": 0, "tanpa_atasan": 2}),
            "{b:?}"
        );
        // Idempoten: tidak membuat apa pun lagi.
        let v = buka_periode(&d, &mut admin).await;
        assert_eq!(v, json!({"dibuat": 0, "sudah_ada": 6, "tanpa_atasan": 2}));
        // Tahun di luar rentang: 422 pada `tahun`.
        let j = admin.json(Method::POST, &jalur, r#"{"tahun": 1800}"#).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(
            j.json()["error"]["fields"]["tahun"].is_string(),
            "{}",
            j.teks
        );
        // Frekuensi yang tidak dikenal: 422, tidak membuka apa pun.
        let j = admin
            .json(
                Method::POST,
                &jalur,
                r#"{"tahun": 2027, "frekuensi": "mingguan"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(
            store::skp::periode(d.u.l.pool(), &iid, 2027)
                .await
                .unwrap()
                .is_none()
        );
        // Pegawai yang pensiun tidak punya SKP.
        let p_pensiun = pid(&d, PENSIUN).await;
        let j = admin
            .get(&format!(
                "/api/v1/instansi/{iid}/skp?tahun={TAHUN}&pegawai_id={p_pensiun}"
            ))
            .await;
        assert_eq!(j.status, StatusCode::NOT_FOUND, "{}", j.teks);

        // RHK: kabid dahulu, lalu staf 1 mengintervensinya (dirujuk lewat id).
        let sk = skp(&d, &mut kabid, None).await;
        let sk = tambah_rhk(
            &d,
            &mut kabid,
            &sk,
            rhk_sederhana("Mutu layanan naik", None),
        )
        .await;
        let rhk_kabid = s(&sk["rhk"][0]["id"]);
        let s1 = skp(&d, &mut staf1, None).await;
        let p1 = pid(&d, STAF1).await;
        assert_eq!(s1["pegawai_id"], p1.as_str());
        assert_eq!(s1["rhk"], json!([]));
        let badan = json!({
            "jenis": "utama",
            "uraian": "Laporan mutu layanan",
            "rhk_atasan_id": rhk_kabid,
            "jam_beban": "300",
            "indikator": [
                {"aspek": "kuantitas", "uraian": "Jumlah laporan", "target": "12", "satuan": "dokumen"},
                {"aspek": "kualitas", "uraian": "Laporan tepat waktu", "target": "95,5", "satuan": "persen"},
            ],
        });
        // Tanpa versi: 428; versi basi: 409; orang lain (penilainya pun): 403.
        let jalur_rhk = format!("/api/v1/instansi/{iid}/skp/{}/rhk", s(&s1["id"]));
        let j = staf1
            .json(Method::POST, &jalur_rhk, &badan.to_string())
            .await;
        galat(&j, StatusCode::PRECONDITION_REQUIRED, "versi_wajib");
        let mut basi = badan.clone();
        basi["versi"] = json!(s1["versi"].as_i64().unwrap() - 1);
        let j = staf1
            .json(Method::POST, &jalur_rhk, &basi.to_string())
            .await;
        galat(&j, StatusCode::CONFLICT, "konflik");
        let mut oleh_kabid = badan.clone();
        oleh_kabid["versi"] = s1["versi"].clone();
        let j = kabid
            .json(Method::POST, &jalur_rhk, &oleh_kabid.to_string())
            .await;
        galat(&j, StatusCode::FORBIDDEN, "dilarang");
        let s1 = tambah_rhk(&d, &mut staf1, &s1, badan).await;
        assert_eq!(s1["rhk"].as_array().unwrap().len(), 1, "{s1}");

        // Kontrak GET: setiap kunci dan tipenya.
        let v = skp(&d, &mut staf1, Some(&p1)).await;
        for k in ["id", "pegawai_id", "tahun", "status", "rhk"] {
            assert!(v.get(k).is_some(), "kunci {k} tidak ada: {v}");
        }
        assert_eq!(v["id"], s1["id"]);
        assert!(!s(&v["id"]).is_empty());
        assert_eq!(v["pegawai_id"], p1.as_str());
        assert_eq!(v["tahun"].as_i64(), Some(TAHUN), "tahun berupa angka: {v}");
        assert_eq!(v["status"], "draf");
        let rhk = v["rhk"].as_array().expect("rhk berupa larik");
        assert_eq!(rhk.len(), 1);
        let r = &rhk[0];
        for k in ["id", "jenis", "uraian", "indikator"] {
            assert!(r.get(k).is_some(), "kunci rhk.{k} tidak ada: {r}");
        }
        assert!(!s(&r["id"]).is_empty());
        assert_eq!(r["jenis"], "utama");
        assert_eq!(r["uraian"], "Laporan mutu layanan");
        // RHK atasan: id berupa teks, tidak disarangkan.
        assert_eq!(r["rhk_atasan_id"], rhk_kabid.as_str());
        assert!(
            r.as_object().unwrap().values().all(|x| !x.is_object()),
            "tidak ada objek bersarang di RHK: {r}"
        );
        let ind = r["indikator"].as_array().expect("indikator berupa larik");
        assert_eq!(ind.len(), 2);
        for i in ind {
            for k in ["id", "aspek", "uraian", "target", "satuan"] {
                assert!(i[k].is_string(), "indikator.{k} harus teks: {i}");
            }
        }
        assert_eq!(
            (&ind[0]["aspek"], &ind[0]["target"], &ind[0]["satuan"]),
            (&json!("kuantitas"), &json!("12"), &json!("dokumen"))
        );
        assert_eq!(ind[1]["uraian"], "Laporan tepat waktu");
        assert_eq!(ind[1]["target"], "95.5", "koma desimal Indonesia");
        assert_ne!(ind[0]["id"], ind[1]["id"]);

        // Siapa membaca: penilai dan BKD ya; rekan dan BKD instansi lain 403; tamu 401.
        let dari_kabid = skp(&d, &mut kabid, Some(&p1)).await;
        assert_eq!(dari_kabid["id"], v["id"]);
        assert_eq!(dari_kabid["rhk"], v["rhk"]);
        assert_eq!(skp(&d, &mut admin, Some(&p1)).await["id"], v["id"]);
        let jalur = format!("/api/v1/instansi/{iid}/skp?tahun={TAHUN}&pegawai_id={p1}");
        for (k, harap, kode) in [
            (&mut rekan, StatusCode::FORBIDDEN, "dilarang"),
            (&mut admin_b, StatusCode::FORBIDDEN, "dilarang"),
            (&mut tamu, StatusCode::UNAUTHORIZED, "belum_masuk"),
        ] {
            let j = k.get(&jalur).await;
            galat(&j, harap, kode);
            assert!(!j.teks.contains("Laporan mutu"), "tidak bocor: {}", j.teks);
        }
        // Rekan membaca SKP-nya sendiri.
        let sr = skp(&d, &mut rekan, None).await;
        assert_eq!(sr["pegawai_id"], pid(&d, REKAN).await.as_str());
        d.u.l.db.tutup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn realisasi_bukti_umpan_balik_dan_evaluasi_http() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let iid = d.iid.clone();
        let mut admin = masuk(&d.u, "admin.a").await;
        let mut kabid = masuk(&d.u, "kabid.a").await;
        let mut kabid2 = masuk(&d.u, "kabid.a").await;
        let mut staf1 = masuk(&d.u, "staf1.a").await;
        let mut rekan = masuk(&d.u, "rekan.a").await;
        let mut tamu = masuk(&d.u, "").await;
        buka_periode(&d, &mut admin).await;
        let s1 = skp(&d, &mut staf1, None).await;
        let s1 = tambah_rhk(&d, &mut staf1, &s1, rhk_sederhana("Laporan mutu", None)).await;
        let skp_id = s(&s1["id"]);
        let ind = s(&s1["rhk"][0]["indikator"][0]["id"]);
        let jalur = format!("/api/v1/instansi/{iid}/skp/{skp_id}/realisasi");
        let foto = png();
        assert!(foto.starts_with(b"\x89PNG\r\n\x1a\n"));
        let isian = |periode: &'static str, nilai: &'static str, kunci: &'static str| {
            let mut v = vec![
                ("indikator_id", ind.clone()),
                ("periode", periode.to_string()),
                ("realisasi", nilai.to_string()),
                ("catatan", "Tiga laporan selesai".to_string()),
            ];
            if !kunci.is_empty() {
                v.push(("kunci_klien", kunci.to_string()));
            }
            v
        };
        let badan = |v: &[(&str, String)], f: Option<&[u8]>| {
            let p: Vec<(&str, &str)> = v.iter().map(|(k, x)| (*k, x.as_str())).collect();
            multipart(&p, f)
        };

        // Hanya pemilik: penilai, rekan, BKD 403; tamu 401.
        let isi = badan(&isian("2026-TW1", "3", "antrean-1"), Some(&foto));
        for (k, harap, kode) in [
            (&mut kabid, StatusCode::FORBIDDEN, "dilarang"),
            (&mut rekan, StatusCode::FORBIDDEN, "dilarang"),
            (&mut admin, StatusCode::FORBIDDEN, "dilarang"),
            (&mut tamu, StatusCode::UNAUTHORIZED, "belum_masuk"),
        ] {
            let j = k
                .kirim(
                    Method::POST,
                    &jalur,
                    Some(JENIS_MULTIPART),
                    isi.clone(),
                    true,
                )
                .await;
            galat(&j, harap, kode);
        }
        // Sesi cookie tanpa header CSRF: 403 CSRF.
        let j = staf1
            .kirim(
                Method::POST,
                &jalur,
                Some(JENIS_MULTIPART),
                isi.clone(),
                false,
            )
            .await;
        let g = galat(&j, StatusCode::FORBIDDEN, "dilarang");
        assert!(s(&g["error"]["message"]).contains("CSRF"), "{}", j.teks);
        // Periode salah (bulan pada frekuensi triwulanan, tahun lain, bukan kode): 422 pada `periode`.
        for salah in ["2026-B01", "2025-TW1", "2026-TW5", "triwulan satu"] {
            let mut v = isian("2026-TW1", "3", "");
            v[1].1 = salah.to_string();
            let j = staf1
                .kirim(
                    Method::POST,
                    &jalur,
                    Some(JENIS_MULTIPART),
                    badan(&v, Some(&foto)),
                    true,
                )
                .await;
            assert_eq!(
                j.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{salah}: {}",
                j.teks
            );
            let g = j.json();
            assert!(
                g["error"]["fields"]["periode"]
                    .as_str()
                    .is_some_and(|m| m.contains("2026-TW1")),
                "{salah}: {}",
                j.teks
            );
            assert!(g["error"]["code"].is_string() && g["error"]["message"].is_string());
        }
        let j = staf1
            .kirim(
                Method::POST,
                &jalur,
                Some(JENIS_MULTIPART),
                badan(&isian("2026-TW1", "tiga", ""), None),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(j.json()["error"]["fields"]["realisasi"].is_string());
        // Tidak ada yang tersimpan dari semua penolakan di atas.
        let j = staf1.get(&jalur).await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(j.json(), json!([]));

        // Pemilik dengan foto: 201, id, bukti = hash dan ukuran bita yang dikirim.
        let j = staf1
            .kirim(
                Method::POST,
                &jalur,
                Some(JENIS_MULTIPART),
                isi.clone(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        let r = j.json();
        let rid = s(&r["id"]);
        assert!(!rid.is_empty());
        assert_eq!(
            kunci(&r["bukti"]),
            BTreeSet::from(["sha256".into(), "ukuran".into()])
        );
        let sha = sha256_hex(&foto);
        assert_eq!(r["bukti"]["sha256"], sha.as_str(), "{}", j.teks);
        assert_eq!(r["bukti"]["ukuran"].as_u64(), Some(foto.len() as u64));
        assert_eq!(r["periode"], "2026-TW1");
        assert_eq!(r["status"], "menunggu");
        // Kiriman ulang dengan kunci_klien yang sama: 200, entri yang sama.
        let j = staf1
            .kirim(
                Method::POST,
                &jalur,
                Some(JENIS_MULTIPART),
                isi.clone(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let ulang = j.json();
        assert_eq!(ulang["id"], rid.as_str());
        assert_eq!(ulang["bukti"], r["bukti"]);
        let j = kabid.get(&jalur).await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let semua = j.json();
        let semua = semua.as_array().unwrap();
        assert_eq!(semua.len(), 1, "tidak digandakan: {semua:?}");
        assert_eq!(semua[0]["id"], rid.as_str());
        assert_eq!(semua[0]["realisasi"], "3");
        assert_eq!(semua[0]["kunci_klien"], "antrean-1");
        let bukti_id = s(&semua[0]["bukti_id"]);
        // Isi bukti yang diunduh = bita yang dikirim; penilai boleh, rekan tidak.
        let jb = format!("/api/v1/instansi/{iid}/bukti/{bukti_id}");
        for k in [&mut staf1, &mut kabid] {
            let j = k.get(&jb).await;
            assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
            assert_eq!(j.byte, foto, "isi bukti sama persis");
            assert_eq!(j.headers["content-type"], "image/png");
        }
        let j = rekan.get(&jb).await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        // Metadata bukti milik pengunggah melaporkan hash dan ukuran yang sama.
        let mine = staf1
            .get(&format!("/api/v1/instansi/{iid}/bukti"))
            .await
            .json();
        let milik: Vec<&Value> = mine["bukti"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["id"] == bukti_id.as_str())
            .collect();
        assert_eq!(milik.len(), 1, "{mine}");
        assert_eq!(milik[0]["sha256"], sha.as_str());
        assert_eq!(milik[0]["ukuran"].as_u64(), Some(foto.len() as u64));

        // Tanpa berkas, koma desimal: 201 tanpa kunci `bukti`.
        let j = staf1
            .kirim(
                Method::POST,
                &jalur,
                Some(JENIS_MULTIPART),
                badan(&isian("2026-TW2", "2,5", ""), None),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        let r2 = j.json();
        assert!(r2.get("bukti").is_none(), "tanpa berkas tanpa bukti: {r2}");
        assert_eq!(r2["realisasi"], "2.5");
        assert_eq!(r2["periode"], "2026-TW2");
        assert_ne!(r2["id"], rid.as_str());
        let semua = staf1.get(&jalur).await.json();
        assert_eq!(semua.as_array().unwrap().len(), 2);

        // Umpan balik: hanya penilai; versi basi 409.
        let ju = format!("{jalur}/{rid}/umpan-balik");
        let j = staf1
            .json(Method::POST, &ju, r#"{"diterima": true, "versi": 1}"#)
            .await;
        galat(&j, StatusCode::FORBIDDEN, "dilarang");
        let j = kabid
            .json(
                Method::POST,
                &ju,
                r#"{"diterima": true, "umpan_balik": "Sudah sesuai", "versi": 1}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(j.json()["status"], "diverifikasi");
        assert_eq!(j.json()["umpan_balik"], "Sudah sesuai");
        let j = kabid
            .json(
                Method::POST,
                &ju,
                r#"{"diterima": false, "umpan_balik": "Ulangi", "versi": 1}"#,
            )
            .await;
        galat(&j, StatusCode::CONFLICT, "konflik");
        let semua = staf1.get(&jalur).await.json();
        let e = semua
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == rid.as_str())
            .unwrap()
            .clone();
        assert_eq!(
            (&e["status"], &e["umpan_balik"]),
            (&json!("diverifikasi"), &json!("Sudah sesuai"))
        );

        // Evaluasi: hanya penilai; di atas × di atas → sangat baik.
        let j = nilai(
            &d,
            &mut staf1,
            &skp_id,
            "di_atas_ekspektasi",
            "di_atas_ekspektasi",
            None,
        )
        .await;
        galat(&j, StatusCode::FORBIDDEN, "dilarang");
        let j = nilai(
            &d,
            &mut kabid,
            &skp_id,
            "di_atas_ekspektasi",
            "di_atas_ekspektasi",
            None,
        )
        .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let e = j.json();
        assert_eq!(e["predikat"], "sangat_baik");
        assert_eq!(e["versi"], 1);
        assert_eq!(e["periode"], "2026-TW1");

        // Dua penilai (dua sesi) yang sama-sama melihat versi 1: yang pertama 200,
        // yang kedua 409 dengan pesan jelas; simpanan pertama bertahan.
        let j = nilai(
            &d,
            &mut kabid,
            &skp_id,
            "sesuai_ekspektasi",
            "sesuai_ekspektasi",
            Some(1),
        )
        .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(
            (&j.json()["predikat"], &j.json()["versi"]),
            (&json!("baik"), &json!(2))
        );
        let j = nilai(
            &d,
            &mut kabid2,
            &skp_id,
            "di_bawah_ekspektasi",
            "di_bawah_ekspektasi",
            Some(1),
        )
        .await;
        let g = galat(&j, StatusCode::CONFLICT, "konflik");
        assert!(
            s(&g["error"]["message"]).contains("diubah orang lain"),
            "{}",
            j.teks
        );
        let je = format!("/api/v1/instansi/{iid}/skp/{skp_id}/evaluasi");
        let v = staf1.get(&je).await.json();
        assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
        assert_eq!(
            (
                &v[0]["rating_hasil"],
                &v[0]["rating_perilaku"],
                &v[0]["predikat"],
                &v[0]["versi"]
            ),
            (
                &json!("sesuai_ekspektasi"),
                &json!("sesuai_ekspektasi"),
                &json!("baik"),
                &json!(2)
            )
        );

        // Bersamaan sungguhan: keduanya mengirim versi 2; tepat satu menang.
        let (ja, jb) = tokio::join!(
            nilai(
                &d,
                &mut kabid,
                &skp_id,
                "di_atas_ekspektasi",
                "sesuai_ekspektasi",
                Some(2)
            ),
            nilai(
                &d,
                &mut kabid2,
                &skp_id,
                "di_bawah_ekspektasi",
                "di_bawah_ekspektasi",
                Some(2)
            ),
        );
        let status = [ja.status, jb.status];
        assert!(
            status.contains(&StatusCode::OK) && status.contains(&StatusCode::CONFLICT),
            "{b:?}: harus satu 200 dan satu 409: {} / {}",
            ja.teks,
            jb.teks
        );
        let (menang, kalah) = if ja.status == StatusCode::OK {
            (ja, jb)
        } else {
            (jb, ja)
        };
        galat(&kalah, StatusCode::CONFLICT, "konflik");
        let m = menang.json();
        assert_eq!(m["versi"], 3);
        let v = kabid.get(&je).await.json();
        assert_eq!(v.as_array().unwrap().len(), 1);
        assert_eq!(
            (
                &v[0]["rating_hasil"],
                &v[0]["rating_perilaku"],
                &v[0]["predikat"],
                &v[0]["versi"]
            ),
            (
                &m["rating_hasil"],
                &m["rating_perilaku"],
                &m["predikat"],
                &json!(3)
            ),
            "yang tersimpan adalah pemenangnya"
        );
        d.u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn kalibrasi_kurva_unit_http() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let iid = d.iid.clone();
        let mut admin = masuk(&d.u, "admin.a").await;
        let mut admin_b = masuk(&d.u, "admin.b").await;
        let mut kabid = masuk(&d.u, "kabid.a").await;
        let mut rekan = masuk(&d.u, "rekan.a").await;
        let mut tamu = masuk(&d.u, "").await;
        buka_periode(&d, &mut admin).await;
        // Staf 1 dan 2 sangat baik, rekan baik (oleh kabid).
        let mut skp_id = std::collections::HashMap::new();
        for (nip, h, p) in [
            (STAF1, "di_atas_ekspektasi", "di_atas_ekspektasi"),
            (STAF2, "di_atas_ekspektasi", "di_atas_ekspektasi"),
            (REKAN, "sesuai_ekspektasi", "sesuai_ekspektasi"),
        ] {
            let p_id = pid(&d, nip).await;
            let id = s(&skp(&d, &mut kabid, Some(&p_id)).await["id"]);
            let j = nilai(&d, &mut kabid, &id, h, p, None).await;
            assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
            skp_id.insert(nip, id);
        }

        // Bidang (3 pegawai < ambang 5) digabung ke Dinas: satu kurva untuk 6 SKP.
        let jalur = format!(
            "/api/v1/instansi/{iid}/skp/kalibrasi?tahun={TAHUN}&periode=2026-TW1&unit_id={}",
            d.bidang
        );
        let j = kabid.get(&jalur).await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        let k = j.json();
        for x in ["memenuhi", "pelanggaran", "distribusi"] {
            assert!(k.get(x).is_some(), "kunci {x}: {k}");
        }
        assert_eq!(k["memenuhi"], false);
        assert_eq!(
            k["distribusi"],
            json!({"sangat_baik": 2, "baik": 1, "butuh_perbaikan": 0, "kurang": 0, "sangat_kurang": 0})
        );
        assert_eq!(k["kelompok"]["unit_id"], d.dinas.as_str());
        assert_eq!(k["kelompok"]["digabung"], true);
        assert_eq!(k["kelompok"]["jumlah"], 6);
        assert_eq!(k["belum_dinilai"], 3);
        assert_eq!(
            k["pelanggaran"][0]["aturan"],
            "predikat_organisasi_belum_ditetapkan"
        );
        assert_eq!(k["boleh_tetapkan"], false, "kabid menilai, bukan atasannya");
        assert_eq!(k["final"], false);
        // Rekan, BKD lain 403; tamu 401.
        for (kl, harap, kode) in [
            (&mut rekan, StatusCode::FORBIDDEN, "dilarang"),
            (&mut admin_b, StatusCode::FORBIDDEN, "dilarang"),
            (&mut tamu, StatusCode::UNAUTHORIZED, "belum_masuk"),
        ] {
            galat(&kl.get(&jalur).await, harap, kode);
        }

        // Predikat organisasi: pucuk kelompok (Kadis, Maria) tanpa penilai di
        // sistem → BKD menetapkan; kabid tidak.
        let jk = format!("/api/v1/instansi/{iid}/skp/kalibrasi");
        let kurva = |badan: Value| {
            let mut v = json!({"tahun": TAHUN, "periode": "2026-TW1", "unit_id": d.bidang});
            for (x, y) in badan.as_object().unwrap() {
                v[x] = y.clone();
            }
            v.to_string()
        };
        let j = kabid
            .json(
                Method::POST,
                &jk,
                &kurva(json!({"predikat_organisasi": "baik", "versi": 0})),
            )
            .await;
        galat(&j, StatusCode::FORBIDDEN, "dilarang");
        let j = admin
            .json(
                Method::POST,
                &jk,
                &kurva(json!({"predikat_organisasi": "baik", "versi": 0})),
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let k = j.json();
        assert_eq!(k["predikat_organisasi"], "baik");
        assert_eq!(k["versi"], 1);
        // Organisasi Baik: harus ada Butuh Perbaikan/Kurang → dilanggar, dengan nama aturannya.
        let k = kabid.get(&jalur).await.json();
        assert_eq!(k["memenuhi"], false);
        let p = k["pelanggaran"].as_array().unwrap();
        assert_eq!(p.len(), 1, "{k}");
        assert_eq!(p[0]["aturan"], "harus_ada_butuh_perbaikan_atau_kurang");
        assert_eq!(
            (&p[0]["ditemukan"], &p[0]["batas"], &p[0]["jenis"]),
            (&json!(0), &json!(1), &json!("minimal"))
        );
        assert!(s(&p[0]["pesan"]).contains("Butuh Perbaikan"), "{k}");

        // Finalisasi ditolak 409 `kurva_dilanggar` selama dilanggar; tidak ada yang berubah.
        let j = admin
            .json(
                Method::POST,
                &jk,
                &kurva(json!({"finalkan": true, "versi": 1})),
            )
            .await;
        let g = galat(&j, StatusCode::CONFLICT, "kurva_dilanggar");
        assert!(
            g["error"]["fields"]["pelanggaran.harus_ada_butuh_perbaikan_atau_kurang"].is_string(),
            "{}",
            j.teks
        );
        // Juga saat predikat yang sama dikirim bersama finalisasi.
        let j = admin
            .json(
                Method::POST,
                &jk,
                &kurva(json!({"predikat_organisasi": "baik", "finalkan": true, "versi": 1})),
            )
            .await;
        galat(&j, StatusCode::CONFLICT, "kurva_dilanggar");
        let k = admin.get(&jalur).await.json();
        assert_eq!((&k["final"], &k["versi"]), (&json!(false), &json!(1)));

        // Penilai menyesuaikan: rekan Butuh Perbaikan → kurva terpenuhi.
        let j = nilai(
            &d,
            &mut kabid,
            &skp_id[REKAN],
            "di_bawah_ekspektasi",
            "sesuai_ekspektasi",
            Some(1),
        )
        .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert_eq!(j.json()["predikat"], "butuh_perbaikan");
        let k = kabid.get(&jalur).await.json();
        assert_eq!(k["memenuhi"], true, "{k}");
        assert_eq!(k["pelanggaran"], json!([]));
        assert_eq!(
            k["distribusi"],
            json!({"sangat_baik": 2, "baik": 0, "butuh_perbaikan": 1, "kurang": 0, "sangat_kurang": 0})
        );
        // Bukan lagi kurva_dilanggar: kini yang tersisa pegawai yang belum dinilai.
        let j = admin
            .json(
                Method::POST,
                &jk,
                &kurva(json!({"finalkan": true, "versi": 1})),
            )
            .await;
        galat(&j, StatusCode::CONFLICT, "belum_semua_dinilai");
        let j = admin
            .json(
                Method::POST,
                &jk,
                &kurva(json!({"finalkan": true, "versi": 1,
                    "alasan_pengecualian": "Kadis dinilai gubernur; Maria belum punya atasan"})),
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let k = j.json();
        assert_eq!(k["final"], true);
        assert_eq!(k["memenuhi"], true);
        // Sesudah final: rating unit terkunci.
        let j = nilai(
            &d,
            &mut kabid,
            &skp_id[STAF1],
            "sesuai_ekspektasi",
            "sesuai_ekspektasi",
            Some(1),
        )
        .await;
        galat(&j, StatusCode::CONFLICT, "kurva_final");
        d.u.l.db.tutup().await;
    }
}

/// Teks PDF lewat pdftotext (poppler-utils, dipasang scripts/test.sh).
fn teks_pdf(isi: &[u8]) -> String {
    use std::io::Write;
    let mut c = std::process::Command::new("pdftotext")
        .args(["-raw", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) wajib terpasang untuk tes ini");
    c.stdin.take().unwrap().write_all(isi).unwrap();
    let o = c.wait_with_output().unwrap();
    assert!(o.status.success());
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Dokumen SKP dan Dokumen Evaluasi Kinerja sebagai PDF: isi dari data SKP,
/// DRAF sebelum disetujui/final, hak baca sama dengan SKP-nya.
#[tokio::test]
async fn dokumen_skp_dan_evaluasi_pdf_http() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let iid = d.iid.clone();
        let mut admin = masuk(&d.u, "admin.a").await;
        let mut kabid = masuk(&d.u, "kabid.a").await;
        let mut staf1 = masuk(&d.u, "staf1.a").await;
        let mut rekan = masuk(&d.u, "rekan.a").await;
        buka_periode(&d, &mut admin).await;
        let sk = skp(&d, &mut staf1, None).await;
        let sk = tambah_rhk(
            &d,
            &mut staf1,
            &sk,
            rhk_sederhana("Laporan gizi buruk", None),
        )
        .await;
        let id = s(&sk["id"]);
        let jalur = format!("/api/v1/instansi/{iid}/skp/{id}/pdf");
        let j = staf1.get(&jalur).await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        assert_eq!(j.headers.get("content-type").unwrap(), "application/pdf");
        let t = teks_pdf(&j.byte);
        assert!(t.contains("SASARAN KINERJA PEGAWAI"), "{t}");
        assert!(t.contains("Staf Satu"), "{t}");
        assert!(t.contains("Laporan gizi buruk"), "{t}");
        assert!(
            t.contains("Berorientasi Pelayanan") && t.contains("Kolaboratif"),
            "{t}"
        );
        assert!(
            t.replace(char::is_whitespace, "").contains("DRAF"),
            "draf belum disetujui"
        );
        // Penilai juga membaca; rekan tidak.
        assert_eq!(kabid.get(&jalur).await.status, StatusCode::OK);
        assert_eq!(rekan.get(&jalur).await.status, StatusCode::FORBIDDEN);
        // Evaluasi TW1: rating dari penilai, predikat di dokumen.
        let e = kabid
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/skp/{id}/evaluasi"),
                r#"{"periode":"2026-TW1","rating_hasil":"sesuai_ekspektasi","rating_perilaku":"sesuai_ekspektasi"}"#,
            )
            .await;
        assert_eq!(e.status, StatusCode::OK, "{}", e.teks);
        let j = staf1
            .get(&format!(
                "/api/v1/instansi/{iid}/skp/{id}/evaluasi/2026-TW1/pdf"
            ))
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let t = teks_pdf(&j.byte);
        assert!(t.contains("EVALUASI KINERJA"), "{t}");
        assert!(t.contains("SESUAI EKSPEKTASI"), "{t}");
        assert!(t.contains("BAIK"), "{t}");
        assert_eq!(
            rekan
                .get(&format!(
                    "/api/v1/instansi/{iid}/skp/{id}/evaluasi/2026-TW1/pdf"
                ))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}

/// Rekap rating per periode (CSV/XLSX) dengan cakupan dasbor SKP: BKD semua
/// SKP instansi, pimpinan unit hanya unitnya; pegawai biasa dan BKD instansi
/// lain 403; format lain 422. Formulir rating penilai menampilkan saran
/// rating hasil kerja dari capaian IKI beserta alasannya.
#[tokio::test]
async fn rekap_rating_dan_saran_http() {
    const KAPEL: &str = "198001012005011008";
    for b in backend_uji() {
        let d = dunia(b).await;
        let iid = d.iid.clone();
        // Kepala Bidang Pelayanan (pimpinan unit Bidang) sebelum periode dibuka.
        let csv = format!(
            "{KEPALA}\n{KAPEL},Kepala Pelayanan,,,pns,IV/a,Dinas Kesehatan > Bidang Pelayanan,Kepala Bidang Pelayanan,{KADIS},aktif,,"
        );
        let lap = app::impor::impor_pegawai(
            &d.u.l,
            &app::Konteks::sistem(),
            &iid,
            "k.csv",
            csv.as_bytes(),
        )
        .await
        .unwrap();
        assert!(lap.diterima, "{:?}", lap.galat);
        let kapel_id = pid(&d, KAPEL).await;
        akun(
            &d.u.l,
            &iid,
            "kapel.a",
            Some(kapel_id),
            vec![Peran::Pegawai, Peran::PimpinanUnit],
        )
        .await;
        let mut admin = masuk(&d.u, "admin.a").await;
        let mut admin_b = masuk(&d.u, "admin.b").await;
        let mut kabid = masuk(&d.u, "kabid.a").await;
        let mut kapel = masuk(&d.u, "kapel.a").await;
        let mut staf1 = masuk(&d.u, "staf1.a").await;
        let mut rekan = masuk(&d.u, "rekan.a").await;
        let mut tamu = masuk(&d.u, "").await;
        buka_periode(&d, &mut admin).await;

        // Staf 1: satu indikator target 12, realisasi TW1 = 12 → capaian 100 %.
        let s1 = skp(&d, &mut staf1, None).await;
        let s1 = tambah_rhk(&d, &mut staf1, &s1, rhk_sederhana("Laporan mutu", None)).await;
        let skp1 = s(&s1["id"]);
        let ind = s(&s1["rhk"][0]["indikator"][0]["id"]);
        let isi = multipart(
            &[
                ("indikator_id", ind.as_str()),
                ("periode", "2026-TW1"),
                ("realisasi", "12"),
            ],
            None,
        );
        let j = staf1
            .kirim(
                Method::POST,
                &format!("/api/v1/instansi/{iid}/skp/{skp1}/realisasi"),
                Some(JENIS_MULTIPART),
                isi,
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);

        // Saran pada formulir rating penilai (bukan pada halaman pemilik).
        let j = kabid.get(&format!("/skp/{skp1}")).await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert!(j.teks.contains("id=\"saran-2026-TW1\""), "{}", j.teks);
        assert!(
            j.teks.contains(
                "Rata-rata capaian 1 indikator = 100,00 % (tiap indikator dibatasi 120 %), ≥ 90 % → Sesuai Ekspektasi."
            ),
            "{}",
            j.teks
        );
        assert!(
            !j.teks.contains("id=\"saran-2026-TW2\""),
            "TW2 tanpa realisasi"
        );
        let j = staf1.get(&format!("/skp/{skp1}")).await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert!(
            !j.teks.contains("saran-2026-TW1"),
            "pemilik tidak melihat saran"
        );

        // Kabid menilai staf 1 (rekap menampilkan ratingnya).
        let j = nilai(
            &d,
            &mut kabid,
            &skp1,
            "sesuai_ekspektasi",
            "di_atas_ekspektasi",
            None,
        )
        .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);

        let jalur = |format: &str| {
            format!(
                "/api/v1/instansi/{iid}/skp/rekap?tahun={TAHUN}&periode=2026-TW1&format={format}"
            )
        };
        let baca = |j: &umum::Jawaban| -> Vec<Vec<String>> {
            assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
            // Tanpa koma di data uji: cukup dipisah per baris dan koma.
            j.teks
                .trim_start_matches('\u{feff}')
                .lines()
                .map(|x| x.split(',').map(str::to_string).collect())
                .collect()
        };
        let kolom = [
            "unit",
            "nip",
            "nama",
            "jabatan",
            "penilai",
            "rating_hasil",
            "rating_perilaku",
            "predikat",
            "kelompok_kurva",
            "kurva_final",
        ];
        let semua = baca(&admin.get(&jalur("csv")).await);
        assert_eq!(semua[0], kolom, "kolom rekap");
        let nip: BTreeSet<&str> = semua[1..].iter().map(|x| x[1].as_str()).collect();
        for n in [KADIS, KABID, STAF1, STAF2, REKAN, KAPEL] {
            assert!(nip.contains(n), "BKD melihat {n}: {semua:?}");
        }
        assert!(!nip.contains(PENSIUN), "pensiun tidak ber-SKP");
        let b1 = semua[1..].iter().find(|x| x[1] == STAF1).unwrap();
        assert_eq!(
            b1,
            &[
                "Bidang Pelayanan",
                STAF1,
                "Staf Satu",
                "Analis",
                "Kabid",
                "Sesuai Ekspektasi",
                "Di Atas Ekspektasi",
                "Baik",
                "Dinas Kesehatan",
                "tidak",
            ]
        );
        let b2 = semua[1..].iter().find(|x| x[1] == STAF2).unwrap();
        assert_eq!(&b2[5..8], &["", "", ""], "belum dinilai: {b2:?}");

        // Pimpinan Bidang: hanya baris unitnya.
        let bidang = baca(&kapel.get(&jalur("csv")).await);
        assert_eq!(bidang[0], kolom);
        let nip: BTreeSet<&str> = bidang[1..].iter().map(|x| x[1].as_str()).collect();
        assert_eq!(nip, BTreeSet::from([STAF1, STAF2, REKAN, KAPEL]));
        assert!(bidang[1..].iter().all(|x| x[0] == "Bidang Pelayanan"));

        // Tautan dari halaman kalibrasi bagi yang berhak (BKD, pimpinan unit).
        let tautan = format!(
            "/api/v1/instansi/{iid}/skp/rekap?tahun={TAHUN}&#38;periode=2026-TW1&#38;format=csv"
        );
        for (kl, ada) in [(&mut admin, true), (&mut kapel, true), (&mut kabid, false)] {
            let j = kl.get("/skp/kalibrasi?periode=2026-TW1").await;
            assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
            assert_eq!(j.teks.contains(&tautan), ada, "{}", j.teks);
        }

        // XLSX (bawaan).
        let j = admin
            .get(&format!(
                "/api/v1/instansi/{iid}/skp/rekap?tahun={TAHUN}&periode=2026-TW1"
            ))
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        assert!(j.byte.starts_with(b"PK"), "berkas XLSX (zip)");

        // Pegawai biasa, penilai bukan pimpinan unit, BKD lain: 403; tamu 401.
        for (kl, harap, kode) in [
            (&mut rekan, StatusCode::FORBIDDEN, "dilarang"),
            (&mut kabid, StatusCode::FORBIDDEN, "dilarang"),
            (&mut admin_b, StatusCode::FORBIDDEN, "dilarang"),
            (&mut tamu, StatusCode::UNAUTHORIZED, "belum_masuk"),
        ] {
            galat(&kl.get(&jalur("csv")).await, harap, kode);
        }
        // Format lain dan periode salah: 422.
        let g = galat(
            &admin.get(&jalur("pdf")).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "input_tidak_valid",
        );
        assert!(g["error"]["fields"]["format"].is_string(), "{g}");
        let j = admin
            .get(&format!(
                "/api/v1/instansi/{iid}/skp/rekap?tahun={TAHUN}&periode=2025-TW1&format=csv"
            ))
            .await;
        let g = galat(&j, StatusCode::UNPROCESSABLE_ENTITY, "input_tidak_valid");
        assert!(g["error"]["fields"]["periode"].is_string(), "{g}");
    }
}
