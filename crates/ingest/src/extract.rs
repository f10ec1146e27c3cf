//! Fills an article's structured fields (event, places, organisations, people, documents,
//! figures) from its headline and body.

use crate::orgs::{find_organizations, Implied};
use crate::{documents, entities, event, figures, people};
use nienbieu_model::Article;

/// Extracts everything structured from the article's title, captions and paragraphs.
pub fn enrich(a: &mut Article) {
    let published = a.published.map(|p| p.date());
    let title = a.title.as_deref();
    let lead = a.paragraphs.first().map(String::as_str);
    a.event_kind = event::event_kind(title, lead);
    let event = event::event_date(
        title
            .into_iter()
            .chain(a.paragraphs.iter().map(String::as_str)),
        published,
    );
    a.event_date = event.map(|e| e.start);
    a.event_end = event.and_then(|e| e.end);

    let all = || {
        title
            .into_iter()
            .chain(a.paragraphs.iter().map(String::as_str))
            .chain(a.captions.iter().map(String::as_str))
    };
    a.provinces = entities::find_provinces(all());
    let texts: Vec<&str> = all().collect();
    let implied = Implied::from_provinces(&a.provinces).with_locals(texts.iter().copied());
    let orgs = find_organizations(&texts, &implied);
    a.organizations = orgs.names;
    a.organization_aliases = orgs.aliases;
    a.people = people::find_people(all());
    a.documents = documents::find_documents(all());
    a.figures = figures::find_figures(a.paragraphs.iter().map(String::as_str));
}
