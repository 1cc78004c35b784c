//! Files the program creates hold case data: on Unix they are readable by their owner only
//! (files 0600, folders 0700); on Windows they live under the user's profile, which is private.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Creates `mapp` and any missing parents, new ones readable by the owner only.
pub fn skapa_mapp(mapp: &Path) -> io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(mapp)
}

/// Opens `fil` for writing, truncated, readable by the owner only (also when it existed).
pub fn skapa_fil(fil: &Path) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let f = o.open(fil)?;
    gor_privat(fil)?;
    Ok(f)
}

/// Restricts an existing file to its owner (a file made by another library, e.g. SQLite).
pub fn gor_privat(fil: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(fil, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = fil;
    Ok(())
}

/// Writes `data` to `fil` (owner only) and makes sure it is on disk before returning.
pub fn skriv(fil: &Path, data: impl AsRef<[u8]>) -> io::Result<()> {
    let mut f = skapa_fil(fil)?;
    f.write_all(data.as_ref())?;
    f.sync_all()
}

/// Flushes a finished file and the folder entry that names it, so a rename survives a crash.
pub fn synka(fil: &Path) -> io::Result<()> {
    File::open(fil)?.sync_all()?;
    #[cfg(unix)]
    if let Some(mapp) = fil.parent().filter(|m| !m.as_os_str().is_empty()) {
        File::open(mapp)?.sync_all()?;
    }
    Ok(())
}

/// What an operating-system error on a file means, in Swedish words (its own text is English).
/// Used for every file the program reads or writes.
pub fn orsak(e: &io::Error) -> String {
    use io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "filen eller mappen finns inte".into(),
        K::PermissionDenied => "behörighet saknas".into(),
        K::AlreadyExists => "filen finns redan".into(),
        K::StorageFull | K::QuotaExceeded => "disken är full".into(),
        K::ReadOnlyFilesystem => "disken är skrivskyddad".into(),
        K::IsADirectory => "sökvägen är en mapp, inte en fil".into(),
        K::NotADirectory => "en del av sökvägen är en fil, inte en mapp".into(),
        K::DirectoryNotEmpty => "mappen är inte tom".into(),
        K::FileTooLarge => "filen är för stor".into(),
        K::InvalidFilename => "filnamnet är ogiltigt eller för långt".into(),
        K::InvalidData | K::UnexpectedEof => "innehållet kan inte läsas".into(),
        K::ResourceBusy | K::ExecutableFileBusy => "filen används av ett annat program".into(),
        K::Interrupted | K::TimedOut => "åtgärden avbröts".into(),
        K::BrokenPipe => "mottagaren slutade läsa".into(),
        K::WriteZero => "allt kunde inte skrivas".into(),
        K::CrossesDevices => "filen kan inte flyttas mellan diskar".into(),
        K::OutOfMemory => "minnet tog slut".into(),
        K::Unsupported => "åtgärden stöds inte här".into(),
        _ => match e.raw_os_error() {
            Some(n) => format!("ett oväntat fel i filsystemet (kod {n})"),
            None => "ett oväntat fel i filsystemet".into(),
        },
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn files_and_folders_are_for_the_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let mapp = dir.path().join("a/b");
        skapa_mapp(&mapp).unwrap();
        let fil = mapp.join("brev.pdf");
        skriv(&fil, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&mapp), 0o700);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&fil), 0o600);
    }
}
