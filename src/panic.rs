//! Reports a panic on screen as well as in the console, so a crash never leaves a blank page:
//! the panel says what happened, reports the query being searched when it happened (shown
//! there only, stored nowhere), and offers a reload into the last view that searched without
//! trouble, taken from the URL state the explorer last answered.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// The query string of the last view whose search finished.
    static LAST_GOOD: RefCell<String> = const { RefCell::new(String::new()) };
    /// The query being searched, until its search finishes.
    static ATTEMPT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Records that a search for `query` starts.
pub fn attempt(query: &str) {
    ATTEMPT.with(|a| {
        if let Ok(mut a) = a.try_borrow_mut() {
            *a = Some(query.to_string());
        }
    });
}

/// Records that the view with URL query string `state` searched without trouble.
pub fn good(state: String) {
    ATTEMPT.with(|a| {
        if let Ok(mut a) = a.try_borrow_mut() {
            *a = None;
        }
    });
    LAST_GOOD.with(|g| {
        if let Ok(mut g) = g.try_borrow_mut() {
            *g = state;
        }
    });
}

/// Installs a panic hook that logs to the console and shows the report in the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

fn show(message: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    // After a panic the app is dead; a callback that still runs may panic again. The first
    // report is the one that matters.
    if document.get_element_by_id("panic").is_some() {
        return;
    }
    // A panic while the app renders behind the painted first screen: the report must be seen.
    crate::boot::unveil();
    let vi = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .is_none_or(|l| l != "en");
    let t = if vi {
        crate::i18n::Lang::Vi.t()
    } else {
        crate::i18n::Lang::En.t()
    };
    let el = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        // Text only: the message may quote scraped data or a query, which are never HTML.
        e.set_text_content(Some(text));
        Some(e)
    };
    let Some(panel) = el("div", "") else { return };
    panel.set_id("panic");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic");
    let last_good = LAST_GOOD.with(|g| g.try_borrow().map(|g| g.clone()).unwrap_or_default());
    let attempt = ATTEMPT.with(|a| a.try_borrow().ok().and_then(|a| a.clone()));
    let path = window.location().pathname().unwrap_or_default();
    let href = if last_good.is_empty() {
        path
    } else {
        format!("{path}?{last_good}")
    };
    let parts = [
        el("p", t.panic_title),
        attempt.and_then(|q| {
            let p = el("p", &format!("{} ", t.panic_query))?;
            let code = el("code", &q)?;
            let _ = code.set_attribute("data-testid", "panic-query");
            let _ = p.append_child(&code);
            Some(p)
        }),
        el("a", t.panic_reload).inspect(|a| {
            let _ = a.set_attribute("href", &href);
            let _ = a.set_attribute("data-testid", "panic-reload");
        }),
        el("pre", message),
    ];
    for part in parts.into_iter().flatten() {
        let _ = panel.append_child(&part);
    }
    if let Ok(el) = panel.dyn_into::<web_sys::HtmlElement>() {
        let _ = body.prepend_with_node_1(&el);
    }
}
