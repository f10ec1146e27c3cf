//! Search before the app: the engine alone behind a small wasm-bindgen interface, without
//! Leptos (106 kB gzipped), so that the first screen painted into `index.html` can answer a
//! typed query while the app's own module (402 kB gzipped, Leptos about half of it) is still on
//! its way. `scripts/early.mjs` builds it with its runtime (`js/early.js`), which the painted
//! screen's script loads on a first visit (see ARCHITECTURE.md, "Search before the app").

mod searcher;

pub use searcher::{Row, Searcher};
use wasm_bindgen::prelude::*;

/// The searcher as JavaScript sees it; errors are thrown as `Error`s naming the file.
#[wasm_bindgen]
pub struct Early(Searcher);

#[wasm_bindgen]
impl Early {
    /// Loads the dataset of `manifest` (the text of `manifest.json`) from its core's bytes.
    #[wasm_bindgen(constructor)]
    pub fn new(manifest: &str, core: &[u8]) -> Result<Early, JsError> {
        Searcher::new(manifest, core)
            .map(Early)
            .map_err(|e| JsError::new(&e))
    }

    /// The term files `query` still needs, as paths relative to the manifest.
    pub fn needs(&self, query: &str) -> Vec<String> {
        self.0.needs(query)
    }

    /// Adds a term file that [`Early::needs`] named.
    pub fn add(&mut self, path: &str, bytes: Vec<u8>) -> Result<(), JsError> {
        self.0.add(path, bytes).map_err(|e| JsError::new(&e))
    }

    /// The first `n` hits of `query`, best first, or `undefined` while a term file is
    /// missing.
    pub fn search(&mut self, query: &str, n: usize) -> Option<Vec<u32>> {
        self.0.search(query, n)
    }

    /// How many articles the last complete search found.
    pub fn total(&self) -> usize {
        self.0.total()
    }

    /// Whether that count is approximate (a phrase too common to check in full).
    pub fn approximate(&self) -> bool {
        self.0.approximate()
    }

    /// The article file holding document `doc`, relative to the manifest.
    pub fn file_of(&self, doc: u32) -> String {
        self.0.file_of(doc)
    }

    /// The row of `doc` for `query` from its article file's text, flattened for the glue
    /// ([`Row`]'s fields in order): the id; flags (`u` untitled, `<` and `>` the snippet cut
    /// before and after); the date and its ISO form; the organisation; the province; how many
    /// pieces the headline has, then the headline's pieces and the snippet's.
    pub fn row(&self, query: &str, doc: u32, file: &str) -> Result<Vec<String>, JsError> {
        let r = self.0.row(query, doc, file).map_err(|e| JsError::new(&e))?;
        let flags: String = [(r.untitled, 'u'), (r.cut_before, '<'), (r.cut_after, '>')]
            .into_iter()
            .filter_map(|(on, c)| on.then_some(c))
            .collect();
        let head = [
            r.id,
            flags,
            r.date,
            r.datetime,
            r.organization,
            r.province,
            r.title.len().to_string(),
        ];
        Ok(head.into_iter().chain(r.title).chain(r.snippet).collect())
    }
}
