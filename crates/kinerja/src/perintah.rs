//! Isi setiap subperintah: tipis, memanggil `app` dan `web`.

use crate::OpsiDb;
use crate::konfigurasi::{self, LISTEN_BAWAAN};
use clap::{Args, Subcommand};
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(Args)]
pub struct OpsiServe {
    /// Mengisi Provinsi Maluku demo bila basis data kosong.
    #[arg(long, env = "KINERJA_DEMO")]
    demo: bool,
    /// Alamat dengar; port 0 memilih port bebas. Bawaan: 127.0.0.1:8080
    #[arg(long, env = "KINERJA_LISTEN")]
    listen: Option<String>,
    /// Alamat dengar terpisah untuk /metrics (Prometheus).
    #[arg(long, env = "KINERJA_METRICS_LISTEN")]
    metrics_listen: Option<String>,
    /// Layani /metrics juga di pendengar utama.
    #[arg(long, env = "KINERJA_METRICS_ON_MAIN")]
    metrics_on_main: bool,
    /// Tandai cookie sebagai Secure (wajib di balik HTTPS).
    #[arg(long, env = "KINERJA_COOKIE_SECURE")]
    cookie_secure: bool,
    /// Log dalam JSON (ke stderr).
    #[arg(long, env = "KINERJA_LOG_JSON")]
    log_json: bool,
    /// SMTP untuk surel: smtp://user:sandi@host:587?tls=required atau smtps://…
    /// Tanpa ini surel ditulis sebagai .eml di DATA_DIR/outbox.
    #[arg(long, env = "KINERJA_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// Pengirim surel. Bawaan: "Kinerja <kinerja@localhost>"
    #[arg(long, env = "KINERJA_SUREL_DARI")]
    surel_dari: Option<String>,
    /// Alamat publik aplikasi untuk tautan di surel (atur ulang sandi),
    /// mis. https://kinerja.malukuprov.go.id. Tanpa ini tautan berupa jalur saja.
    #[arg(long, env = "KINERJA_ALAMAT_PUBLIK")]
    alamat_publik: Option<String>,
    /// Unggahan impor di atas ukuran ini (bita) berjalan sebagai tugas latar
    /// (202, status di /api/v1/tugas/{id}). Bawaan: 1048576 (1 MiB)
    #[arg(long, env = "KINERJA_IMPOR_LATAR_BITA")]
    impor_latar_bita: Option<usize>,
    /// Jumlah pekerja tugas latar di proses ini. Bawaan: 2
    #[arg(long, env = "KINERJA_PEKERJA")]
    pekerja: Option<usize>,
    /// Permintaan kalkulator publik per menit per alamat (1–1000000). Bawaan: 120
    #[arg(long, env = "KINERJA_KALKULATOR_PER_MENIT")]
    kalkulator_per_menit: Option<u32>,
    /// Penyimpanan bukti: folder, file:///folder, atau s3://ember/awalan
    /// (biner dengan fitur `s3`). Bawaan: DATA_DIR/bukti
    #[arg(long, env = "KINERJA_BUKTI_URL")]
    bukti_url: Option<String>,
    /// Ukuran terbesar satu berkas bukti, dalam bita. Bawaan: 10485760 (10 MB)
    #[arg(long, env = "KINERJA_BUKTI_MAKS_BITA")]
    bukti_maks_bita: Option<u64>,
    /// Jumlah ukuran berkas dalam satu unggahan, dalam bita. Bawaan: 20971520 (20 MB)
    #[arg(long, env = "KINERJA_BUKTI_MAKS_PERMINTAAN")]
    bukti_maks_permintaan: Option<u64>,
    /// Bukti yang tidak dirujuk rekaman mana pun dibuang setelah sekian jam. Bawaan: 24
    #[arg(long, env = "KINERJA_BUKTI_TENGGANG_JAM")]
    bukti_tenggang_jam: Option<i64>,
    #[command(flatten)]
    db: OpsiDb,
}

