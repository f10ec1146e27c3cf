//! Loading the dataset over HTTP: the manifest (checking its schema version), then the core
//! layer, which is all the first screen needs; the other layers follow on demand
//! ([`crate::terms`], [`crate::records`]). Every URL is relative to the page, so any sub-path
//! works.
//!
//! index.html starts the same downloads while the wasm is still arriving: it fetches the
//! manifest into `window.nienbieuManifest` (a promise of its text, taken here once) and
//! preloads the core, which the request below then picks up from the preload.

use nienbieu_model::dataset::MANIFEST;
use nienbieu_model::{DatasetError, Engine, IndexError, Manifest};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// Where the app finds its dataset, relative to the page.
pub const DATA_DIR: &str = "data/";

/// Why the dataset could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request for `file` failed (offline, blocked).
    Network {
        /// The file asked for.
        file: String,
        /// What the browser said.
        message: String,
    },
    /// The server answered `file` with an error status (404 when it was never built).
    Http {
        /// The file asked for.
        file: String,
        /// The HTTP status.
        status: u16,
    },
    /// The manifest is corrupt or of another schema version.
    Format(DatasetError),
    /// The core layer is corrupt or of another schema version.
    Index(IndexError),
}

/// A loaded dataset: its manifest and the engine, to which term files are added as they
/// arrive (never while a search borrows it: both happen on the one thread, between events).
pub struct Dataset {
    /// The table of contents.
    pub manifest: Manifest,
    /// The search engine.
    pub engine: RefCell<Engine>,
}

/// How long to wait before each new attempt at a file whose request failed in a way that may
/// pass (no answer, or a 5xx such as the service worker's 503 when its own fetch failed): a
/// phone's connection drops a request now and then, and one lost shard must not leave a search
/// "searching" for good. Not retried: an HTTP 4xx, or a browser that says it is offline.
const RETRY_AFTER_MS: [i32; 2] = [300, 1200];

/// Fetches `file` (relative to the dataset directory), failing on an error status; a failure
/// that may pass is tried again after each of [`RETRY_AFTER_MS`].
pub async fn fetch(file: &str) -> Result<gloo::net::http::Response, LoadError> {
    let url = format!("{DATA_DIR}{file}");
    let mut waits = RETRY_AFTER_MS.iter();
    loop {
        let result = fetch_once(&url).await;
        let passing = match &result {
            Err(LoadError::Network { .. }) => true,
            Err(LoadError::Http { status, .. }) => *status >= 500,
            _ => false,
        };
        match waits.next() {
            Some(&ms) if passing && online() => sleep(ms).await,
            _ => return result,
        }
    }
}

/// How long a request may wait for its answer to begin before it is given up (and, as a
/// failure that may pass, made again): a connection that stalls without failing would
/// otherwise leave its search waiting for good. Ten seconds is some 25 round trips of a slow
/// 3G phone; the body may then take as long as it needs.
const ANSWER_WITHIN_MS: i32 = 10_000;

/// How many requests may start in one task. Starting one costs the main thread some 0.3 to
/// 0.5 ms in Chromium (more with DevTools open), and a prefetch or a new screen of rows can ask
/// for dozens of files at once: started in one task, they made it a long one.
const STARTS_PER_TASK: u32 = 6;

thread_local! {
    /// Requests started in the current task (reset by a zero-delay timer queued by the first).
    static STARTED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Waits until a request may start: the first [`STARTS_PER_TASK`] of a task go at once, the
/// rest in the tasks after it, in the order they asked.
async fn pace() {
    loop {
        let started = STARTED.get();
        if started < STARTS_PER_TASK {
            if started == 0 {
                if let Some(w) = web_sys::window() {
                    let reset = js_sys::Function::from(
                        wasm_bindgen::closure::Closure::once_into_js(|| STARTED.set(0)),
                    );
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&reset, 0);
                }
            }
            STARTED.set(started + 1);
            return;
        }
        next_task().await;
    }
}

