//! Reads the dataset's JSON files (the manifest, article, catalog and id files) with the
//! small reader of [`crate::json`] instead of serde's generic code, field for field as serde
//! reads what serde writes (a test checks both on random records): unknown fields ignored,
//! `null` or no field at all for an optional one, no field for a list or map that serde
//! defaults, and an error for a missing required field or a value of the wrong kind. One
//! difference: a field written twice keeps its last value, where serde refuses the record
//! (ingest never writes one twice).

use super::records::CatalogEntry;
use super::{DatasetError, FileRef, LayerRef, Manifest, ViewFiles, SCHEMA_VERSION};
use crate::article::{
    Article, Diagnostic, DocumentRef, EventKind, Figure, Person, Severity, Title,
};
use crate::json::{self, Value};
use crate::time::{Date, Precision, Timestamp};
use std::collections::BTreeMap;

type R<T> = Result<T, String>;

/// Parses `text` as one JSON value, or says why it is not one.
fn parse(text: &str) -> Result<Value<'_>, DatasetError> {
    json::parse(text).map_err(|e| DatasetError::Malformed(e.to_string()))
}

/// An object's members, or an error naming what was expected.
fn members<'a>(v: Value<'a>, what: &str) -> R<Vec<(std::borrow::Cow<'a, str>, Value<'a>)>> {
    match v {
        Value::Object(m) => Ok(m),
        _ => Err(format!("expected {what} (an object)")),
    }
}

/// Reads each member of object `v` with `field`, naming the member in any error.
fn each<'a>(v: Value<'a>, what: &str, mut field: impl FnMut(&str, Value<'a>) -> R<()>) -> R<()> {
    for (k, v) in members(v, what)? {
        field(&k, v).map_err(|e| format!("`{k}`: {e}"))?;
    }
    Ok(())
}

/// The required field `name`, once read.
fn required<T>(v: Option<T>, name: &str) -> R<T> {
    v.ok_or_else(|| format!("missing field `{name}`"))
}

fn string(v: Value) -> R<String> {
    match v {
        Value::String(s) => Ok(s.into_owned()),
        _ => Err("expected a string".into()),
    }
}

fn boolean(v: Value) -> R<bool> {
    match v {
        Value::Bool(b) => Ok(b),
        _ => Err("expected true or false".into()),
    }
}

/// An unsigned integer no greater than `max`.
fn unsigned(v: Value, max: u64) -> R<u64> {
    match v {
        Value::Number(n) => json::unsigned(n)
            .filter(|&n| n <= max)
            .ok_or_else(|| format!("expected an integer from 0 to {max}, found {n}")),
        _ => Err("expected a number".into()),
    }
}

fn int32(v: Value) -> R<i32> {
    match v {
        Value::Number(n) => json::signed(n)
            .and_then(|n| i32::try_from(n).ok())
            .ok_or_else(|| format!("expected a 32-bit integer, found {n}")),
        _ => Err("expected a number".into()),
    }
}

fn float(v: Value) -> R<f64> {
    match v {
        Value::Number(n) => json::float(n).ok_or_else(|| format!("number out of range: {n}")),
        _ => Err("expected a number".into()),
    }
}

/// `null` as `None`, anything else read by `read`.
fn opt<'a, T>(v: Value<'a>, read: impl FnOnce(Value<'a>) -> R<T>) -> R<Option<T>> {
    match v {
        Value::Null => Ok(None),
        v => read(v).map(Some),
    }
}

/// An array, each item read by `read`.
fn list<'a, T>(v: Value<'a>, read: impl FnMut(Value<'a>) -> R<T>) -> R<Vec<T>> {
    match v {
        Value::Array(items) => items.into_iter().map(read).collect(),
        _ => Err("expected an array".into()),
    }
}

/// A string that `read` turns into a value, or an error quoting it.
fn coded<T>(v: Value, want: &str, read: impl FnOnce(&str) -> Option<T>) -> R<T> {
    let s = string(v)?;
    read(&s).ok_or_else(|| format!("invalid value {s:?}, want {want}"))
}

fn date(v: Value) -> R<Date> {
    coded(v, "YYYY-MM-DD", Date::parse_iso)
}

