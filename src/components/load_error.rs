//! The panel shown when the dataset is missing, corrupt or of another schema version.

use crate::app::use_lang;
use crate::data::LoadError;
use crate::i18n::describe;
use leptos::prelude::*;

/// Explains why the dataset did not load and offers a retry.
#[component]
pub fn LoadErrorPanel(error: LoadError, retry: impl Fn() + 'static) -> impl IntoView {
    let lang = use_lang();
    let message = {
        let error = error.clone();
        move || describe(lang.get(), &error)
    };
    view! {
        <section class="load-error" role="alert" data-testid="load-error">
            <h2>{move || lang.get().t().load_failed}</h2>
            <p>{message}</p>
            <button on:click=move |_| retry()>{move || lang.get().t().retry}</button>
        </section>
    }
}