async fn fetch_once(url: &str) -> Result<gloo::net::http::Response, LoadError> {
    if let Some(response) = handed(url) {
        return Ok(response);
    }
    pace().await;
    let controller = web_sys::AbortController::new().ok();
    let window = web_sys::window();
    let timer = controller.as_ref().zip(window.as_ref()).and_then(|(c, w)| {
        let abort = js_sys::Function::from(wasm_bindgen::closure::Closure::once_into_js({
            let c = c.clone();
            move || c.abort()
        }));
        w.set_timeout_with_callback_and_timeout_and_arguments_0(&abort, ANSWER_WITHIN_MS)
            .ok()
    });
    let sent = gloo::net::http::Request::get(url)
        .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref())
        .send()
        .await;
    if let (Some(w), Some(t)) = (window, timer) {
        w.clear_timeout_with_handle(t);
    }
    let response = sent.map_err(|e| LoadError::Network {
        file: url.to_string(),
        message: e.to_string(),
    })?;
    if !response.ok() {
        return Err(LoadError::Http {
            file: url.to_string(),
            status: response.status(),
        });
    }
    Ok(response)
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    web_sys::window().is_some_and(|w| w.navigator().on_line())
}

/// Resolves in a task of its own (a zero-delay timer), so that input waiting meanwhile is
/// handled first: a long piece of work split at such points never blocks the page for its
/// whole length.
pub async fn next_task() {
    sleep(0).await;
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The response for `url` that the search before the app fetched (crates/early/js/early.js
/// keeps a copy of each, by URL, in `window.nienbieuHanded`), taken once.
fn handed(url: &str) -> Option<gloo::net::http::Response> {
    let window = web_sys::window()?;
    let map = js_sys::Reflect::get(&window, &JsValue::from_str("nienbieuHanded"))
        .ok()?
        .dyn_into::<js_sys::Map>()
        .ok()?;
    let key = JsValue::from_str(url);
    let response = map.get(&key).dyn_into::<web_sys::Response>().ok()?;
    map.delete(&key);
    Some(response.into())
}

/// Lets go of the responses the search before the app fetched and the app did not take (a
/// query typed over), once the app is in place and no longer needs them.
pub fn forget_handed() {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::delete_property(&w, &JsValue::from_str("nienbieuHanded"));
    }
}

/// The manifest's text as fetched by index.html's start-up script, taken once, so that a retry
/// asks the network again. `None` when the page started no fetch or it failed: the app then
/// fetches the manifest itself, and reports any failure with the file and the reason.
async fn early_manifest() -> Option<String> {
    let window = web_sys::window()?;
    let key = JsValue::from_str("nienbieuManifest");
    let promise = js_sys::Reflect::get(&window, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()
}

/// Fetches the manifest and the core, and builds the engine.
pub async fn load_dataset() -> Result<Rc<Dataset>, LoadError> {
    let network = |file: &str, e: gloo::net::Error| LoadError::Network {
        file: format!("{DATA_DIR}{file}"),
        message: e.to_string(),
    };
    let text = match early_manifest().await {
        Some(text) => text,
        None => fetch(MANIFEST)
            .await?
            .text()
            .await
            .map_err(|e| network(MANIFEST, e))?,
    };
    let manifest = Manifest::decode(&text).map_err(LoadError::Format)?;
    let bytes = fetch(&manifest.core.path)
        .await?
        .binary()
        .await
        .map_err(|e| network(&manifest.core.path, e))?;
    // Decoding the core and rendering the first screen from it each take a task of their
    // own: together they blocked a phone's main thread for some 200 ms.
    next_task().await;
    let engine = Engine::load_core(&bytes).map_err(LoadError::Index)?;
    next_task().await;
    Ok(Rc::new(Dataset {
        manifest,
        engine: RefCell::new(engine),
    }))
}
