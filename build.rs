//! Embeds the icon and the version information in the Windows `.exe` (Explorer's Properties
//! shows Bistånd, the version and the publisher). Only when the target is Windows; a Linux
//! build needs no Windows tool. The publisher is `[package.metadata.bistand] utgivare` in
//! Cargo.toml.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rerun-if-changed=icons/bistand.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let utgivare = utgivare(&manifest.join("Cargo.toml")).unwrap_or_else(|| "Bistånd".into());
    let rc = out.join("bistand.rc");
    if std::fs::write(&rc, resursskript(&manifest.join("icons/bistand.ico"), &utgivare)).is_err() {
        println!("cargo:warning=could not write {}", rc.display());
        return;
    }
    let obj = out.join("bistand-resurser.o");
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".into());
    let status = Command::new(&windres)
        .args(["--codepage=65001", "--input-format=rc", "--output-format=coff", "-i"])
        .arg(&rc)
        .arg("-o")
        .arg(&obj)
        .status();
    match status {
        Ok(s) if s.success() => println!("cargo:rustc-link-arg-bins={}", obj.display()),
        _ => println!("cargo:warning={windres} failed or is missing: the .exe gets no icon or version information"),
    }
}

/// `utgivare = "…"` under `[package.metadata.bistand]`.
fn utgivare(cargo_toml: &Path) -> Option<String> {
    let text = std::fs::read_to_string(cargo_toml).ok()?;
    let mut i_avsnitt = false;
    for rad in text.lines().map(str::trim) {
        if rad.starts_with('[') {
            i_avsnitt = rad == "[package.metadata.bistand]";
        } else if i_avsnitt && let Some(varde) = rad.strip_prefix("utgivare") {
            let varde = varde.trim_start().strip_prefix('=')?.trim();
            return Some(varde.trim_matches('"').to_string());
        }
    }
    None
}

fn resursskript(ikon: &Path, utgivare: &str) -> String {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_else(|_| "0.0.0".into());
    let delar: Vec<u16> = version.split(['.', '-', '+']).take(3).map(|d| d.parse().unwrap_or(0)).collect();
    let nummer =
        format!("{},{},{},0", delar.first().unwrap_or(&0), delar.get(1).unwrap_or(&0), delar.get(2).unwrap_or(&0));
    let rc_text = |s: &str| s.replace('\\', "\\\\").replace('"', "\"\"");
    let beskrivning = std::env::var("CARGO_PKG_DESCRIPTION").unwrap_or_default();
    format!(
        r#"#pragma code_page(65001)
1 ICON "{ikon}"
1 VERSIONINFO
FILEVERSION {nummer}
PRODUCTVERSION {nummer}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "041D04B0"
    BEGIN
      VALUE "CompanyName", "{utgivare}"
      VALUE "FileDescription", "{beskrivning}"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "bistand"
      VALUE "OriginalFilename", "bistand.exe"
      VALUE "ProductName", "Bistånd"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x041D, 1200
  END
END
"#,
        ikon = rc_text(&ikon.display().to_string()),
        utgivare = rc_text(utgivare),
        beskrivning = rc_text(&beskrivning),
    )
}