#[derive(Args)]
pub struct OpsiSeed {
    /// Provinsi demo (bila kosong).
    #[arg(long)]
    demo: bool,
    /// Jumlah pegawai tambahan yang dibangkitkan di kabupaten/kota (tanpa akun).
    #[arg(long)]
    scale: Option<usize>,
    /// Pegawai per instansi saat --scale (bawaan 2000; satu instansi besar: --per-instansi 100000).
    #[arg(long, default_value_t = 2000)]
    per_instansi: usize,
    /// Tolok ukur anggaran: instansi kabupaten/kota sintetis dengan rencana
    /// ditetapkan, realisasi 12 bulan dan keluaran 4 triwulan.
    #[arg(long)]
    anggaran_instansi: Option<usize>,
    /// Unit per instansi anggaran sintetis.
    #[arg(long, default_value_t = 10)]
    anggaran_unit: usize,
    /// Sub kegiatan per instansi anggaran sintetis.
    #[arg(long, default_value_t = 300)]
    anggaran_subkegiatan: usize,
    /// Indikator keluaran per sub kegiatan sintetis.
    #[arg(long, default_value_t = 1)]
    anggaran_indikator: usize,
    /// Tolok ukur SAKIP: Renstra, IKU, tautan pohon dan usulan PK untuk
    /// instansi sintetis (bersama --anggaran-instansi).
    #[arg(long)]
    sakip: bool,
    /// Tahun anggaran sintetis.
    #[arg(long, default_value_t = 2026)]
    tahun: i64,
    /// Tolok ukur SKP: id (atau nama persis) instansi yang diisi SKP
    /// sintetis tahun --tahun: periode dibuka bila belum, satu RHK dan dua
    /// indikator per SKP, disetujui, rating TW I semua pegawai, predikat
    /// organisasi per kelompok kurva. Dijalankan sesudah --scale.
    #[arg(long)]
    skp_instansi: Option<String>,
    /// Akun pegawai (dengan token API `tulis` satu hari) untuk N pegawai
    /// ber-SKP pertama; semua berbagi satu hash Argon2 dari --skp-sandi.
    #[arg(long, default_value_t = 0)]
    skp_akun: usize,
    /// Nama pengguna admin instansi (BKD) yang dibuat di instansi --skp-instansi.
    #[arg(long)]
    skp_admin: Option<String>,
    /// Sandi akun SKP sintetis.
    #[arg(long, default_value = "sandi-skala-skp")]
    skp_sandi: String,
    /// Berkas keluaran token: satu baris per akun pegawai, `token<TAB>skp_id<TAB>indikator_id`.
    #[arg(long)]
    skp_token_keluar: Option<std::path::PathBuf>,
    /// Menulis satu foto JPEG sintetis (untuk unggahan tolok ukur) ke berkas ini.
    #[arg(long)]
    foto_keluar: Option<std::path::PathBuf>,
    /// Ukuran sasaran foto --foto-keluar, dalam bita.
    #[arg(long, default_value_t = 102_400)]
    foto_bita: usize,
    #[command(flatten)]
    db: OpsiDb,
}

#[derive(Subcommand)]
pub enum PerintahUser {
    /// Menambah akun. Tanpa --instansi, akun dibuat di instansi nasional
    /// (dibuat bila belum ada) — cara membuat administrator pertama.
    Add {
        #[arg(long)]
        username: String,
        #[arg(long)]
        nama: String,
        /// Peran, dipisah koma: super_admin, admin_instansi, perencana, keuangan,
        /// pimpinan_unit, pegawai, penilai, mentor
        #[arg(long, default_value = "super_admin")]
        peran: String,
        /// Id instansi (lihat API /api/v1/instansi).
        #[arg(long)]
        instansi: Option<String>,
        /// Sandi; bila tidak diberikan, dibaca dari lingkungan KINERJA_SANDI.
        #[arg(long, env = "KINERJA_SANDI", hide_env_values = true)]
        sandi: String,
        #[command(flatten)]
        db: OpsiDb,
    },
}

#[derive(Subcommand)]
pub enum PerintahInstansi {
    /// Menambah instansi; id-nya dicetak di stdout.
    Add {
        #[arg(long)]
        nama: String,
        /// kementerian, lembaga, provinsi, kabupaten atau kota
        #[arg(long)]
        jenis: String,
        /// Kode wilayah Kepmendagri (mis. 81 untuk Maluku, 81.71 Kota Ambon)
        #[arg(long)]
        kode_wilayah: Option<String>,
        /// WIB, WITA atau WIT (bawaan: dari kode wilayah)
        #[arg(long)]
        zona_waktu: Option<String>,
        #[command(flatten)]
        db: OpsiDb,
    },
    /// Daftar instansi: id, jenis, nama (dipisah tab).
    List {
        #[command(flatten)]
        db: OpsiDb,
    },
}

pub async fn instansi(p: PerintahInstansi) -> Result<(), String> {
    pasang_log(false);
    let k = app::Konteks::sistem();
    match p {
        PerintahInstansi::Add {
            nama,
            jenis,
            kode_wilayah,
            zona_waktu,
            db,
        } => {
            let (l, _) = buka(&db).await?;
            let m = app::organisasi::instansi::MasukanInstansi {
                nama,
                jenis,
                kode_wilayah,
                zona_waktu,
                versi: None,
            };
            match app::organisasi::instansi::buat(&l, &k, m).await {
                Ok(i) => {
                    println!("{}", i.id);
                    Ok(())
                }
                Err(app::Galat::InputTidakValid { pesan, fields, .. }) => {
                    let rinci: Vec<String> =
                        fields.iter().map(|(k, v)| format!("  {k}: {v}")).collect();
                    Err(format!("{pesan}\n{}", rinci.join("\n")))
                }
                Err(e) => Err(e.to_string()),
            }
        }
        PerintahInstansi::List { db } => {
            let (l, _) = buka(&db).await?;
            for i in app::organisasi::instansi::daftar(&l, &k)
                .await
                .map_err(|e| e.to_string())?
            {
                println!("{}\t{}\t{}", i.id, i.jenis, i.nama);
            }
            Ok(())
        }
    }
}

fn pasang_log(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KINERJA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let b = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if json {
        b.json().try_init()
    } else {
        b.try_init()
    };
}

