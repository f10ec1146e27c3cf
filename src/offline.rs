//! Offline use: registers the service worker (`sw.js`, written by the build), which keeps
//! every dataset file the app fetches; has it cache the whole dataset, in the background for
//! a dataset up to [`AUTO_SAVE_BYTES`], on request beyond (remembered for later visits), and
//! follows its progress; and offers a new version when one is deployed. The page reloads
//! whenever a new worker takes over, so it never runs old code with new data.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// A dataset up to this size (its files as stored, about a third of it on the wire when a
/// host compresses) is saved for offline use in the background; a larger one when asked.
pub const AUTO_SAVE_BYTES: f64 = 24e6;

const SAVE_ALL_KEY: &str = "nienbieu.saveAll";

/// How much of the app is available offline.
#[derive(Debug, Clone, PartialEq)]
pub enum OfflineState {
    /// No service worker in this browser or context (or not yet known).
    Unavailable,
    /// A small dataset, saved without asking: the worker has not yet said how much is saved.
    Checking,
    /// The app and whatever the visitor has viewed work offline; the whole dataset
    /// (`total` bytes) can be saved on request.
    Partial {
        /// Bytes of the whole dataset, as stored.
        total: f64,
        /// What saving it downloads (its files gzipped), when the dataset says.
        download: Option<f64>,
    },
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
    /// The dataset's size once loaded: stored, downloaded (when known), and the size up to
    /// which it is saved without asking.
    dataset_bytes: RwSignal<Option<(f64, Option<f64>, f64)>>,
    /// True once a worker controls the page.
    controlled: RwSignal<bool>,
    /// The worker's answer: is the whole dataset cached?
    complete: RwSignal<Option<bool>>,
    /// True when this browser has service workers.
    supported: bool,
    /// True when no worker will control the page on this visit (it could not register, its
    /// install failed, or a hard reload bypassed it): the page is online only.
    no_worker: RwSignal<bool>,
}

impl Offline {
    /// Registers the service worker and follows it. Call once, from the root component.
    pub fn start() -> Offline {
        let offline = Offline {
            state: RwSignal::new(OfflineState::Unavailable),
            update_ready: RwSignal::new(false),
            registration: StoredValue::new_local(None),
            dataset_bytes: RwSignal::new(None),
            controlled: RwSignal::new(false),
            complete: RwSignal::new(None),
            supported: js_sys::Reflect::has(
                &window().navigator(),
                &JsValue::from_str("serviceWorker"),
            )
            .unwrap_or(false),
            no_worker: RwSignal::new(false),
        };
        // Once the worker controls the page, says whether everything is cached, and the
        // dataset's size is known: save it all, or offer to.
        Effect::new(move |_| {
            let (Some((total, download, auto)), true, Some(complete)) = (
                offline.dataset_bytes.get(),
                offline.controlled.get(),
                offline.complete.get(),
            ) else {
                return;
            };
            let asked = stored_choice();
            match offline.state.get_untracked() {
                OfflineState::Caching { .. } | OfflineState::Quota | OfflineState::Failed(_) => {}
                _ if complete => offline.state.set(OfflineState::Ready { total }),
                _ if total <= auto || asked => ask_for_data(asked),
                _ => offline.state.set(OfflineState::Partial { total, download }),
            }
        });
        // Browsers without service workers, or contexts that block them, simply stay online.
        if offline.supported {
            spawn_local(async move {
                // Registering takes a task of its own, after the app's first mount.
                crate::data::next_task().await;
                if let Err(e) = offline.register().await {
                    leptos::logging::warn!("service worker: {e:?}");
                    offline.give_up();
                }
            });
        }
        offline
    }

