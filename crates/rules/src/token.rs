//! Enum bertoken: setiap nilai punya satu token snake_case yang stabil
//! (dipakai di JSON, di basis data, di URL). Makro ini memberi setiap enum
//! `token()`, `dari_token()`, `SEMUA`, `TOKEN`, `Display`, `FromStr` dan serde
//! sebagai string, supaya semua enum aturan berperilaku sama.

/// Token yang tidak dikenal untuk suatu enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenTidakDikenal {
    /// Teks yang diberikan.
    pub diberikan: String,
    /// Token yang diizinkan.
    pub diizinkan: &'static [&'static str],
}

impl std::fmt::Display for TokenTidakDikenal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "nilai '{}' tidak dikenal; pilihan: {}",
            self.diberikan,
            self.diizinkan.join(", ")
        )
    }
}

impl std::error::Error for TokenTidakDikenal {}

/// Enum bertoken, untuk pembaca masukan kalkulator yang generik.
pub(crate) trait Token: Sized + Copy {
    /// Semua token yang diizinkan.
    fn daftar_token() -> &'static [&'static str];
    /// Nilai dari token.
    fn dari(teks: &str) -> Option<Self>;
}

macro_rules! enum_token {
    (
        $(#[$meta:meta])*
        pub enum $nama:ident {
            $( $(#[$vmeta:meta])* $varian:ident => $token:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $nama {
            $( $(#[$vmeta])* $varian ),+
        }

        impl $nama {
            /// Semua nilai, dalam urutan deklarasi.
            pub const SEMUA: &'static [$nama] = &[$($nama::$varian),+];
            /// Semua token, dalam urutan deklarasi.
            pub const TOKEN: &'static [&'static str] = &[$($token),+];

            /// Token stabil nilai ini (seperti di JSON).
            pub const fn token(self) -> &'static str {
                match self { $($nama::$varian => $token),+ }
            }

            /// Nilai dari token; `None` bila token tidak dikenal.
            pub fn dari_token(teks: &str) -> Option<Self> {
                match teks { $($token => Some($nama::$varian),)+ _ => None }
            }
        }

        impl $crate::token::Token for $nama {
            fn daftar_token() -> &'static [&'static str] {
                Self::TOKEN
            }
            fn dari(teks: &str) -> Option<Self> {
                Self::dari_token(teks)
            }
        }

        /// Skema OpenAPI: teks dengan salah satu token (dari `TOKEN`, bukan daftar kedua).
        #[cfg(feature = "openapi")]
        impl ::utoipa::PartialSchema for $nama {
            fn schema() -> ::utoipa::openapi::RefOr<::utoipa::openapi::schema::Schema> {
                $crate::kalkulator::skema::pilihan(Self::TOKEN)
            }
        }

        #[cfg(feature = "openapi")]
        impl ::utoipa::ToSchema for $nama {}

        impl ::std::fmt::Display for $nama {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.token())
            }
        }

        impl ::std::str::FromStr for $nama {
            type Err = $crate::token::TokenTidakDikenal;
            fn from_str(teks: &str) -> Result<Self, Self::Err> {
                Self::dari_token(teks).ok_or_else(|| $crate::token::TokenTidakDikenal {
                    diberikan: teks.to_string(),
                    diizinkan: Self::TOKEN,
                })
            }
        }

        impl ::serde::Serialize for $nama {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.token())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $nama {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let teks = <String as ::serde::Deserialize>::deserialize(d)?;
                teks.parse().map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }
    };
}
