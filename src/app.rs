//! The root component: language, dataset loading, and the page layout.

use crate::components::{
    ActiveFilters, FacetPanel, LoadErrorPanel, OfflineStatus, Reader, ResultList, SearchBar,
    Timeline,
};
use crate::data::load_dataset;
use crate::explorer::{use_explorer, Explorer, Nav};
use crate::i18n::{tr, Lang};
use crate::keys;
use crate::offline::Offline;
use crate::views::{ViewNav, ViewScreen};
use leptos::prelude::*;

/// The interface language, shared through context.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// Reads the interface language from context.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<UiLang>().0
}

const LANG_KEY: &str = "nienbieu.lang";

fn stored_lang() -> Option<Lang> {
    let storage = window().local_storage().ok()??;
    Lang::from_tag(&storage.get_item(LANG_KEY).ok()??)
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(stored_lang().unwrap_or(Lang::Vi));
    provide_context(UiLang(lang));
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", l.tag());
        }
        if let Ok(Some(s)) = window().local_storage() {
            let _ = s.set_item(LANG_KEY, l.tag());
        }
    });
    provide_context(Offline::start());
    let dataset = LocalResource::new(load_dataset);

    view! {
        <header class="app-header">
            <div class="brand">
                <h1>{tr(|s| s.app_name)}</h1>
                <p class="tagline">{tr(|s| s.tagline)}</p>
            </div>
            <OfflineStatus />
            <button
                class="lang-switch"
                data-testid="lang-switch"
                lang=move || lang.get().other().tag()
                on:click=move |_| lang.update(|l| *l = l.other())
            >
                {tr(|s| s.switch_language)}
            </button>
        </header>
        <Suspense fallback=move || {
            view! { <p class="status" role="status">{tr(|s| s.loading)}</p> }
        }>
            {move || {
                dataset
                    .get()
                    .map(|loaded| match loaded {
                        Ok(ds) => {
                            expect_context::<Offline>().dataset_loaded(
                                ds.manifest.total_bytes() as f64,
                                ds.manifest.compressed_bytes.map(|b| b as f64),
                                ds.manifest.offline_auto_bytes.map(|b| b as f64),
                            );
                            let ex = Explorer::new(ds);
                            provide_context(crate::views::ViewData::new(ex.data));
                            provide_context(ex);
                            view! { <Screen /> }.into_any()
                        }
                        Err(e) => {
                            view! {
                                <main class="centered">
                                    <LoadErrorPanel error=e retry=move || dataset.refetch() />
                                </main>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}

/// The navigation between the article list and the views, and the one open.
#[component]
fn Screen() -> impl IntoView {
    let ex = use_explorer();
    let in_view = Memo::new(move |_| ex.state.with(|s| s.page.is_some()));
    view! {
        <ViewNav />
        <Show
            when=move || !in_view.get()
            fallback=|| view! { <main class="view-main"><ViewScreen /></main> }
        >
            <ExplorerScreen />
        </Show>
    }
}

/// The explorer screen: search and filters, timeline, results, reader.
#[component]
fn ExplorerScreen() -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let t = move || lang.get().t();
    keys::install(ex);
    let reading = move || ex.open.with(Option::is_some);
    let synthetic = ex.data.with_value(|d| d.manifest.synthetic);
    // Behind the painted screen, the results, the timeline and the facets render in tasks of
    // their own, after the search bar's.
    let results_turn = crate::boot::in_turn(1);
    let timeline_turn = crate::boot::in_turn(2);
    let facets_turn = crate::boot::in_turn(3);
    view! {
        <div class="explorer" class:reading=reading>
            <div class="toolbar">
                <SearchBar />
                <ActiveFilters />
                {(ex.url_cut > 0)
                    .then(|| {
                        view! {
                            <p class="note" role="note" data-testid="filters-cut">
                                {move || (t().filters_cut)(&lang.get().number(ex.url_cut))}
                            </p>
                        }
                    })}
                {synthetic
                    .then(|| {
                        view! {
                            <p class="synthetic-note" role="note">
                                {tr(|s| s.synthetic_note)}
                            </p>
                        }
                    })}
            </div>
            // Open beside the results on a wide screen; folded away above them on a phone,
            // where its hundreds of values are only counted and built (and kept up to date as
            // the visitor types) while it is open: they come a frame after it opens.
            <details
                class="filters-panel"
                class:stale-panels=move || ex.loading.get()
                open=ex.facets_shown.get_untracked()
                on:toggle=move |ev| {
                    let open = event_target::<web_sys::Element>(&ev).has_attribute("open");
                    if open != ex.facets_shown.get_untracked() {
                        ex.facets_shown.set(open);
                    }
                }
            >
                <summary>{tr(|s| s.filters)}</summary>
                <Show when=move || {
                    facets_turn.get() && ex.facets_shown.get()
                        && ex.settled.with(|p| !p.facets.is_empty())
                }>
                    <FacetPanel />
                </Show>
            </details>
            <main class="main-column">
                {move || timeline_turn.get().then(|| view! { <Timeline /> })}
                {move || results_turn.get().then(|| view! { <ResultList /> })}
                <p class="shortcuts">{tr(|s| s.shortcuts)}</p>
            </main>
            <Show when=reading>
                <Reader />
            </Show>
        </div>
    }
}

/// Clears every filter (the query too), keeping the sort.
pub fn clear_all(ex: Explorer) {
    ex.go(Nav::Push, |s| *s = s.cleared());
}