    async fn register(self) -> Result<(), JsValue> {
        let container = window().navigator().service_worker();
        // Whether a worker served this page: only then can a newer one be an update. On a
        // first visit the first worker installs, activates and claims the page within
        // milliseconds; when the page hears of its `installed` state, it may already be in
        // control (the engine and a main thread busy loading decide), so a controller seen
        // then proves nothing.
        let controlled_at_load = container.controller().is_some();
        let had_controller = std::rc::Rc::new(std::cell::Cell::new(controlled_at_load));

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
                self.controlled.set(true);
                ask_status();
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
        // A version is offered when the page was served by a worker and another one is
        // installed and waiting: after a deploy, never on a first visit.
        let offer = move |reg: &ServiceWorkerRegistration| {
            let waiting = reg.waiting();
            let current = window().navigator().service_worker().controller();
            if let (true, Some(waiting), Some(current)) = (controlled_at_load, waiting, current) {
                if !js_sys::Object::is(&waiting, &current) {
                    self.update_ready.set(true);
                }
            }
        };
        offer(&registration);
        let reg = registration.clone();
        let on_update = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = reg.installing() else {
                return;
            };
            let w = worker.clone();
            let reg = reg.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if w.state() == ServiceWorkerState::Installed {
                    offer(&reg);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
        if container.controller().is_some() {
            self.controlled.set(true);
            ask_status();
        } else if let Some(worker) = registration.installing() {
            // A first visit: the worker claims the page once installed, unless its install
            // fails.
            let w = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                let controlled = window().navigator().service_worker().controller().is_some();
                if w.state() == ServiceWorkerState::Redundant && !controlled {
                    self.give_up();
                }
            });
            worker.add_event_listener_with_callback(
                "statechange",
                on_state.as_ref().unchecked_ref(),
            )?;
            on_state.forget();
        } else if registration.waiting().is_none() {
            // An active worker that does not control the page: a hard reload bypassed it, and
            // it will not take the page over on this visit.
            self.give_up();
        }
        Ok(())
    }

    /// No worker will control this page: the offline line made in advance (see
    /// [`Offline::dataset_loaded`]) cannot be kept, and none is made later.
    fn give_up(self) {
        self.no_worker.set(true);
        let state = self.state.get_untracked();
        if matches!(state, OfflineState::Partial { .. } | OfflineState::Checking) {
            self.state.set(OfflineState::Unavailable);
        }
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
            Some("data-ready") => {
                self.complete.set(Some(true));
                self.state.set(OfflineState::Ready {
                    total: number("total"),
                })
            }
            Some("data-status") => self
                .complete
                .set(Some(get("complete").as_bool() == Some(true))),
            Some("data-error") if get("quota").as_bool() == Some(true) => {
                self.state.set(OfflineState::Quota)
            }
            Some("data-error") => self.state.set(OfflineState::Failed(
                get("message").as_string().unwrap_or_default(),
            )),
            _ => {}
        }
    }

    /// Tells the offline logic the loaded dataset's size (as stored, and what saving it
    /// downloads when the dataset says), and the size up to which it is saved without asking
    /// (the dataset's own choice, else [`AUTO_SAVE_BYTES`]).
    ///
    /// The status line is there from the first screen, not from the worker's answer a moment
    /// later: on a phone it makes the header taller, and arriving late it pushed the list down
    /// under the visitor's eyes. A large dataset's offer to save it all is made at once (the
    /// worker then confirms it, or says all is saved after an earlier "save all"); a small
    /// one says it is checking until the worker tells.
    pub fn dataset_loaded(&self, bytes: f64, download: Option<f64>, auto: Option<f64>) {
        let auto = auto.unwrap_or(AUTO_SAVE_BYTES);
        self.dataset_bytes.set(Some((bytes, download, auto)));
        let unknown = self.state.get_untracked() == OfflineState::Unavailable;
        if !self.supported || self.no_worker.get_untracked() || !unknown {
            return;
        }
        self.state.set(if bytes > auto && !stored_choice() {
            OfflineState::Partial {
                total: bytes,
                download,
            }
        } else {
            OfflineState::Checking
        });
    }

    /// Saves the whole dataset for offline use, now and (until it is done) on later visits.
    pub fn save_all(&self) {
        if let Ok(Some(s)) = window().local_storage() {
            let _ = s.set_item(SAVE_ALL_KEY, "1");
        }
        ask_for_data(true);
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

/// True when the visitor asked to save the whole dataset.
fn stored_choice() -> bool {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(SAVE_ALL_KEY).ok().flatten())
        .is_some()
}

/// Asks the controlling worker to cache the dataset (it reports progress in messages):
/// `chosen` when the visitor asked for it, which the worker saves many files at a time; a
/// small dataset saved unasked goes a few at a time, so that the page's own fetches do not
/// share the network with many others.
fn ask_for_data(chosen: bool) {
    if let Some(worker) = window().navigator().service_worker().controller() {
        let message = message("cache-data");
        let _ = js_sys::Reflect::set(&message, &"chosen".into(), &JsValue::from_bool(chosen));
        let _ = worker.post_message(&message);
    }
}

/// Asks the controlling worker whether the whole dataset is cached.
fn ask_status() {
    if let Some(worker) = window().navigator().service_worker().controller() {
        post(&worker, "data-status");
    }
}

/// A message to the worker: `{ type: kind }`.
fn message(kind: &str) -> js_sys::Object {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("type"),
        &JsValue::from_str(kind),
    );
    message
}

fn post(worker: &ServiceWorker, kind: &str) {
    let _ = worker.post_message(&message(kind));
}
