//! Keeps several tabs open on the same plan in step. After each write, a tab names the record
//! it wrote on a `BroadcastChannel`; the other tabs read that record back from IndexedDB and
//! replace or drop their copy. Edits then merge field by field instead of a stale tab
//! overwriting, or reviving, what another tab changed.

use atelier_core::Id;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast};

const CHANNEL: &str = "atelier-nr";

/// What changed, as told to the other tabs.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// The plan record itself (name, territory, decisions).
    Plan {
        plan: Id,
    },
    Actor {
        plan: Id,
        id: Id,
    },
    Action {
        plan: Id,
        id: Id,
    },
    /// Many records at once (an import, a delete with relinks): re-read the whole plan.
    Records {
        plan: Id,
    },
    /// A plan was created or removed: re-read the plan list.
    Plans,
}

thread_local! {
    static CHANNEL_HANDLE: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// Opens the channel and calls `on_change` for every change another tab announces.
/// Without `BroadcastChannel` (very old browsers) tabs simply stay independent.
pub fn listen(on_change: impl Fn(Change) + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(change) = ev
                .data()
                .as_string()
                .and_then(|text| serde_json::from_str::<Change>(&text).ok())
            {
                on_change(change);
            }
        });
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the page.
    handler.forget();
    CHANNEL_HANDLE.with(|c| *c.borrow_mut() = Some(channel));
}

/// Tells the other tabs about a change this tab has stored.
pub fn announce(change: &Change) {
    CHANNEL_HANDLE.with(|c| {
        if let (Some(channel), Ok(text)) = (c.borrow().as_ref(), serde_json::to_string(change)) {
            let _ = channel.post_message(&text.into());
        }
    });
}