async fn buka(db: &OpsiDb) -> Result<(app::Layanan, konfigurasi::Berkas), String> {
    let berkas = konfigurasi::baca(db)?;
    let (_, url) = konfigurasi::db(db, &berkas)?;
    let d = store::Db::buka(&url)
        .await
        .map_err(|e| format!("tidak dapat membuka basis data: {e}"))?;
    d.migrasi()
        .await
        .map_err(|e| format!("migrasi gagal: {e}"))?;
    let l = app::Layanan::baru(d);
    // Repositori inovasi dimulai dengan 200 inovasi LAN (sekali, bila kosong).
    app::inovasi::isi_repositori_bila_kosong(&l)
        .await
        .map_err(|e| format!("isi repositori inovasi: {e}"))?;
    Ok((l, berkas))
}

pub async fn serve(o: OpsiServe) -> Result<(), String> {
    let berkas0 = konfigurasi::baca(&o.db)?;
    pasang_log(o.log_json || berkas0.log_json.unwrap_or(false));
    let (mut l, berkas) = buka(&o.db).await?;
    let (data_dir, _) = konfigurasi::db(&o.db, &berkas)?;
    atur_tugas(&mut l, &o, &berkas, &data_dir);
    // Penyimpanan dan batas bukti.
    let bukti_url = o.bukti_url.clone().or(berkas.bukti_url.clone());
    l.bukti = app::bukti::dari_url(bukti_url.as_deref(), &data_dir.join("bukti"))?;
    let kb = &mut l.konfigurasi;
    if let Some(n) = o.bukti_maks_bita.or(berkas.bukti_maks_bita) {
        kb.bukti_maks_bita = n;
    }
    if let Some(n) = o.bukti_maks_permintaan.or(berkas.bukti_maks_permintaan) {
        kb.bukti_maks_permintaan = n;
    }
    kb.bukti_maks_permintaan = kb.bukti_maks_permintaan.max(kb.bukti_maks_bita);
    if let Some(n) = o.bukti_tenggang_jam.or(berkas.bukti_tenggang_jam) {
        kb.bukti_tenggang_jam = n.max(1);
    }
    tracing::info!(penyimpanan = %l.bukti.keterangan(), maks_bita = l.konfigurasi.bukti_maks_bita, "bukti");
    if o.demo {
        let diisi = app::demo::isi_demo(&l).await.map_err(|e| e.to_string())?;
        if diisi {
            tracing::info!("provinsi demo diisi");
        }
        cetak_login_demo();
    } else if store::akun::jumlah_pengguna(l.pool())
        .await
        .map_err(|e| e.to_string())?
        == 0
    {
        eprintln!(
            "Basis data belum punya akun. Buat administrator pertama:\n  kinerja user add --username admin --nama \"Administrator\" --sandi '…'"
        );
    }
    let metrik = metrics_exporter_prometheus::PrometheusBuilder::new()
        .install_recorder()
        .map_err(|e| format!("metrik: {e}"))?;
    let mut state = web::AppState::baru(l.clone());
    state.rahasia_csrf = std::sync::Arc::new(
        app::akun::rahasia_csrf(&l)
            .await
            .map_err(|e| e.to_string())?,
    );
    state.metrik = Some(metrik.clone());
    state.metrik_di_utama = o.metrics_on_main || berkas.metrics_on_main.unwrap_or(false);
    state.cookie_secure = o.cookie_secure || berkas.cookie_secure.unwrap_or(false);
    if let Some(n) = o.kalkulator_per_menit.or(berkas.kalkulator_per_menit) {
        if !(1..=1_000_000).contains(&n) {
            return Err(format!("--kalkulator-per-menit harus 1–1000000, bukan {n}"));
        }
        state.pembatas_publik = std::sync::Arc::new(web::pembatas::Pembatas::baru(
            n,
            std::time::Duration::from_secs(60),
        ));
    }
    if let Some(addr) = o.metrics_listen.or(berkas.metrics_listen.clone()) {
        let h = metrik.clone();
        let r = axum::Router::new().route(
            "/metrics",
            axum::routing::get(move || {
                let h = h.clone();
                async move { web::operasi::render_metrik(&h) }
            }),
        );
        let lm = tokio::net::TcpListener::bind(&addr)
            .await
            .map_err(|e| format!("tidak dapat mendengar di {addr}: {e}"))?;
        tracing::info!(alamat = %addr, "metrik dilayani");
        tokio::spawn(async move {
            let _ = axum::serve(lm, r).await;
        });
    }
    let listen = o
        .listen
        .or(berkas.listen.clone())
        .unwrap_or_else(|| LISTEN_BAWAAN.into());
    let pendengar = tokio::net::TcpListener::bind(&listen)
        .await
        .map_err(|e| format!("tidak dapat mendengar di {listen}: {e}"))?;
    let alamat = pendengar.local_addr().map_err(|e| e.to_string())?;
    // Satu baris di stdout: alamat yang benar-benar dipakai (untuk skrip).
    println!("http://{alamat}");
    tracing::info!(alamat = %alamat, backend = ?l.db.backend(), "Kinerja siap");
    // Sesi kedaluwarsa dibersihkan berkala (di setiap proses; hapusnya idempoten).
    let lb = l.clone();
    tokio::spawn(async move {
        let mut jeda = tokio::time::interval(std::time::Duration::from_secs(1800));
        loop {
            jeda.tick().await;
            if let Err(e) = store::akun::hapus_sesi_kedaluwarsa(lb.pool(), &store::sekarang()).await
            {
                tracing::warn!(galat = %e, "gagal membersihkan sesi kedaluwarsa");
            }
            if let Err(e) = app::akun::bersihkan_pembatas(&lb).await {
                tracing::warn!(galat = %e, "gagal membersihkan hitungan pembatas masuk");
            }
        }
    });
    // Pekerja tugas latar dan penjadwal di proses ini (berhenti bersama proses;
    // tugas yang sedang dipegang diklaim ulang setelah sewanya habis).
    let jumlah_pekerja = o.pekerja.or(berkas.pekerja).unwrap_or(2);
    let _pekerja =
        app::tugas::mulai_pekerja(&l, jumlah_pekerja, std::time::Duration::from_millis(500));
    // Bukti yatim (tanpa rekaman yang merujuknya) dibuang setelah masa
    // tenggang; kelak dapat menjadi pekerjaan di tabel jobs.
    let lb = l.clone();
    tokio::spawn(async move {
        let mut jeda = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            jeda.tick().await;
            if let Err(e) = app::bukti::bersihkan_yatim(&lb, time::OffsetDateTime::now_utc()).await
            {
                tracing::warn!(galat = %e, "gagal membersihkan bukti yatim");
            }
        }
    });
    let app = web::router(state);
    axum::serve(
        pendengar,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(sinyal_berhenti())
    .await
    .map_err(|e| e.to_string())?;
    l.db.tutup().await;
    tracing::info!("berhenti dengan rapi");
    Ok(())
}

