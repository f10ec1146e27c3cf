//! The `nienbieu-ingest` command line: arguments, output files, the summary and exit codes.

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use nienbieu_ingest::{build_dataset, ingest_paths_with_progress, write_dataset_dir, Outcome};
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
    /// Write the dataset to DIR: manifest.json, the search index and the article chunks
    /// (files of an earlier dataset there are removed)
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Print one JSON object per article on standard output
    #[arg(long)]
    json_lines: bool,
    /// Print only the summary and failures
    #[arg(short, long)]
    quiet: bool,
    /// A file or a directory (read recursively). Files ending in .jsonl hold one JSON record
    /// per line (id, title, date, body; other fields are kept as metadata); any other file is
    /// one raw page (UTF-8 with or without BOM, or UTF-16 with BOM)
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

const AFTER_HELP: &str = "\
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
    let outcome = ingest_paths_with_progress(&opts.inputs, &progress);
    bar.finish_and_clear();

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

/// Builds the dataset (search index and chunks) and writes it to `dir`, reporting its size.
fn write_dataset(dir: &Path, articles: &[nienbieu_model::Article]) -> io::Result<()> {
    let started = std::time::Instant::now();
    let files = build_dataset(articles);
    write_dataset_dir(dir, &files)?;
    let m = &files.manifest;
    eprintln!(
        "dataset: {} ({} articles, index {:.1} MB, {} chunk(s), {:.1} MB in all) built in {:.2} s",
        dir.display(),
        m.articles,
        m.index.bytes as f64 / 1e6,
        m.chunks.len(),
        m.total_bytes() as f64 / 1e6,
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
