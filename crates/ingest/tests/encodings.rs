//! The five seeds converted to each legacy Vietnamese encoding (Windows-1258 with combining
//! tone marks as Windows writes it, VISCII, TCVN3, VNI) give the same articles as the UTF-8
//! originals: the encoding is detected, the text decoded and composed to NFC.
//!
//! VISCII and TCVN3 have no curly quotes, dashes or ellipsis (VISCII no no-break space
//! either): their files hold the ASCII stand-ins a legacy editor typed ("-", "...", '"'), and
//! are compared with the UTF-8 seeds carrying the same stand-ins. Every letter survives.

use nienbieu_ingest::encoding::legacy::ascii_stand_in;
use nienbieu_ingest::encoding::{encode_as_legacy, Charset, Legacy};
use nienbieu_ingest::{ingest_paths, ingest_paths_with_options, IngestOptions};
use nienbieu_model::Article;
use std::fs;
use std::path::{Path, PathBuf};

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/raw/seeds");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| (n.clone(), fs::read_to_string(dir.join(n)).unwrap()))
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nienbieu-enc-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The article without what depends on where and how it was read.
fn comparable(mut a: Article) -> Article {
    a.source.clear();
    a.diagnostics.retain(|d| d.code != "input.encoding");
    a
}

fn ingest(dir: &Path) -> Vec<Article> {
    let out = ingest_paths(&[dir.to_path_buf()]);
    assert!(out.failures.is_empty(), "{:?}", out.failures);
    out.articles
}

const LEGACY: [Charset; 4] = [
    Charset::WINDOWS_1258,
    Charset::Legacy(Legacy::Viscii),
    Charset::Legacy(Legacy::Tcvn3),
    Charset::Legacy(Legacy::Vni),
];

#[test]
fn seeds_in_every_legacy_encoding_give_the_utf8_articles() {
    let mut report = Vec::new();
    for charset in LEGACY {
        let name = charset.name();
        let legacy_dir = scratch(name);
        let reference_dir = scratch(&format!("{name}-ref"));
        let mut stand_ins = 0;
        for (file, text) in seeds() {
            let (bytes, replaced) = encode_as_legacy(&text, charset).unwrap();
            assert!(
                replaced
                    .iter()
                    .all(|c| ascii_stand_in(*c) != "?" && !c.is_alphanumeric()),
                "{name} {file}: a letter had no code: {replaced:?}"
            );
            stand_ins += replaced.len();
            let reference: String = text
                .chars()
                .map(|c| {
                    if replaced.contains(&c) {
                        ascii_stand_in(c).to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            fs::write(legacy_dir.join(&file), bytes).unwrap();
            fs::write(reference_dir.join(&file), reference).unwrap();
        }
        let got = ingest(&legacy_dir);
        for a in &got {
            let enc = a.diagnostics.iter().find(|d| d.code == "input.encoding");
            let said = enc.map(|d| d.message.as_str()).unwrap_or("");
            assert!(said.starts_with(name), "{}: {said}", a.id);
            assert!(
                !a.diagnostics.iter().any(|d| d.code == "input.repaired"),
                "{}",
                a.id
            );
            report.push(format!("{}: {said}", a.id));
        }
        let want = ingest(&reference_dir);
        let got: Vec<_> = got.into_iter().map(comparable).collect();
        let want: Vec<_> = want.into_iter().map(comparable).collect();
        assert_eq!(got, want, "{name}");
        if matches!(name, "windows-1258" | "VNI") {
            assert_eq!(stand_ins, 0, "{name} holds every character of the seeds");
        }
        let _ = fs::remove_dir_all(&legacy_dir);
        let _ = fs::remove_dir_all(&reference_dir);
    }
    eprintln!("{}", report.join("\n"));
}

#[test]
fn windows_1258_and_vni_seeds_equal_the_originals_exactly() {
    let originals = scratch("orig");
    for (file, text) in seeds() {
        fs::write(originals.join(file), text).unwrap();
    }
    let want: Vec<_> = ingest(&originals).into_iter().map(comparable).collect();
    for charset in [Charset::WINDOWS_1258, Charset::Legacy(Legacy::Vni)] {
        let dir = scratch(&format!("exact-{}", charset.name()));
        for (file, text) in seeds() {
            fs::write(dir.join(file), encode_as_legacy(&text, charset).unwrap().0).unwrap();
        }
        let got: Vec<_> = ingest(&dir).into_iter().map(comparable).collect();
        assert_eq!(got, want, "{}", charset.name());
        let _ = fs::remove_dir_all(&dir);
    }
    let _ = fs::remove_dir_all(&originals);
}

#[test]
fn the_encoding_option_overrides_detection() {
    let (file, text) = seeds().remove(0);
    let dir = scratch("forced");
    let (bytes, _) = encode_as_legacy(&text, Charset::Legacy(Legacy::Tcvn3)).unwrap();
    fs::write(dir.join(&file), bytes).unwrap();
    let forced = |charset| {
        let out = ingest_paths_with_options(
            std::slice::from_ref(&dir),
            IngestOptions {
                encoding: Some(charset),
            },
            &|_, _| {},
        );
        out.articles.into_iter().next().unwrap()
    };
    let right = forced(Charset::Legacy(Legacy::Tcvn3));
    assert!(right
        .title
        .as_deref()
        .unwrap()
        .starts_with("Đảng bộ Liên đoàn"));
    assert_eq!(right.diagnostics[0].message, "TCVN3, named by --encoding");
    // Forced wrong, the text is garbage, as asked: nothing second-guesses the user.
    let wrong = forced(Charset::Legacy(Legacy::Vni));
    assert!(!wrong.title.as_deref().unwrap_or("").contains("Đảng"));
    let _ = fs::remove_dir_all(&dir);
}