/// Konfigurasi tugas latar dan surel: flag, lingkungan, berkas, bawaan.
fn atur_tugas(
    l: &mut app::Layanan,
    o: &OpsiServe,
    berkas: &konfigurasi::Berkas,
    data_dir: &std::path::Path,
) {
    let k = &mut l.konfigurasi;
    k.impor_latar_bita = Some(
        o.impor_latar_bita
            .or(berkas.impor_latar_bita)
            .unwrap_or(1024 * 1024),
    );
    k.smtp_url = o.smtp_url.clone().or(berkas.smtp_url.clone());
    if let Some(d) = o.surel_dari.clone().or(berkas.surel_dari.clone()) {
        k.surel_dari = d;
    }
    k.alamat_publik = o
        .alamat_publik
        .clone()
        .or(berkas.alamat_publik.clone())
        .filter(|a| !a.trim().is_empty());
    k.outbox = Some(data_dir.join("outbox"));
    // Khusus tes: sewa pendek dan jenis tugas uji (tidak ada flag-nya).
    if let Some(ms) = std::env::var("KINERJA_TUGAS_SEWA_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        k.sewa_tugas_ms = ms;
    }
    if let Some(ms) = std::env::var("KINERJA_TUGAS_JEDA_ULANG_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        k.jeda_ulang_dasar_ms = ms;
    }
    k.tugas_uji = std::env::var("KINERJA_TUGAS_UJI").as_deref() == Ok("1");
}

async fn sinyal_berhenti() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

fn cetak_login_demo() {
    eprintln!("\nLogin demo (sandi semuanya: {}):", app::demo::SANDI_DEMO);
    for a in app::demo::akun_demo() {
        eprintln!("  {:<20} {:<16} {}", a.login, a.peran, a.instansi);
    }
    eprintln!();
}

pub async fn migrate(db: OpsiDb) -> Result<(), String> {
    pasang_log(false);
    buka(&db).await?;
    eprintln!("migrasi selesai");
    Ok(())
}

