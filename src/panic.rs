//! Reports a panic on screen as well as in the console, so a crash never leaves a blank page.

use wasm_bindgen::JsCast;

/// Installs a panic hook that logs to the console and shows the message in the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("panic");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic");
    // Text only: the message may quote scraped data, which is never HTML.
    panel.set_text_content(Some(&format!(
        "Ứng dụng gặp lỗi và đã dừng. Hãy tải lại trang. / The app hit an error and stopped; please reload.\n\n{message}"
    )));
    if let Ok(el) = panel.dyn_into::<web_sys::HtmlElement>() {
        let _ = body.prepend_with_node_1(&el);
    }
}
