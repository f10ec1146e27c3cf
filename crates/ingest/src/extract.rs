//! Fills an article's structured fields (event, places, organisations, people, documents,
//! figures) from its headline and body.

use crate::orgs::{find_organizations_with, Implied};
use crate::{documents, entities, event, event_date, figures, organizer, people};
use nienbieu_model::{Article, Diagnostic, Severity};

/// Extracts everything structured from the article's title, captions and paragraphs.
pub fn enrich(a: &mut Article) {
    let published = a.published.map(|p| p.date());
    let title = a.title.as_deref();
    let lead = a.paragraphs.first().map(String::as_str);
    let paragraphs: Vec<&str> = a.paragraphs.iter().map(String::as_str).collect();
    let (kind, event_at) = event::event_kind(title, &paragraphs);
    a.event_kind = kind;
    let (when, why) = event_date::event_date(title, lead, published);
    a.event_date = when.map(|e| e.start);
    a.event_end = when.and_then(|e| e.end);
    if let Some(why) = why {
        a.diagnostics.push(Diagnostic {
            severity: Severity::Info,
            code: "event_date.undated".into(),
            message: format!("no date in the headline or the lead is the event's: {why}"),
        });
    }

    let texts: Vec<&str> = title
        .into_iter()
        .chain(a.paragraphs.iter().map(String::as_str))
        .chain(a.captions.iter().map(String::as_str))
        .collect();
    let (provinces, places) = entities::provinces_and_mentions(&texts);
    a.provinces = provinces;
    let implied = Implied::from_provinces(&a.provinces).with_locals(texts.iter().copied());
    let orgs = find_organizations_with(&texts, &implied, &places);
    let title_at = title.map(|_| 0);
    // The lead, and the paragraph that placed the story at its event where that is another.
    let first = usize::from(title.is_some());
    let leads: Vec<usize> = lead
        .map(|_| first)
        .into_iter()
        .chain(event_at.filter(|&p| p > 0).map(|p| first + p))
        .collect();
    a.organizer = organizer::organizer(a.event_kind, &texts, title_at, &leads, &orgs.mentions);
    // Figures from the headline and the paragraphs; captions repeat them.
    let body = first + a.paragraphs.len();
    a.figures = figures::find_figures(&texts[..body], &orgs.mentions, a.organizer.as_deref());
    a.organizations = orgs.names;
    a.organization_aliases = orgs.aliases;
    a.people = people::find_people(texts.iter().copied(), &implied);
    // A title's short form ("Bí thư Đảng ủy Khối") is the body the article names in full.
    for t in a.people.iter_mut().flat_map(|p| p.titles.iter_mut()) {
        if let Some(org) = t.organization.as_mut() {
            let mut longer = a.organizations.iter().filter(|o| {
                o.len() > org.len()
                    && o.starts_with(org.as_str())
                    && o[org.len()..].starts_with(' ')
            });
            if let (Some(one), None) = (longer.next(), longer.next()) {
                *org = one.clone();
            }
        }
    }
    a.documents = documents::find_documents(texts.iter().copied());
}