pub async fn seed(o: OpsiSeed) -> Result<(), String> {
    pasang_log(false);
    let (l, _) = buka(&o.db).await?;
    if o.demo {
        let diisi = app::demo::isi_demo(&l).await.map_err(|e| e.to_string())?;
        eprintln!(
            "{}",
            if diisi {
                "provinsi demo diisi"
            } else {
                "basis data sudah berisi; demo tidak diisi ulang"
            }
        );
        cetak_login_demo();
    }
    if let Some(n) = o.anggaran_instansi {
        let mulai = std::time::Instant::now();
        let baris = app::demo::isi_skala_anggaran(
            &l,
            n,
            o.anggaran_unit,
            o.anggaran_subkegiatan,
            o.anggaran_indikator,
            o.tahun,
        )
        .await
        .map_err(|e| e.to_string())?;
        eprintln!(
            "{n} instansi × {} sub kegiatan: {baris} baris realisasi anggaran dalam {:.1?}",
            o.anggaran_subkegiatan,
            mulai.elapsed()
        );
    }
    if o.sakip {
        let mulai = std::time::Instant::now();
        let n = app::demo::isi_skala_sakip(&l, o.tahun)
            .await
            .map_err(|e| e.to_string())?;
        eprintln!(
            "SAKIP sintetis untuk {n} instansi dalam {:.1?}",
            mulai.elapsed()
        );
    }
    if let Some(n) = o.scale {
        let mulai = std::time::Instant::now();
        let dibuat = app::demo::isi_skala(&l, n, o.per_instansi)
            .await
            .map_err(|e| e.to_string())?;
        eprintln!(
            "{dibuat} pegawai dibangkitkan dalam {:.1?}",
            mulai.elapsed()
        );
    }
    if let Some(teks) = &o.skp_instansi {
        let mulai = std::time::Instant::now();
        let iid = cari_instansi(&l, teks).await?;
        let r = app::demo::isi_skala_skp(
            &l,
            &iid,
            o.tahun,
            o.skp_akun,
            o.skp_admin.as_deref(),
            &o.skp_sandi,
        )
        .await
        .map_err(|e| e.to_string())?;
        eprintln!(
            "SKP sintetis {}: {} SKP, {} RHK, {} indikator, {} rating TW I, {} kelompok kurva, {} akun dalam {:.1?}",
            o.tahun,
            r.skp,
            r.rhk,
            r.indikator,
            r.evaluasi,
            r.kelompok,
            r.akun,
            mulai.elapsed()
        );
        if let Some(p) = &o.skp_token_keluar {
            let mut teks = String::new();
            for (token, skp, ind) in &r.token {
                teks.push_str(&format!("{token}\t{skp}\t{ind}\n"));
            }
            std::fs::write(p, teks)
                .map_err(|e| format!("tidak dapat menulis {}: {e}", p.display()))?;
        }
    }
    if let Some(p) = &o.foto_keluar {
        let isi = app::demo::foto_jpeg(o.foto_bita).map_err(|e| e.to_string())?;
        std::fs::write(p, &isi).map_err(|e| format!("tidak dapat menulis {}: {e}", p.display()))?;
        eprintln!("foto JPEG {} bita ke {}", isi.len(), p.display());
    }
    if !o.demo
        && o.scale.is_none()
        && o.anggaran_instansi.is_none()
        && o.skp_instansi.is_none()
        && o.foto_keluar.is_none()
    {
        return Err(
            "pilih --demo, --scale N, --anggaran-instansi N, --skp-instansi ID atau --foto-keluar BERKAS"
                .into(),
        );
    }
    Ok(())
}

pub async fn user(p: PerintahUser) -> Result<(), String> {
    pasang_log(false);
    match p {
        PerintahUser::Add {
            username,
            nama,
            peran,
            instansi,
            sandi,
            db,
        } => {
            let (l, _) = buka(&db).await?;
            let mut daftar = Vec::new();
            for r in peran.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                daftar.push(
                    app::Peran::dari_kode(r).ok_or_else(|| format!("peran tidak dikenal: {r}"))?,
                );
            }
            let k = app::Konteks::sistem();
            let instansi_id = match instansi {
                Some(i) => i,
                None => instansi_nasional(&l, &k).await?,
            };
            let akun = app::akun::AkunBaru {
                instansi_id,
                username: username.clone(),
                nama,
                sandi,
                pegawai_id: None,
                peran: daftar,
            };
            match app::akun::buat_akun(&l, &k, akun).await {
                Ok(p) => {
                    eprintln!("akun {} dibuat (id {})", p.username, p.id);
                    Ok(())
                }
                Err(app::Galat::InputTidakValid { pesan, fields, .. }) => {
                    let rinci: Vec<String> =
                        fields.iter().map(|(k, v)| format!("  {k}: {v}")).collect();
                    Err(format!("{pesan}\n{}", rinci.join("\n")))
                }
                Err(e) => Err(e.to_string()),
            }
        }
    }
}

async fn instansi_nasional(l: &app::Layanan, k: &app::Konteks) -> Result<String, String> {
    let semua = store::organisasi::semua_instansi(l.pool())
        .await
        .map_err(|e| e.to_string())?;
    if let Some(i) = semua.iter().find(|i| i.jenis == "nasional") {
        return Ok(i.id.clone());
    }
    let m = app::organisasi::instansi::MasukanInstansi {
        nama: "Nasional".into(),
        jenis: "nasional".into(),
        kode_wilayah: None,
        zona_waktu: Some("WIB".into()),
        versi: None,
    };
    app::organisasi::instansi::buat(l, k, m)
        .await
        .map(|i| i.id)
        .map_err(|e| e.to_string())
}

