//! Fuzz target: any bytes, decoded and parsed as a page and as a JSON Lines record, must give
//! an article (or a reason to refuse the input), never a panic; every article serialises. The
//! extractors also run on the raw lines, one text each, as no page would hand them over.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nienbieu_ingest::dates::parse_date_line;
use nienbieu_ingest::documents::{citation_spans, find_documents};
use nienbieu_ingest::entities::provinces_and_mentions;
use nienbieu_ingest::event::event_kind;
use nienbieu_ingest::event_date::event_date;
use nienbieu_ingest::figures::find_figures;
use nienbieu_ingest::headline::{is_caption_line, is_lead_sentence, is_leading_caption};
use nienbieu_ingest::organizer::organizer;
use nienbieu_ingest::orgs::{find_organizations_with, Implied};
use nienbieu_ingest::page::parse_record;
use nienbieu_ingest::people::find_people;
use nienbieu_ingest::{decode_bytes, parse_page};

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = decode_bytes(data) {
        let text = &decoded.text;
        let page = parse_page("fuzz", "fuzz.txt", text);
        serde_json::to_string(&page).expect("an article always serialises");
        let record = parse_record(
            "fuzz",
            "fuzz.jsonl:1",
            None,
            Some(text),
            text,
            Default::default(),
        );
        serde_json::to_string(&record).expect("an article always serialises");
        let lines: Vec<&str> = text.lines().take(64).collect();
        for line in &lines {
            let _ = parse_date_line(line);
            let _ = (
                is_lead_sentence(line),
                is_caption_line(line),
                is_leading_caption(line),
            );
            let _ = citation_spans(line);
        }
        let _ = find_documents(lines.iter().copied());
        let (provinces, places) = provinces_and_mentions(&lines);
        let implied = Implied::from_provinces(&provinces);
        let orgs = find_organizations_with(&lines, &implied, &places);
        let _ = find_people(lines.iter().copied(), &implied);
        let _ = find_figures(
            &lines,
            &orgs.mentions,
            provinces.first().map(String::as_str),
        );
        let (title, lead) = (lines.first().copied(), lines.get(1).copied());
        let paragraphs = lines.get(1..).unwrap_or_default();
        let (kind, at) = event_kind(title, paragraphs);
        let _ = event_date(title, lead, None);
        let t = title.map(|_| 0);
        let leads: Vec<usize> = lead
            .map(|_| 1)
            .into_iter()
            .chain(at.filter(|&p| p > 0).map(|p| p + 1))
            .collect();
        let _ = organizer(kind, &lines, t, &leads, &orgs.mentions);
    }
});
