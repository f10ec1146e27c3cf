//! The search engine exposed to JavaScript through wasm-bindgen, so that the benchmark page
//! can time it in Chromium beside MiniSearch and FlexSearch on the same articles and queries.
//! The app links the same engine; this crate adds nothing but the bindings.

use nienbieu_model::index::Need;
use nienbieu_model::{Engine, SearchRequest};
use wasm_bindgen::prelude::*;

/// A loaded engine.
#[wasm_bindgen]
pub struct Bench {
    engine: Engine,
    ids: Vec<String>,
}

#[wasm_bindgen]
impl Bench {
    /// Loads the core layer from its bytes (copied into wasm memory).
    #[wasm_bindgen(constructor)]
    pub fn new(core: &[u8]) -> Result<Bench, JsError> {
        let engine = Engine::load_core(core).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Bench {
            engine,
            ids: Vec::new(),
        })
    }

    /// Adds a file of the term layers: `kind` is `columns`, `directory`, `postings`,
    /// `positions` or `pairs`, `n` the shard's number.
    pub fn add(&mut self, kind: &str, n: u32, bytes: &[u8]) -> Result<(), JsError> {
        let need = match kind {
            "directory" => Need::Directory,
            "postings" => Need::Postings(n),
            "positions" => Need::Positions(n),
            "pairs" => Need::Pairs(n),
            "columns" => Need::Columns,
            _ => return Err(JsError::new(&format!("unknown layer {kind}"))),
        };
        self.engine
            .add(need, bytes.to_vec())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Sets the article ids, in document order (from the catalog), as a JSON array.
    pub fn set_ids(&mut self, json: &str) -> Result<(), JsError> {
        self.ids = serde_json::from_str(json).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// Runs a request given as JSON (`{"query": "...", "filters": {...}}`) and returns the
    /// number of hits. Every facet count and the timeline are computed, as in the app.
    pub fn search(&self, request: &str) -> Result<u32, JsError> {
        let req: SearchRequest =
            serde_json::from_str(request).map_err(|e| JsError::new(&e.to_string()))?;
        let r = self.engine.search(&req);
        Ok(r.hits.len() as u32)
    }

    /// The article ids of the first `n` hits of a request, as a JSON array.
    pub fn ids(&self, request: &str, n: usize) -> Result<String, JsError> {
        let req: SearchRequest =
            serde_json::from_str(request).map_err(|e| JsError::new(&e.to_string()))?;
        let r = self.engine.search(&req);
        let ids: Vec<&str> = r
            .hits
            .iter()
            .take(n)
            .map(|&d| self.ids.get(d as usize).map_or("", String::as_str))
            .collect();
        Ok(serde_json::to_string(&ids).expect("strings serialise"))
    }

    /// The number of articles.
    pub fn len(&self) -> usize {
        self.engine.index().len()
    }

    /// True when the index holds no article.
    pub fn is_empty(&self) -> bool {
        self.engine.index().is_empty()
    }
}