/// `kinerja calc`: satu objek JSON satu baris di stdout. 0 berhasil, 2 masukan
/// salah (objek galat di stdout), 1 galat internal.
pub fn calc(nama: &str, json: &str, lang: &str) -> ExitCode {
    let b = rules::Bahasa::dari_kode(lang);
    match rules::kalkulator::hitung_teks(nama, json, b) {
        Ok(v) => match serde_json::to_string(&v) {
            Ok(s) => {
                println!("{s}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("galat internal: {e}");
                ExitCode::from(1)
            }
        },
        Err(g) if g.kode == "galat_internal" => {
            println!("{}", g.ke_json());
            ExitCode::from(1)
        }
        Err(g) => {
            println!("{}", g.ke_json());
            ExitCode::from(2)
        }
    }
}

// ---------- impor dan ekspor ----------

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum JenisData {
    Pegawai,
    Unit,
}

/// Yang diimpor: data organisasi, atau rencana dan realisasi anggaran (`--tahun`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum JenisImpor {
    Pegawai,
    /// Pegawai dari ekspor SIASN (BKN): judul kolom NIP_BARU, UNOR_NAMA, …
    PegawaiSiasn,
    Unit,
    Rencana,
    Belanja,
    RealisasiAnggaran,
    RealisasiKeluaran,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum FormatBerkas {
    Csv,
    Xlsx,
}

impl From<FormatBerkas> for app::impor::Format {
    fn from(f: FormatBerkas) -> Self {
        match f {
            FormatBerkas::Csv => app::impor::Format::Csv,
            FormatBerkas::Xlsx => app::impor::Format::Xlsx,
        }
    }
}

#[derive(Args)]
pub struct OpsiImpor {
    /// Yang diimpor: pegawai, pegawai-siasn, unit, rencana, belanja, realisasi-anggaran, realisasi-keluaran
    #[arg(value_enum)]
    jenis: JenisImpor,
    /// Berkas .csv (pemisah , atau ;) atau .xlsx
    berkas: std::path::PathBuf,
    /// Id instansi tujuan (atau namanya persis; lihat `kinerja instansi list`)
    #[arg(long)]
    instansi: String,
    /// Tahun anggaran (wajib untuk rencana, belanja dan realisasi)
    #[arg(long, required_if_eq_any([("jenis", "rencana"), ("jenis", "belanja"),
        ("jenis", "realisasi-anggaran"), ("jenis", "realisasi-keluaran")]))]
    tahun: Option<i64>,
    /// Bahasa laporan: id atau en
    #[arg(long, default_value = "id")]
    lang: String,
    #[command(flatten)]
    db: OpsiDb,
}

#[derive(Args)]
pub struct OpsiEkspor {
    /// Yang diekspor: pegawai atau unit
    #[arg(value_enum)]
    jenis: JenisData,
    /// Id instansi (atau namanya persis)
    #[arg(long)]
    instansi: String,
    #[arg(long, value_enum, default_value = "csv")]
    format: FormatBerkas,
    /// Berkas keluaran; tanpa opsi ini atau `-`: stdout
    #[arg(long)]
    output: Option<std::path::PathBuf>,
    #[command(flatten)]
    db: OpsiDb,
}

/// Id instansi dari id atau nama persisnya (tanpa membedakan huruf besar).
async fn cari_instansi(l: &app::Layanan, teks: &str) -> Result<String, String> {
    let semua = store::organisasi::semua_instansi(l.pool())
        .await
        .map_err(|e| e.to_string())?;
    if let Some(i) = semua.iter().find(|i| i.id == teks) {
        return Ok(i.id.clone());
    }
    let cocok: Vec<_> = semua
        .iter()
        .filter(|i| i.nama.eq_ignore_ascii_case(teks.trim()))
        .collect();
    match cocok.as_slice() {
        [i] => Ok(i.id.clone()),
        [] => Err(format!(
            "instansi tidak ditemukan: {teks} (lihat `kinerja instansi list`)"
        )),
        _ => Err(format!(
            "ada beberapa instansi bernama {teks}; pakai id-nya"
        )),
    }
}

