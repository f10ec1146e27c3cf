//! The `nienbieu-ingest` command line: arguments, output files, the summary and exit codes.

use nienbieu_ingest::encoding::Charset;
use nienbieu_ingest::{
    build_dataset, ingest_paths_with_options, write_dataset_dir, IngestOptions, Outcome,
};
use nienbieu_model::Severity;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Ingest allocates millions of short strings (tokens, terms); mimalloc frees and reuses
/// them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HELP: &str = "\
nienbieu-ingest: turn raw Vietnamese news pages into the Niên biểu dataset

USAGE:
    nienbieu-ingest [OPTIONS] <INPUT>...

INPUT is a file or a directory (read recursively; hidden files, and site assets such as
images, style sheets and scripts, are skipped there). Each file is recognised as:
    JSON Lines   name ends in .jsonl: one JSON record per line (id, title, date, body;
                 other fields are kept as metadata)
    HTML page    name ends in .html, .htm, .xhtml or .shtml, or the text starts with
                 <!DOCTYPE html>, <html> or <head>: headline, date and author from the
                 page's JSON-LD, Open Graph and <meta> tags, the body from its main
                 content, captions from <figcaption>; the text rules for the rest
    text page    any other file: one article, read by the text rules
Encodings: UTF-8 (with or without BOM) and UTF-16 (with BOM); other bytes are detected
among windows-1258, VISCII, TCVN3 (ABC) and VNI (the page's <meta charset>, chardetng and
the letters' statistics), and each article's diagnostics say which and how.

OPTIONS:
    -o, --out <DIR>     write the dataset to DIR: manifest.json and its layers (core,
                        term shards, articles; those of an earlier dataset are removed)
        --json-lines    print one JSON object per article on standard output
        --encoding <E>  read every input in encoding E instead of detecting it: utf-8,
                        utf-16le, utf-16be, windows-1258, viscii, tcvn3, vni, or any
                        WHATWG label (latin1, windows-1252, ...)
    -q, --quiet         print only the summary and failures
    -h, --help          print this help
    -V, --version       print the version

EXIT CODES:
    0   every input gave an article (some may carry warnings)
    1   some inputs failed; every other article was still written
    2   bad usage, or the output could not be written
";

struct Options {
    out: Option<PathBuf>,
    json_lines: bool,
    quiet: bool,
    encoding: Option<Charset>,
    inputs: Vec<PathBuf>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut opts = Options {
        out: None,
        json_lines: false,
        quiet: false,
        encoding: None,
        inputs: Vec::new(),
    };
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => {
                print!("{HELP}");
                return Ok(None);
            }
            Some("-V" | "--version") => {
                println!("nienbieu-ingest {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            Some("-o" | "--out") => {
                opts.out = Some(args.next().ok_or("--out needs a directory name")?.into());
            }
            Some("--json-lines") => opts.json_lines = true,
            Some("--encoding") => {
                let name = args.next().ok_or("--encoding needs an encoding name")?;
                let name = name.to_string_lossy();
                let charset = Charset::from_label(&name)
                    .ok_or_else(|| format!("unknown encoding {name:?} for --encoding"))?;
                opts.encoding = Some(charset);
            }
            Some("-q" | "--quiet") => opts.quiet = true,
            Some(s) if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            _ => opts.inputs.push(arg.into()),
        }
    }
    if opts.inputs.is_empty() {
        return Err("no input given".into());
    }
    if opts.out.is_none() && !opts.json_lines {
        return Err("nothing to do: give --out DIR, --json-lines, or both".into());
    }
    Ok(Some(opts))
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(Some(o)) => o,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    // A progress bar on long runs, only where a person watches the terminal.
    let show = !opts.quiet && io::stderr().is_terminal();
    let progress = |done: usize, total: usize| {
        if show && total >= 500 {
            let filled = done * 30 / total;
            eprint!(
                "\r[{}{}] {done}/{total} articles",
                "#".repeat(filled),
                " ".repeat(30 - filled)
            );
            if done == total {
                eprintln!();
            }
        }
    };
    let options = IngestOptions {
        encoding: opts.encoding,
    };
    let outcome = ingest_paths_with_options(&opts.inputs, options, &progress);

    if opts.json_lines {
        if let Err(e) = write_json_lines(&outcome) {
            eprintln!("error: cannot write to standard output: {e}");
            return ExitCode::from(2);
        }
    }
    if let Some(out) = &opts.out {
        if let Err(e) = write_dataset(out, &outcome.articles) {
            eprintln!("error: cannot write {}: {e}", out.display());
            return ExitCode::from(2);
        }
    }
    report(&outcome, &opts, started.elapsed());
    if outcome.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn write_json_lines(outcome: &Outcome) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    for a in &outcome.articles {
        serde_json::to_writer(&mut out, a)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Builds the dataset (its layers) and writes it to `dir`, reporting its size.
fn write_dataset(dir: &Path, articles: &[nienbieu_model::Article]) -> io::Result<()> {
    let started = std::time::Instant::now();
    let files = build_dataset(articles);
    write_dataset_dir(dir, &files)?;
    let m = &files.manifest;
    let mb = |b: u64| b as f64 / 1e6;
    eprintln!(
        "dataset: {} ({} articles; core {:.2} MB, terms {:.1} MB in {} + {} shards, articles \
         {:.1} MB in {} files; {:.1} MB in all) built in {:.2} s",
        dir.display(),
        m.articles,
        mb(m.core.bytes),
        mb(m.terms.bytes + m.postings.bytes + m.positions.bytes),
        m.postings.files,
        m.positions.files,
        mb(m.fragments.bytes),
        m.fragments.files,
        mb(m.total_bytes()),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn report(outcome: &Outcome, opts: &Options, elapsed: std::time::Duration) {
    let mut err = io::stderr().lock();
    let warned: Vec<_> = outcome
        .articles
        .iter()
        .filter(|a| {
            a.diagnostics
                .iter()
                .any(|d| d.severity == Severity::Warning)
        })
        .collect();
    if !opts.quiet {
        for a in &warned {
            for d in a
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
            {
                let _ = writeln!(err, "warning: {}: {} ({})", a.source, d.message, d.code);
            }
        }
    }
    for f in &outcome.failures {
        let _ = writeln!(err, "error: {}: {}", f.source, f.message);
    }
    let mut by_reason: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &outcome.failures {
        *by_reason.entry(f.reason).or_default() += 1;
    }
    let reasons: Vec<String> = by_reason.iter().map(|(r, n)| format!("{r}: {n}")).collect();
    let _ = writeln!(
        err,
        "ingest: {} article(s) written, {} with warnings, {} input(s) failed{} in {:.2} s",
        outcome.articles.len(),
        warned.len(),
        outcome.failures.len(),
        if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join(", "))
        },
        elapsed.as_secs_f64()
    );
}
