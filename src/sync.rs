//! Keeps several tabs open on the same plan in step. After each write, a tab names the record
//! it wrote on a `BroadcastChannel`; the other tabs read that record back from IndexedDB and
//! replace or drop their copy. Edits then merge field by field instead of a stale tab
//! overwriting, or reviving, what another tab changed.

use atelier_core::Id;
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast};

const CHANNEL: &str = "atelier-nr";

/// What changed, as told to the other tabs.
#[derive(Clone, Debug, PartialEq, Eq)]
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

impl Change {
    /// The message text: a kind and ids separated by spaces, e.g. `actor <plan> <id>`. (A
    /// hand-made form rather than serde: it keeps a whole JSON deserialiser out of the wasm.)
    pub fn to_message(&self) -> String {
        match self {
            Change::Plan { plan } => format!("plan {plan}"),
            Change::Actor { plan, id } => format!("actor {plan} {id}"),
            Change::Action { plan, id } => format!("action {plan} {id}"),
            Change::Records { plan } => format!("records {plan}"),
            Change::Plans => "plans".into(),
        }
    }

    /// Inverse of [`Change::to_message`]; `None` for anything else.
    pub fn from_message(text: &str) -> Option<Change> {
        let mut words = text.split(' ');
        let kind = words.next()?;
        let mut id = || words.next().and_then(Id::parse);
        Some(match kind {
            "plan" => Change::Plan { plan: id()? },
            "actor" => Change::Actor {
                plan: id()?,
                id: id()?,
            },
            "action" => Change::Action {
                plan: id()?,
                id: id()?,
            },
            "records" => Change::Records { plan: id()? },
            "plans" => Change::Plans,
            _ => return None,
        })
    }
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
                .and_then(|text| Change::from_message(&text))
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
        if let Some(channel) = c.borrow().as_ref() {
            let _ = channel.post_message(&change.to_message().into());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        let plan = Id::from_random_bytes([1; 16]);
        let id = Id::from_random_bytes([2; 16]);
        for change in [
            Change::Plan { plan },
            Change::Actor { plan, id },
            Change::Action { plan, id },
            Change::Records { plan },
            Change::Plans,
        ] {
            assert_eq!(Change::from_message(&change.to_message()), Some(change));
        }
        assert_eq!(Change::from_message("actor pas-un-id"), None);
    }
}