/// `kinerja import pegawai|pegawai-siasn|unit|rencana|… BERKAS --instansi ID [--tahun YYYY]`: laporan di stdout,
/// waktu di stderr. 0 diterima, 2 ditolak (tidak ada yang ditulis), 1 galat.
pub async fn import(o: OpsiImpor) -> ExitCode {
    pasang_log(false);
    let b = rules::Bahasa::dari_kode(&o.lang);
    let jalan = async {
        let (l, _) = buka(&o.db).await?;
        let iid = cari_instansi(&l, &o.instansi).await?;
        let isi = std::fs::read(&o.berkas)
            .map_err(|e| format!("tidak dapat membaca {}: {e}", o.berkas.display()))?;
        let nama = o
            .berkas
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let k = app::Konteks {
            bahasa: b,
            ..app::Konteks::sistem()
        };
        let mulai = std::time::Instant::now();
        let th = o.tahun.unwrap_or_default();
        let lap = match o.jenis {
            JenisImpor::Pegawai => app::impor::impor_pegawai(&l, &k, &iid, &nama, &isi).await,
            JenisImpor::PegawaiSiasn => {
                app::impor::impor_pegawai_siasn(&l, &k, &iid, &nama, &isi).await
            }
            JenisImpor::Unit => app::impor::impor_unit(&l, &k, &iid, &nama, &isi).await,
            JenisImpor::Rencana => app::impor::impor_rencana(&l, &k, &iid, th, &nama, &isi).await,
            JenisImpor::Belanja => app::impor::impor_belanja(&l, &k, &iid, th, &nama, &isi).await,
            JenisImpor::RealisasiAnggaran => {
                app::impor::impor_realisasi_anggaran(&l, &k, &iid, th, &nama, &isi).await
            }
            JenisImpor::RealisasiKeluaran => {
                app::impor::impor_realisasi_keluaran(&l, &k, &iid, th, &nama, &isi).await
            }
        }
        .map_err(|e| e.to_string())?;
        eprintln!("{} baris dalam {:.2?}", lap.baris_data, mulai.elapsed());
        l.db.tutup().await;
        Ok::<_, String>(lap)
    };
    match jalan.await {
        Ok(lap) => {
            print!("{}", lap.ke_teks(b));
            if lap.diterima {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
        Err(e) => {
            eprintln!("galat: {e}");
            ExitCode::from(1)
        }
    }
}

/// `kinerja export pegawai|unit --instansi ID --format csv|xlsx --output BERKAS`.
#[derive(Subcommand)]
pub enum PerintahSkp {
    /// Membuka periode SKP satu tahun untuk seluruh instansi (idempoten);
    /// mencetak satu baris JSON `{"dibuat": N, "sudah_ada": M, "tanpa_atasan": K}`.
    BukaPeriode {
        /// Id instansi (atau namanya persis; lihat `kinerja instansi list`)
        #[arg(long)]
        instansi: String,
        #[arg(long)]
        tahun: i64,
        /// triwulanan (bawaan), bulanan, semesteran
        #[arg(long)]
        frekuensi: Option<String>,
        #[command(flatten)]
        db: OpsiDb,
    },
}

pub async fn skp(p: PerintahSkp) -> Result<(), String> {
    pasang_log(false);
    let k = app::Konteks::sistem();
    match p {
        PerintahSkp::BukaPeriode {
            instansi,
            tahun,
            frekuensi,
            db,
        } => {
            let (l, _) = buka(&db).await?;
            let iid = cari_instansi(&l, &instansi).await?;
            let frekuensi = match frekuensi.as_deref() {
                None => None,
                Some(f) => Some(rules::skp::Frekuensi::dari_token(f).ok_or_else(|| {
                    format!("frekuensi tidak dikenal: {f} (triwulanan, bulanan, semesteran)")
                })?),
            };
            let m = app::skp::periode::MasukanPeriodeSkp {
                tahun,
                frekuensi,
                ambang_kurva: None,
            };
            let h = app::skp::periode::buka_periode(&l, &k, &iid, &m)
                .await
                .map_err(|e| e.to_string())?;
            println!("{}", serde_json::to_string(&h).map_err(|e| e.to_string())?);
            Ok(())
        }
    }
}

#[derive(Subcommand)]
pub enum PerintahSakip {
    /// Memuat templat LKE untuk tahun --tahun dan sesudahnya, seperti
    /// `POST /api/v1/sakip/lke-templat/{tahun}?format=…`; mencetak satu baris
    /// JSON `{"id": …, "tahun": …, "nama": …}`. Galat per field di stderr.
    MuatTemplat {
        #[arg(long)]
        tahun: i64,
        /// lke (JSON templat LKE), kuesioner_mendagri, kuesioner_menpan
        /// (berkas kuesioner wp-eval-sakip, mis. data/sakip/wp-eval-sakip_kuesioner_menpan.json)
        #[arg(long, default_value = "lke")]
        format: String,
        /// Bahasa pesan galat: id atau en
        #[arg(long, default_value = "id")]
        lang: String,
        /// Berkas JSON; `-` = stdin
        berkas: std::path::PathBuf,
        #[command(flatten)]
        db: OpsiDb,
    },
}

pub async fn sakip(p: PerintahSakip) -> Result<(), String> {
    pasang_log(false);
    match p {
        PerintahSakip::MuatTemplat {
            tahun,
            format,
            lang,
            berkas,
            db,
        } => {
            let isi = if berkas.as_os_str() == "-" {
                use std::io::Read;
                let mut s = String::new();
                std::io::stdin()
                    .read_to_string(&mut s)
                    .map_err(|e| format!("tidak dapat membaca stdin: {e}"))?;
                s
            } else {
                std::fs::read_to_string(&berkas)
                    .map_err(|e| format!("tidak dapat membaca {}: {e}", berkas.display()))?
            };
            let (l, _) = buka(&db).await?;
            let mut k = app::Konteks::sistem();
            if lang == "en" {
                k.bahasa = app::Bahasa::En;
            }
            let hasil = app::sakip::lke::muat_templat(&l, &k, tahun, &format, &isi).await;
            l.db.tutup().await;
            match hasil {
                Ok(t) => {
                    let j = serde_json::json!({"id": t.id, "tahun": t.tahun, "nama": t.nama});
                    println!("{j}");
                    Ok(())
                }
                Err(app::Galat::InputTidakValid { pesan, fields, .. }) => {
                    let rinci: Vec<String> =
                        fields.iter().map(|(k, v)| format!("  {k}: {v}")).collect();
                    Err(format!("{pesan}\n{}", rinci.join("\n")))
                }
                Err(e) => Err(e.to_string()),
            }
        }
    }
}

pub async fn export(o: OpsiEkspor) -> Result<(), String> {
    pasang_log(false);
    let (l, _) = buka(&o.db).await?;
    let iid = cari_instansi(&l, &o.instansi).await?;
    let k = app::Konteks::sistem();
    let mulai = std::time::Instant::now();
    let isi = match o.jenis {
        JenisData::Pegawai => app::impor::ekspor_pegawai(&l, &k, &iid, o.format.into()).await,
        JenisData::Unit => app::impor::ekspor_unit(&l, &k, &iid, o.format.into()).await,
    }
    .map_err(|e| e.to_string())?;
    match o.output.as_deref() {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::write(p, &isi)
                .map_err(|e| format!("tidak dapat menulis {}: {e}", p.display()))?;
            eprintln!(
                "{} bita ke {} dalam {:.2?}",
                isi.len(),
                p.display(),
                mulai.elapsed()
            );
        }
        _ => {
            use std::io::Write;
            std::io::stdout()
                .write_all(&isi)
                .map_err(|e| e.to_string())?;
        }
    }
    l.db.tutup().await;
    Ok(())
}

#[derive(Subcommand)]
pub enum PerintahNomenklatur {
    /// Memuat satu keputusan perubahan nomenklatur Kepmendagri (baris `ubah`
    /// dan `hapus`, CSV/XLSX), seperti `POST /api/v1/nomenklatur/versi`:
    /// semua atau tidak sama sekali, laporan per baris di stdout; keluar 0
    /// dimuat, 2 ditolak, 1 galat.
    Muat {
        /// Berkas .csv atau .xlsx (kolom: tindakan, pemda, kode, nama, kinerja, indikator, satuan, jenis, spm)
        berkas: std::path::PathBuf,
        /// Nomor keputusan, mis. 900.1-861/2026
        #[arg(long)]
        kode: String,
        #[arg(long)]
        judul: String,
        /// Versi dasar yang diubah: kepmendagri_900_2024 atau pemutakhiran_2027
        #[arg(long)]
        dasar: String,
        /// Tahun anggaran pertama yang memakai perubahan ini
        #[arg(long)]
        berlaku_tahun: i64,
        /// Tanggal penetapan YYYY-MM-DD
        #[arg(long)]
        tanggal: String,
        /// Bahasa laporan: id atau en
        #[arg(long, default_value = "id")]
        lang: String,
        #[command(flatten)]
        db: OpsiDb,
    },
    /// Daftar perubahan yang dimuat, satu baris JSON per perubahan.
    List {
        #[command(flatten)]
        db: OpsiDb,
    },
}

/// `kinerja nomenklatur muat|list`; kode keluar sendiri (2 = berkas ditolak).
pub async fn nomenklatur(p: PerintahNomenklatur) -> ExitCode {
    pasang_log(false);
    match p {
        PerintahNomenklatur::Muat {
            berkas,
            kode,
            judul,
            dasar,
            berlaku_tahun,
            tanggal,
            lang,
            db,
        } => {
            let b = rules::Bahasa::dari_kode(&lang);
            let jalan = async {
                let (l, _) = buka(&db).await?;
                let isi = std::fs::read(&berkas)
                    .map_err(|e| format!("tidak dapat membaca {}: {e}", berkas.display()))?;
                let nama = berkas
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let k = app::Konteks {
                    bahasa: b,
                    ..app::Konteks::sistem()
                };
                let m = app::impor::MasukanVersi {
                    kode,
                    judul,
                    dasar,
                    berlaku_tahun,
                    tanggal_penetapan: tanggal,
                };
                let h = app::impor::impor_nomenklatur(&l, &k, m, &nama, &isi)
                    .await
                    .map_err(|e| match &e {
                        app::Galat::InputTidakValid { fields, .. } if !fields.is_empty() => fields
                            .iter()
                            .map(|(f, p)| format!("{f}: {p}"))
                            .collect::<Vec<_>>()
                            .join("\n"),
                        _ => e.to_string(),
                    })?;
                l.db.tutup().await;
                Ok::<_, String>(h)
            };
            match jalan.await {
                Ok(h) => {
                    print!("{}", h.laporan.ke_teks(b));
                    match h.versi {
                        Some(v) => {
                            println!(
                                "{}",
                                serde_json::json!({"id": v.id, "kode": v.kode, "berlaku_tahun": v.berlaku_tahun,
                                    "jumlah_ubah": v.jumlah_ubah, "jumlah_hapus": v.jumlah_hapus})
                            );
                            ExitCode::SUCCESS
                        }
                        None => ExitCode::from(2),
                    }
                }
                Err(e) => {
                    eprintln!("galat: {e}");
                    ExitCode::from(1)
                }
            }
        }
        PerintahNomenklatur::List { db } => {
            let jalan = async {
                let (l, _) = buka(&db).await?;
                let v = store::nomenklatur::daftar_versi(l.pool())
                    .await
                    .map_err(|e| e.to_string())?;
                l.db.tutup().await;
                Ok::<_, String>(v)
            };
            match jalan.await {
                Ok(v) => {
                    for x in v {
                        println!(
                            "{}",
                            serde_json::json!({"id": x.id, "kode": x.kode, "judul": x.judul, "dasar": x.dasar,
                                "berlaku_tahun": x.berlaku_tahun, "tanggal_penetapan": x.tanggal_penetapan,
                                "jumlah_ubah": x.jumlah_ubah, "jumlah_hapus": x.jumlah_hapus})
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("galat: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
