//! The bundled example, made from the CDU/SPD letter on the KIM report.
//! Embedded so that a first start anywhere has something real to show.

use std::io;
use std::path::Path;

/// Relative path and content of each example file.
pub const FILES: &[(&str, &str)] = &[
    (
        "sitzungen/soz-2022-09-07.toml",
        include_str!("../config/example/sitzungen/soz-2022-09-07.toml"),
    ),
    (
        "antraege/kim-bericht-2022.toml",
        include_str!("../config/example/antraege/kim-bericht-2022.toml"),
    ),
];

/// Writes the example into `dir`, creating folders; never overwrites a file.
pub fn write_to(dir: &Path) -> io::Result<()> {
    for (path, content) in FILES {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
        {
            Ok(mut file) => io::Write::write_all(&mut file, content.as_bytes())?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
