//! Offline use: registers the service worker (`sw.js`, written by the build), asks it to cache
//! the dataset and follows its progress, and offers a new version when one is deployed. The
//! page reloads whenever a new worker takes over, so it never runs old code with new data.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// How much of the app is available offline.
#[derive(Debug, Clone, PartialEq)]
pub enum OfflineState {
    /// No service worker in this browser or context (or not yet known).
    Unavailable,
    /// The dataset is being cached: bytes done of the total.
    Caching {
        /// Bytes cached.
        done: f64,
        /// Bytes in all.
        total: f64,
    },
    /// Everything is cached: the app works without a network.
    Ready {
        /// Bytes cached.
        total: f64,
    },
    /// The browser refused the storage: the app works online only.
    Quota,
    /// Caching failed for another reason (told to the user, retried on the next visit).
    Failed(String),
}

/// The offline status and the update offer, shared through context.
#[derive(Clone, Copy)]
pub struct Offline {
    /// How much is available offline.
    pub state: RwSignal<OfflineState>,
    /// True when a new version is installed and waits for the page to switch to it.
    pub update_ready: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

impl Offline {
    /// Registers the service worker and follows it. Call once, from the root component.
    pub fn start() -> Offline {
        let offline = Offline {
            state: RwSignal::new(OfflineState::Unavailable),
            update_ready: RwSignal::new(false),
            registration: StoredValue::new_local(None),
        };
        let navigator = window().navigator();
        // Browsers without service workers, or contexts that block them, simply stay online.
        let supported =
            js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
        if supported {
            spawn_local(async move {
                if let Err(e) = offline.register().await {
                    leptos::logging::warn!("service worker: {e:?}");
                }
            });
        }
        offline
    }

    async fn register(self) -> Result<(), JsValue> {
        let container = window().navigator().service_worker();
        let had_controller =
            std::rc::Rc::new(std::cell::Cell::new(container.controller().is_some()));

        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                self.message(&e.data());
            });
        container
            .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())?;
        on_message.forget();

        // A new worker took over: after an update, reload so that page, wasm and data are all
        // of the new version; on the first visit, the worker just claimed the page.
        let on_change = Closure::<dyn Fn()>::new(move || {
            if had_controller.replace(true) {
                let _ = window().location().reload();
            } else {
                ask_for_data();
            }
        });
        container.add_event_listener_with_callback(
            "controllerchange",
            on_change.as_ref().unchecked_ref(),
        )?;
        on_change.forget();

        let registration: ServiceWorkerRegistration = JsFuture::from(container.register("./sw.js"))
            .await?
            .dyn_into()?;
        self.registration.set_value(Some(registration.clone()));
        if registration.waiting().is_some() && container.controller().is_some() {
            self.update_ready.set(true);
        }
        let reg = registration.clone();
        let on_update = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = reg.installing() else {
                return;
            };
            let w = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if w.state() == ServiceWorkerState::Installed
                    && window().navigator().service_worker().controller().is_some()
                {
                    self.update_ready.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
        if container.controller().is_some() {
            ask_for_data();
        }
        Ok(())
    }

    fn message(self, data: &JsValue) {
        let get = |k: &str| {
            js_sys::Reflect::get(data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
        };
        let number = |k: &str| get(k).as_f64().unwrap_or(0.0);
        match get("type").as_string().as_deref() {
            Some("data-progress") => self.state.set(OfflineState::Caching {
                done: number("done"),
                total: number("total"),
            }),
            Some("data-ready") => self.state.set(OfflineState::Ready {
                total: number("total"),
            }),
            Some("data-error") if get("quota").as_bool() == Some(true) => {
                self.state.set(OfflineState::Quota)
            }
            Some("data-error") => self.state.set(OfflineState::Failed(
                get("message").as_string().unwrap_or_default(),
            )),
            _ => {}
        }
    }

    /// Switches to the waiting version: the worker takes over and the page reloads.
    pub fn apply_update(&self) {
        let waiting = self
            .registration
            .with_value(|r| r.as_ref().and_then(|r| r.waiting()));
        if let Some(worker) = waiting {
            post(&worker, "skip-waiting");
        }
    }
}

/// Asks the controlling worker to cache the dataset (it reports progress in messages).
fn ask_for_data() {
    if let Some(worker) = window().navigator().service_worker().controller() {
        post(&worker, "cache-data");
    }
}

fn post(worker: &ServiceWorker, kind: &str) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("type"),
        &JsValue::from_str(kind),
    );
    let _ = worker.post_message(&message);
}
