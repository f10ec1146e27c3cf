//! What renders through a split point (`#[wasm_split(..., fallible)]`): a loading note until
//! the module is in, then its view; if the module cannot be fetched, why, with a retry that
//! asks again.

use crate::i18n::{tr, Strings};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;

/// What [`from_module`] shows while the module loads and when it fails.
pub struct ModuleNotes {
    /// The class of the loading note.
    pub loading_class: &'static str,
    /// The loading note's text.
    pub loading: fn(&'static Strings) -> &'static str,
    /// What a failed fetch says.
    pub failed: fn(&'static Strings) -> &'static str,
    /// The failure's test hook.
    pub failed_testid: &'static str,
}

/// The view `load` (a call of a split function) gives, with `notes` while it loads or when its
/// module cannot be fetched. Once the module is in, the view comes at once: no loading note.
pub fn from_module<F, Fut>(load: F, notes: ModuleNotes) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let ModuleNotes {
        loading_class,
        loading,
        failed,
        failed_testid,
    } = notes;
    // Bumped by the retry.
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let load = load();
        view! {
            <Suspense fallback=move || view! { <p class=loading_class role="status">{tr(loading)}</p> }>
                {Suspend::new(async move {
                    match load.await {
                        Ok(v) => v,
                        Err(_) => view! {
                            <div class="reader-note" role="alert" data-testid=failed_testid>
                                <p>{tr(failed)}</p>
                                <button on:click=move |_| attempt.update(|n| *n += 1)>{tr(|s| s.retry)}</button>
                            </div>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        }
    }
}
