//! A small macro for closed lists of choices that have a stable storage code and a Swedish name.

/// Declares an enum whose variants each carry a storage code (stable, ASCII) and a Swedish label.
#[macro_export]
macro_rules! kodlista {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident = ($kod:literal, $namn:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $name { $($variant),+ }

        impl $name {
            pub const ALLA: &'static [$name] = &[$($name::$variant),+];

            /// The code stored in the database and used in files.
            pub fn kod(self) -> &'static str {
                match self { $($name::$variant => $kod),+ }
            }

            /// The Swedish name shown to the user.
            pub fn namn(self) -> &'static str {
                match self { $($name::$variant => $namn),+ }
            }

            pub fn fran_kod(kod: &str) -> Option<$name> {
                match kod { $($kod => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.namn())
            }
        }
    };
}
