//! A panic must never leave a silent, dead page: the hook logs it and puts a visible message
//! at the top of the page (built with plain DOM calls, since the app itself may be broken).

use wasm_bindgen::JsCast;

const MESSAGE: &str = "Something went wrong and this page stopped working.";

/// Replaces the default panic handling; safe to call more than once.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("News Blog crashed: {info}").into());
        show_crash_message();
    }));
}

/// Puts the crash message at the top of the page, once.
pub fn show_crash_message() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id("crash-message").is_some() {
        return;
    }
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id("crash-message");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "crash-message");
    banner.set_text_content(Some(MESSAGE));
    if let Ok(reload) = document.create_element("a") {
        let _ = reload.set_attribute("href", "");
        // rel=external keeps the router from treating this as an in-app link.
        let _ = reload.set_attribute("rel", "external");
        reload.set_text_content(Some("Reload the page"));
        let _ = banner.append_child(&reload);
    }
    if let Some(banner) = banner.dyn_ref::<web_sys::HtmlElement>() {
        let _ = body.insert_before(banner, body.first_child().as_ref());
    }
}
