//! The root component: language context, dataset loading, and the page layout.

use crate::components::{ArticleList, LoadErrorPanel, Timeline};
use crate::data::load_dataset;
use crate::i18n::Lang;
use leptos::prelude::*;

/// The interface language, shared through context.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// Reads the interface language from context.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<UiLang>().0
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::Vi);
    provide_context(UiLang(lang));
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    let dataset = LocalResource::new(load_dataset);
    let t = move || lang.get().t();

    view! {
        <header class="app-header">
            <div>
                <h1>{move || t().app_name}</h1>
                <p class="tagline">{move || t().tagline}</p>
            </div>
            <button
                class="lang-switch"
                data-testid="lang-switch"
                on:click=move |_| lang.update(|l| *l = l.other())
            >
                {move || t().switch_language}
            </button>
        </header>
        <main>
            <Suspense fallback=move || {
                view! { <p class="status" role="status">{move || t().loading}</p> }
            }>
                {move || {
                    dataset
                        .get()
                        .map(|loaded| match loaded {
                            Ok(ds) => {
                                let result = ds.engine.search(&Default::default());
                                let synthetic = ds.manifest.synthetic;
                                view! {
                                    {synthetic
                                        .then(|| {
                                            view! {
                                                <p class="synthetic-note" role="note">
                                                    {move || t().synthetic_note}
                                                </p>
                                            }
                                        })}
                                    <Timeline timeline=result.timeline.clone() />
                                    <ArticleList dataset=ds hits=result.hits />
                                }
                                    .into_any()
                            }
                            Err(e) => {
                                view! {
                                    <LoadErrorPanel error=e retry=move || dataset.refetch() />
                                }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </main>
    }
}
