//! The `nienbieu-ingest` command line: arguments, output files, the summary and exit codes.

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
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

/// Turn raw Vietnamese news pages into the Niên biểu dataset.
#[derive(Parser)]
#[command(
    name = "nienbieu-ingest",
    version,
    about = "nienbieu-ingest: turn raw Vietnamese news pages into the Niên biểu dataset",
    after_help = AFTER_HELP,
    arg_required_else_help = true
)]
struct Options {
    /// Write the dataset to DIR: manifest.json and its layers (core, term shards, articles;
    /// those of an earlier dataset there are removed)
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Print one JSON object per article on standard output
    #[arg(long)]
    json_lines: bool,
    /// Read every input in encoding E instead of detecting it: utf-8, utf-16le, utf-16be,
    /// windows-1258, viscii, tcvn3, vni, or any WHATWG label (latin1, windows-1252, ...)
    #[arg(long, value_name = "E", value_parser = parse_charset)]
    encoding: Option<Charset>,
    /// Save the whole dataset for offline use without asking up to this many megabytes (as
    /// stored); beyond, the app offers to. Written into the manifest; the app's default is 24
    #[arg(long, value_name = "MB")]
    offline_auto_mb: Option<f64>,
    /// Print only the summary and failures
    #[arg(short, long)]
    quiet: bool,
    /// A file or a directory (read recursively; hidden files and site assets are skipped
    /// there), recognised as JSON Lines, an HTML page or a text page (see below)
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

const AFTER_HELP: &str = "\
INPUTS, each file recognised as:
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

EXIT CODES:
    0   every input gave an article (some may carry warnings)
    1   some inputs failed; every other article was still written
    2   bad usage, or the output could not be written";

fn main() -> ExitCode {
    let opts = Options::parse();
    if opts.out.is_none() && !opts.json_lines {
        // Exits with code 2, like every other usage error.
        Options::command()
            .error(
                ErrorKind::MissingRequiredArgument,
                "nothing to do: give --out DIR, --json-lines, or both",
            )
            .exit();
    }
    let started = std::time::Instant::now();
    // A progress bar on long runs, only where a person watches the terminal.
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if opts.quiet || !io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template("[{bar:30}] {pos}/{len} articles ({eta} left)")
            .expect("a valid template")
            .progress_chars("#> "),
    );
    let progress = |done: usize, total: usize| {
        if total >= 500 {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    };
    let options = IngestOptions {
        encoding: opts.encoding,
    };
    let outcome = ingest_paths_with_options(&opts.inputs, options, &progress);
    bar.finish_and_clear();

    if opts.json_lines {
        if let Err(e) = write_json_lines(&outcome) {
            eprintln!("error: cannot write to standard output: {e}");
            return ExitCode::from(2);
        }
    }
    if let Some(out) = &opts.out {
        let auto = opts.offline_auto_mb.map(|mb| (mb.max(0.0) * 1e6) as u64);
        if let Err(e) = write_dataset(out, &outcome.articles, auto) {
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
fn write_dataset(
    dir: &Path,
    articles: &[nienbieu_model::Article],
    offline_auto_bytes: Option<u64>,
) -> io::Result<()> {
    let started = std::time::Instant::now();
    let mut files = build_dataset(articles);
    files.manifest.offline_auto_bytes = offline_auto_bytes;
    write_dataset_dir(dir, &files)?;
    let m = &files.manifest;
    let mb = |b: u64| b as f64 / 1e6;
    eprintln!(
        "dataset: {} ({} articles; core {:.2} MB, terms {:.1} MB in {} + {} + {} shards, articles \
         {:.1} MB in {} files; {:.1} MB in all, {:.1} MB gzipped) built in {:.2} s",
        dir.display(),
        m.articles,
        mb(m.core.bytes),
        mb(m.terms.bytes + m.postings.bytes + m.positions.bytes + m.pairs.bytes),
        m.postings.files,
        m.positions.files,
        m.pairs.files,
        mb(m.fragments.bytes),
        m.fragments.files,
        mb(m.total_bytes()),
        mb(m.compressed_bytes.unwrap_or_default()),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Reads an encoding name for `--encoding`.
fn parse_charset(name: &str) -> Result<Charset, String> {
    Charset::from_label(name).ok_or_else(|| format!("unknown encoding {name:?}"))
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
