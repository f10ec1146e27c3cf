//! The offline status in the header (how much is saved for use without a network, or why it
//! could not be) and the offer to switch to a newly deployed version.

use crate::app::use_lang;
use crate::offline::{Offline, OfflineState};
use leptos::prelude::*;

/// The offline status line and the update banner.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let offline = expect_context::<Offline>();
    let lang = use_lang();
    let state_code = move || match offline.state.get() {
        OfflineState::Unavailable => "unavailable",
        OfflineState::Checking => "checking",
        OfflineState::Partial { .. } => "partial",
        OfflineState::Caching { .. } => "caching",
        OfflineState::Ready { .. } => "ready",
        OfflineState::Quota => "quota",
        OfflineState::Failed(_) => "failed",
    };
    let text = move || {
        let l = lang.get();
        let t = l.t();
        let mb = |b: f64| l.megabytes(b);
        match offline.state.get() {
            OfflineState::Unavailable => String::new(),
            OfflineState::Checking => t.offline_checking.to_string(),
            OfflineState::Partial { .. } => t.offline_partial.to_string(),
            // A share, not bytes: the offer named the download, the worker counts bytes stored.
            OfflineState::Caching { done, total } => {
                (t.offline_caching)((100.0 * done / total.max(1.0)).min(100.0) as u32)
            }
            OfflineState::Ready { total } => (t.offline_ready)(&mb(total)),
            OfflineState::Quota => t.offline_quota.to_string(),
            OfflineState::Failed(e) => (t.offline_failed)(&e),
        }
    };
    view! {
        <div class="offline">
            <p class="offline-status" data-testid="offline-status" data-state=state_code role="status">
                {text}
            </p>
            {move || match offline.state.get() {
                OfflineState::Partial { total, download } => Some(view! {
                    <button class="save-all" data-testid="save-offline" on:click=move |_| offline.save_all()>
                        {move || {
                            let l = lang.get();
                            match download {
                                Some(d) => (l.t().offline_save_all_download)(&l.megabytes(d)),
                                None => (l.t().offline_save_all)(&l.megabytes(total)),
                            }
                        }}
                    </button>
                }),
                _ => None,
            }}
        </div>
        <Show when=move || offline.update_ready.get()>
            <div class="update-banner" data-testid="update-banner" role="alert">
                <span>{move || lang.get().t().update_ready}</span>
                <button data-testid="update-reload" on:click=move |_| offline.apply_update()>
                    {move || lang.get().t().update_reload}
                </button>
            </div>
        </Show>
    }
}