fn timestamp(v: Value) -> R<Timestamp> {
    coded(v, "YYYY-MM-DDTHH:MM:SS+07:00", Timestamp::parse_iso)
}

fn precision(v: Value) -> R<Precision> {
    coded(v, "day, minute or second", |s| match s {
        "day" => Some(Precision::Day),
        "minute" => Some(Precision::Minute),
        "second" => Some(Precision::Second),
        _ => None,
    })
}

/// An object of strings keyed by strings; a key written twice keeps its last value, as
/// serde's map does.
fn map<'a, T>(v: Value<'a>, mut read: impl FnMut(Value<'a>) -> R<T>) -> R<BTreeMap<String, T>> {
    let mut out = BTreeMap::new();
    for (k, v) in members(v, "a map")? {
        out.insert(k.into_owned(), read(v)?);
    }
    Ok(out)
}

fn strings(v: Value) -> R<Vec<String>> {
    list(v, string)
}

fn title(v: Value) -> R<Title> {
    let (mut role, mut organization) = (None, None);
    each(v, "a title", |k, v| {
        match k {
            "role" => role = Some(string(v)?),
            "organization" => organization = opt(v, string)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(Title {
        role: required(role, "role")?,
        organization,
    })
}

fn person(v: Value) -> R<Person> {
    let (mut name, mut roles, mut titles) = (None, None, Vec::new());
    each(v, "a person", |k, v| {
        match k {
            "name" => name = Some(string(v)?),
            "roles" => roles = Some(strings(v)?),
            "titles" => titles = list(v, title)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(Person {
        name: required(name, "name")?,
        roles: required(roles, "roles")?,
        titles,
    })
}

fn document(v: Value) -> R<DocumentRef> {
    let (mut kind, mut number, mut code, mut issuer) = (None, None, None, None);
    let mut d = DocumentRef::default();
    each(v, "a document", |k, v| {
        match k {
            "kind" => kind = Some(string(v)?),
            "number" => number = Some(string(v)?),
            "code" => code = Some(string(v)?),
            "issuer" => issuer = Some(string(v)?),
            "date" => d.date = opt(v, date)?,
            "year" => d.year = opt(v, int32)?,
            "issuer_name" => d.issuer_name = opt(v, string)?,
            "key" => d.key = string(v)?,
            _ => {}
        }
        Ok(())
    })?;
    d.kind = required(kind, "kind")?;
    d.number = required(number, "number")?;
    d.code = required(code, "code")?;
    d.issuer = required(issuer, "issuer")?;
    Ok(d)
}

fn figure(v: Value) -> R<Figure> {
    let (mut kind, mut value, mut text, mut sentence) = (None, None, None, None);
    let (mut of, mut unit, mut subject, mut period) = (None, None, None, None);
    each(v, "a figure", |k, v| {
        match k {
            "kind" => kind = Some(string(v)?),
            "value" => value = Some(float(v)?),
            "of" => of = opt(v, float)?,
            "unit" => unit = opt(v, string)?,
            "subject" => subject = opt(v, string)?,
            "period" => period = opt(v, string)?,
            "text" => text = Some(string(v)?),
            "sentence" => sentence = Some(string(v)?),
            _ => {}
        }
        Ok(())
    })?;
    Ok(Figure {
        kind: required(kind, "kind")?,
        value: required(value, "value")?,
        of,
        unit,
        subject,
        period,
        text: required(text, "text")?,
        sentence: required(sentence, "sentence")?,
    })
}

fn diagnostic(v: Value) -> R<Diagnostic> {
    let (mut severity, mut code, mut message) = (None, None, None);
    each(v, "a diagnostic", |k, v| {
        match k {
            "severity" => {
                severity = Some(coded(v, "info or warning", |s| match s {
                    "info" => Some(Severity::Info),
                    "warning" => Some(Severity::Warning),
                    _ => None,
                })?)
            }
            "code" => code = Some(string(v)?),
            "message" => message = Some(string(v)?),
            _ => {}
        }
        Ok(())
    })?;
    Ok(Diagnostic {
        severity: required(severity, "severity")?,
        code: required(code, "code")?,
        message: required(message, "message")?,
    })
}

fn article(v: Value) -> R<Article> {
    let (mut id, mut source) = (None, None);
    let mut a = Article::default();
    each(v, "an article", |k, v| {
        match k {
            "id" => id = Some(string(v)?),
            "source" => source = Some(string(v)?),
            "title" => a.title = opt(v, string)?,
            "published" => a.published = opt(v, timestamp)?,
            "published_precision" => a.published_precision = opt(v, precision)?,
            "event_date" => a.event_date = opt(v, date)?,
            "event_end" => a.event_end = opt(v, date)?,
            "event_kind" => {
                a.event_kind = coded(v, "an event kind", EventKind::from_code)?;
            }
            "provinces" => a.provinces = strings(v)?,
            "organizations" => a.organizations = strings(v)?,
            "organization_aliases" => a.organization_aliases = map(v, strings)?,
            "organizer" => a.organizer = opt(v, string)?,
            "people" => a.people = list(v, person)?,
            "documents" => a.documents = list(v, document)?,
            "figures" => a.figures = list(v, figure)?,
            "byline" => a.byline = opt(v, string)?,
            "captions" => a.captions = strings(v)?,
            "paragraphs" => a.paragraphs = strings(v)?,
            "meta" => a.meta = map(v, string)?,
            "diagnostics" => a.diagnostics = list(v, diagnostic)?,
            _ => {}
        }
        Ok(())
    })?;
    a.id = required(id, "id")?;
    a.source = required(source, "source")?;
    Ok(a)
}

/// Reads one article record.
pub fn decode_article(line: &str) -> Result<Article, DatasetError> {
    article(parse(line)?).map_err(DatasetError::Malformed)
}

/// Reads a fragments file: one article per line.
pub fn decode_fragment(text: &str) -> Result<Vec<Article>, DatasetError> {
    text.lines().map(decode_article).collect()
}

fn catalog_entry(v: Value) -> R<CatalogEntry> {
    let mut id = None;
    let (mut title, mut published, mut event_date) = (None, None, None);
    each(v, "a catalog entry", |k, v| {
        match k {
            "id" => id = Some(string(v)?),
            "title" => title = opt(v, string)?,
            "published" => published = opt(v, timestamp)?,
            "event_date" => event_date = opt(v, date)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(CatalogEntry {
        id: required(id, "id")?,
        title,
        published,
        event_date,
    })
}

/// Reads a catalog file: one entry per line.
pub fn decode_catalog(text: &str) -> Result<Vec<CatalogEntry>, DatasetError> {
    text.lines()
        .map(|l| catalog_entry(parse(l)?).map_err(DatasetError::Malformed))
        .collect()
}

/// Reads an id bucket: an array of `[id, document]` pairs.
pub fn decode_bucket(text: &str) -> Result<Vec<(String, u32)>, DatasetError> {
    let pair = |v: Value| -> R<(String, u32)> {
        match v {
            Value::Array(items) => match <[Value; 2]>::try_from(items) {
                Ok([id, doc]) => Ok((string(id)?, unsigned(doc, u32::MAX.into())? as u32)),
                Err(_) => Err("expected an [id, document] pair".into()),
            },
            _ => Err("expected an [id, document] pair".into()),
        }
    };
    list(parse(text)?, pair).map_err(DatasetError::Malformed)
}

fn file(v: Value) -> R<FileRef> {
    let (mut path, mut bytes) = (None, None);
    each(v, "a file", |k, v| {
        match k {
            "path" => path = Some(string(v)?),
            "bytes" => bytes = Some(unsigned(v, u64::MAX)?),
            _ => {}
        }
        Ok(())
    })?;
    Ok(FileRef {
        path: required(path, "path")?,
        bytes: required(bytes, "bytes")?,
    })
}

fn layer(v: Value) -> R<LayerRef> {
    let (mut dir, mut ext, mut files, mut bytes) = (None, None, None, None);
    each(v, "a layer", |k, v| {
        match k {
            "dir" => dir = Some(string(v)?),
            "ext" => ext = Some(string(v)?),
            "files" => files = Some(unsigned(v, u32::MAX.into())? as u32),
            "bytes" => bytes = Some(unsigned(v, u64::MAX)?),
            _ => {}
        }
        Ok(())
    })?;
    Ok(LayerRef {
        dir: required(dir, "dir")?,
        ext: required(ext, "ext")?,
        files: required(files, "files")?,
        bytes: required(bytes, "bytes")?,
    })
}

fn views(v: Value) -> R<ViewFiles> {
    let mut f: [Option<FileRef>; 4] = Default::default();
    each(v, "the views' files", |k, v| {
        let at = ["documents", "people", "organizations", "figures"]
            .iter()
            .position(|&n| n == k);
        if let Some(at) = at {
            f[at] = Some(file(v)?);
        }
        Ok(())
    })?;
    let [documents, people, organizations, figures] = f;
    Ok(ViewFiles {
        documents: required(documents, "documents")?,
        people: required(people, "people")?,
        organizations: required(organizations, "organizations")?,
        figures: required(figures, "figures")?,
    })
}

fn manifest(v: Value) -> R<Manifest> {
    let (mut schema_version, mut articles, mut synthetic, mut offline_auto_bytes) =
        (None, None, false, None);
    let mut compressed_bytes = None;
    let (mut core, mut columns, mut terms, mut views_) = (None, None, None, None);
    // postings, positions, pairs, fragments, catalog, ids
    let mut layers: [Option<LayerRef>; 6] = Default::default();
    each(v, "a manifest", |k, v| {
        const LAYERS: [&str; 6] = [
            "postings",
            "positions",
            "pairs",
            "fragments",
            "catalog",
            "ids",
        ];
        match k {
            "schema_version" => schema_version = Some(unsigned(v, u32::MAX.into())? as u32),
            "articles" => articles = Some(unsigned(v, usize::MAX as u64)? as usize),
            "synthetic" => synthetic = boolean(v)?,
            "offline_auto_bytes" => offline_auto_bytes = opt(v, |v| unsigned(v, u64::MAX))?,
            "compressed_bytes" => compressed_bytes = opt(v, |v| unsigned(v, u64::MAX))?,
            "core" => core = Some(file(v)?),
            "columns" => columns = Some(file(v)?),
            "terms" => terms = Some(file(v)?),
            "views" => views_ = Some(views(v)?),
            _ => {
                if let Some(at) = LAYERS.iter().position(|&n| n == k) {
                    layers[at] = Some(layer(v)?);
                }
            }
        }
        Ok(())
    })?;
    let [postings, positions, pairs, fragments, catalog, ids] = layers;
    Ok(Manifest {
        schema_version: required(schema_version, "schema_version")?,
        articles: required(articles, "articles")?,
        synthetic,
        offline_auto_bytes,
        compressed_bytes,
        core: required(core, "core")?,
        columns: required(columns, "columns")?,
        terms: required(terms, "terms")?,
        postings: required(postings, "postings")?,
        positions: required(positions, "positions")?,
        pairs: required(pairs, "pairs")?,
        fragments: required(fragments, "fragments")?,
        catalog: required(catalog, "catalog")?,
        ids: required(ids, "ids")?,
        views: required(views_, "views")?,
    })
}

/// Reads a manifest, checking its schema version first: a manifest of another version is
/// refused as such (not as malformed), whatever else it holds.
pub fn decode_manifest(text: &str) -> Result<Manifest, DatasetError> {
    let v = parse(text)?;
    let version = match &v {
        Value::Object(m) => m.iter().rev().find(|(k, _)| k == "schema_version"),
        _ => None,
    };
    match version.map(|(_, v)| v) {
        None | Some(Value::Null) if matches!(v, Value::Object(_)) => {
            return Err(DatasetError::MissingVersion)
        }
        Some(Value::Number(n)) => match json::unsigned(n).and_then(|n| u32::try_from(n).ok()) {
            Some(SCHEMA_VERSION) | None => {}
            Some(found) => return Err(super::version_error(found)),
        },
        _ => {}
    }
    manifest(v).map_err(DatasetError::Malformed)
}
